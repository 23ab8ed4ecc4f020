package check

import (
	"reflect"
	"slices"
	"testing"

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
