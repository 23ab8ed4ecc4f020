package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"shouhou/lexicon/columns"
	"shouhou/lexicon/procure"
	"shouhou/reports"
)

// Marks of the matrix, and their fills in the workbook.
var (
	marks      = map[string]string{reports.Met: "✓", reports.Unmet: "✗", reports.NotStated: "–", reports.UnclearR: "?", reports.Contradicts: "≠"}
	markColors = map[string]string{reports.Met: "32", reports.Unmet: "31", reports.NotStated: "90", reports.UnclearR: "33", reports.Contradicts: "35"}
	markFills  = map[string]string{reports.Met: "C6EFCE", reports.Unmet: "FFC7CE", reports.NotStated: "EDEDED", reports.UnclearR: "FFEB9C", reports.Contradicts: "F4B084"}
	statusZh   = map[string]string{reports.Met: "满足", reports.Unmet: "不满足", reports.NotStated: "未说明", reports.UnclearR: "不明确", reports.Contradicts: "与声明矛盾"}
	// StatusOrder is the order counts are shown in.
	statusOrder = []string{reports.Met, reports.Unmet, reports.Contradicts, reports.UnclearR, reports.NotStated}

	verdictZh    = map[string]string{reports.VerdictPass: "满足", reports.VerdictClarify: "需澄清", reports.VerdictFail: "不满足", reports.VerdictInvalid: "可能无效"}
	verdictFills = map[string]string{reports.VerdictPass: "C6EFCE", reports.VerdictClarify: "FFEB9C", reports.VerdictFail: "FFC7CE", reports.VerdictInvalid: "FF7C80"}
	verdictColor = map[string]string{reports.VerdictPass: "32", reports.VerdictClarify: "33", reports.VerdictFail: "31", reports.VerdictInvalid: "1;31"}

	severityZh = map[reports.Severity]string{"error": "错误", "warning": "警告", "info": "提示"}
	findingZh  = map[reports.Status]string{reports.Violation: "违规", reports.Missing: "缺失", reports.Unclear: "不明确", reports.Notice: "说明"}
)

// VerdictText is a bid's verdict in Chinese: 满足, 需澄清, 不满足, 可能无效.
func VerdictText(v string) string {
	if z, ok := verdictZh[v]; ok {
		return z
	}
	return "无法读取"
}

// StatusText is a result status in Chinese.
func StatusText(s string) string { return statusZh[s] }

// CountsText is a bid's counts in a few marks: ✓7 ✗1 ≠1 ?0 –1.
func CountsText(c map[string]int) string {
	var parts []string
	for _, s := range statusOrder {
		parts = append(parts, fmt.Sprintf("%s%d", marks[s], c[s]))
	}
	return strings.Join(parts, " ")
}

// ClaimText is a bidder's deviation claim in its own words.
func ClaimText(c *reports.Claim) string {
	if c == nil {
		return ""
	}
	return c.Text
}

// OpenText names the requirements behind a bid's verdict: 不满足 R1 R5；
// 需澄清 R2.
func OpenText(b reports.BidReport) string {
	var parts []string
	if len(b.NotMet) > 0 {
		parts = append(parts, "不满足 not met: "+strings.Join(b.NotMet, " "))
	}
	if len(b.ToClarify) > 0 {
		parts = append(parts, "需澄清 to clarify: "+strings.Join(b.ToClarify, " "))
	}
	return strings.Join(parts, "；")
}

// shortName drops the legal form from a company name for a narrow column
// head: 北京恒信科技有限公司 → 北京恒信科技.
func shortName(name string) string {
	for _, suf := range procure.Load().LegalForms {
		if s, ok := strings.CutSuffix(name, suf); ok && s != "" {
			return s
		}
	}
	return name
}

// bidderLabel is the column head of bid i: its name, else 投标N.
func bidderLabel(i int, b reports.BidReport) string {
	if b.Name != "" {
		return b.Name
	}
	return fmt.Sprintf("投标%d", i+1)
}

