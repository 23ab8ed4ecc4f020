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
	// Variant says the example was generated from one the rule lists.
	Variant bool
}

func (f ExampleFailure) String() string {
	if f.Err != nil {
		return fmt.Sprintf("%s: example %q: %v", f.Rule, f.Example, f.Err)
	}
	what := "example"
	if f.Variant {
		what = "variant"
	}
	if f.Bad {
		return fmt.Sprintf("%s: bad %s not flagged: %s", f.Rule, what, f.Example)
	}
	return fmt.Sprintf("%s: good %s flagged: %s", f.Rule, what, f.Example)
}

// RunExamples runs every rule's own examples through the whole pipeline
// (read, normalize, clauses, facts, rules): each bad example must raise
// the rule, each good one must not. Examples of forbid and placeholder
// rules also run in their Variants (full-width and half-width
// punctuation, Traditional characters, inserted spaces, the rule's
// synonyms for bad examples), which must behave alike. It returns the
// failures, how many examples ran and how many of those were generated.
// This is shouhou rules test, and the suite's own test.
func RunExamples(book *rules.Book) (failures []ExampleFailure, ran, generated int) {
	a := New(book)
	for _, r := range book.Rules {
		for _, bad := range []bool{true, false} {
			examples := r.Examples.Good
			if bad {
				examples = r.Examples.Bad
			}
			for _, ex := range examples {
				texts := []string{ex}
				if s, ok := r.Params.(rules.Synonymous); ok {
					var syn [][]string
					if bad {
						syn = s.SynonymGroups()
					}
					vs := Variants(ex, syn)
					generated += len(vs)
					texts = append(texts, vs...)
				}
				for i, text := range texts {
					ran++
					got, err := raises(a, r, text)
					if err != nil || got != bad {
						failures = append(failures, ExampleFailure{Rule: r.ID, Example: text, Bad: bad, Err: err, Variant: i > 0})
					}
				}
			}
		}
	}
	return failures, ran, generated
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
