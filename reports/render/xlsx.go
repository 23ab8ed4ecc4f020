package render

import (
	"fmt"
	"io"
	"math"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"shouhou/lexicon/columns"
	"shouhou/reports"
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
//
// The sheets are written as streams (xlsx_stream.go): excelize keeps a
// few hundred bytes per cell of a sheet it holds, which for 10,000
// documents was most of the run's memory.
func WriteXLSX(w io.Writer, r *reports.Report) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &book{f: f}
	x.check(f.SetSheetName("Sheet1", SheetOverview))
	// Before the streams: SetActiveSheet reads every sheet back in.
	f.SetActiveSheet(0)
	x.stream(x.overview(r))
	x.stream(x.findings(r))
	x.stream(x.facts(r))
	if x.err != nil {
		return x.err
	}
	x.spliceLinks() // xlsx_links.go
	return f.Write(w)
}

type book struct {
	f     *excelize.File
	err   error
	links map[string]*sheetLinks // by sheet: xlsx_links.go
	// extent is the last column and row written, by sheet.
	extent map[string][2]int
}

func (x *book) check(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

// fits reports whether a table's column heads (lexicon/columns), widths
// and rows agree; a list of another length would shift every column after
// the change, so the workbook fails instead of coming out wrong.
func (x *book) fits(sheet string, header []string, widths []float64, rows [][]any) bool {
	if len(widths) != len(header) {
		x.check(fmt.Errorf("sheet %s: %d column heads in lexicon/columns/columns.yaml but %d column widths in the renderer", sheet, len(header), len(widths)))
		return false
	}
	for i, row := range rows {
		// every row fills every column, but the one cell that says more
		// rows were left out
		if len(row) != len(header) && len(row) != 1 {
			x.check(fmt.Errorf("sheet %s: row %d has %d cells for %d column heads (lexicon/columns/columns.yaml)", sheet, i+1, len(row), len(header)))
			return false
		}
	}
	return true
}

func (x *book) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	x.check(err)
	return id
}

// tableAt writes a header (in row top) and rows to sheet and gives it
// frozen header, autofilter and column widths; wrap lists the columns
// (from 1) whose text wraps. The rows above the header (a title) stay out
// of the filter, and the panes freeze below the header. (The audit
// workbook streams its sheets instead: xlsx_stream.go.)
func (x *book) tableAt(sheet string, top int, header []string, widths []float64, rows [][]any, wrap ...int) {
	if !x.fits(sheet, header, widths, rows) {
		return
	}
	head := x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{Vertical: "center"}})
	wrapped := x.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	top0 := x.style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	first, _ := excelize.CoordinatesToCellName(1, top)
	x.check(x.f.SetSheetRow(sheet, first, &header))
	last, _ := excelize.CoordinatesToCellName(len(header), top)
	x.check(x.f.SetCellStyle(sheet, first, last, head))
	if limit := maxDataRows - top + 1; len(rows) > limit {
		// Excel's row limit: the rest is in the other formats.
		more := len(rows) - limit + 1
		rows = append(rows[:limit-1:limit-1], []any{moreRows(more)})
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, top+1+i)
		x.check(x.f.SetSheetRow(sheet, cell, &row))
	}
	x.grow(sheet, len(header), top+len(rows))
	for c, width := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		x.check(x.f.SetColWidth(sheet, col, col, width))
		style := top0
		for _, wc := range wrap {
			if wc == c+1 {
				style = wrapped
			}
		}
		if len(rows) > 0 {
			x.check(x.f.SetCellStyle(sheet, fmt.Sprintf("%s%d", col, top+1), fmt.Sprintf("%s%d", col, top+len(rows)), style))
		}
	}
	x.heights(sheet, top+1, widths, rows, wrap)
	below, _ := excelize.CoordinatesToCellName(1, top+1)
	x.check(x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, Split: false, XSplit: 0, YSplit: top, TopLeftCell: below, ActivePane: "bottomLeft"}))
	end, _ := excelize.CoordinatesToCellName(len(header), max(top+len(rows), top+1))
	x.check(x.f.AutoFilter(sheet, first+":"+end, nil))
}

// heights sets each row's height to fit its wrapped cells, as LibreOffice
// and some Excel versions do not grow a row for wrapped text on opening.
func (x *book) heights(sheet string, first int, widths []float64, rows [][]any, wrap []int) {
	for i, row := range rows {
		if lines := rowLines(row, widths, wrap); lines > 1 {
			x.check(x.f.SetRowHeight(sheet, first+i, float64(min(lines, 12))*15))
		}
	}
}

// rowLines is how many lines the tallest wrapped cell of row takes.
func rowLines(row []any, widths []float64, wrap []int) int {
	lines := 1
	for _, c := range wrap {
		if c-1 >= len(row) || c-1 >= len(widths) {
			continue
		}
		text, ok := row[c-1].(string)
		if !ok {
			continue
		}
		lines = max(lines, textLines(text, widths[c-1]))
	}
	return lines
}

// moreRows is the last row of a sheet cut at Excel's row limit.
func moreRows(n int) string {
	return fmt.Sprintf("… %d more rows past Excel's row limit: see the JSON or CSV report", n)
}

