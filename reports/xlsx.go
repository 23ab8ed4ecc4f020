package reports

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbook.
const (
	SheetOverview = "概览"
	SheetFindings = "问题清单"
	SheetFacts    = "事实"
)

// Fills of the severity cells, as Excel's own conditional-format presets:
// light red, light yellow, light blue.
var severityFill = map[string]string{"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}

// WriteXLSX writes a workbook for people who work in Excel: 概览 (one row
// per document: counts by severity and status, or why it could not be
// read; the rulebook version), 问题清单 (one row per finding) and 事实
// (every figure found). Headers are frozen and filterable, severities
// filled, long text wrapped, and file names link to the files.
func WriteXLSX(w io.Writer, r *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &book{f: f}
	x.overview(r)
	x.findings(r)
	x.facts(r)
	if x.err != nil {
		return x.err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

type book struct {
	f   *excelize.File
	err error
}

func (x *book) check(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

func (x *book) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	x.check(err)
	return id
}

// table writes a header and rows to sheet and gives it frozen header,
// autofilter and column widths; wrap lists the columns (from 1) whose
// text wraps.
func (x *book) table(sheet string, header []string, widths []float64, rows [][]any, wrap ...int) {
	head := x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{Vertical: "center"}})
	wrapped := x.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	top := x.style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	x.check(x.f.SetSheetRow(sheet, "A1", &header))
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	x.check(x.f.SetCellStyle(sheet, "A1", last, head))
	if len(rows) > maxDataRows {
		// Excel's row limit: the rest is in the other formats.
		more := len(rows) - maxDataRows + 1
		rows = append(rows[:maxDataRows-1:maxDataRows-1], []any{fmt.Sprintf("… %d more rows past Excel's row limit: see the JSON or CSV report", more)})
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		x.check(x.f.SetSheetRow(sheet, cell, &row))
	}
	for c, width := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		x.check(x.f.SetColWidth(sheet, col, col, width))
		style := top
		for _, wc := range wrap {
			if wc == c+1 {
				style = wrapped
			}
		}
		if len(rows) > 0 {
			x.check(x.f.SetCellStyle(sheet, col+"2", fmt.Sprintf("%s%d", col, len(rows)+1), style))
		}
	}
	x.check(x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, Split: false, XSplit: 0, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	end, _ := excelize.CoordinatesToCellName(len(header), max(len(rows)+1, 2))
	x.check(x.f.AutoFilter(sheet, "A1:"+end, nil))
}

// link makes column col of data rows a hyperlink to each row's file. A
// worksheet holds at most excelize.TotalSheetHyperlinks links: past that
// the sheet keeps its file names as plain text rather than failing the
// whole workbook.
func (x *book) link(sheet string, col int, paths []string) {
	paths = paths[:min(len(paths), maxDataRows-1)]
	n := 0
	for _, p := range paths {
		if p != "" && p != "<stdin>" {
			n++
		}
	}
	if n > linkLimit {
		return
	}
	style := x.style(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: &excelize.Alignment{Vertical: "top"}})
	for i, p := range paths {
		if p == "" || p == "<stdin>" {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(col, i+2)
		x.check(x.f.SetCellHyperLink(sheet, cell, fileURL(p), "External"))
		x.check(x.f.SetCellStyle(sheet, cell, cell, style))
	}
}

// linkLimit is excelize.TotalSheetHyperlinks; a variable so that a test
// can cross it without writing 65,000 rows.
var linkLimit = excelize.TotalSheetHyperlinks

// maxDataRows is how many rows below its header a worksheet can hold.
const maxDataRows = excelize.TotalRows - 1

// fill colours the severity cells of column col.
func (x *book) fill(sheet string, col int, severities []string) {
	severities = severities[:min(len(severities), maxDataRows-1)]
	styles := map[string]int{}
	for sev, color := range severityFill {
		styles[sev] = x.style(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}, Alignment: &excelize.Alignment{Vertical: "top"}})
	}
	for i, s := range severities {
		if id, ok := styles[s]; ok {
			cell, _ := excelize.CoordinatesToCellName(col, i+2)
			x.check(x.f.SetCellStyle(sheet, cell, cell, id))
		}
	}
}

