package checker

import (
	"testing"

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
	failures, ran, generated := RunExamples(book)
	for _, f := range failures {
		t.Error(f)
	}
	if ran < 2*len(book.Rules) {
		t.Errorf("only %d examples for %d rules", ran, len(book.Rules))
	}
	if generated < ran/2 {
		t.Errorf("only %d of %d examples generated: forbid rules' examples have variants", generated, ran)
	}
}