func writeCompareTable(w io.Writer, r *reports.CompareReport, opt Options) error {
	if p := r.Tender.Project; p != nil {
		if _, err := fmt.Fprintln(w, strings.TrimSpace(p.Name+"  "+labelled("项目编号 ", p.Number))); err != nil {
			return err
		}
	}
	header := slices.Clone(columns.Load().CompareTable)
	for i, b := range r.Bids {
		header = append(header, shortName(bidderLabel(i, b)))
	}
	var rows [][]string
	for qi, q := range r.Tender.Requirements {
		id := q.ID
		if q.Substantive {
			id = "★" + id
		}
		row := []string{id, RequirementText(q)}
		for _, b := range r.Bids {
			cell := "失败"
			if b.Error == nil && qi < len(b.Results) {
				res := b.Results[qi]
				cell = paint(opt, markColors[res.Status], marks[res.Status]) + " " + StatedFor(q, res.Stated)
				// The claim where it tells something: a declared 负偏离, or
				// the 无偏离 a figure contradicts (the workbook has them all).
				if c := res.Claim; c != nil && res.Status != reports.Met && (c.Deviation == reports.ClaimNegative || res.Status == reports.Contradicts) && !strings.Contains(cell, claimZh[c.Deviation]) {
					cell += "（" + claimZh[c.Deviation] + "）"
				}
			}
			row = append(row, strings.TrimSpace(cell))
		}
		rows = append(rows, row)
	}
	verdicts := []string{"", "结论 verdict"}
	counts := []string{"", "✓ ✗ ≠ ? –"}
	for _, b := range r.Bids {
		verdicts = append(verdicts, paint(opt, verdictColor[b.Verdict], VerdictText(b.Verdict)))
		counts = append(counts, CountsText(b.Counts))
	}
	rows = append(rows, verdicts, counts)
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithRowAutoWrap(tw.WrapBreak))
	t.Header(header)
	if err := t.Bulk(rows); err != nil {
		return err
	}
	if err := t.Render(); err != nil {
		return err
	}
	var lines []string
	for i, b := range r.Bids {
		line := fmt.Sprintf("投标%d %s: %s", i+1, bidderLabel(i, b), b.Path)
		if b.Error != nil {
			line += "（无法读取 unreadable: " + *b.Error + "）"
		}
		if open := OpenText(b); open != "" {
			line += "\n  " + open
		}
		lines = append(lines, line)
	}
	lines = append(lines, "★ 实质性要求 substantive   ✓ 满足 met   ✗ 不满足 unmet   ≠ 与声明矛盾 contradicts",
		"? 不明确 unclear   – 未说明 not stated   （负偏离）（无偏离）投标人自己的声明 the bidder's claim")
	if len(r.Tender.Findings) > 0 {
		lines = append(lines, "", fmt.Sprintf("招标文件自身的问题 tender findings (%d):", len(r.Tender.Findings)))
		for _, f := range r.Tender.Findings {
			lines = append(lines, fmt.Sprintf("  %s %s %s %s: %s", place(f.Location, f.Line, f.Column),
				paint(opt, sevColor(f.Severity), severityZh[f.Severity]+" "+string(f.Severity)), f.Rule, findingZh[f.Status], f.Message))
		}
	}
	_, err := fmt.Fprintln(w, strings.Join(lines, "\n"))
	return err
}

func sevColor(sev reports.Severity) string {
	return map[reports.Severity]string{"error": "31", "warning": "33", "info": "36"}[sev]
}

func labelled(label, v string) string {
	if v == "" {
		return ""
	}
	return label + v
}

// writeCompareCSV writes one row per bid and requirement, and one per
// finding of the tender's own (kind tender_finding). The columns up to
// note are those of the first version; the rest were added after them.
func writeCompareCSV(w io.Writer, r *reports.CompareReport) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"bid", "requirement", "requirement_text", "status", "stated", "evidence", "location", "note",
		"kind", "bidder", "verdict", "substantive", "scope", "claim", "claim_text", "claim_location"})
	for i, b := range r.Bids {
		if b.Error != nil {
			_ = cw.Write([]string{b.Path, "", "", "error", "", "", "", *b.Error, "result", bidderLabel(i, b), "", "", "", "", "", ""})
			continue
		}
		for qi, res := range b.Results {
			q := r.Tender.Requirements[qi]
			ev, loc := "", ""
			if res.Stated != nil {
				ev, loc = cleanText(res.Stated.Text), place(res.Stated.Location, res.Stated.Line, res.Stated.Column)
			}
			claim, claimText, claimLoc := "", "", ""
			if c := res.Claim; c != nil {
				claim, claimText, claimLoc = c.Deviation, c.Text, place(c.Location, c.Line, 0)
			}
			_ = cw.Write([]string{b.Path, res.Requirement, RequirementText(q), res.Status, StatedFor(q, res.Stated), ev, loc, res.Note,
				"result", bidderLabel(i, b), b.Verdict, q.Mark, q.Scope.String(), claim, claimText, claimLoc})
		}
	}
	for _, f := range r.Tender.Findings {
		_ = cw.Write([]string{r.Tender.Path, f.Rule, f.Title, string(f.Status), string(f.Severity), cleanText(f.Evidence), place(f.Location, f.Line, f.Column), f.Message,
			"tender_finding", "", "", "", "", "", "", ""})
	}
	cw.Flush()
	return cw.Error()
}
