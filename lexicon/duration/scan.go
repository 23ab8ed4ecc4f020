package duration

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"shouhou/lexicon/cnnum"
)

// Op is how the text bounds the amount, as CONTRACT.md names it.
type Op string

const (
	OpAtMost  Op = "<=" // 内, 以内, 不超过, 不迟于
	OpAtLeast Op = ">=" // 不少于, 至少, 以上
	OpEqual   Op = "="  // plainly stated
	OpRange   Op = "range"
)

// Quantity is one duration found in a text.
type Quantity struct {
	Op    Op
	Value float64 // the lower end for a range; unused for Lifetime
	Max   float64 // the upper end of a range
	Unit  Unit
	// Blank marks a template blank where the number should be (XX小时, __天,
	// 在小时内): the unit is there, the figure is not.
	Blank bool
	// Start and End are byte offsets of the whole phrase, comparators
	// included; NumStart is where the figure (or blank) begins.
	Start, End, NumStart int
}

// Amount returns the figure the rulebook should judge: for a range the
// bound that is worse for the consumer is chosen by the caller, so this
// returns the lower end; see Upper.
func (q Quantity) Amount() Amount { return Amount{q.Value, q.Unit} }

// Upper returns the upper end of a range, or the value itself.
func (q Quantity) Upper() Amount {
	if q.Op == OpRange {
		return Amount{q.Max, q.Unit}
	}
	return q.Amount()
}

// unit spellings, longest first so that 个工作日 wins over 工作日 and 日.
var unitWords = []struct {
	word string
	unit Unit
}{
	{"个工作小时", WorkHour}, {"个工作日", WorkDay}, {"个工作天", WorkDay}, {"个自然日", Day}, {"个日历日", Day},
	{"个日历天", Day}, {"个自然天", Day}, {"日历天", Day}, {"自然天", Day},
	{"工作小时", WorkHour}, {"工作日", WorkDay}, {"工作天", WorkDay}, {"自然日", Day}, {"日历日", Day},
	{"个小时", Hour}, {"个钟头", Hour}, {"个星期", Week}, {"个礼拜", Week}, {"个月", Month},
	{"小时", Hour}, {"钟头", Hour}, {"分钟", Minute}, {"星期", Week}, {"周年", Year},
	{"天", Day}, {"日", Day}, {"周", Week}, {"月", Month}, {"年", Year},
	{"hours", Hour}, {"hour", Hour}, {"hrs", Hour}, {"hr", Hour}, {"h", Hour}, {"H", Hour},
	{"mins", Minute}, {"min", Minute}, {"days", Day}, {"day", Day},
}

type opWord struct {
	word string
	op   Op
}

var prefixOps = prepOps([]opWord{
	{"不超过", OpAtMost}, {"不能超过", OpAtMost}, {"不得超过", OpAtMost}, {"不应超过", OpAtMost}, {"不会超过", OpAtMost}, {"不超出", OpAtMost}, {"不迟于", OpAtMost}, {"不晚于", OpAtMost}, {"不多于", OpAtMost},
	{"不大于", OpAtMost}, {"最长", OpAtMost}, {"最多", OpAtMost}, {"最迟", OpAtMost}, {"最晚", OpAtMost},
	{"小于", OpAtMost}, {"少于", OpAtMost}, {"低于", OpAtMost}, {"≤", OpAtMost}, {"<=", OpAtMost},
	{"不少于", OpAtLeast}, {"不得少于", OpAtLeast}, {"不应少于", OpAtLeast}, {"不能少于", OpAtLeast}, {"不得低于", OpAtLeast}, {"不应低于", OpAtLeast}, {"不低于", OpAtLeast}, {"不短于", OpAtLeast}, {"不小于", OpAtLeast},
	{"至少", OpAtLeast}, {"最少", OpAtLeast}, {"最低", OpAtLeast}, {"≥", OpAtLeast}, {">=", OpAtLeast},
})

var suffixOps = prepOps([]opWord{
	{"及以内", OpAtMost}, {"以内", OpAtMost}, {"之内", OpAtMost}, {"内", OpAtMost}, {"以下", OpAtMost},
	{"及以上", OpAtLeast}, {"或以上", OpAtLeast}, {"以上", OpAtLeast},
})

