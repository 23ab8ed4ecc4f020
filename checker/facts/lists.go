package facts

import (
	"maps"
	"shouhou/internal/anyof"
	"slices"
	"strings"

	"shouhou/checker/clause"
	"shouhou/lexicon/duration"
	"shouhou/lexicon/keywords"
	"shouhou/lexicon/terms"
	"shouhou/reports"
)

// lists finds the named items of list topics (insurance, certification):
// spellings from the lexicon, matched with Latin letters lower-cased and
// spaces and hyphens ignored, so "ISO 9001:2015" and "iso9001" are one.
type lists struct {
	words     *keywords.Set
	topic     []reports.Topic // word index -> topic
	item      []string        // word index -> canonical item
	negations []string
}

func newLists(lex *terms.Lexicon) *lists {
	l := &lists{negations: lex.ListNegations}
	var words []string
	for _, topic := range slices.Sorted(maps.Keys(lex.Lists)) {
		for _, item := range slices.Sorted(maps.Keys(lex.Lists[topic])) {
			for _, w := range lex.Lists[topic][item] {
				words = append(words, fold(w))
				l.topic = append(l.topic, topic)
				l.item = append(l.item, item)
			}
		}
	}
	l.words = keywords.New(words)
	return l
}

// fold lower-cases Latin letters and drops spaces and hyphens, keeping a
// map from each kept byte back to its offset in s.
func foldMap(s string) (string, []int) {
	var b strings.Builder
	offs := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '-':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b.WriteByte(c)
		offs = append(offs, i)
	}
	offs = append(offs, len(s))
	return b.String(), offs
}

func fold(s string) string { f, _ := foldMap(s); return f }

// find returns the list facts of a clause: one per item, at its first
// mention, unless a negation (不要求, 未通过 …) stands before it in its phrase.
func (l *lists) find(c clause.Clause) []Fact {
	s := c.Text.S
	if !mayList(s) {
		return nil
	}
	folded, offs := s, []int(nil)
	if strings.ContainsAny(s, " -ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		folded, offs = foldMap(s) // most clauses need no folding: no copy then
	}
	at := func(i int) int {
		if offs == nil {
			return i
		}
		return offs[i]
	}
	var out []Fact
	seen := map[string]bool{}
	coverEnd := 0 // a spelling inside a longer one found before (cmmi in cmmi5) is no item of its own
	l.words.Each(folded, func(start, end, w int) bool {
		if end <= coverEnd {
			return true
		}
		coverEnd = end
		key := string(l.topic[w]) + "/" + l.item[w]
		if seen[key] {
			return true
		}
		seen[key] = true
		os, oe := at(start), at(end-1)+1
		ps, _ := phraseAround(s, os, oe)
		if anyof.In(s[ps:os], l.negations...) {
			return true
		}
		f := Fact{Topic: l.topic[w], Item: l.item[w]}
		f.Op, f.Start, f.End, f.NumStart = duration.OpEqual, os, oe, os
		out = append(out, f)
		return true
	})
	return out
}

// mayList reports whether s holds a character every list spelling
// contains: insurance words all say 险; certifications say 认证, 体系,
// 证书, 资质 or 报告, or carry a standard number ending in 001 (9001,
// 14001, 18001 …); the acceptance start says 验收.
// It spares the keyword pass on nearly every clause.
func mayList(s string) bool {
	// One pass over the bytes, the anchor characters matched as their
	// three-byte UTF-8 (险 认 体 报 证 资 验 标), "001" and the Latin
	// names (iso, cmmi, itss, gb/t) as ASCII; an anchor character
	// alone lets the clause through, the keyword pass decides.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '0' && i+2 < len(s) && s[i+1] == '0' && s[i+2] == '1' {
			return true
		}
		if (c|0x20 == 'i' || c|0x20 == 'c' || c|0x20 == 'g') && latinAnchor(s, i) {
			return true
		}
		if c&0xF0 != 0xE0 || i+2 >= len(s) {
			continue
		}
		switch uint32(c)<<16 | uint32(s[i+1])<<8 | uint32(s[i+2]) {
		case 0xE999A9 /* 险 */, 0xE8AEA4 /* 认 */, 0xE4BD93 /* 体 */, 0xE68AA5 /* 报 */, 0xE8AF81 /* 证 */, 0xE8B584 /* 资 */, 0xE9AA8C /* 验 */, 0xE6A087 /* 标 */ :
			return true
		}
		i += 2
	}
	return false
}

// latinAnchor reports a Latin list name at s[i]: iso, cmmi, itss, gb/t, in
// either case.
func latinAnchor(s string, i int) bool {
	for _, w := range [...]string{"iso", "cmmi", "itss", "gb/t"} {
		if i+len(w) <= len(s) && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}
