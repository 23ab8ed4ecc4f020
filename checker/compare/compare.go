// Package compare checks bids against a tender's requirements: each
// requirement is met, unmet, not stated, unclear or contradicted (the
// bidder's own deviation claim disagrees with its figure) in each bid,
// with the bid's own words as evidence, and each bid gets a verdict.
package compare

import (
	"fmt"
	"shouhou/internal/anyof"
	"slices"
	"strings"

	"shouhou/checker"
	"shouhou/lexicon/duration"
	"shouhou/lexicon/money"
	"shouhou/lexicon/procure"
	"shouhou/lexicon/terms"
	"shouhou/reports"
	"shouhou/reports/phrase"
)

// Requirements reads a tender's demands from its facts: durations get a
// direction (service times at most, warranties and supply periods at
// least, whatever word the tender used), named items must be provided.
// A figure for one region or severity is a requirement of that scope; a
// requirement marked ★ ▲ ＊ (in its clause, its heading or its table row)
// or said to make the bid invalid is substantive. A topic stated twice
// with the same figure and scope is one requirement. A sum of money is
// no after-sales requirement.
func Requirements(tender checker.Reading) []reports.Requirement {
	lex := terms.Load()
	words := procure.Load()
	scopes := newScoper().Of(tender.Facts, tender.Cells)
	rowText := map[[2]int]string{}
	for _, c := range tender.Cells {
		rowText[[2]int{c.Table, c.Row}] += c.Text + " "
	}
	var out []reports.Requirement
	seen := map[string]int{}
	for _, i := range figuresFirst(tender.Facts) {
		f := tender.Facts[i]
		r := reports.Requirement{Topic: f.Topic, Text: f.Text, Line: f.Line, Column: f.Column, Location: f.Location, Item: f.Item, Scope: scopes[i]}
		switch {
		case f.Blank:
			continue // an unfilled blank demands nothing
		case !f.HasFigure() && f.Item != "": // list fact
		case f.Money != nil, f.Unit == "":
			continue
		default:
			t, ok := lex.Topics[f.Topic]
			if !ok {
				continue
			}
			r.Value, r.Max, r.Unit = f.Figure()
			if t.Kind == terms.Service {
				r.Op = "<="
			} else {
				r.Op = ">="
			}
		}
		row := ""
		if f.Cell != nil {
			row = rowText[[2]int{f.Cell.Table, f.Cell.Row}]
		}
		r.Mark = substantive(words, f.Text, f.Section, row)
		r.Substantive = r.Mark != ""
		key := fmt.Sprintf("%s|%s|%s|%v|%s|%s", r.Topic, r.Item, r.Op, deref(r.Value), r.Unit, r.Scope.String())
		if k, ok := seen[key]; ok {
			if r.Substantive && !out[k].Substantive { // stated twice, marked once: it is marked
				out[k].Substantive, out[k].Mark = true, r.Mark
			}
			continue
		}
		seen[key] = len(out)
		r.ID = fmt.Sprintf("R%d", len(out)+1)
		out = append(out, r)
	}
	return out
}

// figuresFirst orders the facts of each clause with its figures before its
// named items: 质保不少于五年，自验收合格之日起计算 demands the five years
// first, then the start at acceptance.
func figuresFirst(facts []checker.Fact) []int {
	order := make([]int, 0, len(facts))
	for i := 0; i < len(facts); {
		j := i + 1
		for j < len(facts) && facts[j].Text == facts[i].Text && facts[j].Line == facts[i].Line {
			j++
		}
		for _, items := range []bool{false, true} {
			for k := i; k < j; k++ {
				if (!facts[k].HasFigure() && facts[k].Item != "") == items {
					order = append(order, k)
				}
			}
		}
		i = j
	}
	return order
}

