package rules

import (
	"regexp/syntax"
	"unicode/utf8"

	"shouhou/lexicon/keywords"
)

// Every clause of every document would otherwise run every pattern rule's
// regular expressions (profiling a 7 MB batch: 46% of the time, most of it
// backtracking on clauses that share no word with the rule). A pattern
// can only match where one of its required literals occurs, so one pass of
// a keyword set over the clause with all rules' literals tells which rules
// are worth running. (An Aho–Corasick automaton did the same at half the
// speed: lexicon/keywords' BenchmarkSets.)

// requiredLiterals returns strings at least one of which occurs in any
// match of re, or nil when no such set is known (the rule always runs).
func requiredLiterals(re *syntax.Regexp) []string {
	const maxSet = 64
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			for _, r := range re.Rune {
				if r < utf8.RuneSelf && ('a' <= r|0x20 && r|0x20 <= 'z') {
					return nil // case-folded Latin: the literal is not exact
				}
			}
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredLiterals(re.Sub[0])
		}
	case syntax.OpCharClass:
		// A small class of single characters: [至到] → 至 or 到.
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 8 {
				return nil
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set = append(set, string(r))
			}
		}
		if len(set) > 0 && len(set) <= 16 {
			return set
		}
	case syntax.OpAlternate:
		var set []string
		for _, sub := range re.Sub {
			s := requiredLiterals(sub)
			if s == nil {
				return nil
			}
			set = append(set, s...)
		}
		if len(set) <= maxSet {
			return set
		}
	case syntax.OpConcat:
		// Adjacent literals join (最终 + 解释权); of the pieces, the one
		// whose shortest string is longest filters best.
		var best []string
		bestLen := 0
		consider := func(set []string) {
			if set == nil {
				return
			}
			short := -1
			for _, s := range set {
				if n := utf8.RuneCountInString(s); short < 0 || n < short {
					short = n
				}
			}
			if short > bestLen {
				best, bestLen = set, short
			}
		}
		run := ""
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpLiteral && sub.Flags&syntax.FoldCase == 0 {
				run += string(sub.Rune)
				continue
			}
			if run != "" {
				consider([]string{run})
				run = ""
			}
			consider(requiredLiterals(sub))
		}
		if run != "" {
			consider([]string{run})
		}
		return best
	}
	return nil
}

// Prefilter tells, for a clause, which pattern rules may match it.
type Prefilter struct {
	words  *keywords.Set
	owners [][]int // literal index -> rule indexes in Book.Rules
	always []bool  // rule index -> runs on every clause (no literal known)
	n      int
}

// newPrefilter indexes the required literals of every rule with patterns.
func newPrefilter(rs []*Rule) *Prefilter {
	p := &Prefilter{always: make([]bool, len(rs)), n: len(rs)}
	index := map[string]int{}
	var words []string
	for i, r := range rs {
		if len(r.patterns) == 0 {
			continue
		}
		var lits []string
		for _, re := range r.patterns {
			parsed, err := syntax.Parse(re.String(), syntax.Perl)
			var set []string
			if err == nil {
				set = requiredLiterals(parsed.Simplify())
			}
			if set == nil {
				lits = nil
				p.always[i] = true
				break
			}
			lits = append(lits, set...)
		}
		for _, l := range lits {
			k, ok := index[l]
			if !ok {
				k = len(words)
				index[l] = k
				words = append(words, l)
				p.owners = append(p.owners, nil)
			}
			p.owners[k] = append(p.owners[k], i)
		}
	}
	p.words = keywords.New(words)
	return p
}

// Candidates sets out[i] for each rule i of the book that may match s,
// and returns out (reused when it has the right length).
func (p *Prefilter) Candidates(s string, out []bool) []bool {
	if len(out) != p.n {
		out = make([]bool, p.n)
	}
	copy(out, p.always)
	if s == "" {
		return out
	}
	p.words.Each(s, func(_, _, w int) bool {
		for _, r := range p.owners[w] {
			out[r] = true
		}
		return true
	})
	return out
}
