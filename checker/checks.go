package checker

import (
	"shouhou/checker/check"
	"shouhou/checker/clause"
	"shouhou/reports"
	"shouhou/rules"
)

// checkDoc is a document under audit as the check kinds see it
// (check.Doc): the rules loop runs check.Get(r.Check).Run on it.
type checkDoc struct {
	*doc
	ctx check.Context
}

func (c *checkDoc) Clauses() []clause.Clause { return c.clauses }

func (c *checkDoc) Facts() []check.Fact { return c.facts }

func (c *checkDoc) Context() *check.Context { return &c.ctx }

func (c *checkDoc) Finding(r *rules.Rule, status reports.Status, msg string, ci, off int) reports.Finding {
	return c.finding(r, status, msg, ci, off)
}

func (c *checkDoc) Place(ci, off int) reports.Place { return c.place(ci, off) }

func (c *checkDoc) MatchAt(r *rules.Rule, i int) ([]int, string) { return c.matchAt(r, i) }

func (c *checkDoc) MayMatch(r *rules.Rule, i int) bool { return c.mayMatch(r, i) }

// readsListItems reports a rule that reads list items under their lead-in
// (whole.go's matchAt).
var readsListItems = check.ReadsListItems
