package terms

import (
	"strings"
	"testing"

	"shouhou/lexicon/duration"
	"shouhou/reports"
)

func TestLoad(t *testing.T) {
	l := Load()
	want := []reports.Topic{reports.ResponseTime, reports.OnsiteTime, reports.ResolutionTime, reports.RepairTime, reports.RefundTime,
		reports.ReturnWindow, reports.ExchangeWindow, reports.WarrantyPeriod, reports.PartsWarranty, reports.SparePartsPeriod}
	for _, tp := range want {
		if _, ok := l.Topics[tp]; !ok {
			t.Errorf("topic %s missing", tp)
		}
	}
	if got := l.CueTopics()["退换货"]; len(got) != 2 {
		t.Errorf("退换货 signals %v, want both windows", got)
	}
	if got := l.CueTopics()["保修期"]; len(got) != 1 || got[0] != reports.WarrantyPeriod {
		t.Errorf("保修期 signals %v", got)
	}
	cues := l.Cues()
	for i := 1; i < len(cues); i++ {
		if len(cues[i]) > len(cues[i-1]) {
			t.Fatalf("Cues not longest first at %d: %q after %q", i, cues[i], cues[i-1])
		}
	}
}

func TestCueInTwoTopicsIsDeliberate(t *testing.T) {
	// A cue listed under two topics would make facts ambiguous; shared cues
	// must be declared under shared: instead.
	l := Load()
	seen := map[string]reports.Topic{}
	for name, tp := range l.Topics {
		for _, c := range tp.Cues {
			if other, ok := seen[c]; ok {
				t.Errorf("cue %s is in %s and %s", c, other, name)
			}
			seen[c] = name
		}
	}
}

func TestParseRejectsUnknownFields(t *testing.T) {
	if _, err := parse([]byte("topics: {}\nblokers: [x]\n")); err == nil {
		t.Error("unknown field accepted")
	}
	if _, err := parse([]byte("topics: {a: {kind: sometimes}}\n")); err == nil {
		t.Error("bad kind accepted")
	}
}

func TestLeadPredicate(t *testing.T) {
	l := Load()
	cases := []struct{ in, want string }{
		{"以下商品不支持七天无理由退货", "不支持七天无理由退货"},
		{"一、下列几类商品不参与7天无理由退货", "不参与7天无理由退货"},
		{"属于下列情况的,本公司不提供免费维修", ",本公司不提供免费维修"},
		{"不适用无理由退货的商品包括", "不适用无理由退货"},
		{"2、不支持7天无理由退货的商品主要有", "不支持7天无理由退货"},
		{"退货时,不予退换的情形如下", "不予退换"},
		// no list, or nothing said of its items
		{"服务热线", ""},
		{"退货的商品包括", ""},
		{"以下", ""},
	}
	for _, c := range cases {
		got, ok := l.LeadPredicate(c.in)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("LeadPredicate(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestTopicUnitBounds(t *testing.T) {
	topics := Load().Topics
	for _, tc := range []struct {
		topic reports.Topic
		unit  duration.Unit
		fits  bool
	}{
		{"warranty_period", duration.Year, true},
		{"warranty_period", duration.Day, true},
		{"warranty_period", duration.Hour, false},
		{"parts_warranty", duration.WorkHour, false},
		{"onsite_time", duration.Hour, true},
		{"onsite_time", duration.Lifetime, false},
		{"return_window", duration.Hour, true},
		{"return_window", duration.Lifetime, false},
		{"training", duration.Hour, true},
	} {
		if got := topics[tc.topic].Fits(tc.unit); got != tc.fits {
			t.Errorf("%s in %s: Fits = %v, want %v", tc.topic, tc.unit, got, tc.fits)
		}
	}
	if _, err := parse([]byte("topics: {a: {kind: window, shortest: fortnight}}\n")); err == nil || !strings.Contains(err.Error(), "fortnight") {
		t.Errorf("an unknown unit bound: error = %v, want one naming it", err)
	}
}
