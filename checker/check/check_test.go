package check

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"shouhou/lexicon/periods"
	"shouhou/rules"
)

// TestEveryCheckKindRuns: every kind is registered with rules under its
// name, in the registry's order, with a parameter struct; and every
// built-in rule's kind is one of them, its parameters of that kind's
// struct.
func TestEveryCheckKindRuns(t *testing.T) {
	if got := rules.KindNames(); !slices.Equal(got, Names()) {
		t.Errorf("rules knows kinds %v, the registry has %v", got, Names())
	}
	for _, k := range kinds {
		if Get(k.Name()) != k {
			t.Errorf("kind %s is not found by its name", k.Name())
		}
		if p := reflect.TypeOf(k.Params()); p.Kind() != reflect.Pointer || p.Elem().Kind() != reflect.Struct {
			t.Errorf("kind %s: parameters %v are not a pointer to a struct", k.Name(), p)
		}
	}
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, r := range book.Rules {
		k := Get(r.Check)
		if k == nil {
			t.Errorf("rule %s: check kind %s has no run", r.ID, r.Check)
			continue
		}
		used[r.Check] = true
		if reflect.TypeOf(r.Params) != reflect.TypeOf(k.Params()) {
			t.Errorf("rule %s: parameters %T, kind %s makes %T", r.ID, r.Params, r.Check, k.Params())
		}
	}
	for _, n := range Names() {
		if !used[n] {
			t.Errorf("no built-in rule uses check kind %s: its run is never tried", n)
		}
	}
}

// TestPeriodWordsAreData: the consistent check reads its words from
// lexicon/periods: each common word leaves no subject, each free-repair
// word makes a free-repair promise, each qualifier names its right.
func TestPeriodWordsAreData(t *testing.T) {
	l := periods.Must()
	for _, w := range l.CommonWords {
		if s := subject(w); s != "" {
			t.Errorf("subject(%q) = %q, want nothing", w, s)
		}
	}
	if subject("大家电保修三年") == "" {
		t.Error("a product word was taken out as a common word")
	}
	for _, w := range l.FreeRepair {
		if p := promise("整机" + w + "一年"); p != "free-repair" {
			t.Errorf("promise(%q) = %q", w, p)
		}
	}
	if promise("整机质保一年") != "" {
		t.Error("the quality guarantee is no free-repair promise")
	}
	for want, words := range map[string][]string{"no-reason": l.Qualifiers.NoReason, "non-quality": l.Qualifiers.NonQuality, "quality": l.Qualifiers.Quality} {
		for _, w := range words {
			if q := qualifiers("七日内" + w + "可退货"); !strings.Contains(q, want) || want == "quality" && strings.Contains(q, "non-quality") {
				t.Errorf("qualifiers(%q) = %q, want %s", w, q, want)
			}
		}
	}
}
