package anyof

import "testing"

func TestAny(t *testing.T) {
	ws := []string{"退货", "换货"}
	cases := []struct {
		s                      string
		contains, prefix, suff bool
	}{
		{"七日内可退货", true, false, true},
		{"换货请联系客服", true, true, false},
		{"保修一年", false, false, false},
		{"", false, false, false},
	}
	for _, c := range cases {
		if got := In(c.s, ws...); got != c.contains {
			t.Errorf("In(%q) = %v", c.s, got)
		}
		if got := Prefix(c.s, ws...); got != c.prefix {
			t.Errorf("Prefix(%q) = %v", c.s, got)
		}
		if got := Suffix(c.s, ws...); got != c.suff {
			t.Errorf("Suffix(%q) = %v", c.s, got)
		}
	}
	if In("退货") || Prefix("退货") || Suffix("退货") {
		t.Error("no words: nothing matches")
	}
}
