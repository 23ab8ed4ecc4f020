package facts

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"shouhou/checker/clause"
	"shouhou/lexicon/duration"
	"shouhou/lexicon/keywords"
	"shouhou/lexicon/money"
	"shouhou/lexicon/terms"
	"shouhou/reports"
)

// moneyCues ties sums and percentages to the money topics of CONTRACT.md.
type moneyCues struct {
	words *keywords.Set
	topic []reports.Topic // word index -> topic, or baseWord, or "" (owns a sum of no topic)
	// topical holds only the words of money topics: a clause whose text
	// and context have none of them holds no money fact, and is not
	// searched for sums (most clauses of most documents).
	topical *keywords.Set
}

// baseWord marks what a percentage is taken of (合同金额).
const baseWord reports.Topic = "(base)"

func newMoneyCues(lex *terms.Lexicon) *moneyCues {
	m := &moneyCues{}
	var words []string
	add := func(topic reports.Topic, ws []string) {
		for _, w := range ws {
			words = append(words, w)
			m.topic = append(m.topic, topic)
		}
	}
	for _, topic := range slices.Sorted(maps.Keys(lex.Money)) {
		add(topic, lex.Money[topic])
	}
	m.topical = keywords.New(slices.Clone(words))
	add(baseWord, lex.MoneyBase)
	add("", lex.MoneyOther)
	m.words = keywords.New(words)
	return m
}

// moneyHit is a money word found in a text.
type moneyHit struct {
	start, end int
	topic      reports.Topic
}

// hits finds the money words of s, the longest where two overlap
// (履约保证金, not 保证金).
func (m *moneyCues) hits(s string) []moneyHit {
	var all []moneyHit
	m.words.Each(s, func(start, end, w int) bool {
		all = append(all, moneyHit{start, end, m.topic[w]})
		return true
	})
	sort.SliceStable(all, func(a, b int) bool { return all[a].end-all[a].start > all[b].end-all[b].start })
	taken := make([]bool, len(s)+1)
	var out []moneyHit
	for _, h := range all {
		if anyTaken(taken[h.start:h.end]) {
			continue
		}
		for k := h.start; k < h.end; k++ {
			taken[k] = true
		}
		out = append(out, h)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].start < out[b].start })
	return out
}

// find returns the money facts of clause c.
func (m *moneyCues) find(c clause.Clause) []Fact {
	s := c.Text.S
	if !m.topical.Contains(s) && (c.Context == "" || !m.topical.Contains(c.Context)) {
		return nil
	}
	qs := money.Find(s)
	if len(qs) == 0 {
		qs = headerUnit(s, c.Header)
		if len(qs) == 0 {
			qs = labelledSum(s, m.namesSum)
		}
		if len(qs) == 0 {
			return nil
		}
	}
	hits := m.hits(s)
	var ctx []moneyHit
	if c.Context != "" {
		ctx = m.hits(c.Context)
	}
	phrases := phraseBounds(s)
	var out []Fact
	for _, q := range qs {
		percent := q.Unit == money.Percent
		if topic := chooseMoney(hits, ctx, phrases, phraseOf(phrases, q.Start), q.Start, q.End, percent); topic != "" {
			place := duration.Quantity{Op: q.Op, Start: q.Start, End: q.End, NumStart: q.NumStart}
			out = append(out, Fact{Topic: topic, Quantity: place, Money: &q})
		}
	}
	return out
}

// chooseMoney picks the topic of the amount at [start,end) in phrase pi,
// or "". The nearest money word decides: before the amount in its phrase,
// else after it, else in the two phrases before, else in the table
// context. A sum belongs to whatever word is nearest (合同金额100万元 is no
// topic's); a percentage is some deposit's or bond's share of a base, so
// it looks past base words (合同金额的10%) and stops at any other word.
func chooseMoney(hits, ctx []moneyHit, phrases [][2]int, pi, start, end int, percent bool) reports.Topic {
	// decide says what word h means for the amount: its topic and true
	// when it settles the question, false to look further.
	decide := func(h moneyHit) (reports.Topic, bool) {
		switch {
		case percent && (h.topic == baseWord || h.topic == reports.Budget):
			return "", false // 预算金额的2%: the base, not the owner
		case h.topic == baseWord:
			return "", true
		case percent && h.topic != reports.BidDeposit && h.topic != reports.PerformanceBond:
			return "", true
		}
		return h.topic, true
	}
	scan := func(hs []moneyHit, lo, hi int, backward bool) (reports.Topic, bool) {
		for k := range hs {
			i := k
			if backward {
				i = len(hs) - 1 - k
			}
			if h := hs[i]; h.start >= lo && h.end <= hi {
				if t, ok := decide(h); ok {
					return t, true
				}
			}
		}
		return "", false
	}
	p := phrases[pi]
	if t, ok := scan(hits, p[0], start, true); ok {
		return t
	}
	if t, ok := scan(hits, end, p[1], false); ok {
		return t
	}
	for k := pi - 1; k >= 0 && k >= pi-2; k-- {
		if t, ok := scan(hits, phrases[k][0], phrases[k][1], true); ok {
			return t
		}
	}
	if t, ok := scan(ctx, 0, 1<<30, true); ok {
		return t
	}
	return ""
}

// bracketed is a unit a header or label names in brackets, with the
// factor to it.
type bracketed struct {
	word   string
	unit   money.Unit
	factor float64
}

