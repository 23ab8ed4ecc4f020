package checker

import (
	"regexp"
	"shouhou/internal/anyof"
	"slices"
	"strings"
	"unicode/utf8"

	"shouhou/checker/check"
	"shouhou/checker/clause"
	"shouhou/checker/facts"
	"shouhou/checker/reader"
	"shouhou/lexicon/duration"
	"shouhou/lexicon/terms"
	"shouhou/reports"
	"shouhou/rules"
)

// This file reads a document as a whole once its clauses are read one by
// one: a ladder of windows is one policy, and one problem stated many
// times is one finding.

// readRows applies the rows of a table flattened without a column header
// (facts.ReadRows) to the document's facts, in place.
func readRows(fs []located) {
	if !slices.ContainsFunc(fs, func(f located) bool { return f.Row != nil }) {
		return
	}
	plain := make([]facts.Fact, len(fs))
	for i := range fs {
		plain[i] = fs[i].Fact
	}
	facts.ReadRows(plain, func(i int) int { return fs[i].Clause })
	for i := range fs {
		fs[i].Fact = plain[i]
	}
}

// readLadders marks the steps of a 三包 ladder: 七日内可退换货；十五日内可
// 换货 grants exchange for fifteen days, and the seven days are the step
// where return is also allowed, not a second, shorter exchange promise
// that contradicts the first. An exchange figure is such a step when the
// same figure in the same clause is also a return window, and the document
// grants a longer exchange window of the same scope. The step stays a fact
// (the document says it).
func readLadders(fs []located) []located {
	longest := map[string]duration.Amount{}
	for _, f := range fs {
		if f.Topic != reports.ExchangeWindow || f.Blank || f.Unit == "" || f.Unit == duration.Lifetime {
			continue
		}
		k := f.Scope.Key()
		if a, ok := longest[k]; !ok || !duration.AtLeast(a, f.Amount()) {
			longest[k] = f.Amount()
		}
	}
	// The return windows by place: looking each one up in the whole list
	// made a document's audit grow with the square of its figures.
	type at struct{ clause, num int }
	returns := map[at]bool{}
	for _, g := range fs {
		if g.Topic == reports.ReturnWindow {
			returns[at{g.Clause, g.NumStart}] = true
		}
	}
	alsoReturn := func(f located) bool { return returns[at{f.Clause, f.NumStart}] }
	for i, f := range fs {
		if f.Topic == reports.ExchangeWindow && !f.Blank && f.Unit != "" && f.Unit != duration.Lifetime {
			if a, ok := longest[f.Scope.Key()]; ok && !duration.AtLeast(f.Amount(), a) && alsoReturn(f) {
				fs[i].LadderStep = true
			}
		}
	}
	return fs
}

// reportScope renders a fact's scope for the JSON; nil when the figure is
// a firm promise for every case of the whole document. (The part alone is
// the fact's item; a product row's figure is firm for that product.)
func reportScope(s facts.Scope) *reports.Scope {
	if s.Region == "" && s.Tier == "" && s.Severity == "" && s.Share == 0 && s.Condition == "" && s.Product == "" {
		return nil
	}
	return &reports.Scope{Region: s.Region, Tier: s.Tier, Severity: s.Severity, Share: s.Share, Condition: s.Condition, Part: s.Part, Product: s.Product}
}

// groupFindings reports one problem once: findings of the same rule with
// the same status and message (the same figure, the same words matched)
// become the first of them, with every location in Occurrences. fs is in
// document order.
func groupFindings(fs []reports.Finding) []reports.Finding {
	type key struct {
		rule   string
		status reports.Status
		msg    string
	}
	first := map[key]int{}
	out := fs[:0]
	for _, f := range fs {
		k := key{f.Rule, f.Status, f.Message}
		if f.Status == reports.Missing || len(f.Related) > 0 {
			out = append(out, f) // stated once, or bound to its own places
			continue
		}
		i, ok := first[k]
		if !ok {
			first[k] = len(out)
			out = append(out, f)
			continue
		}
		g := &out[i]
		if len(g.Occurrences) == 0 {
			g.Occurrences = append(g.Occurrences, placeOf(*g))
		}
		g.Occurrences = append(g.Occurrences, placeOf(f))
	}
	return out
}

func placeOf(f reports.Finding) reports.Place {
	return reports.Place{Line: f.Line, Column: f.Column, Location: f.Location, Evidence: f.Evidence}
}

