package compare

import (
	"strings"
	"unicode/utf8"

	"shouhou/checker"
	"shouhou/lexicon/duration"
	"shouhou/lexicon/normalize"
	"shouhou/lexicon/procure"
	"shouhou/reports"
)

// scoper finds the region or fault severity a figure is for, from the
// words before it in its clause: 北京市内4小时内到场，其他地区24小时内到场
// gives 4小时 the scope 北京 and 24小时 the scope 其他地区. A figure joined
// to the one before it without a comma (北京市内2小时响应、4小时到场)
// shares its scope.
//
// The facts carry no scope of their own yet (CONTRACT.md's fact scope is
// another issue's); when they do, Of should prefer it.
type scoper struct {
	regions, severities []procure.Spelling
}

func newScoper() *scoper {
	w := procure.Load()
	return &scoper{regions: procure.Spellings(w.Regions), severities: procure.Spellings(w.Severities)}
}

// Of returns the scope of every fact, nil where a fact has none. Facts of
// one clause share their text and stand together, in the clause's order.
// A figure in a table cell whose own words name no scope takes one from
// the cells before it in its row (| 北京地区 | 4小时 |).
func (s *scoper) Of(facts []checker.Fact, cells []checker.CellText) []*reports.RequirementScope {
	out := make([]*reports.RequirementScope, len(facts))
	for i := 0; i < len(facts); {
		j := i + 1
		for j < len(facts) && facts[j].Text == facts[i].Text && facts[j].Line == facts[i].Line {
			j++
		}
		s.clause(facts[i:j], out[i:j])
		i = j
	}
	type rowKey [2]int
	var before map[rowKey][]checker.CellText
	for i, f := range facts {
		if out[i] != nil || f.Cell == nil || !f.HasFigure() || f.Topic == reports.ServiceHours {
			continue
		}
		if before == nil {
			before = map[rowKey][]checker.CellText{}
			for _, c := range cells {
				before[rowKey{c.Table, c.Row}] = append(before[rowKey{c.Table, c.Row}], c)
			}
		}
		sc := &reports.RequirementScope{}
		for _, c := range before[rowKey{f.Cell.Table, f.Cell.Row}] {
			// a label cell (北京地区, 重大故障), not a tender column's sentence
			if c.Col < f.Cell.Col && utf8.RuneCountInString(c.Text) <= 10 && !strings.ContainsAny(c.Text, "0123456789") {
				if r := last(c.Text, s.regions); r != "" {
					sc.Region = r
				}
				if v := last(c.Text, s.severities); v != "" {
					sc.Severity = v
				}
			}
		}
		if sc.Region != "" || sc.Severity != "" {
			out[i] = sc
		}
	}
	return out
}

func (s *scoper) clause(facts []checker.Fact, out []*reports.RequirementScope) {
	text := normalize.String(facts[0].Text)
	if !s.any(text) {
		return
	}
	qs := duration.Find(text)
	scopes := make([]*reports.RequirementScope, len(qs))
	prevEnd := 0
	for k, q := range qs {
		before := text[prevEnd:q.Start]
		sc := &reports.RequirementScope{Region: last(before, s.regions), Severity: last(before, s.severities)}
		if k > 0 && !strings.ContainsAny(before, ",;。") && scopes[k-1] != nil {
			if sc.Region == "" {
				sc.Region = scopes[k-1].Region
			}
			if sc.Severity == "" {
				sc.Severity = scopes[k-1].Severity
			}
		}
		if sc.Region != "" || sc.Severity != "" {
			scopes[k] = sc
		}
		prevEnd = q.End
	}
	next := 0
	for i, f := range facts {
		if !f.HasFigure() || f.Topic == reports.ServiceHours || f.Blank {
			continue
		}
		k := match(qs, f, next)
		if k < 0 {
			k = match(qs, f, 0)
		}
		if k < 0 {
			continue
		}
		out[i], next = scopes[k], k+1
	}
}

// match finds the quantity of duration fact f in qs, from index from.
func match(qs []duration.Quantity, f checker.Fact, from int) int {
	if f.Money != nil {
		return -1 // a sum is no duration of the clause
	}
	for k := from; k < len(qs); k++ {
		q := qs[k]
		if q.Unit != f.Unit {
			continue
		}
		if f.Unit == duration.Lifetime || q.Value == f.Value {
			return k
		}
	}
	return -1
}

func (s *scoper) any(text string) bool {
	for _, sp := range s.regions {
		if strings.Contains(text, sp.Word) {
			return true
		}
	}
	for _, sp := range s.severities {
		if strings.Contains(text, sp.Word) {
			return true
		}
	}
	return false
}

// last returns the canonical name of the last spelling in text (the
// longest where two end at the same place), or "".
func last(text string, spellings []procure.Spelling) string {
	best, at := "", -1
	for _, sp := range spellings {
		if i := strings.LastIndex(text, sp.Word); i >= 0 && i+len(sp.Word) > at {
			best, at = sp.Name, i+len(sp.Word)
		}
	}
	return best
}

// sameScope reports whether a bid's figure with scope b answers a
// requirement with scope r: a figure without scope answers every one.
func sameScope(r, b *reports.RequirementScope) bool {
	if r == nil || b == nil {
		return true
	}
	return (r.Region == "" || b.Region == "" || r.Region == b.Region) &&
		(r.Severity == "" || b.Severity == "" || r.Severity == b.Severity)
}

// exactScope reports a figure stated for just the requirement's scope.
func exactScope(r, b *reports.RequirementScope) bool {
	return r != nil && b != nil && *r == *b
}
