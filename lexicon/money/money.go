// Package money finds sums of money and percentages in normalized Chinese
// text: 人民币伍万元整, ¥50,000.00, 50万元, 预算金额的2%, 百分之二, 千分之五.
//
// Amounts come back as Quantity values: an exact Amount in yuan (万元
// multiplied out) or percent, the comparator the text puts on it (the
// Op of package duration, as CONTRACT.md's facts share it), and where the
// figure stands. A sum is no duration: it has a type of its own.
package money

import (
	"shouhou/internal/anyof"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"shouhou/lexicon/cnnum"
	"shouhou/lexicon/duration"
)

var (
	atMostBefore  = []string{"不超过", "不得超过", "不高于", "不得高于", "不大于", "最高", "最多", "上限为", "上限", "<=", "≤"}
	atLeastBefore = []string{"不低于", "不得低于", "不少于", "不得少于", "至少", "最低", ">=", "≥"}
	atMostAfter   = []string{"以内", "以下", "(含)以下", "内"}
	atLeastAfter  = []string{"以上", "(含)以上"}
	yuanPrefix    = []string{"人民币", "¥", "￥", "RMB", "rmb"}
)

// Find returns the sums and percentages in s, in order.
//
// It runs on every clause of every document, so it starts from the
// anchors an amount must have (%, 元, 万, 亿, ¥, 分之 — found by byte
// search) and reads back to where each number begins, instead of trying
// to read a number at every character.
func Find(s string) []Quantity {
	var spans [][2]int // [from, to): where a number may start
	for i := 0; i < len(s); i++ {
		// One pass over the bytes, the anchors told by their UTF-8 bytes:
		// a library search per anchor restarts at every CJK lead byte.
		switch c := s[i]; {
		case c == '%':
			spans = append(spans, [2]int{numberStart(s, i), i})
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA5, // ¥
			c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && s[i+2] == 0xA5: // ￥
			n := 2
			if c == 0xEF {
				n = 3
			}
			spans = append(spans, [2]int{i + n, i + n + 1})
		case (c == 0xE5 || c == 0xE4) && i+2 < len(s):
			switch s[i : i+3] {
			case "元", "块", "万", "亿":
				spans = append(spans, [2]int{numberStart(s, i), i})
			case "分":
				if strings.HasPrefix(s[i+3:], "之") && i >= len("百") {
					spans = append(spans, [2]int{i - len("百"), i - len("百") + 1})
				}
			}
		}
	}
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] }) // numberStart may reach back past an earlier anchor
	var out []Quantity
	last := 0
	for _, sp := range spans {
		for p := max(sp[0], last); p < sp[1] && p < len(s); {
			// not inside an Arabic number: 00元 of 100元
			if p > sp[0] && (isDigit(s[p-1]) || s[p-1] == '.' || s[p-1] == ',') {
				_, n := utf8.DecodeRuneInString(s[p:])
				p += n
				continue
			}
			if q, end, ok := scanAt(s, p); ok {
				out = append(out, q)
				last = end
				break
			}
			_, n := utf8.DecodeRuneInString(s[p:])
			p += n
		}
	}
	return out
}