// matchAt finds rule r's match in clause i, or across clause i and the
// next when a semicolon (or a label's colon before a short answer) is all
// that parts them (协商不成的；由本店所在地法院
// 管辖): a semicolon ends a clause for facts, yet a forbidden sentence
// may run on past it, its condition in one part and its words in the
// other. A match that needs the next clause is reported at clause i; one
// the next clause holds alone is that clause's. It returns
// the match's range in text, the text matched against.
func (d *doc) matchAt(r *rules.Rule, i int) ([]int, string) {
	s := d.clauses[i].Text.S
	if d.mayMatch(r, i) {
		if loc := r.Match(s); loc != nil {
			if readsListItems(r) && d.leadsItems(i) && loc[0] >= lastPhrase(s) {
				return nil, "" // 以下情况不支持退换货： says nothing until its items are read
			}
			if row := d.rowText(i); row != "" && r.Excepts(row) {
				return nil, "" // | 样式、尺码等个人原因 | 不支持退换货 |: the row's case excepts it
			}
			return loc, s
		}
	}
	if readsListItems(r) {
		if loc, text := d.matchUnderLead(r, i); loc != nil {
			return loc, text
		}
	}
	// A label and its short answer (无理由退换货： / 暂不支持) read as one,
	// a blank line between them allowed.
	answer := i+1 < len(d.clauses) && strings.HasSuffix(s, ":") && utf8.RuneCountInString(d.clauses[i+1].Text.S) <= 12 && !d.leadsItems(i)
	// A condition sentence and the one after it on its line read as one
	// too: 如果发现产品有质量问题，请联系我们。退货来回运费由买家承担。
	condition := strings.HasSuffix(s, "。") && d.opensCondition(i)
	if i+1 >= len(d.clauses) || !strings.HasSuffix(s, ";") && !answer && !condition {
		return nil, ""
	}
	next := d.clauses[i+1]
	lines := 1
	if answer {
		lines = 2
	} else if condition {
		lines = 0
	}
	if gap := d.src.Text[d.clauses[i].Text.Orig(len(s)):next.Text.Orig(0)]; strings.TrimSpace(gap) != "" || strings.Count(gap, "\n") > lines || next.Table != d.clauses[i].Table {
		return nil, ""
	}
	joined := s + next.Text.S
	cand, ok := d.joined[i]
	if !ok {
		if d.joined == nil {
			d.joined = map[int][]bool{}
		}
		cand = d.pre.Candidates(joined, nil)
		d.joined[i] = cand
	}
	if k, ok := d.index[r]; ok && !cand[k] {
		return nil, ""
	}
	// A match inside the next clause counts here only when the next
	// clause alone does not match (its condition, 质量问题, was in this
	// one): otherwise that clause reports it itself.
	if loc := r.Match(joined); loc != nil && (loc[0] < len(s) || r.Match(next.Text.S) == nil) {
		return loc, joined
	}
	return nil, ""
}

// rowContext lends a table row's first cell the words of the cells after
// it: | 签收后15日内出现质量问题 | 换货 | says what the fifteen days are for
// in its second cell. They go before the column header in the context, so
// a header's cue still wins (facts take the context's last cue).
func rowContext(cls []clause.Clause) {
	type rowKey struct{ table, row int }
	rest := map[rowKey][]string{}
	for _, c := range cls {
		if c.Table > 0 && c.Row > 1 && c.Col > 1 {
			k := rowKey{c.Table, c.Row}
			rest[k] = append(rest[k], c.Text.S)
		}
	}
	for i, c := range cls {
		if c.Table == 0 || c.Row <= 1 || c.Col != 1 {
			continue
		}
		if r := rest[rowKey{c.Table, c.Row}]; len(r) > 0 {
			cls[i].Context = strings.TrimSpace(strings.Join(r, " ") + " " + c.Context)
		}
	}
}

// maxListItems bounds how far back a list item looks for its lead-in.
const maxListItems = 20

// leadOf returns the lead-in clause of clause i and what the lead says of
// each item (以下商品不支持七天无理由退货： → 不支持七天无理由退货), or -1:
// clause i is a list item or a short line in a run of such under a clause
// that ends in a colon and points at what follows (以下, 下列 …).
func (d *doc) leadOf(i int) (int, string) {
	if d.leads == nil {
		d.leads = map[int]int{}
	}
	if j, ok := d.leads[i]; ok {
		if j < 0 {
			return -1, ""
		}
		return j, d.leadTail(j)
	}
	j := -1
	if c := d.clauses[i]; c.Table == 0 && (c.Kind == reader.ListItem || c.Kind == reader.Paragraph && bareItem(c.Text.S)) {
		for k := i - 1; k >= 0 && k >= i-maxListItems; k-- {
			p := d.clauses[k]
			if p.Table == 0 && strings.HasSuffix(p.Text.S, ":") {
				if d.leadTail(k) != "" {
					j = k
				}
				break
			}
			// the run holds items of one kind only: a paragraph after a
			// numbered list is the text going on, not an item
			if p.Table != 0 || p.Kind != c.Kind || c.Kind == reader.Paragraph && !bareItem(p.Text.S) || utf8.RuneCountInString(p.Text.S) > 60 {
				break
			}
		}
	}
	d.leads[i] = j
	if j < 0 {
		return -1, ""
	}
	return j, d.leadTail(j)
}

// leadsItems reports a lead-in clause with list items under it: a rule
// that reads lists judges the items in its place.
func (d *doc) leadsItems(i int) bool {
	if i+1 >= len(d.clauses) || !strings.HasSuffix(d.clauses[i].Text.S, ":") {
		return false
	}
	j, tail := d.leadOf(i + 1)
	return j == i && tail != ""
}

