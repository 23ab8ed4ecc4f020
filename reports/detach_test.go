package reports

import (
	"strings"
	"testing"
	"unsafe"
)

// TestDetach: after Detach, the strings cut from a document's text hold
// copies (not the text's array), with the same values; equal strings
// share one copy; an evidence slice the document shares is not changed.
func TestDetach(t *testing.T) {
	text := strings.Repeat("售后服务政策", 1000) + "第一章 退换货" + "保修期内"
	heading := text[len(text)-len("第一章 退换货保修期内") : len(text)-len("保修期内")]
	item := text[len(text)-len("保修期内"):]
	shared := []string{heading}
	d := Document{
		Facts:       []Fact{{Section: heading, Item: item, Scope: &Scope{Part: item, Product: item}}, {Section: heading}},
		Findings:    []Finding{{Section: heading}},
		Sections:    []Section{{Title: heading}},
		B2BEvidence: shared,
	}
	d.Detach()
	inText := func(s string) bool {
		p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
		return p >= lo && p < lo+uintptr(len(text))
	}
	for name, s := range map[string]string{
		"fact section": d.Facts[0].Section, "fact item": d.Facts[0].Item, "scope part": d.Facts[0].Scope.Part, "scope product": d.Facts[0].Scope.Product,
		"second fact section": d.Facts[1].Section, "finding section": d.Findings[0].Section,
		"section title": d.Sections[0].Title, "b2b evidence": d.B2BEvidence[0],
	} {
		if inText(s) {
			t.Errorf("%s still points into the document's text", name)
		}
		if s != heading && s != item {
			t.Errorf("%s changed to %q", name, s)
		}
	}
	if unsafe.StringData(d.Facts[0].Section) != unsafe.StringData(d.Findings[0].Section) {
		t.Error("equal strings were copied twice")
	}
	if !inText(shared[0]) {
		t.Error("the shared evidence slice was changed")
	}
}

// A scope in a few words: the product first, the part left to the item.
func TestScopeString(t *testing.T) {
	for _, tc := range []struct {
		s    *Scope
		want string
	}{
		{nil, ""},
		{&Scope{Product: "柜机"}, "柜机"},
		{&Scope{Region: "北京", Severity: "重大故障", Part: "压缩机"}, "北京·重大故障"},
		{&Scope{Tier: "合同客户", Share: 95, Condition: "正常使用"}, "合同客户·95%·正常使用"},
	} {
		if got := tc.s.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.s, got, tc.want)
		}
	}
}
