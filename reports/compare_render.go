package reports

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/xuri/excelize/v2"
)

// CompareFormats are the formats shouhou compare writes.
var CompareFormats = []string{"table", "json", "xlsx", "csv", "html"}

// WriteCompare renders a compare report in format.
func WriteCompare(w io.Writer, format string, r *CompareReport, opt Options) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	case "table":
		return writeCompareTable(w, r, opt)
	case "xlsx":
		return writeCompareXLSX(w, r)
	case "csv":
		return writeCompareCSV(w, r)
	case "html":
		return writeCompareHTML(w, r)
	}
	return fmt.Errorf("compare writes %s, not %q", strings.Join(CompareFormats, ", "), format)
}

// Marks of the matrix, and their fills in the workbook.
var (
	marks      = map[string]string{Met: "✓", Unmet: "✗", NotStated: "–", UnclearR: "?"}
	markColors = map[string]string{Met: "32", Unmet: "31", NotStated: "90", UnclearR: "33"}
	markFills  = map[string]string{Met: "C6EFCE", Unmet: "FFC7CE", NotStated: "EDEDED", UnclearR: "FFEB9C"}
	statusZh   = map[string]string{Met: "满足", Unmet: "不满足", NotStated: "未说明", UnclearR: "不明确"}
)

// RequirementText is a requirement in a few words: 质保期 ≥ 5年, 认证 ISO9001.
func RequirementText(q Requirement) string {
	name := topicName(q.Topic)
	if q.Item != "" && q.Unit == "" {
		return name + " " + q.Item
	}
	v := ""
	if q.Value != nil {
		v = strconv.FormatFloat(*q.Value, 'f', -1, 64)
	}
	op := map[string]string{"<=": "≤", ">=": "≥"}[q.Op]
	s := strings.TrimSpace(name + " " + op + " " + v + unitName(q.Unit))
	if q.Item != "" {
		s += "（" + q.Item + "）"
	}
	return s
}

// StatedText is what a bid stated, in a few words.
func StatedText(s *Stated) string {
	if s == nil {
		return ""
	}
	if s.Value == nil {
		if s.Item != "" {
			return s.Item
		}
		return clip(s.Text, 24)
	}
	v := strconv.FormatFloat(*s.Value, 'f', -1, 64)
	if s.Max != nil {
		v += "-" + strconv.FormatFloat(*s.Max, 'f', -1, 64)
	}
	return v + unitName(s.Unit)
}

var topicNamesZh = map[string]string{
	"response_time": "响应时间", "onsite_time": "到场时间", "resolution_time": "解决时间", "repair_time": "修复时间",
	"refund_time": "退款时限", "return_window": "退货期限", "exchange_window": "换货期限", "warranty_period": "质保期",
	"parts_warranty": "部件保修期", "spare_parts_period": "备件供应期", "insurance": "保险", "certification": "认证",
}

func topicName(t string) string {
	if n, ok := topicNamesZh[t]; ok {
		return n
	}
	return t
}

func unitName(u string) string {
	return map[string]string{"minute": "分钟", "hour": "小时", "workhour": "工作小时", "day": "日", "workday": "工作日",
		"week": "周", "month": "个月", "year": "年", "lifetime": "终身"}[u]
}

func writeCompareTable(w io.Writer, r *CompareReport, opt Options) error {
	header := []string{"编号", "招标要求 requirement"}
	for i := range r.Bids {
		header = append(header, fmt.Sprintf("投标%d", i+1))
	}
	var rows [][]string
	for qi, q := range r.Tender.Requirements {
		row := []string{q.ID, RequirementText(q)}
		for _, b := range r.Bids {
			cell := "失败"
			if b.Error == nil && qi < len(b.Results) {
				res := b.Results[qi]
				cell = paint(opt, markColors[res.Status], marks[res.Status]) + " " + StatedText(res.Stated)
			}
			row = append(row, strings.TrimSpace(cell))
		}
		rows = append(rows, row)
	}
	counts := []string{"", "满足/不满足 met/unmet"}
	for _, b := range r.Bids {
		counts = append(counts, fmt.Sprintf("%d / %d", b.Counts[Met], b.Counts[Unmet]))
	}
	rows = append(rows, counts)
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithRowAutoWrap(tw.WrapBreak))
	t.Header(header)
	if err := t.Bulk(rows); err != nil {
		return err
	}
	if err := t.Render(); err != nil {
		return err
	}
	for i, b := range r.Bids {
		line := fmt.Sprintf("投标%d: %s", i+1, b.Path)
		if b.Error != nil {
			line += "（无法读取 unreadable: " + *b.Error + "）"
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, "✓ 满足 met   ✗ 不满足 unmet   – 未说明 not stated   ? 不明确 unclear")
	return err
}

