package facts

import (
	"fmt"
	"regexp"
	"shouhou/internal/anyof"
	"strconv"
	"strings"

	"shouhou/lexicon/keywords"
	"shouhou/lexicon/terms"
)

// Scope is what limits a figure to some cases: a region (北京2小时，其他
// 地区48小时), a customer tier, a fault's severity, a share of the cases
// (90%的故障), a condition (原则上, 根据用户需求) and the part a warranty
// covers. The zero Scope is a firm promise for every case.
type Scope struct {
	Region, Tier, Severity string
	// Share is the percentage of cases the figure promises; 0 means all.
	Share     float64
	Condition string
	Part      string
	// Product is the product or product line a flattened table row names.
	Product string
}

// Firm reports a promise for every case: no share below 100% and no
// condition.
func (s Scope) Firm() bool { return s.Share == 0 && s.Condition == "" }

// Key names the scope for grouping: two figures speak of the same thing
// only when their keys agree. The condition is no part of it: a hedged
// figure still contradicts a plain one.
func (s Scope) Key() string {
	if s.Region == "" && s.Tier == "" && s.Severity == "" && s.Share == 0 && s.Product == "" {
		return ""
	}
	return fmt.Sprintf("%s/%s/%s/%g/%s", s.Region, s.Tier, s.Severity, s.Share, s.Product)
}

// scoper finds the qualifiers of figures.
type scoper struct {
	words *keywords.Set
	kind  []int // word index -> 0 region, 1 tier, 2 severity
	// purchaseDate matches a day of sale the terms change on, the day
	// and its bound captured: 2017年9月7日前购买的产品 (lexicon scope:
	// date_bounds, purchase_words).
	purchaseDate *regexp.Regexp
	// notRegion after a place name make it an organisation's (北京某某科技
	// 有限公司) or a clock's (北京时间); addressWords make the places around
	// them an address or a list of branches. Lexicon scope: not_region,
	// not_region_next, address_words.
	notRegion, notRegionNext, addressWords []string
}

func newScoper(lex *terms.Lexicon) *scoper {
	sc := &scoper{notRegion: lex.Scope.NotRegion, notRegionNext: lex.Scope.NotRegionNext, addressWords: lex.Scope.AddressWords}
	var words []string
	for k, ws := range [][]string{lex.Scope.Region, lex.Scope.Tier, lex.Scope.Severity} {
		for _, w := range ws {
			words = append(words, w)
			sc.kind = append(sc.kind, k)
		}
	}
	sc.words = keywords.New(words)
	quote := func(ws []string) string {
		q := make([]string, len(ws))
		for i, w := range ws {
			q[i] = regexp.QuoteMeta(w)
		}
		return strings.Join(q, "|")
	}
	sc.purchaseDate = regexp.MustCompile(`([0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?\s*(?:` + quote(lex.Scope.DateBounds) + `))[^;。]{0,16}?(?:` + quote(lex.Scope.PurchaseWords) + `)`)
	return sc
}

// scopeOf returns the region, tier and severity qualifying a figure at
// byte off of s: the nearest word of each kind before it in the clause,
// else in ctx (a table row's label, a heading).
func (sc *scoper) scopeOf(s string, phrases [][2]int, off int, ctx string) (out [3]string) {
	type found struct {
		at   int
		word string
	}
	var best [3]found
	for k := range best {
		best[k].at = -1
	}
	var places []found // region words in order, to name a list whole (北京、天津)
	fp := phraseOf(phrases, off)
	sc.words.Each(s[:off], func(start, end, w int) bool {
		k := sc.kind[w]
		if k == 0 {
			pi := phraseOf(phrases, start)
			pe := phrases[pi][1]
			if anyof.Prefix(s[end:], sc.notRegionNext...) || anyof.In(s[end:pe], sc.notRegion...) {
				return true // 北京时间, 北京某某科技有限公司
			}
			// a region qualifies a figure in its own phrase or the one
			// before (对于北京地区的用户，2小时内上门), not an address or
			// a list of branches (服务网点遍布北京、上海，…)
			// (a list of places reaches the phrase before the figure
			// through 、: 山西、山东、河南范围内，8小时内到达)
			last := pi
			for last < fp-1 && strings.HasPrefix(s[phrases[last][1]:], "、") {
				last++
			}
			if last < fp-1 {
				return true
			}
			from := pi
			for from > 0 && strings.HasPrefix(s[phrases[from-1][1]:], "、") {
				from--
			}
			if anyof.In(s[phrases[from][0]:pe], sc.addressWords...) {
				return true
			}
		}
		if k == 0 {
			places = append(places, found{start, sc.words.Word(w)})
		}
		if start > best[k].at {
			best[k] = found{start, sc.words.Word(w)}
		}
		return true
	})
	for j := len(places) - 1; j > 0 && places[j].at <= best[0].at; j-- {
		prev := places[j-1]
		if places[j].at != best[0].at || prev.at+len(prev.word)+len("、") != best[0].at || !strings.HasPrefix(s[prev.at+len(prev.word):], "、") {
			continue
		}
		best[0] = found{prev.at, prev.word + "、" + best[0].word}
	}
	for k := range best {
		if best[k].at >= 0 {
			out[k] = best[k].word
		}
	}
	if out[1] == "" {
		// goods bought before or since a day are a tier of their own:
		// 2017年9月7日前购买的产品，质保一年 beside 自2017年9月7日起…三年
		if strings.ContainsAny(s[:off], "0123456789") { // no date without digits: no regexp run
			if ms := sc.purchaseDate.FindAllStringSubmatchIndex(s[:off], -1); len(ms) > 0 {
				m := ms[len(ms)-1]
				out[1] = s[m[2]:m[3]] // the day and its bound: 2017年9月7日前
			}
		}
	}
	if ctx != "" && (out[0] == "" || out[1] == "" || out[2] == "") {
		sc.words.Each(ctx, func(start, end, w int) bool {
			k := sc.kind[w]
			if out[k] == "" && !(k == 0 && (anyof.Prefix(ctx[end:], sc.notRegionNext...) || anyof.In(ctx[end:], sc.notRegion...))) {
				out[k] = sc.words.Word(w)
			}
			return true
		})
	}
	return out
}

// shareRe is a share of the cases: 90%的故障, 95%以上的报修.
var shareRe = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)\s*%\s*(?:以上|及以上)?的?\s*(?:故障|问题|报修|维修|设备|情况|请求|工单|投诉|用户|客户|案例|服务)`)

// shareOf returns the share of cases stated before off in s, in percent,
// and its words; 0 when none or 100%.
func shareOf(s string, off int) (float64, string) {
	if !strings.Contains(s[:off], "%") {
		return 0, ""
	}
	ms := shareRe.FindAllStringSubmatchIndex(s[:off], -1)
	if len(ms) == 0 {
		return 0, ""
	}
	m := ms[len(ms)-1]
	v, err := strconv.ParseFloat(s[m[2]:m[3]], 64)
	if err != nil || v <= 0 || v >= 100 {
		return 0, ""
	}
	return v, s[m[0]:m[1]]
}
