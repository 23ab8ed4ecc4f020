package check

import (
	"fmt"
	"math"
	"strings"

	"shouhou/lexicon/money"
	"shouhou/reports"
	"shouhou/rules"
)

// Ratio: a money fact must stay within a share of another (deposit <= 2%
// of budget).
const Ratio = "ratio"

// RatioParams are the share (max, in percent) and the money topic it is
// taken of (of: budget).
type RatioParams struct {
	Max *Share        `yaml:"max,omitempty,flow"`
	Of  reports.Topic `yaml:"of,omitempty"`
}

// Share is a ratio rule's limit: {value: 2, unit: percent}.
type Share struct {
	Value float64    `yaml:"value"`
	Unit  money.Unit `yaml:"unit"`
}

type ratio struct{}

func (ratio) Name() string { return Ratio }
func (ratio) Params() any  { return &RatioParams{} }

func (ratio) Validate(r *rules.Rule, bad rules.Bad) {
	p := params[RatioParams](r)
	if p.Max == nil || p.Max.Unit != money.Percent || p.Max.Value <= 0 {
		bad("max", "ratio needs max: {value: N, unit: percent}")
	}
	if !rules.IsMoneyTopic(r.Topic) || !rules.IsMoneyTopic(p.Of) || p.Of == r.Topic {
		bad("of", "ratio judges one money topic (%s) against another given by of:, not %q of %q", strings.Join(rules.MoneyTopicList(), ", "), r.Topic, p.Of)
	}
}

// Run judges a money fact as a share of another topic's sum: a
// percentage as it stands, a sum against the largest base the document
// states (a deposit of 5万元 against a budget of 100万元). With no base
// stated a sum cannot be judged. The largest base is the kindest reading
// when a tender states several (lots, or a budget and a ceiling price),
// and a contract never exceeds its budget, so a bond over 10% of the
// budget is over 10% of the contract too.
func (ratio) Run(d Doc, r *rules.Rule) []reports.Finding {
	p := params[RatioParams](r)
	fs := d.Facts()
	var base *Fact
	for i, f := range fs {
		if f.Topic == p.Of && f.Money != nil && f.Money.Unit == money.Yuan && f.Money.Positive() && (base == nil || f.Money.Cmp(base.Money.Amount) > 0) {
			base = &fs[i]
		}
	}
	limit := money.Percentage(p.Max.Value)
	var out []reports.Finding
	for _, f := range fs {
		if f.Topic != r.Topic || f.Money == nil {
			continue
		}
		share, stated := f.Money.Float(), f.Money.String()
		var related []reports.Place
		switch f.Money.Unit {
		case money.Percent:
		case money.Yuan:
			if base == nil {
				continue
			}
			share = f.Money.Float() / base.Money.Float() * 100
			bp := d.Place(base.Clause, base.NumStart)
			stated = fmt.Sprintf("%s（为%s %s 的 %s，%s）", stated, rules.TopicNames[p.Of], base.Money.String(),
				money.Percentage(math.Round(share*100)/100), bp.Location)
			related = append(related, bp)
		default:
			continue
		}
		if share <= p.Max.Value+1e-9 {
			continue
		}
		msg := expand(r.Message, map[string]string{
			"stated": stated, "limit": limit.String(), "topic": rules.TopicNames[r.Topic],
		})
		fd := d.Finding(r, reports.Violation, msg, f.Clause, f.NumStart)
		fd.Related = related
		out = append(out, fd)
	}
	return out
}
