package checker

import (
	"shouhou/checker/clause"
	"shouhou/reports"
	"shouhou/rules"
)

// docContext is what a check may know of the document beyond its clauses
// and facts: worked out once per document, before the rules run.
type docContext struct {
	topics       map[string]bool // topics the document states
	policy       []clause.Clause // its after-sales clauses
	commitment   bool            // they make promises (not only describe)
	category     *rules.Category // the product category's profile, if any
	productWords []string
}

// checks runs each check kind (rules.Check) on a document: the one place
// a kind's run is registered. A kind's validation is in rules (compile).
var checks = map[string]func(d *doc, r *rules.Rule, c *docContext) []reports.Finding{
	rules.Threshold:   func(d *doc, r *rules.Rule, _ *docContext) []reports.Finding { return d.threshold(r) },
	rules.Forbid:      func(d *doc, r *rules.Rule, _ *docContext) []reports.Finding { return d.forbid(r) },
	rules.Placeholder: func(d *doc, r *rules.Rule, _ *docContext) []reports.Finding { return d.placeholder(r) },
	rules.Require: func(d *doc, r *rules.Rule, c *docContext) []reports.Finding {
		if c.commitment && (sellsGoods(c.policy) || !asksOfGoods(r)) {
			return d.require(r, c.topics)
		}
		return nil
	},
	rules.Consistent: func(d *doc, r *rules.Rule, c *docContext) []reports.Finding { return d.consistent(r, c.productWords) },
	rules.Ratio:      func(d *doc, r *rules.Rule, _ *docContext) []reports.Finding { return d.ratio(r) },
	rules.Profile: func(d *doc, r *rules.Rule, c *docContext) []reports.Finding {
		if c.category != nil {
			return d.profile(r, c.category)
		}
		return nil
	},
	rules.Notice: func(d *doc, r *rules.Rule, _ *docContext) []reports.Finding {
		if d.u.Jurisdiction != rules.Mainland {
			return []reports.Finding{d.notice(r)}
		}
		return nil
	},
}
