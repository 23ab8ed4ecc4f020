package rules

import (
	"regexp/syntax"
	"slices"
	"sort"
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
		return exactSet(re) // a small class of single characters: [至到] → 至 or 到
	case syntax.OpAlternate:
		if ex := exactSet(re); ex != nil {
			return ex
		}
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
		// Of the pieces, the set whose shortest string is longest filters
		// best, and at equal length the smaller set.
		var best []string
		bestLen := 0
		for _, set := range concatPieces(re) {
			short := -1
			for _, s := range set {
				if n := utf8.RuneCountInString(s); short < 0 || n < short {
					short = n
				}
			}
			if short > bestLen || short == bestLen && short > 0 && len(set) < len(best) {
				best, bestLen = set, short
			}
		}
		return best
	}
	return nil
}

// concatPieces returns, for a concatenation, the sets each of which must
// have a member in any match: runs of pieces whose exact strings are known
// multiply out (本 + [市地省] → 本市, 本地, 本省), other pieces give their
// required literals.
func concatPieces(re *syntax.Regexp) [][]string {
	var sets [][]string
	run := []string{""}
	flush := func() {
		if len(run) > 1 || run[0] != "" {
			sets = append(sets, run)
		}
		run = []string{""}
	}
	for _, sub := range re.Sub {
		if ex := exactSet(sub); ex != nil {
			if next := cross(run, ex); next != nil {
				run = next
				continue
			}
		}
		flush()
		if set := requiredLiterals(sub); set != nil {
			sets = append(sets, set)
		}
	}
	flush()
	return sets
}

// exactSet returns every string re matches when they are few and known
// (a literal, a small class, an alternation or concatenation of such),
// or nil.
func exactSet(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture:
		return exactSet(re.Sub[0])
	case syntax.OpCharClass:
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 8 {
				return nil
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set = append(set, string(r))
			}
		}
		if len(set) == 0 || len(set) > 16 {
			return nil
		}
		return set
	case syntax.OpAlternate:
		var set []string
		for _, sub := range re.Sub {
			s := exactSet(sub)
			if s == nil {
				return nil
			}
			set = append(set, s...)
		}
		if len(set) > 64 {
			return nil
		}
		return set
	case syntax.OpConcat:
		set := []string{""}
		for _, sub := range re.Sub {
			s := exactSet(sub)
			if s == nil {
				return nil
			}
			if set = cross(set, s); set == nil {
				return nil
			}
		}
		return set
	}
	return nil
}

// cross concatenates every string of a with every string of b, or nil
// past 64 strings.
func cross(a, b []string) []string {
	if len(a)*len(b) > 64 {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// requiredSets returns, for a pattern, sets of strings of which each set
// must have a member in any match (a concatenation's pieces: 本市|本地 …
// and 业绩|奖项 … in 本市…业绩…加分), or nil when none is known. Requiring
// every set, not the best one, keeps a rule off clauses that have one
// common word of it (企业) but not the rest.
func requiredSets(re *syntax.Regexp) [][]string {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpConcat {
		if set := requiredLiterals(re); set != nil {
			return [][]string{set}
		}
		return nil
	}
	sets := concatPieces(re)
	// A set with a one-character member (的, 后, 不) finds a hit in nearly
	// every clause: it filters out little and each hit costs work. When
	// two sets of longer words remain to require, leave it out.
	var strong [][]string
	for _, set := range sets {
		if shortest(set) > 1 {
			strong = append(strong, set)
		}
	}
	if len(strong) >= 2 {
		sets = strong
	}
	// Two sets filter nearly as well as all of them, and every set's
	// words are scanned for in every clause: keep the two whose words are
	// longest (then fewest), the likeliest to be rare.
	if len(sets) > 2 {
		sort.SliceStable(sets, func(i, j int) bool {
			si, sj := shortest(sets[i]), shortest(sets[j])
			return si > sj || si == sj && len(sets[i]) < len(sets[j])
		})
		sets = sets[:2]
	}
	return sets
}

// shortest is the length in characters of the set's shortest member.
func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if k := utf8.RuneCountInString(s); n < 0 || k < n {
			n = k
		}
	}
	return n
}

// Prefilter tells, for a clause, which pattern rules may match it.
type Prefilter struct {
	words  *keywords.Set
	owners [][]hitKey // literal index -> the (pattern, set)s it belongs to
	full   []uint64   // pattern (numbered across the book) -> the mask of all its sets
	ruleOf []int      // pattern -> its rule's index
	always []bool     // rule index -> runs on every clause (a pattern with no literal known)
	n      int
}

type hitKey struct{ pattern, set int }

// newPrefilter indexes the required literals of every rule with patterns.
func newPrefilter(rs []*Rule, include func(*Rule) bool) *Prefilter {
	p := &Prefilter{always: make([]bool, len(rs)), n: len(rs)}
	index := map[string]int{}
	var words []string
	for i, r := range rs {
		if !include(r) {
			continue // never a candidate
		}
		for _, src := range r.patternSources() {
			parsed, err := syntax.Parse(src, syntax.Perl)
			var sets [][]string
			if err == nil {
				sets = requiredSets(parsed.Simplify())
			}
			if sets == nil {
				p.always[i] = true
				break
			}
			gp := len(p.full) // the pattern's number across the book
			p.full = append(p.full, 1<<len(sets)-1)
			p.ruleOf = append(p.ruleOf, i)
			for si, set := range sets {
				for _, l := range set {
					k, ok := index[l]
					if !ok {
						k = len(words)
						index[l] = k
						words = append(words, l)
						p.owners = append(p.owners, nil)
					}
					p.owners[k] = append(p.owners[k], hitKey{gp, si})
				}
			}
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
	// Sets hit per pattern; on the stack for any book of ordinary size.
	var small [128]uint64
	seen := small[:0]
	if len(p.full) <= len(small) {
		seen = small[:len(p.full)]
	} else {
		seen = make([]uint64, len(p.full))
	}
	p.words.Each(s, func(_, _, w int) bool {
		for _, k := range p.owners[w] {
			seen[k.pattern] |= 1 << k.set
		}
		return true
	})
	for gp, mask := range seen {
		if mask != 0 && mask == p.full[gp] {
			out[p.ruleOf[gp]] = true
		}
	}
	return out
}

// CandidateSets numbers the candidate vectors of a document's clauses,
// one number and one vector for the clauses that have the same: most
// clauses have one of a few, and a vector apiece (a byte per rule, and a
// slice header) was a tenth of a huge document's memory. Not safe for
// concurrent use: one per document.
type CandidateSets struct {
	p    *Prefilter
	buf  []bool
	key  []byte
	seen map[string]int32
	// Vectors are the distinct vectors, by number; read-only.
	Vectors [][]bool
}

// Sets returns an empty CandidateSets of p.
func (p *Prefilter) Sets() *CandidateSets {
	return &CandidateSets{p: p, seen: map[string]int32{}}
}

// Index is the number of Candidates(s) in c.Vectors, added if new.
func (c *CandidateSets) Index(s string) int32 {
	c.buf = c.p.Candidates(s, c.buf)
	c.key = c.key[:0]
	for _, b := range c.buf {
		k := byte('0')
		if b {
			k = '1'
		}
		c.key = append(c.key, k)
	}
	if i, ok := c.seen[string(c.key)]; ok {
		return i
	}
	i := int32(len(c.Vectors))
	c.Vectors = append(c.Vectors, slices.Clone(c.buf))
	c.seen[string(c.key)] = i
	return i
}
