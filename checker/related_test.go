package checker

import (
	"testing"

	"shouhou/checker/reader"
	"shouhou/reports"
	"shouhou/rules"
)

// Findings that rest on two places name both: the contradiction's earlier
// clause, the budget a deposit is measured against.
func TestRelatedPlaces(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	a := New(book)
	cases := []struct {
		name              string
		kind              reports.Kind
		text, rule        string
		status            reports.Status
		line, relatedLine int
	}{
		{"contradiction", "policy", "售后服务政策\n退货期限为7天。\n保修期一年。\n退货期限为15天。\n", "CPL-CONFLICT", reports.Unclear, 4, 2},
		{"deposit against the budget", "tender", "采购预算：人民币100万元。\n\n投标保证金：人民币3万元。\n", "TND-DEPOSIT-2PCT", reports.Violation, 3, 1},
	}
	for _, c := range cases {
		src, err := reader.Parse("t.txt", []byte(c.text), "text", reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got *reports.Finding
		doc := a.Audit(src, c.kind)
		for i, f := range doc.Findings {
			if f.Rule == c.rule {
				got = &doc.Findings[i]
			}
		}
		if got == nil {
			t.Errorf("%s: no %s in %+v", c.name, c.rule, doc.Findings)
			continue
		}
		if got.Status != c.status || got.Line != c.line || len(got.Related) != 1 || got.Related[0].Line != c.relatedLine || got.Related[0].Evidence == "" {
			t.Errorf("%s: %s at line %d, related %+v; want %s at line %d, related line %d", c.name, got.Status, got.Line, got.Related, c.status, c.line, c.relatedLine)
		}
	}
}