func (x *book) overview(r *Report) {
	x.check(x.f.SetSheetName("Sheet1", SheetOverview))
	var rows [][]any
	var paths, worst []string
	for _, d := range r.Documents {
		var sev SeverityCounts
		status := map[string]int{}
		for _, f := range d.Findings {
			switch f.Severity {
			case "error":
				sev.Error++
			case "warning":
				sev.Warning++
			default:
				sev.Info++
			}
			status[f.Status]++
		}
		reason := ""
		if d.Error != nil {
			reason = *d.Error
		}
		rows = append(rows, []any{d.Path, d.Kind, d.Format, d.Encoding, sev.Error, sev.Warning, sev.Info,
			status[Violation], status[Missing], status[Unclear], len(d.Facts), reason})
		paths = append(paths, d.Path)
		switch {
		case d.Error != nil || sev.Error > 0:
			worst = append(worst, "error")
		case sev.Warning > 0:
			worst = append(worst, "warning")
		default:
			worst = append(worst, "")
		}
	}
	s := r.Summary
	rows = append(rows, []any{fmt.Sprintf("合计 total: %d 个文件 documents", s.Documents), "", "", "",
		s.Findings.Error, s.Findings.Warning, s.Findings.Info, "", "", "", "", fmt.Sprintf("%d 个无法读取 unreadable", s.Failed)})
	x.table(SheetOverview, []string{"文件 file", "类型 kind", "格式 format", "编码 encoding", "错误 error", "警告 warning", "提示 info",
		"违规 violation", "缺失 missing", "不明 unclear", "事实 facts", "无法读取 unreadable"},
		[]float64{44, 9, 9, 11, 9, 10, 8, 11, 10, 10, 8, 50}, rows, 1, 12)
	x.link(SheetOverview, 1, paths)
	x.fill(SheetOverview, 1, worst)
	// Who made the workbook, below the table.
	n := len(rows) + 3
	x.check(x.f.SetCellValue(SheetOverview, fmt.Sprintf("A%d", n), fmt.Sprintf("%s %s", r.Tool.Name, r.Tool.Version)))
	x.check(x.f.SetCellValue(SheetOverview, fmt.Sprintf("A%d", n+1), "规则库 rulebook: "+r.Rulebook))
	if s.Baselined > 0 {
		x.check(x.f.SetCellValue(SheetOverview, fmt.Sprintf("A%d", n+2), fmt.Sprintf("基线中已有、未列出 already in the baseline: %d", s.Baselined)))
	}
}

func (x *book) findings(r *Report) {
	_, err := x.f.NewSheet(SheetFindings)
	x.check(err)
	var rows [][]any
	var paths, sev []string
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			rows = append(rows, []any{d.Path, place(f.Location, f.Line, f.Column), f.Rule, f.Severity, f.Status,
				f.Message, f.Evidence, strings.Join(f.Basis, "\n"), f.Fix, f.Section})
			paths = append(paths, d.Path)
			sev = append(sev, f.Severity)
		}
	}
	x.table(SheetFindings, []string{"文件 file", "位置 location", "规则 rule", "级别 severity", "状态 status",
		"说明 message", "证据 evidence", "依据 basis", "建议 fix", "章节 section"},
		[]float64{36, 18, 20, 11, 11, 40, 50, 36, 40, 24}, rows, 6, 7, 8, 9, 10)
	x.link(SheetFindings, 1, paths)
	x.fill(SheetFindings, 4, sev)
}

func (x *book) facts(r *Report) {
	_, err := x.f.NewSheet(SheetFacts)
	x.check(err)
	var rows [][]any
	var paths []string
	for _, d := range r.Documents {
		for _, f := range d.Facts {
			var value, maxValue any = "", ""
			if f.Value != nil {
				value = *f.Value
			}
			if f.Max != nil {
				maxValue = *f.Max
			}
			rows = append(rows, []any{d.Path, place(f.Location, f.Line, f.Column), f.Topic, f.Op, value, maxValue, f.Unit, f.Item, f.Text, f.Section})
			paths = append(paths, d.Path)
		}
	}
	x.table(SheetFacts, []string{"文件 file", "位置 location", "主题 topic", "比较 op", "数值 value", "上限 max", "单位 unit", "部件 item", "原文 text", "章节 section"},
		[]float64{36, 18, 18, 8, 9, 8, 9, 12, 60, 24}, rows, 9, 10)
	x.link(SheetFacts, 1, paths)
}

// fileURL links a report row to its document: an absolute file: URL, so
// the link works wherever the workbook is saved.
func fileURL(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	return u.String()
}
