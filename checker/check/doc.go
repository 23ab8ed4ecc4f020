package check

import (
	"strings"

	"shouhou/checker/clause"
	"shouhou/checker/facts"
	"shouhou/reports"
	"shouhou/rules"
)

// Doc is what a check sees of the document under audit: its clauses and
// facts, what was worked out of it before the rules ran, and how to
// locate and report a finding. checker's audit implements it.
type Doc interface {
	Clauses() []clause.Clause
	// Facts are the document's facts in reading order.
	Facts() []Fact
	Context() *Context
	// Finding builds r's finding at byte off of clause ci's normalized
	// text. A clause r may not judge gives a finding without a status,
	// which the audit drops.
	Finding(r *rules.Rule, status reports.Status, msg string, ci, off int) reports.Finding
	// Place is clause ci's spot at byte off of its normalized text, with
	// the clause as evidence.
	Place(ci, off int) reports.Place
	// MatchAt finds r's pattern match in clause i — or across clause i
	// and the next, or in a list item read under its lead-in — and
	// returns its range in the text it returns.
	MatchAt(r *rules.Rule, i int) ([]int, string)
	// MayMatch reports whether r's patterns may match clause i (the
	// rulebook's literal prefilter).
	MayMatch(r *rules.Rule, i int) bool
}

// Fact is a fact with the index of the clause it came from.
type Fact struct {
	facts.Fact
	Clause int
	// LadderStep marks the exchange a 三包 ladder's shorter step grants
	// beside return (七日内可退换货；十五日内可换货): the document says it, so
	// it is a fact, but the ladder is one policy and the step contradicts
	// no longer exchange window of the same scope.
	LadderStep bool
}

// Context is what a check may know of the document beyond its clauses
// and facts: worked out once per document, before the rules run.
type Context struct {
	Topics     map[reports.Topic]bool // topics the document states
	Commitment bool                   // its after-sales clauses make promises (not only describe)
	// Unasked are topics the page is not asked to state: its title names
	// another part of the after-sales terms (a refund page, a warranty page).
	Unasked map[reports.Topic]bool
	// SellsGoods reports whether its after-sales clauses speak of goods
	// sold; asked only when needed.
	SellsGoods   func() bool
	Category     *rules.Category // the product category's profile, if any
	ProductWords []string        // words naming a product category
	// Jurisdiction the document is under, and the words that told.
	Jurisdiction         string
	JurisdictionEvidence []string
}

// expand fills a message template's {name} fields.
func expand(tmpl string, vars map[string]string) string {
	for k, v := range vars {
		tmpl = strings.ReplaceAll(tmpl, "{"+k+"}", v)
	}
	return tmpl
}

// phraseStart is where the phrase holding byte off of s begins: after the
// last comma or semicolon before it.
func phraseStart(s string, off int) int {
	return strings.LastIndexAny(s[:off], ",;") + 1
}

// params returns rule r's parameters as the kind's struct P.
func params[P any](r *rules.Rule) *P { return r.Params.(*P) }