type preparedOp struct {
	runes []rune
	op    Op
}

func prepOps(ops []opWord) []preparedOp {
	out := make([]preparedOp, len(ops))
	for i, o := range ops {
		out[i] = preparedOp{[]rune(o.word), o.op}
	}
	return out
}

var lifetimeWords = prep("终身", "终生", "永久")

// serviceHours follow a bare figure when the text states opening hours or a
// staffed line (24小时热线, 24小时服务), which are not response times.
var serviceHours = prep("服务", "热线", "客服", "值班", "在线", "开通", "开机", "营业", "不间断", "待命", "畅通", "全天")

var (
	withinWords = prep("内", "以内", "之内")
	dateAfter   = prep("份", "底", "初")
)

var blankMarks = "Xx×＊*_＿?？□"

// Find returns the durations in s, in order, blanks included: a figure
// written as XX or ____, or left out before its unit, gives a Quantity with
// Blank set.
func Find(s string) []Quantity {
	if !mayHoldDuration(s) {
		return nil // most clauses: no unit word, so no duration
	}
	rs := []rune(s)
	off := make([]int, len(rs)+1) // rune index -> byte offset
	b := 0
	for i, r := range rs {
		off[i] = b
		b += utf8.RuneLen(r)
	}
	off[len(rs)] = b

	var out []Quantity
	for i := 0; i < len(rs); {
		if r := rs[i]; r < 0x10000 && !starts[r] {
			i++ // nothing Find reads can begin here
			continue
		}
		q, end, ok := scanAt(rs, i)
		if !ok {
			q, end, ok = fieldAt(rs, i)
		}
		if !ok {
			q, end, ok = missingAt(rs, i)
		}
		if ok {
			q.Start, q.End, q.NumStart = off[q.Start], off[end], off[q.NumStart]
			out = append(out, q)
			i = end
			continue
		}
		i++
	}
	return out
}

// starts marks the characters a duration, a blank or a missing figure can
// begin with: numerals, blank marks and brackets, 第, 半, the lifetime
// words and, for missing figures (在 小时内), the unit words. Find skips
// every other position without trying the scanners.
var starts = func() *[0x10000]bool {
	var t [0x10000]bool
	mark := func(r rune) {
		if r < 0x10000 {
			t[r] = true
		}
	}
	for r := '0'; r <= '9'; r++ {
		mark(r)
		mark(r - '0' + '０')
	}
	for _, r := range cnnum.NumeralRunes() {
		mark(r)
	}
	for _, r := range blankMarks + "([第半" {
		mark(r)
	}
	for _, w := range []string{"终身", "终生", "永久"} {
		r, _ := utf8.DecodeRuneInString(w)
		mark(r)
	}
	for _, uw := range unitWords {
		r, _ := utf8.DecodeRuneInString(uw.word)
		mark(r)
	}
	return &t
}()

// mayHoldDuration reports whether s holds a character that every unit
// word (小时 工作日 天 周 个月 年 分钟 星期 礼拜 钟头, h/min/day) or lifetime
// word (终身 终生 永久) contains. Without one, Find has nothing to find;
// checking first spares the rune conversion and the scan.
func mayHoldDuration(s string) bool {
	// Bytes, not runes: the Chinese characters are matched as their
	// three-byte UTF-8, so nothing is decoded.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == 'h' || c == 'H' || c == 'm' || c == 'd' {
				return true
			}
			continue
		}
		if c&0xF0 != 0xE0 || i+2 >= len(s) {
			continue
		}
		switch uint32(c)<<16 | uint32(s[i+1])<<8 | uint32(s[i+2]) {
		case 0xE697B6 /* 时 */, 0xE697A5 /* 日 */, 0xE5A4A9 /* 天 */, 0xE591A8 /* 周 */, 0xE69C88 /* 月 */, 0xE5B9B4 /* 年 */, 0xE9929F /* 钟 */, 0xE69C9F /* 期 */, 0xE68B9C /* 拜 */, 0xE8BAAB /* 身 */, 0xE7949F /* 生 */, 0xE4B985 /* 久 */ :
			return true
		}
		i += 2
	}
	return false
}

