// Package compare checks bids against a tender's requirements: each
// requirement is met, unmet, not stated or unclear in each bid, with the
// bid's own words as evidence.
package compare

import (
	"fmt"
	"strings"

	"shouhou/lexicon/duration"
	"shouhou/lexicon/terms"
	"shouhou/reports"
)

// Requirements reads a tender's demands from its facts: durations get a
// direction (service times at most, warranties and supply periods at
// least, whatever word the tender used), named items must be provided.
// A topic stated twice with the same figure is one requirement.
func Requirements(tender reports.Document) []reports.Requirement {
	lex := terms.Load()
	var out []reports.Requirement
	seen := map[string]bool{}
	for _, f := range tender.Facts {
		r := reports.Requirement{Topic: f.Topic, Text: f.Text, Line: f.Line, Column: f.Column, Location: f.Location, Item: f.Item}
		switch {
		case f.Blank:
			continue // an unfilled blank demands nothing
		case f.Unit == "" && f.Item != "": // list fact
		case f.Value == nil && f.Unit != string(duration.Lifetime):
			continue
		default:
			t, ok := lex.Topics[f.Topic]
			if !ok {
				continue
			}
			r.Value, r.Max, r.Unit = f.Value, f.Max, f.Unit
			if t.Kind == terms.Service {
				r.Op = "<="
			} else {
				r.Op = ">="
			}
		}
		key := fmt.Sprintf("%s|%s|%s|%v|%s", r.Topic, r.Item, r.Op, deref(r.Value), r.Unit)
		if seen[key] {
			continue
		}
		seen[key] = true
		r.ID = fmt.Sprintf("R%d", len(out)+1)
		out = append(out, r)
	}
	return out
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

// Bid checks one bid against the requirements.
func Bid(reqs []reports.Requirement, bid reports.Document) []reports.Result {
	// In a deviation table only the response column is the bid's word; the
	// tender column repeats the demand.
	var facts []reports.Fact
	rowTopic := map[[2]int][]string{} // table,row -> topics of the tender column
	for _, f := range bid.Facts {
		if f.Cell != nil && f.Cell.Row > 1 && headerIs(f.Cell.Header, tenderColumn) && !headerIs(f.Cell.Header, responseColumn) {
			rowTopic[[2]int{f.Cell.Table, f.Cell.Row}] = append(rowTopic[[2]int{f.Cell.Table, f.Cell.Row}], f.Topic+"|"+f.Item)
			continue
		}
		facts = append(facts, f)
	}
	negative := map[string]reports.CellText{} // topic|item -> the 负偏离 cell
	for _, c := range bid.Cells {
		if c.Row > 1 && headerIs(c.Header, deviationColumn) && strings.Contains(c.Text, "负偏离") {
			for _, t := range rowTopic[[2]int{c.Table, c.Row}] {
				negative[t] = c
			}
		}
	}
	out := make([]reports.Result, 0, len(reqs))
	for _, r := range reqs {
		out = append(out, judge(r, facts, negative))
	}
	return out
}

func judge(r reports.Requirement, facts []reports.Fact, negative map[string]reports.CellText) reports.Result {
	res := reports.Result{Requirement: r.ID, Status: reports.NotStated}
	found := matching(r, r.Topic, facts)
	if alt, ok := sameAnswer[r.Topic]; ok && len(found) == 0 {
		found = matching(r, alt, facts)
	}
	neg, declared := negative[r.Topic+"|"+r.Item]
	if len(found) == 0 {
		if declared {
			res.Status, res.Note = reports.Unmet, "投标人声明负偏离 / negative deviation declared"
			res.Stated = &reports.Stated{Text: neg.Text, Line: neg.Line, Location: neg.Location}
		}
		return res
	}
	statuses := map[string]bool{}
	for _, f := range found {
		statuses[status(r, f)] = true
	}
	first := found[0]
	res.Stated = &reports.Stated{Op: first.Op, Value: first.Value, Max: first.Max, Unit: first.Unit, Item: first.Item,
		Text: first.Text, Line: first.Line, Column: first.Column, Location: first.Location}
	switch {
	case r.Item != "" && r.Unit == "": // a named item: mentioned is provided
		res.Status = reports.Met
	case statuses[reports.UnclearR]:
		res.Status = reports.UnclearR
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
	if declared && res.Status == reports.Met {
		res.Status, res.Note = reports.UnclearR, "figure meets the requirement, but 负偏离 is declared"
	}
	return res
}

// sameAnswer pairs topics a bid may use to answer each other: a tender's
// 修复时间不超过48小时 (repair time) is answered by 36小时内修复 (time to
// resolve), and the other way round. Used only when the exact topic is
// not stated.
var sameAnswer = map[string]string{"repair_time": "resolution_time", "resolution_time": "repair_time"}

func matching(r reports.Requirement, topic string, facts []reports.Fact) []reports.Fact {
	var out []reports.Fact
	for _, f := range facts {
		if f.Topic == topic && (r.Item == "" || f.Item == r.Item) {
			out = append(out, f)
		}
	}
	return out
}

// status judges one bid fact against a duration requirement.
func status(r reports.Requirement, f reports.Fact) string {
	if r.Unit == "" {
		return reports.Met
	}
	if f.Blank || (f.Value == nil && f.Unit != string(duration.Lifetime)) {
		return reports.UnclearR
	}
	req := amount(r.Value, r.Unit)
	if r.Op == "<=" {
		// The bid's promise is its worst case: the top of a range.
		stated := amount(f.Value, f.Unit)
		if f.Max != nil {
			stated = amount(f.Max, f.Unit)
		}
		if duration.AtMost(stated, req) {
			return reports.Met
		}
		return reports.Unmet
	}
	if duration.AtLeast(amount(f.Value, f.Unit), req) {
		return reports.Met
	}
	return reports.Unmet
}

func amount(v *float64, unit string) duration.Amount {
	a := duration.Amount{Unit: duration.Unit(unit)}
	if v != nil {
		a.Value = *v
	}
	return a
}

// Counts tallies a bid's results.
func Counts(results []reports.Result) map[string]int {
	c := map[string]int{reports.Met: 0, reports.Unmet: 0, reports.NotStated: 0, reports.UnclearR: 0}
	for _, r := range results {
		c[r.Status]++
	}
	return c
}
