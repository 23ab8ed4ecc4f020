// Package facts reads durations out of clauses and decides what each one
// is about: a response time, a return window, a warranty of a named part …
//
// The figure itself comes from lexicon/duration. The topic comes from the
// nearest cue word of package terms in the same phrase (the text between
// commas), then from earlier phrases of the clause, then from the clause's
// table header or heading. A cue only counts as a whole word after gse
// segmentation, so 质保 inside 质保金 is no warranty.
package facts

import (
	"sort"
	"strings"

	"shouhou/checker/clause"
	"shouhou/lexicon/duration"
	"shouhou/lexicon/segment"
	"shouhou/lexicon/terms"
)

// Fact is one duration with its topic, located in the clause's normalized
// text (Start, End, NumStart are byte offsets there).
type Fact struct {
	Topic string
	Item  string // the part, for parts_warranty
	duration.Quantity
}

// hit is a cue word found in a text.
type hit struct {
	start, end int
	topics     []string
}

// Extractor finds facts; it is safe for concurrent use once built.
type Extractor struct {
	lex   *terms.Lexicon
	cues  []string
	topic map[string][]string
}

// New builds an extractor over the embedded lexicon.
func New() *Extractor {
	lex := terms.Load()
	return &Extractor{lex: lex, cues: lex.Cues(), topic: lex.CueTopics()}
}

// Extract returns the facts of one clause. Clauses without a figure return
// at once, before any segmentation: most sentences of a policy hold none.
func (x *Extractor) Extract(c clause.Clause) []Fact {
	s := c.Text.S
	qs := duration.Find(s)
	for _, sp := range duration.FindMissingFigure(s) {
		qs = append(qs, duration.Quantity{Op: duration.OpAtMost, Unit: unitAt(s, sp), Blank: true, Start: sp[0], End: sp[1], NumStart: sp[0]})
	}
	if len(qs) == 0 {
		return nil
	}
	sort.Slice(qs, func(i, j int) bool { return qs[i].Start < qs[j].Start })
	hits := x.cueHits(s, qs)
	var ctxHits []hit
	if ctx := strings.TrimSpace(c.Context + " " + lastOf(c.Section)); ctx != "" {
		ctxHits = x.cueHits(ctx, nil)
	}
	phrases := phraseBounds(s)

	var out []Fact
	for _, q := range qs {
		pi := phraseOf(phrases, q.Start)
		p := phrases[pi]
		topics, cueAt := x.choose(hits, p, q, phrases[:pi], ctxHits)
		if len(topics) == 0 {
			continue
		}
		regionStart := p[0]
		if pi > 0 {
			regionStart = phrases[pi-1][0]
		}
		if x.negated(s[p[0]:q.Start]) || (cueAt >= 0 && cueAt < q.Start && x.negated(s[p[0]:cueAt])) {
			continue // 不支持7天无理由退货: states what is not offered
		}
		service := x.isServiceTime(s[regionStart:q.Start])
		phrase := s[p[0]:p[1]]
		for _, tp := range topics {
			if service && x.lex.Topics[tp].Kind == terms.Window {
				continue
			}
			if tp == "exchange_window" && len(topics) > 1 && containsAny(phrase, x.lex.NoReason) {
				continue // 无理由退换货 is the no-reason return right only
			}
			f := Fact{Topic: tp, Quantity: q}
			if tp == "warranty_period" {
				if item := x.item(phrase); item != "" {
					f.Topic, f.Item = "parts_warranty", item
				}
			}
			out = append(out, f)
		}
		if service && !anyService(x.lex, topics) {
			out = append(out, Fact{Topic: "resolution_time", Quantity: q})
		}
	}
	return out
}