// scanAt tries to read a duration whose figure starts at rune i. On success
// the returned quantity's Start/NumStart are rune indexes and end is the rune
// index after the phrase.
func scanAt(rs []rune, i int) (Quantity, int, bool) {
	q := Quantity{Op: OpEqual, NumStart: i}
	j := i
	switch {
	case lifetimeWords.at(rs, i) > 0:
		q.Unit = Lifetime
		j = i + 2
	case isBlankStart(rs, i):
		// XX小时, ___天, （ ）个工作日
		k := i
		for k < len(rs) && (strings.ContainsRune(blankMarks, rs[k]) || rs[k] == ' ' || rs[k] == '(' || rs[k] == ')' || rs[k] == '[' || rs[k] == ']') {
			k++
		}
		k = skipSpaces(rs, k)
		u, n := unitAt(rs, k)
		if n == 0 || (i > 0 && isLetterOrDigit(rs[i-1])) {
			return q, 0, false
		}
		q.Blank, q.Unit = true, u
		j = k + n
	case rs[i] == '第':
		// 第8日至第15日内: a window that ends on day 15.
		end, n := ordinalRange(rs, i)
		if n == 0 {
			end, n = ordinalDeadline(rs, i)
		}
		if n == 0 {
			return q, 0, false
		}
		q.Op, q.Value, q.Unit, q.NumStart = OpAtMost, end.value, Day, end.at
		j = i + n
		if withinWords.at(rs, j) > 0 {
			j += withinWords.at(rs, j)
		}
		q.Start = i
		return q, j, true
	case rs[i] == '半':
		// 半年, 半个月, 半天
		k := skipSpaces(rs, i+1)
		u, n := unitAt(rs, k)
		if n == 0 || u == Minute {
			return q, 0, false
		}
		q.Value, q.Unit = 0.5, u
		j = k + n
	default:
		if !cnnum.IsNumeralRune(rs[i]) || (i > 0 && (cnnum.IsNumeralRune(rs[i-1]) || rs[i-1] == '.')) {
			return q, 0, false
		}
		if i > 1 && (rs[i-1] == '-' || rs[i-1] == '/') && rs[i-2] >= '0' && rs[i-2] <= '9' {
			return q, 0, false // 2009-11-18日: the month and day of a date
		}
		v, n := cnnum.Scan(rs[i:])
		if n == 0 {
			return q, 0, false
		}
		j = i + n
		// ranges: 3-5, 3~5, 三至五, 3到5
		if j < len(rs) && strings.ContainsRune("-~～—–至到", rs[j]) && j+1 < len(rs) && cnnum.IsNumeralRune(rs[j+1]) {
			if v2, n2 := cnnum.Scan(rs[j+1:]); n2 > 0 && v2 > v {
				q.Op, q.Max = OpRange, v2
				j += 1 + n2
			}
		}
		k := skipSpaces(rs, j)
		// 【5】年, [≥5]年: a figure filled into a template's brackets
		if k < len(rs) && (rs[k] == ']' || rs[k] == '】') && bracketBefore(rs, i) {
			k = skipSpaces(rs, k+1)
		}
		// 一 (1) 年, 壹(1)年: the figure repeated in brackets
		if k < len(rs) && rs[k] == '(' {
			if v2, n2 := cnnum.Scan(rs[k+1:]); n2 > 0 && v2 == v && k+1+n2 < len(rs) && rs[k+1+n2] == ')' {
				k = skipSpaces(rs, k+2+n2)
			}
		}
		// 一个半月 = 1.5 months, 一年半 is handled after the unit
		if k+1 < len(rs) && rs[k] == '个' && rs[k+1] == '半' {
			k++
		}
		if k < len(rs) && rs[k] == '半' {
			if u, un := unitAt(rs, k+1); un > 0 {
				v += 0.5
				k += 1 + un
				q.Value, q.Unit = v, u
				j = k
				break
			}
		}
		u, un := unitAt(rs, k)
		if un == 0 {
			return q, 0, false
		}
		q.Value, q.Unit = v, u
		j = k + un
		if j < len(rs) && rs[j] == '半' && (u == Year || u == Day || u == Hour || u == Month) {
			q.Value += 0.5 // 一年半
			j++
		}
		if notADuration(rs, i, j, q) {
			return q, 0, false
		}
		// 8天至15天, 3个工作日到5个工作日: a range with the unit written twice
		if q.Op != OpRange && j+1 < len(rs) && strings.ContainsRune("-~～至到", rs[j]) && cnnum.IsNumeralRune(rs[j+1]) {
			if v2, n2 := cnnum.Scan(rs[j+1:]); n2 > 0 && v2 > q.Value {
				if u2, un2 := unitAt(rs, skipSpaces(rs, j+1+n2)); un2 > 0 && u2 == q.Unit {
					q.Op, q.Max = OpRange, v2
					j = skipSpaces(rs, j+1+n2) + un2
				}
			}
		}
	}
	q.Start = i
	// comparators before the figure, allowing 在 / 为 between: 不超过2小时, 至少为一年
	p := i
	for p > 0 && (rs[p-1] == ' ' || rs[p-1] == '为' || rs[p-1] == '是' || rs[p-1] == '在') {
		p--
	}
	best := 0 // the longest comparator wins: 不少于, not 少于
	for _, po := range prefixOps {
		w := po.runes
		if len(w) > best && runesAt(rs, p-len(w), w) {
			q.Op, q.Start, best = po.op, p-len(w), len(w)
		}
	}
	for _, so := range suffixOps {
		if runesAt(rs, j, so.runes) {
			if q.Op == OpEqual || q.Op == so.op {
				q.Op = so.op
			}
			if q.Op != OpRange || so.op == OpAtMost {
				j += len(so.runes)
			}
			break
		}
	}
	if q.Op == OpEqual && !q.Blank && q.Unit == Hour && serviceHours.at(rs, j) > 0 {
		return q, 0, false // 24小时热线, 24小时服务
	}
	return q, j, true
}