var (
	bareNumber = regexp.MustCompile(`^[0-9][0-9,]*(?:\.[0-9]+)?$`)
	// headerUnits are the units a column header gives its cells
	// (预算金额(元), 最高限价(万元), 比例(%)), with the factor to yuan.
	headerUnits = []bracketed{
		{"(万元)", money.Yuan, 1e4}, {"(元)", money.Yuan, 1}, {"(亿元)", money.Yuan, 1e8},
		{"(%)", money.Percent, 1}, {"(人民币元)", money.Yuan, 1}, {"(人民币万元)", money.Yuan, 1e4},
		{"(单位:元)", money.Yuan, 1}, {"(单位:万元)", money.Yuan, 1e4},
	}
)

// namesSum reports a label that ends in a money word, a bracketed unit
// after it allowed (预算金额, 最高限价(元), 投标保证金(万元)): 投标保证金
// 咨询电话 and 预算项目编码 name a telephone and a code, not a sum. Labels
// come from normalized clauses: brackets and colons are half-width.
func (m *moneyCues) namesSum(label string) bool {
	label = strings.TrimSpace(label)
	if i := strings.LastIndexByte(label, '('); i > 0 {
		label = strings.TrimSpace(label[:i])
	}
	hs := m.hits(label)
	return len(hs) > 0 && hs[len(hs)-1].end == len(label)
}

// labelledSum reads the bare number of a "label: number" record as a sum
// (预算金额:41000.00, 预算金额(万元):132), and of each "label | number"
// pair of a table row flattened into text (预算金额(元) | 1320000 |): the
// unit in the label's brackets, else yuan, the only unit a notice leaves
// unsaid. A figure under 100 with no unit is not taken for a sum (保证金:5
// may be a percentage or a count). moneyLabel says whether the label names
// a money topic (联行号:304100011975 is no sum); chooseMoney says whose
// it is. s is a normalized clause.
func labelledSum(s string, moneyLabel func(string) bool) []money.Quantity {
	if strings.Contains(s, "|") {
		var out []money.Quantity
		prev, from := "", 0
		for from <= len(s) {
			to := strings.IndexByte(s[from:], '|')
			if to < 0 {
				to = len(s)
			} else {
				to += from
			}
			if q, ok := bareSum(prev, s, from, to, moneyLabel); ok {
				out = append(out, q)
			}
			prev, from = strings.TrimRight(strings.TrimSpace(s[from:to]), ":"), to+1
		}
		return out
	}
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return nil
	}
	if q, ok := bareSum(s[:colon], s, colon+1, len(s), moneyLabel); ok {
		return []money.Quantity{q}
	}
	return nil
}

// bareSum reads s[from:to], spaces and a sentence end around it dropped,
// as a bare number that label names a sum of.
func bareSum(label, s string, from, to int, moneyLabel func(string) bool) (money.Quantity, bool) {
	var q money.Quantity
	rest := strings.TrimLeft(s[from:to], " ")
	start := to - len(rest)
	num := strings.TrimRight(rest, "。; ")
	if num == "" || num[0] < '0' || num[0] > '9' || num[0] == '0' && len(num) > 1 && num[1] != '.' || !bareNumber.MatchString(num) {
		return q, false // most cells hold words: the cheap test first; 0571… is a telephone, 0.5 a sum
	}
	if !strings.ContainsAny(num, ",.") && len(num) >= 11 {
		return q, false // eleven digits and more, unpunctuated: a telephone, an account, a code
	}
	norm := strings.ReplaceAll(label, " ", "")
	if norm == "" || utf8.RuneCountInString(norm) > 16 || !moneyLabel(label) {
		return q, false
	}
	v, ok := bareValue(num)
	if !ok {
		return q, false
	}
	factor, named := 1.0, false // yuan, a notice's unsaid unit
	if u, ok := bracketUnit(norm, money.Yuan); ok {
		factor, named = u.factor, true
	}
	if !named && v < 100 {
		return q, false
	}
	a, ok := money.Of(v*factor, money.Yuan)
	if !ok {
		return q, false
	}
	return money.Quantity{Amount: a, Op: duration.OpEqual, Text: num, Start: start, End: start + len(num), NumStart: start}, true
}

// headerUnit reads a cell that is a bare number as a sum or percentage
// when its column header names the unit: 预算金额(元) | 1320000.
func headerUnit(s, header string) []money.Quantity {
	if header == "" || !bareNumber.MatchString(s) {
		return nil
	}
	u, ok := bracketUnit(strings.ReplaceAll(header, " ", ""), "")
	if !ok {
		return nil
	}
	v, ok := bareValue(s)
	if !ok {
		return nil
	}
	a, ok := money.Of(v*u.factor, u.unit)
	if !ok {
		return nil
	}
	return []money.Quantity{{Amount: a, Op: duration.OpEqual, Text: s, Start: 0, End: len(s), NumStart: 0}}
}

// bracketUnit finds the first of headerUnits a header or label names
// ((万元), (%)), of the given unit only unless it is "".
func bracketUnit(label string, only money.Unit) (bracketed, bool) {
	for _, u := range headerUnits {
		if (only == "" || u.unit == only) && strings.Contains(label, u.word) {
			return u, true
		}
	}
	return bracketed{}, false
}

// bareValue reads a bare number with thousands separators (1,320,000.00).
func bareValue(num string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	return v, err == nil
}