// choose picks the topics of quantity q: the nearest cue in its own phrase,
// else the nearest in earlier phrases, else the table or heading context.
// cueAt is the cue's byte offset in the clause, or -1.
func (x *Extractor) choose(hits []hit, p [2]int, q duration.Quantity, earlier [][2]int, ctx []hit) ([]string, int) {
	best, bestDist := -1, 1<<30
	for i, h := range hits {
		if h.start < p[0] || h.end > p[1] {
			continue
		}
		var d int
		switch {
		case h.end <= q.Start:
			d = q.Start - h.end
		case h.start >= q.End:
			d = h.start - q.End
		default:
			continue
		}
		if d < bestDist || (d == bestDist && h.start > q.Start) {
			best, bestDist = i, d
		}
	}
	if best >= 0 {
		return hits[best].topics, hits[best].start
	}
	for k := len(earlier) - 1; k >= 0 && k >= len(earlier)-2; k-- {
		for i := len(hits) - 1; i >= 0; i-- {
			if hits[i].start >= earlier[k][0] && hits[i].end <= earlier[k][1] {
				return hits[i].topics, hits[i].start
			}
		}
	}
	if len(ctx) > 0 {
		return ctx[len(ctx)-1].topics, -1
	}
	return nil, -1
}

// cueHits finds whole-word cues in s, longest first, not overlapping each
// other or the figures in qs.
func (x *Extractor) cueHits(s string, qs []duration.Quantity) []hit {
	bounds := map[int]bool{}
	for _, b := range segment.Boundaries(s) {
		bounds[b] = true
	}
	taken := make([]bool, len(s)+1)
	for _, q := range qs {
		for i := q.NumStart; i < q.End; i++ {
			taken[i] = true
		}
	}
	var hits []hit
	for _, cue := range x.cues {
		for from := 0; ; {
			i := strings.Index(s[from:], cue)
			if i < 0 {
				break
			}
			i += from
			j := i + len(cue)
			from = j
			if !bounds[i] || !bounds[j] || anyTaken(taken[i:j]) {
				continue
			}
			for k := i; k < j; k++ {
				taken[k] = true
			}
			hits = append(hits, hit{i, j, x.topic[cue]})
		}
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].start < hits[b].start })
	return hits
}

// isServiceTime reports whether the text before a figure names an event the
// seller reacts to (接到报修后, 收到退货申请后): the figure is then how long the
// seller takes, never a window the consumer enjoys.
func (x *Extractor) isServiceTime(before string) bool {
	for _, t := range x.lex.ServiceTriggers {
		i := strings.Index(before, t)
		if i < 0 {
			continue
		}
		rest := before[i+len(t):]
		if strings.HasSuffix(t, "后") {
			return true
		}
		if strings.Contains(rest, "后") && containsAny(rest, x.lex.ServiceObjects) {
			return true
		}
	}
	return false
}

// negated reports a negation that is not part of a comparator (不能超过).
func (x *Extractor) negated(s string) bool {
	for _, n := range x.lex.Negations {
		for from := 0; ; {
			i := strings.Index(s[from:], n)
			if i < 0 {
				break
			}
			rest := s[from+i+len(n):]
			if !hasPrefixAny(rest, "超过", "少于", "低于", "迟于", "晚于", "多于", "短于") {
				return true
			}
			from += i + len(n)
		}
	}
	return false
}

// item names the part a warranty phrase is about, unless the phrase is about
// the whole unit (整机).
func (x *Extractor) item(phrase string) string {
	if strings.Contains(phrase, "整机") {
		return ""
	}
	best, at := "", len(phrase)+1
	for _, it := range x.lex.Topics["parts_warranty"].Items {
		if i := strings.Index(phrase, it); i >= 0 && (i < at || (i == at && len(it) > len(best))) {
			best, at = it, i
		}
	}
	return best
}

func phraseBounds(s string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range s {
		if r == ',' || r == ';' || r == '、' || r == '，' {
			out = append(out, [2]int{start, i})
			start = i + len(string(r))
		}
	}
	return append(out, [2]int{start, len(s)})
}

func phraseOf(ps [][2]int, off int) int {
	for i, p := range ps {
		if off >= p[0] && off < p[1] {
			return i
		}
	}
	return len(ps) - 1
}

func unitAt(s string, sp [2]int) duration.Unit {
	for _, q := range duration.Find("1" + s[sp[0]:sp[1]]) {
		return q.Unit
	}
	return duration.Day
}

func anyService(lex *terms.Lexicon, topics []string) bool {
	for _, t := range topics {
		if lex.Topics[t].Kind == terms.Service {
			return true
		}
	}
	return false
}

func anyTaken(b []bool) bool {
	for _, t := range b {
		if t {
			return true
		}
	}
	return false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasPrefixAny(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func lastOf(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[len(ss)-1]
}