type ordinal struct {
	value float64
	at    int
}

// ordinalRange reads 第N日至第M日 (or 天, 到, -) at i and returns M, where
// M's figure starts, and the runes used.
func ordinalRange(rs []rune, i int) (ordinal, int) {
	read := func(k int) (float64, int, bool) {
		if k >= len(rs) || rs[k] != '第' {
			return 0, k, false
		}
		v, n := cnnum.Scan(rs[k+1:])
		if n == 0 || k+1+n >= len(rs) || (rs[k+1+n] != '日' && rs[k+1+n] != '天') {
			return 0, k, false
		}
		return v, k + 2 + n, true
	}
	v1, k, ok := read(i)
	if !ok || k >= len(rs) || !strings.ContainsRune("至到-~", rs[k]) {
		return ordinal{}, 0
	}
	v2, end, ok := read(k + 1)
	if !ok || v2 <= v1 {
		return ordinal{}, 0
	}
	return ordinal{v2, k + 2}, end - i
}

// ordinalDeadline reads 至第15日内 (or 起, 到; 天; 以内) at i, the 第:
// a window counted from a start named before it that ends on day N. The
// within word is required, or 第15日 names one day.
func ordinalDeadline(rs []rune, i int) (ordinal, int) {
	if i == 0 || !strings.ContainsRune("至到起", rs[i-1]) {
		return ordinal{}, 0
	}
	v, n := cnnum.Scan(rs[i+1:])
	k := i + 1 + n
	if n == 0 || k >= len(rs) || (rs[k] != '日' && rs[k] != '天') || withinWords.at(rs, k+1) == 0 {
		return ordinal{}, 0
	}
	return ordinal{v, i + 1}, k + 1 - i
}

