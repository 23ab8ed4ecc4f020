package terms

import "testing"

func TestLoad(t *testing.T) {
	l := Load()
	want := []string{"response_time", "onsite_time", "resolution_time", "repair_time", "refund_time",
		"return_window", "exchange_window", "warranty_period", "parts_warranty", "spare_parts_period"}
	for _, tp := range want {
		if _, ok := l.Topics[tp]; !ok {
			t.Errorf("topic %s missing", tp)
		}
	}
	if got := l.CueTopics()["退换货"]; len(got) != 2 {
		t.Errorf("退换货 signals %v, want both windows", got)
	}
	if got := l.CueTopics()["保修期"]; len(got) != 1 || got[0] != "warranty_period" {
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
	seen := map[string]string{}
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