// numberStart walks back from byte at over the characters a number may
// be written with (digits, Chinese numerals, a decimal point, thousands
// separators) and returns where they begin.
func numberStart(s string, at int) int {
	i := at
	// 37.0 万元: a space between an Arabic figure and its unit, for the
	// units scanAt reads after a space (spacedUnits)
	if j := len(strings.TrimRight(s[:i], " ")); j > 0 && i-j <= 2 && isDigit(s[j-1]) && spacedUnitAt(s[i:]) {
		i = j
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !cnnum.IsNumeralRune(r) && r != '.' && r != ',' {
			break
		}
		i -= n
	}
	return i
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// scanAt reads an amount starting at byte i of s.
func scanAt(s string, i int) (Quantity, int, bool) {
	var q Quantity
	start := i
	// 百分之二, 千分之五
	per := 0.0
	switch {
	case strings.HasPrefix(s[i:], "百分之"):
		per, i = 1, i+len("百分之")
	case strings.HasPrefix(s[i:], "千分之"):
		per, i = 0.1, i+len("千分之")
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if !cnnum.IsNumeralRune(r) {
		return q, 0, false
	}
	value, end := number(s, i)
	if end == i {
		return q, 0, false
	}
	q.NumStart = start
	rest := s[end:]
	if sp := strings.TrimLeft(rest, " "); len(sp) < len(rest) && len(rest)-len(sp) <= 2 && isDigit(s[end-1]) {
		// 37.0 万元, 500 元: the unit after a space
		for _, u := range spacedUnits {
			if strings.HasPrefix(sp, u.word) {
				value *= u.factor
				end = len(s) - len(sp) + len(u.word) - len("元")
				rest = s[end:]
				break
			}
		}
	}
	var unit Unit
	switch {
	case per > 0:
		value, unit = value*per, Percent
	case strings.HasPrefix(rest, "%"):
		unit, end = Percent, end+1
	case strings.HasPrefix(rest, "元"):
		unit, end = Yuan, end+len("元")
	case strings.HasPrefix(rest, "块"):
		unit, end = Yuan, end+len("块")
	case anyof.Suffix(strings.TrimRight(s[:start], " "), yuanPrefix...):
		unit = Yuan
	case endsInBigUnit(s[i:end]) && !startsWithLetter(rest):
		unit = Yuan // 预算50万, but not 6万公里
	default:
		return q, 0, false
	}
	var ok bool
	if q.Amount, ok = Of(value, unit); !ok {
		return q, 0, false // beyond any sum a document means
	}
	if unit == Yuan && strings.HasPrefix(s[end:], "整") {
		end += len("整")
	}
	q.Start, q.End, q.Op, q.Text = start, end, duration.OpEqual, s[start:end]
	before := strings.TrimRight(s[:start], " ")
	before = strings.TrimSuffix(strings.TrimSuffix(before, "人民币"), "为")
	if unit == Percent && strings.HasSuffix(before, "的") {
		// 不超过合同金额的10%: the comparator stands before the base
		if k := strings.LastIndexAny(before, ",;:。"); k >= 0 {
			before = before[k+1:]
		}
		before = lastComparator(before)
	}
	after := s[end:]
	switch {
	case anyof.Suffix(before, atMostBefore...), anyof.Prefix(after, atMostAfter...):
		q.Op = duration.OpAtMost
	case anyof.Suffix(before, atLeastBefore...), anyof.Prefix(after, atLeastAfter...):
		q.Op = duration.OpAtLeast
	}
	return q, end, true
}

// spacedUnits are the units read after a space, with their factor; each
// ends in 元, which scanAt then reads as usual.
var spacedUnits = []struct {
	word   string
	factor float64
}{{"万元", 1e4}, {"亿元", 1e8}, {"元", 1}}

// spacedUnitAt reports one of spacedUnits at the start of s.
func spacedUnitAt(s string) bool {
	for _, u := range spacedUnits {
		if strings.HasPrefix(s, u.word) {
			return true
		}
	}
	return false
}

// number reads the number at byte i: Arabic with thousands separators
// (1,000,000.00) or anything package cnnum reads. It returns the value
// and the byte offset after it.
func number(s string, i int) (float64, int) {
	if c := s[i]; c >= '0' && c <= '9' {
		var b strings.Builder
		j := i
		for j < len(s) {
			switch c := s[j]; {
			case c >= '0' && c <= '9':
				b.WriteByte(c)
				j++
				continue
			case c == ',' && j > i && (digitGroup(s, j+1, 3) || digitGroup(s, j+1, 4)):
				// 1,000,000: a comma before exactly three digits; some
				// writers group by 万 instead (250,0000.00元)
				j++
				continue
			}
			break
		}
		rs := []rune(b.String() + s[j:min(len(s), j+16)])
		v, n := cnnum.Scan(rs)
		digits := b.Len()
		if n < digits {
			return 0, i
		}
		// runes past the digits (.5, 万) map back to bytes of s after j
		extra := string(rs[digits:n])
		return v, j + len(extra)
	}
	rs := []rune(s[i:min(len(s), i+64)])
	v, n := cnnum.Scan(rs)
	return v, i + len(string(rs[:n]))
}

// digitGroup reports exactly n digits at byte i of s, no digit after.
func digitGroup(s string, i, n int) bool {
	if i+n > len(s) || i+n < len(s) && isDigit(s[i+n]) {
		return false
	}
	for k := i; k < i+n; k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return true
}

func endsInBigUnit(num string) bool {
	return strings.HasSuffix(num, "万") || strings.HasSuffix(num, "亿")
}

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) && r != '整'
}

// lastComparator returns before cut just after its last comparator word,
// or before itself when it has none.
func lastComparator(before string) string {
	best := -1
	for _, w := range append(append([]string{}, atMostBefore...), atLeastBefore...) {
		if k := strings.LastIndex(before, w); k >= 0 && k+len(w) > best {
			best = k + len(w)
		}
	}
	if best < 0 {
		return before
	}
	return before[:best]
}
