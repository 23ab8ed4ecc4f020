package checker

import (
	"fmt"

	"shouhou/checker/reader"
	"shouhou/rules"
)

// ExampleFailure is a rule example that did not behave: a bad example the
// rule did not flag, or a good one it did.
type ExampleFailure struct {
	Rule, Example string
	Bad           bool // the example was a bad one
	Err           error
}

func (f ExampleFailure) String() string {
	if f.Err != nil {
		return fmt.Sprintf("%s: example %q: %v", f.Rule, f.Example, f.Err)
	}
	if f.Bad {
		return fmt.Sprintf("%s: bad example not flagged: %s", f.Rule, f.Example)
	}
	return fmt.Sprintf("%s: good example flagged: %s", f.Rule, f.Example)
}

// RunExamples runs every rule's own examples through the whole pipeline
// (read, normalize, clauses, facts, rules): each bad example must raise
// the rule, each good one must not. It returns the failures and how many
// examples ran. This is shouhou rules test, and the suite's own test.
func RunExamples(book *rules.Book) (failures []ExampleFailure, ran int) {
	a := New(book)
	for _, r := range book.Rules {
		for _, bad := range []bool{true, false} {
			examples := r.Examples.Good
			if bad {
				examples = r.Examples.Bad
			}
			for _, ex := range examples {
				ran++
				got, err := raises(a, r, ex)
				if err != nil || got != bad {
					failures = append(failures, ExampleFailure{Rule: r.ID, Example: ex, Bad: bad, Err: err})
				}
			}
		}
	}
	return failures, ran
}

func raises(a *Auditor, r *rules.Rule, text string) (bool, error) {
	src, err := reader.Parse("example.txt", []byte(text), "text", reader.Options{})
	if err != nil {
		return false, err
	}
	for _, f := range a.Audit(src, r.AppliesTo[0]).Findings {
		if f.Rule == r.ID {
			return true, nil
		}
	}
	return false, nil
}
