package checker

import (
	"strings"
	"testing"

	"shouhou/reports"
)

// ruleRaised reports whether doc text of kind raises rule, and where.
func ruleLines(t *testing.T, a *Auditor, kind reports.Kind, text, rule string) []int {
	t.Helper()
	var lines []int
	for _, f := range auditText(t, a, kind, text).Findings {
		if f.Rule == rule {
			lines = append(lines, f.Line)
		}
	}
	return lines
}

// A clause about non-quality returns is no clause about quality returns
// (issue 14, pattern 6).
func TestNonQualityShipping(t *testing.T) {
	a := builtinAuditor(t)
	cases := []struct {
		text string
		want bool
	}{
		{"非商品质量问题的退换货运费由买家承担。", false},
		{"因非产品质量原因退换的，来回运费由客户负担。", false},
		{"非因质量问题申请退货的，寄回运费由消费者承担。", false},
		{"无理由退货产生的运费由买家自理。", false},
		{"质量问题退换货，来回运费由买家承担。", true},
		{"商品存在质量问题的，寄回运费请买家自付。", true},
		{"非质量问题运费由买家承担；质量问题的运费也由买家承担。", true},
	}
	for _, c := range cases {
		got := len(ruleLines(t, a, "policy", c.text, "CPL-SHIP-QUALITY")) > 0
		if got != c.want {
			t.Errorf("%q: CPL-SHIP-QUALITY %v, want %v", c.text, got, c.want)
		}
	}
}

// Blanks are found in their everyday shapes, signature lines and code
// are not blanks, and a speed with no figure is unclear (pattern 7).
func TestBlanksAndVagueness(t *testing.T) {
	a := builtinAuditor(t)
	cases := []struct {
		kind       reports.Kind
		text, rule string
		want       bool
	}{
		{"bid", "质保期不少于X年。", "CPL-BLANK", true},
		{"bid", "整机质保不少于 年。", "CPL-BLANK", true}, // a space where the figure belongs after a bound word
		{"bid", "同一设备使用 个月内出现故障超过 次的，由卖方举证。", "CPL-BLANK", true},
		{"bid", "同一设备使用 3 个月内出现故障超过 2 次的，由卖方举证。", "CPL-BLANK", false},
		{"bid", "质保期为   年。", "CPL-BLANK", true},
		{"bid", "售后服务热线：400-****-****", "CPL-BLANK", true},
		{"bid", "接到报修后**小时内到达现场。", "CPL-BLANK", true},
		{"policy", "服务电话：800-XXX-XXXX。", "CPL-BLANK", true},
		{"bid", "承诺单位（盖章）：____", "CPL-BLANK", false},
		{"bid", "投标人名称：________", "CPL-BLANK", false},
		{"bid", "法定代表人或授权代表（签字）：______", "CPL-BLANK", false},
		{"bid", "mixins: []", "CPL-BLANK", false},
		{"bid", "- [ ] todo", "CPL-BLANK", false},
		{"bid", "接到报修后，我公司将以最快的速度响应。", "CPL-VAGUE", true},
		{"bid", "设备出现故障时尽快派人上门维修。", "CPL-VAGUE", true},
		{"bid", "我们保证在最短的时间内修复设备。", "CPL-VAGUE", true},
		{"bid", "接到报修后第一时间响应，2小时内到达现场。", "CPL-VAGUE", false},
		{"bid", "我们将尽快为您开具发票。", "CPL-VAGUE", false},
	}
	for _, c := range cases {
		got := len(ruleLines(t, a, c.kind, c.text, c.rule)) > 0
		if got != c.want {
			t.Errorf("%s %q: %s %v, want %v", c.kind, c.text, c.rule, got, c.want)
		}
	}
}

// Markdown keeps its blanks through the whole audit (pattern 7).
func TestMarkdownBlankAudited(t *testing.T) {
	a := builtinAuditor(t)
	for _, text := range []string{"# 服务承诺\n\n服务热线：400-____-____\n", "# 服务承诺\n\n响应时间：___小时\n", "服务电话 800-______-______\n"} {
		src, err := parseMarkdown(text)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range a.Audit(src, "bid").Findings {
			found = found || f.Rule == "CPL-BLANK" && strings.Contains(f.Message, "___")
		}
		if !found {
			t.Errorf("%q: no CPL-BLANK", text)
		}
	}
}

// A forbidden sentence may run past a semicolon, which ends a clause
// (pattern 5).
func TestAcrossSemicolon(t *testing.T) {
	a := builtinAuditor(t)
	cases := []struct {
		text, rule string
		want       []int
	}{
		{"协商不成的；由本店所在地法院管辖。", "CPL-FORUM", []int{1}},
		{"商品开封后；恕不退换。", "CPL-NORET-UNSEALED", []int{1}},
		{"保修期内因质量问题维修的；上门费由顾客承担。", "CPL-SHIP-QUALITY", []int{1}},
		{"非质量问题退货的；运费由买家承担。", "CPL-SHIP-QUALITY", nil},
		{"七天无理由退货；运费由买家承担。", "CPL-SHIP-QUALITY", nil},
		// each clause its own: no join across a line
		{"协商不成的；\n\n由本店所在地法院管辖。", "CPL-FORUM", nil},
		// a label and its short answer, a blank line between
		{"1、无理由退换货：\n\n暂不支持\n\n2、质量问题：\n\n15天内可换货", "CPL-NORET-NOREASON", []int{1}},
		{"七天无理由退货：\n不支持", "CPL-NORET-NOREASON", []int{1}},
		{"无理由退货：\n\n支持七天无理由退货，签收之日起算。", "CPL-NORET-NOREASON", nil},
	}
	for _, c := range cases {
		got := ruleLines(t, a, "policy", c.text, c.rule)
		if len(got) != len(c.want) || len(got) > 0 && got[0] != c.want[0] {
			t.Errorf("%q: %s at %v, want %v", c.text, c.rule, got, c.want)
		}
	}
}
