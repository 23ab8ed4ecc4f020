package facts

import (
	"regexp"
	"strconv"
	"strings"

	"shouhou/lexicon/duration"
	"shouhou/reports"
)

// coverageRe finds a service coverage: 7×24小时, 5*8, 7天×24小时, 7天24小时,
// 365天×24小时. The first figure is days a week (365 a year), the second
// hours a day. A bare N×M needs 小时/h after it or a service word, so a
// size such as 5×8mm is no coverage.
var coverageRe = regexp.MustCompile(`(365|[1-7])\s*(?:天|日)?\s*[×xX*]\s*(1[0-9]|2[0-4]|[1-9])\s*(小时|h|H)?(?:(?:技术)?(?:服务|支持|热线|响应|值守|值班|在线|全天|运维)|([^0-9a-zA-Z]|$))|(365|7)\s*(?:天|日)\s*(24)\s*(小时)`)

// hoursRe finds a coverage written as days and clock hours: 工作日9:00-18:00
// (5×9), 每天8:00至20:00 (7×12), 周一至周六8:30-17:30 (6×9).
var hoursRe = regexp.MustCompile(`(工作日|周一至周五|周一到周五|星期一至星期五|周一至周六|周一到周六|每天|每日|全年|周一至周日|周一到周日|7天)\s*(?:[(（][^)）]{0,8}[)）])?\s*(?:的|为|:)?\s*(\d{1,2})[:.](\d{2})\s*(?:-|~|—|–|至|到)\s*(\d{1,2})[:.](\d{2})`)

// coverageDays is the days a week of each hoursRe day word.
var coverageDays = map[string]int{"工作日": 5, "周一至周五": 5, "周一到周五": 5, "星期一至星期五": 5, "周一至周六": 6, "周一到周六": 6}

// coverage returns the service-hours facts of s, as hours covered per
// week (7×24 is 168, 5×8 is 40), and the spans they take, so that the
// 24小时 inside 7×24小时 is read as no duration of its own.
func coverage(s string) (out []Fact, spans [][2]int) {
	var bare, clock [][]int
	if strings.ContainsAny(s, "×*xX") || strings.Contains(s, "天24") {
		bare = coverageRe.FindAllStringSubmatchIndex(s, -1)
	}
	if clockTime(s) {
		clock = hoursRe.FindAllStringSubmatchIndex(s, -1)
	}
	for _, m := range bare {
		var days, hours string
		switch {
		case m[2] >= 0:
			days, hours = s[m[2]:m[3]], s[m[4]:m[5]]
			if m[6] < 0 && m[8] >= 0 {
				continue // N×M followed by neither 小时 nor a service word
			}
		case m[10] >= 0:
			days, hours = s[m[10]:m[11]], s[m[12]:m[13]]
		default:
			continue
		}
		d, _ := strconv.Atoi(days)
		h, _ := strconv.Atoi(hours)
		if d == 365 {
			d = 7
		}
		end := m[1]
		if m[8] >= 0 { // the character after N×M小时 is not part of it
			end = m[8]
		}
		f := Fact{Topic: reports.ServiceHours}
		f.Op, f.Value, f.Unit = duration.OpEqual, float64(d*h), duration.Hour
		f.Start, f.NumStart, f.End = m[0], m[0], end
		out = append(out, f)
		spans = append(spans, [2]int{m[0], end})
	}
	for _, m := range clock {
		days, ok := coverageDays[s[m[2]:m[3]]]
		if !ok {
			days = 7
		}
		h1, _ := strconv.Atoi(s[m[4]:m[5]])
		m1, _ := strconv.Atoi(s[m[6]:m[7]])
		h2, _ := strconv.Atoi(s[m[8]:m[9]])
		m2, _ := strconv.Atoi(s[m[10]:m[11]])
		span := float64(h2*60+m2-h1*60-m1) / 60
		if span <= 0 || span > 24 {
			continue
		}
		f := Fact{Topic: reports.ServiceHours}
		f.Op, f.Value, f.Unit = duration.OpEqual, float64(days)*span, duration.Hour
		f.Start, f.NumStart, f.End = m[0], m[4], m[1]
		out = append(out, f)
		spans = append(spans, [2]int{m[0], m[1]})
	}
	return out, spans
}

// clockTime reports a clock time (9:00) in s: a digit, a colon, a digit.
func clockTime(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == ':' && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

// outside drops the quantities that lie inside a coverage span.
func outside(qs []duration.Quantity, spans [][2]int) []duration.Quantity {
	if len(spans) == 0 {
		return qs
	}
	kept := qs[:0]
	for _, q := range qs {
		in := false
		for _, sp := range spans {
			if q.NumStart >= sp[0] && q.NumStart < sp[1] {
				in = true
			}
		}
		if !in {
			kept = append(kept, q)
		}
	}
	return kept
}