// substantive returns the mark (★, ▲, ＊) or the words (实质性, 投标无效)
// that make a requirement substantive: in its clause, its headings or its
// table row; "" when there are none.
func substantive(w *procure.Words, text, section, row string) string {
	for _, s := range []string{text, section, row} {
		for _, m := range w.SubstantiveMarks {
			if strings.Contains(s, m) {
				return m
			}
		}
	}
	for _, s := range []string{text, row} {
		for _, m := range w.SubstantiveWords {
			if strings.Contains(s, m) {
				return m
			}
		}
	}
	return ""
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// Header words that tell a deviation table's columns apart.
var (
	tenderColumn    = []string{"招标要求", "招标文件要求", "招标文件条款", "招标条款", "采购需求", "采购文件要求", "磋商文件要求", "技术要求", "商务要求"}
	responseColumn  = []string{"投标响应", "响应情况", "投标文件响应", "实际响应", "响应内容", "投标人响应", "应答", "响应"}
	deviationColumn = []string{"偏离情况", "偏离说明", "是否偏离", "偏离"}
)

func headerIs(h string, words []string) bool {
	for _, w := range words {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// row is one row of a bid's tables.
type row [2]int

// bidRows is what a bid's deviation table says, row by row.
type bidRows struct {
	claim map[row]reports.Claim
	// asked: the row's tender-column topics (topic|item).
	asked map[row][]string
	// topics: every topic the row's cells name, tender or response column.
	topics map[row][]reports.Topic
}

// Bid checks one bid against the requirements.
func Bid(reqs []reports.Requirement, bid checker.Reading) []reports.Result {
	words := procure.Load()
	scopes := newScoper().Of(bid.Facts, bid.Cells)
	// In a deviation table only the response column is the bid's word; the
	// tender column repeats the demand.
	var facts []scoped
	rows := bidRows{claim: map[row]reports.Claim{}, asked: map[row][]string{}, topics: map[row][]reports.Topic{}}
	for i, f := range bid.Facts {
		if f.Cell != nil && f.Cell.Row > 1 {
			k := row{f.Cell.Table, f.Cell.Row}
			rows.topics[k] = append(rows.topics[k], f.Topic)
			if headerIs(f.Cell.Header, tenderColumn) && !headerIs(f.Cell.Header, responseColumn) {
				rows.asked[k] = append(rows.asked[k], string(f.Topic)+"|"+f.Item)
				continue
			}
		}
		facts = append(facts, scoped{f, scopes[i]})
	}
	for _, c := range bid.Cells {
		if c.Row > 1 && headerIs(c.Header, deviationColumn) {
			if d := words.Claim(c.Text); d != "" {
				rows.claim[row{c.Table, c.Row}] = reports.Claim{Deviation: d, Text: c.Text, Line: c.Line, Location: c.Location}
			}
		}
	}
	out := make([]reports.Result, 0, len(reqs))
	for _, r := range reqs {
		out = append(out, judge(r, facts, rows))
	}
	return out
}

// scoped is a bid's fact with its scope.
type scoped struct {
	checker.Fact
	scope *reports.RequirementScope
}

// claimFor finds the bidder's claim on requirement r: the row of the
// first figure found that has one, else a row whose tender column asks
// for r, else (for a named item) a row about r's topic.
func claimFor(r reports.Requirement, found []scoped, rows bidRows) *reports.Claim {
	w := procure.Load()
	for _, f := range found {
		if f.Cell != nil {
			if c, ok := rows.claim[row{f.Cell.Table, f.Cell.Row}]; ok {
				return &c
			}
		}
		for _, word := range w.ClauseClaims { // 质保期五年（正偏离）
			if strings.Contains(f.Text, word) {
				return &reports.Claim{Deviation: w.Claim(word), Text: word, Line: f.Line, Location: f.Location}
			}
		}
	}
	for _, k := range sortedRows(rows.asked) { // the first row, so the report never varies
		for _, a := range rows.asked[k] {
			if c, ok := rows.claim[k]; ok && a == string(r.Topic)+"|"+r.Item {
				return &c
			}
		}
	}
	if r.Item != "" && r.Unit == "" {
		for _, k := range sortedRows(rows.topics) {
			for _, t := range rows.topics[k] {
				if c, ok := rows.claim[k]; ok && t == r.Topic && c.Deviation == reports.ClaimNegative {
					return &c
				}
			}
		}
	}
	return nil
}

func sortedRows[V any](m map[row]V) []row {
	keys := make([]row, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b row) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	return keys
}

func judge(r reports.Requirement, facts []scoped, rows bidRows) reports.Result {
	res := reports.Result{Requirement: r.ID, Status: reports.NotStated}
	found := matching(r, r.Topic, facts)
	if alt, ok := sameAnswer[r.Topic]; ok && len(found) == 0 {
		found = matching(r, alt, facts)
	}
	graded := ""
	if len(found) == 0 && r.Unit == "" {
		found, graded = gradedMatch(r, facts)
	}
	claim := claimFor(r, found, rows)
	res.Claim = claim
	if len(found) == 0 {
		if claim != nil && claim.Deviation == reports.ClaimNegative {
			res.Status, res.Note = reports.Unmet, "投标人声明负偏离 / negative deviation declared"
			res.Stated = &reports.Stated{Text: claim.Text, Line: claim.Line, Location: claim.Location}
		} else if claim != nil {
			res.Note = "声明" + phrase.ClaimNames[claim.Deviation] + "，未写明 / claimed, not stated"
		}
		return res
	}
	statuses := map[string]bool{}
	var worst *scoped
	for i, f := range found {
		st := status(r, f.Fact)
		statuses[st] = true
		if st == reports.Unmet && worst == nil {
			worst = &found[i]
		}
	}
	first := found[0]
	if worst != nil {
		first = *worst // the evidence of an unmet requirement is the figure that fails it
	}
	res.Stated = &reports.Stated{Op: string(first.Op), Item: first.Item,
		Text: first.Text, Line: first.Line, Column: first.Column, Location: first.Location, Scope: first.scope}
	res.Stated.Value, res.Stated.Max, res.Stated.Unit = first.Figure()
	switch {
	case graded != "": // a graded certification: the grade decides
		res.Status = graded
		if graded == reports.UnclearR {
			res.Note = "未写明级别 / no grade stated"
		}
	case r.Item != "" && r.Unit == "": // a named item: mentioned is provided
		res.Status = reports.Met
	case statuses[reports.UnclearR]:
		res.Status = reports.UnclearR
	case statuses[reports.Met] && statuses[reports.Unmet] && byScope(found):
		res.Status, res.Note = reports.Unmet, "不满足的范围 / unmet for "+first.scope.String()
	case statuses[reports.Met] && statuses[reports.Unmet]:
		res.Status, res.Note = reports.UnclearR, fmt.Sprintf("the bid states %d figures that disagree", len(found))
	case statuses[reports.Unmet]:
		res.Status = reports.Unmet
	default:
		res.Status = reports.Met
	}
	if res.Status == reports.Met {
		for _, f := range found {
			if f.Condition != "" {
				res.Status, res.Note = reports.UnclearR, "承诺附条件 / a conditional promise: "+f.Condition
				break
			}
		}
	}
	if claim == nil {
		return res
	}
	switch {
	case claim.Deviation == reports.ClaimNegative && res.Status == reports.Met && r.Unit != "":
		res.Status, res.Note = reports.UnclearR, "figure meets the requirement, but 负偏离 is declared"
	case claim.Deviation != reports.ClaimNegative && res.Status == reports.Unmet:
		res.Status = reports.Contradicts
		res.Note = fmt.Sprintf("声明%s，写明 %s，要求 %s / claims %s, states %s", phrase.ClaimNames[claim.Deviation],
			phrase.StatedFor(r, res.Stated), phrase.RequirementText(r), claim.Deviation, phrase.StatedFor(r, res.Stated))
	}
	return res
}

// gradedMatch answers a graded certification (CMMI3, ITSS2) the bid does
// not name exactly: a better grade of the family meets it, a lesser one
// does not, the family without a grade is unclear. It returns the facts
// that decide, best first, and the status.
func gradedMatch(r reports.Requirement, facts []scoped) ([]scoped, string) {
	w := procure.Load()
	fam, need, ok := w.Grade(r.Item)
	if !ok {
		return nil, ""
	}
	var met, lesser, bare []scoped
	for _, f := range facts {
		if f.Topic != r.Topic {
			continue
		}
		switch ff, lvl, ok := w.Grade(f.Item); {
		case ok && ff == fam && w.Meets(fam, lvl, need):
			met = append(met, f)
		case ok && ff == fam:
			lesser = append(lesser, f)
		case f.Item == fam:
			bare = append(bare, f)
		}
	}
	switch {
	case len(met) > 0:
		return met, reports.Met
	case len(lesser) > 0:
		return lesser, reports.Unmet
	case len(bare) > 0:
		return bare, reports.UnclearR
	}
	return nil, ""
}

// byScope reports figures that differ because they are for different
// regions or severities: each has a scope, no two the same.
func byScope(found []scoped) bool {
	seen := map[string]bool{}
	for _, f := range found {
		if f.scope == nil || seen[f.scope.String()] {
			return false
		}
		seen[f.scope.String()] = true
	}
	return true
}

// sameAnswer pairs topics a bid may use to answer each other: a tender's
// 修复时间不超过48小时 (repair time) is answered by 36小时内修复 (time to
// resolve), and the other way round. Used only when the exact topic is
// not stated.
var sameAnswer = map[reports.Topic]reports.Topic{reports.RepairTime: reports.ResolutionTime, reports.ResolutionTime: reports.RepairTime}

// matching returns the bid's figures on r's topic and item that are for
// r's scope; where some are stated for exactly that scope, only those.
func matching(r reports.Requirement, topic reports.Topic, facts []scoped) []scoped {
	var out, exact []scoped
	for _, f := range facts {
		if f.Topic == topic && (r.Item == "" || f.Item == r.Item) && sameScope(r.Scope, f.scope) {
			out = append(out, f)
			if exactScope(r.Scope, f.scope) {
				exact = append(exact, f)
			}
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return out
}

// status judges one bid fact against a requirement: a duration across
// units, a sum or share exactly against one of its unit.
func status(r reports.Requirement, f checker.Fact) string {
	if r.Unit == "" {
		return reports.Met
	}
	if f.Money != nil {
		return moneyStatus(r, *f.Money)
	}
	if f.Blank || f.Unit == "" {
		return reports.UnclearR
	}
	req := required(r)
	if r.Op == "<=" {
		// The bid's promise is its worst case: the top of a range.
		if duration.AtMost(f.Upper(), req) {
			return reports.Met
		}
		return reports.Unmet
	}
	if duration.AtLeast(f.Amount(), req) {
		return reports.Met
	}
	return reports.Unmet
}

// required is the duration a requirement asks for; its figure may come
// from a requirements file, so it is read from the contract's fields.
func required(r reports.Requirement) duration.Amount {
	a := duration.Amount{Unit: duration.Unit(r.Unit)}
	if r.Value != nil {
		a.Value = *r.Value
	}
	return a
}

// moneyStatus judges a bid's sum or share against a requirement (one a
// requirements file names): met or unmet against a figure of its unit,
// unclear against any other.
func moneyStatus(r reports.Requirement, m money.Quantity) string {
	if r.Value == nil || money.Unit(r.Unit) != m.Unit {
		return reports.UnclearR
	}
	req, ok := money.Of(*r.Value, m.Unit)
	if !ok {
		return reports.UnclearR
	}
	c := m.Cmp(req)
	if r.Op == "<=" && c <= 0 || r.Op != "<=" && c >= 0 {
		return reports.Met
	}
	return reports.Unmet
}

// Counts tallies a bid's results.
func Counts(results []reports.Result) map[string]int {
	c := map[string]int{reports.Met: 0, reports.Unmet: 0, reports.NotStated: 0, reports.UnclearR: 0, reports.Contradicts: 0}
	for _, r := range results {
		c[r.Status]++
	}
	return c
}

// OverallClaim finds a bid's statement that it answers the whole tender
// (我公司对招标文件的售后服务要求无负偏离) in its text: a line, outside a
// Markdown table, with an overall claim word and a scope word. locate
// turns a byte offset of text into the line and place a person finds in
// the original file. Nil if there is none.
func OverallClaim(text string, locate func(off int) (line int, location string)) *reports.Claim {
	w := procure.Load()
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		start := off
		off += len(line)
		l := strings.TrimSpace(line)
		if strings.HasPrefix(l, "|") || !anyof.In(l, w.OverallScope...) {
			continue
		}
		for _, word := range w.OverallClaims {
			if strings.Contains(l, word) {
				d := w.Claim(word)
				if d == "" || d == reports.ClaimNegative {
					continue
				}
				c := &reports.Claim{Deviation: d, Text: clipRunes(l, 60)}
				c.Line, c.Location = locate(start + strings.Index(line, l))
				return c
			}
		}
	}
	return nil
}

// ApplyOverallClaim sets the bid's overall claim on every result no row
// or clause claims; an unmet one then contradicts it.
func ApplyOverallClaim(reqs []reports.Requirement, results []reports.Result, c *reports.Claim) {
	if c == nil {
		return
	}
	for i := range results {
		res := &results[i]
		if res.Claim != nil {
			continue
		}
		cc := *c
		res.Claim = &cc
		if res.Status == reports.Unmet && i < len(reqs) && res.Stated != nil && res.Stated.Text != c.Text {
			res.Status = reports.Contradicts
			res.Note = fmt.Sprintf("声明%s，写明 %s，要求 %s / claims %s, states %s", phrase.ClaimNames[c.Deviation],
				phrase.StatedFor(reqs[i], res.Stated), phrase.RequirementText(reqs[i]), c.Deviation, phrase.StatedFor(reqs[i], res.Stated))
		}
	}
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// Open lists the requirements behind a verdict: not met (unmet or
// contradicts) and to clarify (unclear or not stated), by id.
func Open(results []reports.Result) (notMet, toClarify []string) {
	for _, r := range results {
		switch r.Status {
		case reports.Unmet, reports.Contradicts:
			notMet = append(notMet, r.Requirement)
		case reports.UnclearR, reports.NotStated:
			toClarify = append(toClarify, r.Requirement)
		}
	}
	return notMet, toClarify
}

// Verdict judges a bid as a whole: invalid (可能无效) when a substantive
// requirement is unmet or contradicted, fail (不满足) when any is, clarify
// (需澄清) when some are unclear or not stated, else pass (满足).
func Verdict(reqs []reports.Requirement, results []reports.Result) string {
	verdict := reports.VerdictPass
	for i, res := range results {
		switch res.Status {
		case reports.Unmet, reports.Contradicts:
			if i < len(reqs) && reqs[i].Substantive {
				return reports.VerdictInvalid
			}
			verdict = reports.VerdictFail
		case reports.UnclearR, reports.NotStated:
			if verdict == reports.VerdictPass {
				verdict = reports.VerdictClarify
			}
		}
	}
	return verdict
}
