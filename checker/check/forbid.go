package check

import (
	"slices"

	"shouhou/reports"
	"shouhou/rules"
)

// Forbid: a clause must not match patterns.
const Forbid = "forbid"

// ForbidParams are a forbid rule's patterns and how its findings read.
type ForbidParams struct {
	rules.Patterns `yaml:",inline"`
	// Synonyms are groups of words the rule's wording treats alike (不予,
	// 恕不, 概不): shouhou rules test writes every bad example with each
	// word of a group it uses swapped for each other, and each must still
	// be caught.
	Synonyms [][]string `yaml:"synonyms,omitempty,flow"`
	// ListItems makes the rule read each item of a list under a lead-in
	// (以下商品不支持七天无理由退货：/ 1. 特价商品) as if the item stood in
	// the lead's place. Only for rules whose law is about which goods or
	// cases may be excluded: each item is then one such case.
	ListItems bool `yaml:"list_items,omitempty"`
	// ItemsNameGoods: of those items, only ones that name goods (特价商品,
	// 内衣类) are judged; an item that names a circumstance (配件丢失的,
	// 买家原因造成的二次退换) is a ground, which no blanket refusal is.
	// The goods endings are lexicon data (terms: goods_endings).
	ItemsNameGoods bool `yaml:"items_name_goods,omitempty"`
	// Status of the findings: violation (the default), or unclear for
	// wording that leaves a topic without a reading (视情况而定).
	Status reports.Status `yaml:"status,omitempty"`
}

// SynonymGroups makes forbid examples be tried reworded.
func (p *ForbidParams) SynonymGroups() [][]string { return p.Synonyms }

// ReadsListItems reports whether r reads list items under their lead-in.
func ReadsListItems(r *rules.Rule) bool {
	p, ok := r.Params.(*ForbidParams)
	return ok && p.ListItems
}

// ItemsNameGoods reports whether r judges only list items that name goods.
func ItemsNameGoods(r *rules.Rule) bool {
	p, ok := r.Params.(*ForbidParams)
	return ok && p.ItemsNameGoods
}

type forbid struct{}

func (forbid) Name() string { return Forbid }
func (forbid) Params() any  { return &ForbidParams{} }

func (forbid) Validate(r *rules.Rule, bad rules.Bad) {
	p := params[ForbidParams](r)
	if len(p.Patterns.Patterns) == 0 {
		bad("patterns", "forbid needs patterns")
	}
	validSynonyms(p.Synonyms, bad)
	if p.Status != "" && p.Status != reports.Violation && p.Status != reports.Unclear {
		bad("status", "status %q: only forbid rules take a status, violation or unclear", p.Status)
	}
	if p.ItemsNameGoods && !p.ListItems {
		bad("items_name_goods", "items_name_goods needs list_items: true (it says which list items are judged)")
	}
}

// validSynonyms checks synonym groups: two or more words each.
func validSynonyms(groups [][]string, bad rules.Bad) {
	for _, g := range groups {
		if len(g) < 2 || slices.Contains(g, "") {
			bad("synonyms", "synonyms: each group needs two or more words, got %q", g)
		}
	}
}

func (forbid) Run(d Doc, r *rules.Rule) []reports.Finding {
	status := reports.Violation
	if params[ForbidParams](r).Status == reports.Unclear {
		status = reports.Unclear
	}
	return matches(d, r, status, rules.TopicNames[r.Topic], nil)
}

// matches reports each clause (but those in skip) where r's patterns match.
func matches(d Doc, r *rules.Rule, status reports.Status, topic string, skip map[int]bool) []reports.Finding {
	var out []reports.Finding
	for i := range d.Clauses() {
		if skip[i] {
			continue
		}
		loc, text := d.MatchAt(r, i)
		if loc == nil {
			continue
		}
		msg := expand(r.Message, map[string]string{"match": text[loc[0]:loc[1]], "topic": topic})
		out = append(out, d.Finding(r, status, msg, i, loc[0]))
	}
	return out
}
