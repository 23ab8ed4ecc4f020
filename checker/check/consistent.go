package check

import (
	"fmt"
	"shouhou/internal/anyof"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"shouhou/lexicon/duration"
	"shouhou/lexicon/periods"
	"shouhou/lexicon/terms"
	"shouhou/reports"
	"shouhou/rules"
)

// Consistent: a topic stated twice must be stated alike.
const Consistent = "consistent"

// ConsistentParams are the duration topics the rule compares.
type ConsistentParams struct {
	Topics []reports.Topic `yaml:"topics,omitempty,flow"`
}

type consistent struct{}

func (consistent) Name() string { return Consistent }
func (consistent) Params() any  { return &ConsistentParams{} }

func (consistent) Validate(r *rules.Rule, bad rules.Bad) {
	p := params[ConsistentParams](r)
	if len(p.Topics) == 0 {
		bad("topics", "consistent needs topics")
	}
	for _, t := range p.Topics {
		if _, ok := rules.TopicNames[t]; !ok || rules.IsMoneyTopic(t) {
			bad("topics", "topics: %q is not a duration topic of docs/contract.md", t)
		}
	}
}

// Run reports a topic the document states twice with different
// figures: 退货期限7天 in one clause, 退货期限15天 in another. Such a
// document cannot be read one way; the finding is unclear and points at
// every clause that disagrees.
//
// Two figures disagree only when they speak of the same thing, so the
// check is narrow on purpose:
//   - the same topic and part, both plain or upper bounds (not 不少于, not
//     ranges), from different clauses;
//   - the same qualifiers (无理由 / 质量问题 / 非质量问题): 七天无理由退货
//     and 质量问题十五日内可退货 are two rights, not one right told twice;
//   - the same subject: what is left of the phrase once the cue words,
//     the figure and the words every such phrase uses (自签收之日起, 内,
//     可, 为, 本产品 …) are taken out. 整机保修一年 and 本产品保修期为两年
//     leave nothing and disagree; 大家电保修三年 and 小家电保修一年 leave
//     大家电 and 小家电 and stay apart;
//   - the same table row label, and the same heading unless neither
//     heading names a product (手机 / 平板 sections may differ freely);
//   - the same scope: region, customer tier, fault severity and share
//     (北京2小时 and 其他地区48小时 are two promises);
//   - the same promise: a free-repair period (免费维修期一年) is not the
//     quality guarantee (质保期三年).
func (consistent) Run(d Doc, r *rules.Rule) []reports.Finding {
	topics := params[ConsistentParams](r).Topics
	clauses, productWords := d.Clauses(), d.Context().ProductWords
	// A statement's key holds everything two statements must share to
	// speak of the same thing but the heading; under one key there are few
	// distinct (figure, heading) pairs, so the check stays linear in a
	// document of thousands of figures.
	type stmt struct {
		Fact
		heading string
		product bool // the heading names a product
	}
	// Most topics are stated with one figure however often they are
	// stated; only those with two figures need their subjects read.
	figures := map[string]duration.Amount{}
	mixed := map[string]bool{}
	// A bare figure (a line that is 3年 and nothing else, a flattened
	// table's cell) has no subject of its own: it is compared with nothing.
	bare := func(f Fact) bool {
		s := clauses[f.Clause].Text.S
		return clauses[f.Clause].Table == 0 && strings.TrimSpace(s[:f.Start]) == "" && strings.TrimRight(s[f.End:], " 。.") == ""
	}
	usable := func(f Fact) bool {
		return slices.Contains(topics, f.Topic) && !f.Blank && !f.LadderStep && f.Unit != "" && f.Unit != duration.Lifetime &&
			f.Op != duration.OpAtLeast && f.Op != duration.OpRange && !bare(f)
	}
	for _, f := range d.Facts() {
		if !usable(f) {
			continue
		}
		k := string(f.Topic) + "|" + f.Item
		if a, ok := figures[k]; !ok {
			figures[k] = f.Amount()
		} else if !sameAmount(a, f.Amount()) {
			mixed[k] = true
		}
	}
	groups := map[string][]stmt{}
	var order []string
	productHeading := map[string]bool{}
	for _, f := range d.Facts() {
		if !usable(f) || !mixed[string(f.Topic)+"|"+f.Item] {
			continue
		}
		c := clauses[f.Clause]
		s := c.Text.S
		ps, pe := phraseStart(s, f.Start), phraseEnd(s, f.End)
		key := strings.Join([]string{string(f.Topic), f.Item, qualifiers(s), promise(s[ps:pe]), subject(s[ps:f.Start] + " " + s[f.End:pe]), c.Context, f.Scope.Key()}, "|")
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		h := lastHeading(c.Section)
		named, ok := productHeading[h]
		if !ok {
			named = anyof.In(h, productWords...)
			productHeading[h] = named
		}
		groups[key] = append(groups[key], stmt{f, h, named})
	}
	var out []reports.Finding
	for _, key := range order {
		var earlier []stmt // one per distinct (figure, heading) so far
		for _, b := range groups[key] {
			var others []reports.Place
			var said []string
			known := false
			for _, a := range earlier {
				same := sameAmount(a.Amount(), b.Amount())
				known = known || same && a.heading == b.heading
				// a different figure under the same heading, or under
				// headings that name no product
				if same || a.Clause == b.Clause || a.heading != b.heading && (a.product || b.product) {
					continue
				}
				p := d.Place(a.Clause, a.NumStart)
				others = append(others, p)
				said = append(said, fmt.Sprintf("%s 写 %s", p.Location, a.Amount()))
			}
			if len(others) > 0 {
				here := d.Place(b.Clause, b.NumStart)
				topic := rules.TopicNames[b.Topic]
				if b.Item != "" {
					topic = b.Item + rules.TopicNames[reports.WarrantyPeriod]
				}
				msg := expand(r.Message, map[string]string{"topic": topic,
					"stated": fmt.Sprintf("%s 写 %s", here.Location, b.Amount()), "others": strings.Join(said, "，")})
				fd := d.Finding(r, reports.Unclear, msg, b.Clause, b.NumStart)
				fd.Topic, fd.Related = b.Topic, others
				out = append(out, fd)
				break // one finding per subject: the first clause that disagrees with an earlier one
			}
			if !known {
				earlier = append(earlier, b)
			}
		}
	}
	return append(out, refusedBeforeGranted(d, r, usable, out)...)
}

