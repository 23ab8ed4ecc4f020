package rules

import "sync"

//go:generate go run -tags genbook ./internal/genbook -o ../checker/check/builtin_gen.go

// Prepared is the built-in rulebook decoded and validated at go generate
// time, as Go literals: parsing the YAML was the largest part of a
// one-document run's start. rules/internal/genbook writes it into
// checker/check (the package that knows the kinds' parameter types),
// which hands it over with UsePrepared when it is linked.
type Prepared struct {
	// Version is the Book.Version of the YAML files it was made from:
	// Builtin uses the prepared rules only while the embedded files still
	// hash to it.
	Version string
	// Rules are the validated rules in id order.
	Rules []*Rule
	// Normalized are, rule by rule, the normalized Patterns, With and
	// Without of a rule's patterns; nil where they are the patterns as
	// written, or the rule has none.
	Normalized []*[3][]string

	once sync.Once
}

var preparedBook *Prepared

// UsePrepared makes p the prepared form of the built-in rulebook. The
// generated checker/check/builtin_gen.go calls it at init.
func UsePrepared(p *Prepared) { preparedBook = p }

// book returns a Book over p's rules. The rules are copies, so a caller
// may change one without changing the next book; their parameters and
// patterns are shared, read only.
func (p *Prepared) book() *Book {
	p.once.Do(func() {
		for i, r := range p.Rules {
			if ps, ok := r.Params.(patternSet); ok {
				var n *[3][]string
				if i < len(p.Normalized) {
					n = p.Normalized[i]
				}
				r.pat = ps.PatternSet()
				r.pat.prepare(n)
			}
		}
	})
	b := &Book{Version: p.Version, Rules: make([]*Rule, len(p.Rules)), byID: make(map[string]*Rule, len(p.Rules))}
	for i, r := range p.Rules {
		c := *r
		b.Rules[i] = &c
		b.byID[c.ID] = &c
	}
	return b
}
