// Package phrase says contract values in a few Chinese words — a topic's
// name, a requirement (质保期 ≥ 5年), what a bid stated, a deviation
// claim — for the renderers and for the engine's own messages alike, so
// that both word them the same way. It knows no output format.
package phrase

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"shouhou/reports"
	"shouhou/rules"
)

// ClaimNames are the deviation claims a bidder makes, in the bid's words.
var ClaimNames = map[string]string{reports.ClaimNone: "无偏离", reports.ClaimPositive: "正偏离", reports.ClaimNegative: "负偏离", reports.ClaimMeets: "满足"}

// Clip shortens s to n runes, the last one an ellipsis.
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n-1]) + "…"
}

// RequirementText is a requirement in a few words: 质保期 ≥ 5年, 认证 ISO9001,
// 到场时间 ≤ 4小时（北京）, 服务时间 ≥ 7×24.
func RequirementText(q reports.Requirement) string {
	name := TopicName(q.Topic)
	scope := ""
	if q.Scope != nil {
		scope = "（" + q.Scope.String() + "）"
	}
	if q.Item != "" && q.Unit == "" {
		return name + " " + q.Item + scope
	}
	v := ""
	if q.Value != nil {
		v = strconv.FormatFloat(*q.Value, 'f', -1, 64) + UnitName(q.Unit)
		if q.Topic == reports.ServiceHours {
			v = CoverageText(*q.Value)
		}
	} else {
		v = UnitName(q.Unit)
	}
	op := map[string]string{"<=": "≤", ">=": "≥"}[q.Op]
	s := strings.TrimSpace(name + " " + op + " " + v)
	if q.Item != "" {
		s += "（" + q.Item + "）"
	}
	return s + scope
}

// CoverageText writes hours a week as the coverage people say: 168 is
// 7×24, 40 is 5×8; other figures as hours a week.
func CoverageText(h float64) string {
	for _, days := range []float64{7, 5, 6} {
		if d := h / days; d == float64(int(d)) && d <= 24 && d >= 8 {
			return fmt.Sprintf("%g×%g", days, d)
		}
	}
	return fmt.Sprintf("%g小时/周", h)
}

// StatedText is what a bid stated, in a few words.
func StatedText(s *reports.Stated) string {
	if s == nil {
		return ""
	}
	if s.Value == nil {
		if s.Item != "" {
			return s.Item
		}
		if s.Unit == "lifetime" {
			return "终身"
		}
		return Clip(s.Text, 24)
	}
	v := strconv.FormatFloat(*s.Value, 'f', -1, 64)
	if s.Max != nil {
		v += "-" + strconv.FormatFloat(*s.Max, 'f', -1, 64)
	}
	return v + UnitName(s.Unit)
}

// StatedFor is what a bid stated about requirement q, in a few words: a
// coverage as 5×8, not 40小时.
func StatedFor(q reports.Requirement, s *reports.Stated) string {
	if q.Topic == reports.ServiceHours && s != nil && s.Value != nil && s.Max == nil {
		return CoverageText(*s.Value)
	}
	return StatedText(s)
}

// TopicName is a topic's Chinese name from the one topic registry.
func TopicName(t reports.Topic) string {
	if n, ok := rules.TopicNames[t]; ok {
		return n
	}
	return string(t)
}

// UnitName is a duration unit in Chinese: 小时, 工作日, 年.
func UnitName(u string) string {
	return map[string]string{"minute": "分钟", "hour": "小时", "workhour": "工作小时", "day": "日", "workday": "工作日",
		"week": "周", "month": "个月", "year": "年", "lifetime": "终身"}[u]
}