// notADuration rejects figures that are dates, ordinals, clock times or the
// 24 of 7×24.
func notADuration(rs []rune, i, j int, q Quantity) bool {
	// 最后一日, 下一个工作日, 次一日, 同一天: one day named, not a span
	if rs[i] == '一' && i > 0 && (strings.ContainsRune("下上次同每", rs[i-1]) || i > 1 && rs[i-2] == '最' && rs[i-1] == '后') {
		return true
	}
	// 2018 年 8 月 14 日: a date written with spaces is still a date
	if k := spacesBack(rs, i-1); k >= 0 && k < i-1 && (rs[k] == '月' || rs[k] == '年') {
		return true
	}
	// 第二、三年, 第2-3年: the second figure of a list of ordinals
	if i > 1 && strings.ContainsRune("、-~至到和及", rs[i-1]) {
		k := i - 2
		for k >= 0 && cnnum.IsNumeralRune(rs[k]) {
			k--
		}
		if k >= 0 && k < i-2 && rs[k] == '第' {
			return true
		}
	}
	if i > 0 {
		switch rs[i-1] {
		case '第', '×', 'x', 'X', '*', '/', '月', '年':
			return true
		case ':': // 9:30 is a clock time; 主机:一年 is not
			if i > 1 && cnnum.IsNumeralRune(rs[i-2]) {
				return true
			}
		}
	}
	if q.Unit == Year && q.Value >= 1000 {
		return true // 2024年
	}
	if q.Unit == Day && q.Value >= 100000 {
		return true // 2015111日: a date whose 年 and 月 were lost, no span of centuries
	}
	if k := skipSpaces(rs, j); q.Unit == Month && k < len(rs) && cnnum.IsNumeralRune(rs[k]) {
		return true // 3月1日, 8 月 14 日
	}
	if q.Unit == Month && dateAfter.at(rs, j) > 0 {
		return true // 3月份
	}
	if (q.Unit == Day || q.Unit == Hour) && j < len(rs) && (rs[j] == '起' && j+1 < len(rs) && rs[j+1] == '至') {
		return true
	}
	// Latin-letter units need a boundary: 2h but not 2hz.
	if last := rs[j-1]; last < 128 && unicode.IsLetter(last) && j < len(rs) && rs[j] < 128 && unicode.IsLetter(rs[j]) {
		return true
	}
	return false
}

// bracketBefore reports an opening bracket right before the figure at
// i, spaces and one comparator sign (≥ ≤ > <) allowed between.
func bracketBefore(rs []rune, i int) bool {
	p := spacesBack(rs, i-1)
	if p >= 0 && strings.ContainsRune("≥≤><", rs[p]) {
		p = spacesBack(rs, p-1)
	}
	return p >= 0 && (rs[p] == '[' || rs[p] == '【')
}

// spacesBack steps back from rs[k] past spaces and returns the first
// index that is no space (-1 at the start).
func spacesBack(rs []rune, k int) int {
	for k >= 0 && rs[k] == ' ' {
		k--
	}
	return k
}

func isBlankStart(rs []rune, i int) bool {
	r := rs[i]
	if strings.ContainsRune(blankMarks, r) {
		if i+1 < len(rs) && (strings.ContainsRune(blankMarks, rs[i+1]) || rs[i+1] == ' ' || r == '_' || r == '＿' || r == '□') {
			return true
		}
		// 不少于X年: one letter standing for the figure, after Chinese
		// text and before a unit
		if (r == 'X' || r == 'x') && i > 0 && rs[i-1] >= 0x2E80 {
			_, n := unitAt(rs, i+1)
			return n > 0
		}
		return false
	}
	// （ ）小时, ( )天
	return (r == '(' || r == '[') && i+1 < len(rs) && (rs[i+1] == ' ' || rs[i+1] == ')' || rs[i+1] == ']')
}

