package check

import (
	"shouhou/internal/anyof"
	"slices"
	"strings"

	"shouhou/lexicon/duration"
	"shouhou/lexicon/terms"
	"shouhou/reports"
	"shouhou/rules"
)

// Threshold: a duration fact must reach min or stay within max.
const Threshold = "threshold"

// ThresholdParams are a threshold rule's limit: exactly one of them.
// WholeDocument (with min) judges what the document grants as a whole: a
// shorter figure is no finding when a firm one of the same part and
// scope reaches the limit.
type ThresholdParams struct {
	Min           *rules.Limit `yaml:"min,omitempty,flow"`
	Max           *rules.Limit `yaml:"max,omitempty,flow"`
	WholeDocument bool         `yaml:"whole_document,omitempty"`
	// Except names conditions that make a figure another right's (无理由:
	// the no-reason exchange beside the 三包 exchange for faults): such
	// figures are not judged by this rule.
	Except []string `yaml:"except,omitempty,flow"`
	// ExceptedGoods: a figure for goods the law takes out of the right
	// (生鲜, 鲜活易腐, 定制: lexicon scope.excepted_goods) is not judged by
	// the right's minimum (生鲜产品…48小时内联系退换).
	ExceptedGoods bool `yaml:"excepted_goods,omitempty"`
}

type threshold struct{}

func (threshold) Name() string { return Threshold }
func (threshold) Params() any  { return &ThresholdParams{} }

func (threshold) Validate(r *rules.Rule, bad rules.Bad) {
	p := params[ThresholdParams](r)
	if rules.IsMoneyTopic(r.Topic) {
		bad("check", "threshold judges durations; money topic %q needs check: ratio", r.Topic)
	}
	if (p.Min == nil) == (p.Max == nil) {
		bad("check", "threshold needs exactly one of min and max")
	}
	if p.WholeDocument && p.Min == nil {
		bad("whole_document", "whole_document needs min: only a longer figure elsewhere can outdo a short one")
	}
	for i, l := range []*rules.Limit{p.Min, p.Max} {
		field := [2]string{"min", "max"}[i]
		if l != nil && (!l.Unit.Valid() || l.Unit == duration.Lifetime || l.Value <= 0) {
			bad(field, "limit %v %q is not a positive duration", l.Value, l.Unit)
		}
	}
}

func (threshold) Run(d Doc, r *rules.Rule) []reports.Finding {
	p := params[ThresholdParams](r)
	var out []reports.Finding
	for _, f := range d.Facts() {
		if f.Topic != r.Topic || f.Blank || slices.Contains(p.Except, f.Condition) && f.Condition != "" {
			continue
		}
		if f.LadderStep {
			continue // the ladder is judged by its longer step
		}
		if consumerOnly(r) && slices.Contains(terms.Load().Scope.BusinessUse, f.Scope.Tier) && !denied(d.Clauses()[f.Clause].Text.S, f.Scope.Tier) {
			continue // 用于商业用途的…包修半年: no consumer's term
		}
		if p.ExceptedGoods && exceptedGoods(d.Clauses()[f.Clause].Text.S, f.Start) {
			continue // 生鲜产品的质量问题，请48小时内联系: goods the right leaves out
		}
		var stated, limit duration.Amount
		var ok bool
		if p.Min != nil {
			stated, limit = granted(f), p.Min.Amount()
			ok = duration.AtLeast(stated, limit) || p.WholeDocument && grantsElsewhere(d.Facts(), f, limit)
		} else {
			stated, limit = f.Upper(), p.Max.Amount()
			ok = duration.AtMost(stated, limit)
		}
		if ok {
			continue
		}
		msg := expand(r.Message, map[string]string{"stated": stated.String(), "limit": limit.String(), "topic": rules.TopicNames[r.Topic]})
		out = append(out, d.Finding(r, reports.Violation, msg, f.Clause, f.NumStart))
	}
	return out
}

// denied reports a word every use of which in s is denied just before it
// (非商业用途, 不得用于商业用途, 禁止经营性使用): the goods are then not put
// to that use.
func denied(s, word string) bool {
	found := false
	for from := 0; ; {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return found
		}
		i += from
		before := []rune(s[max(0, i-16):i]) // up to four characters: 不得用于
		if len(before) > 4 {
			before = before[len(before)-4:]
		}
		if !anyof.In(string(before), terms.Load().Scope.BusinessUseDenials...) {
			return false
		}
		found, from = true, i+len(word)
	}
}

// exceptedGoods reports goods the law takes out of the right named in the
// figure's phrase or the one before it (生鲜水果如有质量问题，请24小时内联系),
// and not set apart there (除生鲜外，其他商品3天内可退货). A word further
// off (本店支持定制服务，…所有商品3天内可退货) names other goods.
func exceptedGoods(s string, at int) bool {
	lex := terms.Load()
	from := phraseStart(s, at)
	own := s[from:at]
	if !anyof.In(own, lex.Scope.ExceptedGoods...) {
		if from == 0 || anyof.In(own, lex.Scope.GoodsNouns...) {
			return false // the phrase names its own goods (所有商品3天内可退货)
		}
		from = phraseStart(s, from-1)
	}
	region := s[from:at]
	return anyof.In(region, lex.Scope.ExceptedGoods...) && !anyof.In(region, lex.Scope.ExceptedGoodsBut...)
}

// consumerOnly reports a rule of consumer law only.
func consumerOnly(r *rules.Rule) bool {
	return len(r.Audience) == 1 && r.Audience[0] == rules.Consumer
}

// grantsElsewhere reports a short figure the document outdoes: another
// firm figure of the same topic, part and scope reaches the limit
// (7天免费更换 beside 十五日内可换货 grants exchange for fifteen days).
func grantsElsewhere(fs []Fact, f Fact, limit duration.Amount) bool {
	for _, g := range fs {
		if g.Topic != f.Topic || g.Blank || g.Unit == "" || g.Item != f.Item || g.Scope != f.Scope {
			continue
		}
		if duration.AtLeast(granted(g), limit) {
			return true
		}
	}
	return false
}

// granted is how long a window figure lets the buyer act: a span runs to
// its far end (自售出8天至15天内可换货 grants the fifteenth day).
func granted(f Fact) duration.Amount {
	if f.Op == duration.OpRange {
		return f.Upper()
	}
	return f.Amount()
}