// refusedBeforeGranted reports a refusal past a time shorter than a
// window the document grants elsewhere (收到商品30日内可退换 … 购买超过15天的
// 商品不能退换): the refusal takes back what the grant gives, whatever
// words the two phrases use for their subject. A qualified refusal takes
// back only the right of the same qualifiers (a refusal of no-reason
// returns past 7 days leaves a 30-day window for faults); a clause already
// reported is not reported again.
func refusedBeforeGranted(d Doc, r *rules.Rule, usable func(Fact) bool, found []reports.Finding) []reports.Finding {
	clauses := d.Clauses()
	reported := map[int]bool{}
	for _, fd := range found {
		reported[fd.Line] = true
	}
	var out []reports.Finding
	for _, f := range d.Facts() {
		if !f.Refused || !usable(f) {
			continue
		}
		fq := qualifiers(clauses[f.Clause].Text.S)
		for _, g := range d.Facts() {
			if g.Refused || !usable(g) || g.Topic != f.Topic || g.Item != f.Item || g.Clause == f.Clause || g.Scope.Key() != f.Scope.Key() {
				continue
			}
			if fq != "" && qualifiers(clauses[g.Clause].Text.S) != fq {
				continue // 无理由退货超过7天不予退货 takes back the no-reason right only
			}
			if duration.AtLeast(f.Amount(), g.Amount()) {
				continue // refused only past the granted time
			}
			here, there := d.Place(f.Clause, f.NumStart), d.Place(g.Clause, g.NumStart)
			if reported[here.Line] {
				break
			}
			msg := expand(r.Message, map[string]string{"topic": rules.TopicNames[f.Topic],
				"stated": fmt.Sprintf("%s 写超过 %s 不予办理", here.Location, f.Amount()), "others": fmt.Sprintf("%s 写 %s", there.Location, g.Amount())})
			fd := d.Finding(r, reports.Unclear, msg, f.Clause, f.NumStart)
			fd.Topic, fd.Related = f.Topic, []reports.Place{there}
			out = append(out, fd)
			reported[here.Line] = true
			break
		}
	}
	return out
}

func lastHeading(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}

// qualifiers names the kind of right a clause speaks of.
func qualifiers(s string) string {
	words := periods.Must().Qualifiers
	var q []string
	if anyof.In(s, words.NoReason...) {
		q = append(q, "no-reason")
	}
	switch {
	case anyof.In(s, words.NonQuality...):
		q = append(q, "non-quality")
	case anyof.In(s, words.Quality...):
		q = append(q, "quality")
	}
	return strings.Join(q, ",")
}

// promise tells a free-repair period from the quality guarantee in a
// warranty phrase: a document may grant free repair for a shorter time
// than its quality guarantee (质保期五年，免费维修期一年), two promises,
// not one stated twice. The words are lexicon/periods' free_repair.
func promise(phrase string) string {
	for _, w := range periods.Must().FreeRepair {
		if strings.Contains(phrase, w) {
			return "free-repair"
		}
	}
	return ""
}

func sameAmount(a, b duration.Amount) bool {
	return duration.AtLeast(a, b) && duration.AtLeast(b, a)
}

// phraseEnd is where the phrase holding byte off of s ends: at the next
// comma or semicolon, or the end.
func phraseEnd(s string, off int) int {
	if i := strings.IndexAny(s[off:], ",;"); i >= 0 {
		return off + i
	}
	return len(s)
}

var (
	subjectOnce     sync.Once
	subjectReplacer *strings.Replacer
)

// subject is what a period's phrase says it is about: the phrase without
// cue words, common words, figures and punctuation.
func subject(phrase string) string {
	subjectOnce.Do(func() {
		lex := terms.Load()
		words := slices.Concat(lex.Cues(), lex.ServiceTriggers, lex.ServiceObjects, lex.ServiceVerbs, lex.WholeUnit, periods.Must().CommonWords)
		sort.SliceStable(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
		pairs := make([]string, 0, 2*len(words))
		for _, w := range words {
			pairs = append(pairs, w, " ")
		}
		subjectReplacer = strings.NewReplacer(pairs...)
	})
	var b strings.Builder
	for _, r := range subjectReplacer.Replace(phrase) {
		if unicode.Is(unicode.Han, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
