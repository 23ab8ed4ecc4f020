package check

import (
	"shouhou/reports"
	"shouhou/rules"
)

// Require: the document must state a topic.
const Require = "require"

// RequireParams say what satisfies the rule: a fact of one of Topics, or
// a clause its patterns match.
type RequireParams struct {
	rules.Patterns `yaml:",inline"`
	Topics         []reports.Topic `yaml:"topics,omitempty,flow"`
}

type require struct{}

func (require) Name() string { return Require }
func (require) Params() any  { return &RequireParams{} }

func (require) Validate(r *rules.Rule, bad rules.Bad) {
	p := params[RequireParams](r)
	if len(p.Topics) == 0 && len(p.Patterns.Patterns) == 0 {
		bad("topics", "require needs topics or patterns")
	}
	for _, t := range p.Topics {
		if _, ok := rules.TopicNames[t]; !ok {
			bad("topics", "topics: %q is not a topic of docs/contract.md", t)
		}
	}
}

// goodsTopics are terms only a seller of goods owes: a cleaning or repair
// service is not asked for a return window.
var goodsTopics = map[reports.Topic]bool{reports.ReturnWindow: true, reports.ExchangeWindow: true, reports.WarrantyPeriod: true, reports.PartsWarranty: true}

// asksOfGoods reports a require rule satisfied only by goods terms.
func asksOfGoods(p *RequireParams) bool {
	if len(p.Topics) == 0 {
		return false
	}
	for _, t := range p.Topics {
		if !goodsTopics[t] {
			return false
		}
	}
	return true
}

// unasked reports a require rule all of whose topics the page is not
// asked for (see Context.Unasked).
func unasked(p *RequireParams, no map[reports.Topic]bool) bool {
	if len(p.Topics) == 0 || len(no) == 0 {
		return false
	}
	for _, t := range p.Topics {
		if !no[t] {
			return false
		}
	}
	return true
}

// Run asks a document whose after-sales terms make promises for the
// topic; terms only a seller of goods owes are asked only of one.
func (require) Run(d Doc, r *rules.Rule) []reports.Finding {
	p := params[RequireParams](r)
	c := d.Context()
	if !c.Commitment || asksOfGoods(p) && !c.SellsGoods() || unasked(p, c.Unasked) {
		return nil
	}
	for _, t := range p.Topics {
		if c.Topics[t] {
			return nil
		}
	}
	for i, cl := range d.Clauses() {
		if len(p.Patterns.Patterns) > 0 && d.MayMatch(r, i) && r.Match(cl.Text.S) != nil {
			return nil
		}
	}
	msg := expand(r.Message, map[string]string{"topic": rules.TopicNames[r.Topic]})
	if r.Unverified() {
		msg += rules.UnverifiedNote
	}
	return []reports.Finding{{
		Rule: r.ID, Topic: r.Topic, Severity: r.Severity, Status: reports.Missing, Message: msg,
		Basis: r.BasisStrings(), Title: r.Title, Fix: r.Fix,
	}}
}