func isLetterOrDigit(r rune) bool {
	return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// skipSpaces skips spaces between a figure and its unit.
func skipSpaces(rs []rune, k int) int {
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	return k
}

// unitRunes and unitFirst are unitWords prepared once: the scanner looks
// for a unit at almost every position, so it must not allocate.
var (
	unitRunes = func() [][]rune {
		out := make([][]rune, len(unitWords))
		for i, uw := range unitWords {
			out[i] = []rune(uw.word)
		}
		return out
	}()
	unitFirst = func() map[rune]bool {
		m := map[rune]bool{}
		for _, w := range unitRunes {
			m[w[0]] = true
		}
		return m
	}()
)

func unitAt(rs []rune, k int) (Unit, int) {
	if k >= len(rs) || !unitFirst[rs[k]] {
		return "", 0
	}
	for i, w := range unitRunes {
		if runesAt(rs, k, w) {
			return unitWords[i].unit, len(w)
		}
	}
	return "", 0
}

func runesAt(rs []rune, k int, w []rune) bool {
	if k < 0 || k+len(w) > len(rs) {
		return false
	}
	for i, r := range w {
		if rs[k+i] != r {
			return false
		}
	}
	return true
}

// words is a word list prepared for allocation-free matching on runes.
type words [][]rune

func prep(ws ...string) words {
	out := make(words, len(ws))
	for i, w := range ws {
		out[i] = []rune(w)
	}
	return out
}

// at returns the length in runes of the first word that stands at rs[k:], or 0.
func (ws words) at(rs []rune, k int) int {
	for _, w := range ws {
		if runesAt(rs, k, w) {
			return len(w)
		}
	}
	return 0
}

// missingAt reads a unit whose figure was left out entirely (接到报修后 小时内
// 响应, 在个工作日内): a position word, optional spaces, then the unit at i
// and 内. Month, year and week are left alone (年内, 月内 are ordinary words).
func missingAt(rs []rune, i int) (Quantity, int, bool) {
	q := Quantity{Op: OpAtMost, Blank: true, Start: i, NumStart: i}
	u, n := unitAt(rs, i)
	if n == 0 || i == 0 {
		return q, 0, false
	}
	if u == Month || u == Year || u == Week {
		// 保修期为   年: a blank of spaces between 为 (or a colon) and the
		// unit; 年内 and 月内 are ordinary words, so a space is required
		// (a date to fill in, 日期: 年 月 日, is no period)
		if rs[i-1] == ' ' && i > 1 && strings.ContainsRune("为是:", rs[i-2]) && (i+n >= len(rs) || rs[i+n] == '。' || rs[i+n] == '、' || rs[i+n] < 0x2E80 && !isLetterOrDigit(rs[i+n])) && !dateBlank(rs, i+n) {
			q.Op, q.Unit = OpEqual, u
			return q, i + n, true
		}
		return q, 0, false
	}
	within := withinWords.at(rs, i+n)
	if within == 0 {
		return q, 0, false
	}
	p, spaces := i-1, 0
	for p >= 0 && rs[p] == ' ' {
		p--
		spaces++
	}
	if p < 0 || !strings.ContainsRune("在于后为起", rs[p]) || (rs[p] == '后' && spaces == 0 && u == Day) {
		return q, 0, false // 后天 is a word of its own
	}
	q.Unit = u
	return q, i + n + within, true
}

// fieldAt reads a form field whose label carries the unit: 保修期(月): 36,
// 响应时间(小时):2. The figure follows the colon; the label's words before
// the bracket say what it is for.
func fieldAt(rs []rune, i int) (Quantity, int, bool) {
	if rs[i] != '(' {
		return Quantity{}, 0, false
	}
	u, n := unitAt(rs, i+1)
	k := i + 1 + n
	if n == 0 || u == Lifetime || k+1 >= len(rs) || rs[k] != ')' || rs[k+1] != ':' {
		return Quantity{}, 0, false
	}
	num := skipSpaces(rs, k+2)
	end := num
	for end < len(rs) && (rs[end] >= '0' && rs[end] <= '9' || rs[end] == '.' && end > num) {
		end++
	}
	for end > num && rs[end-1] == '.' {
		end--
	}
	if end == num || end < len(rs) && (isLetterOrDigit(rs[end]) || strings.ContainsRune("-~～至到", rs[end])) {
		return Quantity{}, 0, false // a range (12-24) is left to the ordinary scanner
	}
	// a date's field (采购日期(年): 2024, 保修截止(年): 2026) is no period
	label := string(rs[max(0, i-2):i])
	if label == "日期" || label == "截止" || label == "到期" || label == "年份" {
		return Quantity{}, 0, false
	}
	v, err := strconv.ParseFloat(string(rs[num:end]), 64)
	if err != nil || v <= 0 || u == Year && v >= 1900 {
		return Quantity{}, 0, false
	}
	return Quantity{Op: OpEqual, Value: v, Unit: u, Start: i, NumStart: num}, end, true
}

// dateBlank reports a date's blanks after a year or month (年 月 日,
// 年__月__日): the next unit word, past spaces and blank marks, is 月 or 日.
func dateBlank(rs []rune, k int) bool {
	for k < len(rs) && (rs[k] == ' ' || strings.ContainsRune(blankMarks, rs[k])) {
		k++
	}
	return k < len(rs) && (rs[k] == '月' || rs[k] == '日')
}
