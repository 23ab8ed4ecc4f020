package facts

import (
	"shouhou/internal/anyof"
	"slices"
	"strings"

	"shouhou/lexicon/duration"
	"shouhou/reports"
)

// event is what a figure times when that is not its topic's own event.
type event int

const (
	ownEvent    event = iota
	otherEvent        // a registration, a bidding step …: no topic's fact
	serviceOnly       // phone support, technical service …: no window's fact
)

// eventOf reads what the figure q in phrase p times. The event a figure
// times follows it in its phrase (10日内完成登记, 提供90天电话技术支持); a
// cue standing between them claims the figure for its topic, unless it
// only names what a registration is of (保修登记, 退货登记). A service
// after a cue is the cue's (一年保修保养服务 is a warranty).
func (x *Extractor) eventOf(s string, p [2]int, q duration.Quantity, hits []hit) event {
	rest := s[q.End:p[1]]
	best, at := ownEvent, len(rest)+1
	look := func(words []string, ev event, modifiable bool) {
		for _, w := range words {
			i := strings.Index(rest, w)
			if i < 0 || i >= at {
				continue
			}
			e := q.End + i
			claimed := false
			for _, h := range hits {
				if h.start < e+len(w) && h.end > e && h.start <= e {
					claimed = true // part of a cue: 保养 in 保养期 (but 延长保修 holds one after its own start)
					break
				}
				if h.start >= q.End && h.end <= e && !(modifiable && (h.end == e || s[h.end:e] == "的")) {
					claimed = true
					break
				}
			}
			if !claimed {
				best, at = ev, i
			}
		}
	}
	look(x.lex.Events.Other, otherEvent, true)
	look(x.lex.Events.NotWarranty, serviceOnly, false)
	return best
}

// interval reports a figure that says how often something is done
// (三个月更换一次): no period is granted.
func (x *Extractor) interval(q duration.Quantity, after string) bool {
	return q.Op == duration.OpEqual && anyof.Prefix(strings.TrimLeft(after, " "), x.lex.Events.Interval...)
}

// notPeriod reports a figure whose preceding words make it no period:
// 遇节假日顺延2日 (days added to a deadline), 每隔6个月 (how often), 成立3年以上 (a firm's age), 结束前30日内.
func (x *Extractor) notPeriod(before string) bool {
	before = strings.TrimRight(before, " ")
	if anyof.Suffix(before, x.lex.Events.Before...) {
		return true
	}
	// 近三年内, but not 附近48小时 or 寄过去7天内
	return anyof.Suffix(before, x.lex.Events.Lookback...) && !anyof.Suffix(before, x.lex.Events.NotLookback...)
}

// carriageCondition reports a figure in a condition (…15天内出现质量问题的,)
// whose consequence, the next phrase, says who pays the carriage: the figure
// bounds that rule, it grants no window.
func (x *Extractor) carriageCondition(s string, phrases [][2]int, pi int, q duration.Quantity, hits []hit) bool {
	p := phrases[pi]
	if rest := strings.TrimLeft(s[q.End:p[1]], "内以后之 "); strings.HasPrefix(rest, "(") && !slices.ContainsFunc(hits, func(h hit) bool { return h.start >= p[0] && h.end <= q.Start }) {
		// 30-90天内(运费AA): who pays in which period, no period of a topic
		if inner, _, _ := strings.Cut(rest[1:], ")"); anyof.In(inner, x.lex.Events.Carriage...) || anyof.In(inner, x.lex.Events.Bearers...) {
			return true
		}
	}
	if pi+1 >= len(phrases) {
		return false
	}
	phrase := strings.TrimRight(s[p[0]:p[1]], " ,")
	// a condition (…出现质量问题的) or the bare figure (3个月内,)
	if !strings.HasSuffix(phrase, "的") && strings.TrimSpace(s[p[0]:q.Start]) != "" {
		return false
	}
	n := phrases[pi+1]
	return anyof.In(s[n[0]:n[1]], x.lex.Events.Carriage...)
}

// afterWarranty reports a figure placed after the warranty has ended
// (质保期满后，提供五年技术服务) or after a repair (维修后对原故障保修30日,
// 更换后同一零部件包修30天): it is no warranty of the goods.
// A repair named anywhere before the figure in its sentence governs every
// figure after it (修理或更换后,同一零部件包修30天,若30天的包修期…),
// unless the figure's phrase names the whole unit (本店更换的配件均为原厂
// 正品，整机保修1年). The figure after a repair is the warranty of the part
// repaired or replaced: repaired names it (更换部件, 维修部位), "" otherwise.
func (x *Extractor) afterWarranty(before, sentence, phrase string) (ended bool, repaired string) {
	if anyof.In(before, x.lex.Events.AfterWarranty...) {
		return true, ""
	}
	if anyof.In(phrase, x.lex.WholeUnit...) {
		return false, ""
	}
	longest := "" // the part's own name (更换之零件) over the bare event (维修后)
	for w := range x.lex.Events.AfterRepair {
		if (len(w) > len(longest) || len(w) == len(longest) && w < longest) && strings.Contains(sentence, w) { // ties by order: maps have none
			longest = w
		}
	}
	return false, x.lex.Events.AfterRepair[longest]
}

// ageCondition reports a figure that states the age of the goods as a
// condition, not a period: 购买15日以上的商品, 使用一年后出现的故障,
// 购物15天以外.
func (x *Extractor) ageCondition(q duration.Quantity, after string) bool {
	if q.Unit != duration.Day && q.Unit != duration.WorkDay && q.Unit != duration.Hour {
		return false
	}
	if q.Op == duration.OpEqual && anyof.Prefix(after, x.lex.Events.Beyond...) {
		return true // 购物15天以外且在保修期内: past the window, the goods' age
	}
	if q.Op != duration.OpAtLeast || q.Start != q.NumStart { // 以上 after the figure, no 不少于 before it
		return false
	}
	return anyof.Prefix(after, x.lex.Events.AgeAfter...)
}

// isWarranty reports the warranty topics, which no service after the
// warranty and no support line can be.
func isWarranty(topic reports.Topic) bool {
	return topic == reports.WarrantyPeriod || topic == reports.PartsWarranty
}