// textLines estimates the lines text takes in a column width wide (in
// character widths: a Han character is two).
func textLines(text string, width float64) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		w := 0.0
		for _, r := range line {
			if r < 0x1100 {
				w += 1.15 // Latin letters and digits run a little wider than the unit
			} else {
				w += 2
			}
		}
		n += max(1, int(math.Ceil(w/math.Max(width-1.5, 1))))
	}
	return n
}

// linkLimit is excelize.TotalSheetHyperlinks; a variable so that a test
// can cross it without writing 65,000 rows.
var linkLimit = excelize.TotalSheetHyperlinks

// maxDataRows is how many rows below its header a worksheet can hold.
const maxDataRows = excelize.TotalRows - 1

func (x *book) overview(r *reports.Report) *sheetTable {
	var rows [][]any
	var paths, worst []string
	for _, d := range r.Documents {
		var sev reports.SeverityCounts
		status := map[reports.Status]int{}
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
		rows = append(rows, []any{d.Path, string(d.Kind), d.Format, d.Encoding, sev.Error, sev.Warning, sev.Info,
			status[reports.Violation], status[reports.Missing], status[reports.Unclear], len(d.Facts), reason})
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
	return &sheetTable{sheet: SheetOverview, header: columns.Load().WorkbookOverview,
		widths: []float64{44, 9, 9, 11, 9, 10, 8, 11, 10, 10, 8, 50}, n: len(rows), row: func(i int) []any { return rows[i] }, wrap: []int{1, 12},
		linkCol: 1, paths: paths, fillCol: 1, severities: worst,
		// Who made the workbook, below the table.
		footer: []string{fmt.Sprintf("%s %s", r.Tool.Name, r.Tool.Version), "规则库 rulebook: " + r.Rulebook,
			fmt.Sprintf("已忽略 suppressed (shouhou-ignore): %d；基线中已有 already in the baseline: %d", s.Suppressed, s.Baselined)}}
}

func (x *book) findings(r *reports.Report) *sheetTable {
	// Which finding each row is: (document, index) with the suppressed
	// ones (listed with --show-suppressed) after the document's findings.
	var at [][2]int32
	var paths, sev []string
	for di, d := range r.Documents {
		for j, f := range d.Findings {
			at = append(at, [2]int32{int32(di), int32(j)})
			paths = append(paths, d.Path)
			sev = append(sev, string(f.Severity))
		}
		for j := range d.Suppressed {
			at = append(at, [2]int32{int32(di), int32(len(d.Findings) + j)})
			paths = append(paths, d.Path)
			sev = append(sev, "")
		}
	}
	row := func(i int) []any {
		d := &r.Documents[at[i][0]]
		j := int(at[i][1])
		if j < len(d.Findings) {
			f := &d.Findings[j]
			return []any{d.Path, place(f.Location, f.Line, f.Column), f.Rule, severityZh[f.Severity], findingZh[f.Status],
				f.Message, f.Evidence, strings.Join(f.Basis, "\n"), f.Fix, f.Section, TopicName(f.Topic), f.Severity, f.Status, string(f.Topic)}
		}
		// The status says why a suppressed finding does not count.
		f := &d.Suppressed[j-len(d.Findings)]
		return []any{d.Path, place(f.Location, f.Line, f.Column), f.Rule, severityZh[f.Severity], suppressedZh(*f),
			f.Message, f.Evidence, strings.Join(f.Basis, "\n"), f.Fix, f.Section, TopicName(f.Topic), f.Severity, suppressedStatus(*f), string(f.Topic)}
	}
	// Chinese words where a person reads; the machine ids in their own
	// columns at the end, for filters and scripts.
	return &sheetTable{sheet: SheetFindings, header: columns.Load().WorkbookFindings,
		widths: []float64{36, 18, 20, 9, 9, 40, 50, 36, 40, 24, 12, 9, 10, 18}, n: len(at), row: row, wrap: []int{6, 7, 8, 9, 10},
		linkCol: 1, paths: paths, fillCol: 4, severities: sev}
}

func (x *book) facts(r *reports.Report) *sheetTable {
	var at [][2]int32 // (document, fact) of each row
	var paths []string
	for di, d := range r.Documents {
		for j := range d.Facts {
			at = append(at, [2]int32{int32(di), int32(j)})
			paths = append(paths, d.Path)
		}
	}
	row := func(i int) []any {
		d := &r.Documents[at[i][0]]
		f := &d.Facts[at[i][1]]
		var value, maxValue any = "", ""
		if f.Value != nil {
			value = *f.Value
		}
		if f.Max != nil {
			maxValue = *f.Max
		}
		return []any{d.Path, place(f.Location, f.Line, f.Column), TopicName(f.Topic), f.Op, value, maxValue, f.Unit, f.Item, f.Text, f.Section, string(f.Topic), f.Scope.String()}
	}
	return &sheetTable{sheet: SheetFacts, header: columns.Load().WorkbookFacts,
		widths: []float64{36, 18, 12, 8, 9, 8, 9, 12, 60, 24, 18, 20}, n: len(at), row: row, wrap: []int{9, 10},
		linkCol: 1, paths: paths}
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