// lastPhrase is where the last comma-parted phrase of s begins: the part
// of a lead-in that points at the list (1元云购网不支持退货，如下情况可换货：
// states a refusal of its own before it).
func lastPhrase(s string) int {
	if i := strings.LastIndexAny(s, ",;"); i >= 0 {
		return i + 1
	}
	return 0
}

// bareItem reports a short unnumbered line that can be an item of a list:
// a name, not a sentence.
func bareItem(s string) bool {
	return utf8.RuneCountInString(s) <= 30 && !strings.ContainsAny(s, ",:")
}

// leadTail is what lead-in clause k says of each item, or "" when it
// points at no list.
func (d *doc) leadTail(k int) string {
	pred, _ := terms.Load().LeadPredicate(strings.TrimSuffix(d.clauses[k].Text.S, ":"))
	return pred
}

// matchUnderLead matches r against list item i read in its lead-in's place
// (特价促销商品 under 以下商品不支持七天无理由退货： reads 特价促销商品不支持
// 七天无理由退货). The match is reported at the item.
func (d *doc) matchUnderLead(r *rules.Rule, i int) ([]int, string) {
	j, tail := d.leadOf(i)
	if j < 0 || tail == "" {
		return nil, ""
	}
	item := strings.TrimRight(listMarker.ReplaceAllString(d.clauses[i].Text.S, ""), " ;。,.、")
	if item == "" || anyof.In(item, terms.Load().Negations...) {
		return nil, "" // 目前仅支持退货，不支持换货: a statement of its own, not an item
	}
	if check.ItemsNameGoods(r) && !d.namesGoods(j, item) {
		return nil, "" // 配件、包装等被严重损坏或丢失: a ground, no class of goods
	}
	text := item + tail
	if d.leadCand == nil {
		d.leadCand = map[int][]bool{}
	}
	cand, ok := d.leadCand[i]
	if !ok {
		cand = d.pre.Candidates(text, nil)
		d.leadCand[i] = cand
	}
	if k, ok := d.index[r]; ok && !cand[k] {
		return nil, ""
	}
	loc := r.Match(text)
	if loc == nil || loc[1] <= len(item) {
		return nil, "" // the item alone is judged where it stands (the lead never alone: leadsItems)
	}
	if loc[0] >= len(item) {
		loc = []int{0, loc[1]} // the evidence names the item
	}
	return loc, text
}

// namesGoods reports a list item under lead j that names a class of
// goods: the lead says its items are goods (以下商品不予退换： / 特价手机),
// or the item ends as a class of goods does (特价商品, 内衣类), a bracket
// after it aside (清仓商品（详情页注明）).
func (d *doc) namesGoods(j int, item string) bool {
	lex := terms.Load()
	if anyof.In(d.clauses[j].Text.S, lex.GoodsLeads...) {
		return true
	}
	if k := strings.LastIndexByte(item, '('); k > 0 && strings.HasSuffix(item, ")") {
		item = strings.TrimSpace(item[:k])
	}
	return anyof.Suffix(item, lex.GoodsEndings...)
}

// rowText joins the other cells of table cell i's row ("" for a clause
// outside a table): a cell's words are read with its row's, as the
// reader of the table does (| 主观个人原因 | 不支持退换货 |).
func (d *doc) rowText(i int) string {
	c := d.clauses[i]
	if c.Table == 0 {
		return ""
	}
	if d.rows == nil {
		d.rows = map[[2]int][]int{}
		for k, o := range d.clauses {
			if o.Table > 0 {
				key := [2]int{o.Table, o.Row}
				d.rows[key] = append(d.rows[key], k)
			}
		}
	}
	var parts []string
	for _, k := range d.rows[[2]int{c.Table, c.Row}] {
		if k != i {
			parts = append(parts, d.clauses[k].Text.S)
		}
	}
	return strings.Join(parts, ";")
}

// opensCondition reports clause i holding a phrase that opens with a
// condition word (如果, 若, 凡): the sentence after it on its line says
// what then happens. 若干, or a 若 inside a phrase, opens nothing.
func (d *doc) opensCondition(i int) bool {
	if d.opens == nil {
		d.opens = make([]int8, len(d.clauses))
	}
	if d.opens[i] == 0 {
		d.opens[i] = -1
		lex := terms.Load()
		// the sentence's first phrase or a later one (收到货后,如果发现…)
		for _, p := range strings.Split(listMarker.ReplaceAllString(d.clauses[i].Text.S, ""), ",") {
			if anyof.Prefix(p, lex.ConditionOpeners...) && !anyof.Prefix(p, lex.ConditionFalseStarts...) {
				d.opens[i] = 1
				break
			}
		}
	}
	return d.opens[i] == 1
}

// listMarker is a list item's number (1. （2） ③ 一、 -).
var listMarker = regexp.MustCompile(`^\s*(\(?[0-9一二三四五六七八九十]{1,3}[).、:]+|\([0-9一二三四五六七八九十]{1,3}\)|[①-⑳]|[-*•·])\s*`)
