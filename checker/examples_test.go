package checker

import (
	"testing"

	"shouhou/checker/reader"
	"shouhou/rules"
)

// TestRuleExamples runs every built-in rule's own examples through the
// whole pipeline: each bad example must raise the rule, each good one must
// not.
func TestRuleExamples(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	a := New(book)
	for _, r := range book.Rules {
		for _, ex := range r.Examples.Bad {
			if !raises(t, a, r, ex) {
				t.Errorf("%s: bad example not flagged: %s", r.ID, ex)
			}
		}
		for _, ex := range r.Examples.Good {
			if raises(t, a, r, ex) {
				t.Errorf("%s: good example flagged: %s", r.ID, ex)
			}
		}
	}
}

func raises(t *testing.T, a *Auditor, r *rules.Rule, text string) bool {
	t.Helper()
	src, err := reader.Parse("example.txt", []byte(text), "text", reader.Options{})
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	for _, f := range a.Audit(src, r.AppliesTo[0]).Findings {
		if f.Rule == r.ID {
			return true
		}
	}
	return false
}
