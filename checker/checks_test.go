package checker

import (
	"testing"

	"shouhou/rules"
)

// TestEveryCheckKindRuns: every check kind of the rulebook has a run
// registered, so a kind added to rules without one fails here rather
// than at the first document.
func TestEveryCheckKindRuns(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{rules.Threshold, rules.Forbid, rules.Placeholder, rules.Require, rules.Profile, rules.Ratio, rules.Consistent, rules.Notice} {
		if checks[k] == nil {
			t.Errorf("check kind %s has no run", k)
		}
	}
	for _, r := range book.Rules {
		if checks[r.Check] == nil {
			t.Errorf("rule %s: check kind %s has no run", r.ID, r.Check)
		}
	}
}