func writeCompareCSV(w io.Writer, r *CompareReport) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"bid", "requirement", "requirement_text", "status", "stated", "evidence", "location", "note"})
	for _, b := range r.Bids {
		if b.Error != nil {
			_ = cw.Write([]string{b.Path, "", "", "error", "", "", "", *b.Error})
			continue
		}
		for qi, res := range b.Results {
			ev, loc := "", ""
			if res.Stated != nil {
				ev, loc = cleanText(res.Stated.Text), place(res.Stated.Location, res.Stated.Line, res.Stated.Column)
			}
			_ = cw.Write([]string{b.Path, res.Requirement, RequirementText(r.Tender.Requirements[qi]), res.Status, StatedText(res.Stated), ev, loc, res.Note})
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeCompareXLSX writes 对比 (the matrix, cells filled by status, a
// met/unmet row per bid) and one sheet per bid with its evidence.
func writeCompareXLSX(w io.Writer, r *CompareReport) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &book{f: f}
	const matrix = "对比"
	x.check(f.SetSheetName("Sheet1", matrix))
	header := []string{"编号 id", "招标要求 requirement", "原文 tender text"}
	for i, b := range r.Bids {
		header = append(header, fmt.Sprintf("投标%d %s", i+1, b.Path))
	}
	var rows [][]any
	for qi, q := range r.Tender.Requirements {
		row := []any{q.ID, RequirementText(q), q.Text}
		for _, b := range r.Bids {
			cell := "无法读取 unreadable"
			if b.Error == nil {
				res := b.Results[qi]
				cell = strings.TrimSpace(marks[res.Status] + " " + statusZh[res.Status] + " " + StatedText(res.Stated))
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	total := []any{"", "满足 / 不满足 met / unmet", ""}
	for _, b := range r.Bids {
		total = append(total, fmt.Sprintf("%d / %d", b.Counts[Met], b.Counts[Unmet]))
	}
	rows = append(rows, total)
	widths := []float64{8, 26, 40}
	for range r.Bids {
		widths = append(widths, 24)
	}
	x.table(matrix, header, widths, rows, 3)
	fills := map[string]int{}
	for s, c := range markFills {
		fills[s] = x.style(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	}
	for bi, b := range r.Bids {
		if b.Error != nil {
			continue
		}
		for qi, res := range b.Results {
			cell, _ := excelize.CoordinatesToCellName(4+bi, qi+2)
			x.check(f.SetCellStyle(matrix, cell, cell, fills[res.Status]))
		}
	}
	for bi, b := range r.Bids {
		sheet := fmt.Sprintf("投标%d", bi+1)
		_, err := f.NewSheet(sheet)
		x.check(err)
		var rows [][]any
		if b.Error != nil {
			rows = append(rows, []any{"", "", "无法读取 unreadable", "", *b.Error, "", ""})
		}
		for qi, res := range b.Results {
			ev, loc := "", ""
			if res.Stated != nil {
				ev, loc = cleanText(res.Stated.Text), place(res.Stated.Location, res.Stated.Line, res.Stated.Column)
			}
			rows = append(rows, []any{res.Requirement, RequirementText(r.Tender.Requirements[qi]), statusZh[res.Status] + " " + res.Status, StatedText(res.Stated), ev, loc, res.Note})
		}
		x.table(sheet, []string{"编号 id", "招标要求 requirement", "结果 status", "投标所述 stated", "证据 evidence", "位置 location", "说明 note"},
			[]float64{8, 26, 16, 16, 50, 20, 30}, rows, 5, 7)
		for qi, res := range b.Results {
			cell, _ := excelize.CoordinatesToCellName(3, qi+2)
			x.check(f.SetCellStyle(sheet, cell, cell, fills[res.Status]))
		}
		x.check(f.SetCellValue(sheet, fmt.Sprintf("A%d", len(rows)+3), b.Path))
	}
	if x.err != nil {
		return x.err
	}
	return f.Write(w)
}
