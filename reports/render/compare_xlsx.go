package render

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"shouhou/lexicon/columns"
	"shouhou/reports"
)

// Sheet names and layout of the compare workbook.
const (
	SheetMatrix         = "对比"
	SheetTenderAudit    = "招标文件问题"
	SheetRequirements   = "招标要求"
	matrixHeaderRow     = 6 // the filter header; rows 3-5 are bidders, verdicts, counts
	bidSheetHeaderRow   = 3
	auditSheetHeaderRow = 3
)

// writeCompareXLSX writes the workbook an evaluation committee prints and
// signs: 对比 (title, bidders, their verdicts and counts, the matrix with
// ★ on substantive rows and cells filled by status, legend, files and a
// signature block below the filter range), a sheet per bid with evidence,
// location and the bidder's own deviation claim, and 招标文件问题 (the
// tender's own findings, --audit-tender). Every sheet prints on A4
// landscape, fitted to the page width, header rows repeated.
func writeCompareXLSX(w io.Writer, r *reports.CompareReport) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &book{f: f}
	x.check(f.SetSheetName("Sheet1", SheetMatrix))
	x.matrix(r)
	names := sheetNames(r.Bids)
	for bi := range r.Bids {
		x.bidSheet(r, bi, names[bi])
	}
	x.tenderAudit(r)
	if x.err != nil {
		return x.err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// projectTitle is the workbook's title: the project and what it is.
func projectTitle(r *reports.CompareReport) string {
	name := "售后服务条款"
	if p := r.Tender.Project; p != nil && p.Name != "" {
		name = p.Name + " 售后服务条款"
	}
	return name + "评审表"
}

func projectLine(r *reports.CompareReport) string {
	var parts []string
	if p := r.Tender.Project; p != nil && p.Number != "" {
		parts = append(parts, "项目编号："+p.Number)
	}
	parts = append(parts, "招标文件："+r.Tender.Path)
	if r.Tender.RequirementsFile != "" {
		parts = append(parts, "要求清单："+r.Tender.RequirementsFile)
	}
	subst := 0
	for _, q := range r.Tender.Requirements {
		if q.Substantive {
			subst++
		}
	}
	parts = append(parts, fmt.Sprintf("要求 %d 条，其中实质性 ★ %d 条", len(r.Tender.Requirements), subst))
	return strings.Join(parts, "　")
}

func (x *book) title(sheet, title, sub string, cols int) {
	last, _ := excelize.ColumnNumberToName(max(cols, 1))
	x.check(x.f.SetCellValue(sheet, "A1", title))
	x.check(x.f.SetCellValue(sheet, "A2", sub))
	x.check(x.f.MergeCell(sheet, "A1", last+"1"))
	x.check(x.f.MergeCell(sheet, "A2", last+"2"))
	x.check(x.f.SetCellStyle(sheet, "A1", "A1", x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})))
	x.check(x.f.SetCellStyle(sheet, "A2", "A2", x.style(&excelize.Style{Font: &excelize.Font{Color: "595959"}, Alignment: &excelize.Alignment{Horizontal: "center"}})))
	x.check(x.f.SetRowHeight(sheet, 1, 24))
}

// printSetup: A4 landscape, one page wide, rows from..to repeated on every
// page, the print area A1 to the last cell.
func (x *book) printSetup(sheet string, from, to, cols, rows int) {
	size, orient, one, tall := 9, "landscape", 1, 0
	x.check(x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &tall}))
	fit := true
	x.check(x.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	margin := 0.4
	x.check(x.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin}))
	last, _ := excelize.ColumnNumberToName(cols)
	x.check(x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, from, to), Scope: sheet}))
	x.check(x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sheet, last, rows), Scope: sheet}))
	x.check(x.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页，共 &N 页"}))
}

// fillStyles makes a style per colour; bold ones (the verdicts) centred.
func (x *book) fillStyles(colors map[string]string, bold bool) map[string]int {
	out := map[string]int{}
	align := ""
	if bold {
		align = "center"
	}
	for k, c := range colors {
		out[k] = x.style(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}, Font: &excelize.Font{Bold: bold},
			Alignment: &excelize.Alignment{Horizontal: align, Vertical: "top", WrapText: true}, Border: thin})
	}
	return out
}

var thin = []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1}, {Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// matrix writes 对比.
func (x *book) matrix(r *reports.CompareReport) {
	const sheet = SheetMatrix
	const first = 5 // the first bidder's column
	cols := first - 1 + len(r.Bids)
	x.title(sheet, projectTitle(r), projectLine(r), cols)

	// Bidders, their verdicts and counts: above the filter header, so a
	// sort never moves them.
	label := x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	head := x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Border: thin})
	plain := x.style(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}, Border: thin})
	for row, text := range map[int]string{3: "投标人 bidder", 4: "评审结论 verdict", 5: "✓满足 ✗不满足 ≠矛盾 ?不明确 –未说明"} {
		x.check(x.f.SetCellValue(sheet, cellName(4, row), text))
		x.check(x.f.SetCellStyle(sheet, cellName(4, row), cellName(4, row), label))
	}
	verdictFill := x.fillStyles(verdictFills, true)
	for bi, b := range r.Bids {
		c := first + bi
		x.check(x.f.SetCellValue(sheet, cellName(c, 3), bidderLabel(bi, b)))
		x.check(x.f.SetCellStyle(sheet, cellName(c, 3), cellName(c, 3), head))
		x.check(x.f.SetCellValue(sheet, cellName(c, 4), VerdictText(b.Verdict)))
		if st, ok := verdictFill[b.Verdict]; ok {
			x.check(x.f.SetCellStyle(sheet, cellName(c, 4), cellName(c, 4), st))
		} else {
			x.check(x.f.SetCellStyle(sheet, cellName(c, 4), cellName(c, 4), verdictFill[reports.VerdictFail]))
		}
		x.check(x.f.SetCellValue(sheet, cellName(c, 5), CountsText(b.Counts)))
		x.check(x.f.SetCellStyle(sheet, cellName(c, 5), cellName(c, 5), plain))
	}
	x.check(x.f.SetRowHeight(sheet, 3, 30))

	header := slices.Clone(columns.Load().CompareMatrix)
	for bi, b := range r.Bids {
		header = append(header, bidderLabel(bi, b))
	}
	var rows [][]any
	for qi, q := range r.Tender.Requirements {
		row := []any{q.ID, star(q), RequirementText(q), q.Text}
		for _, b := range r.Bids {
			cell := "无法读取 unreadable"
			if b.Error == nil {
				res := b.Results[qi]
				cell = strings.TrimSpace(marks[res.Status] + " " + statusZh[res.Status] + " " + StatedFor(q, res.Stated))
				if res.Claim != nil {
					cell += "\n投标人称：" + claimZh[res.Claim.Deviation]
				}
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	widths := []float64{7, 7, 26, 40}
	for range r.Bids {
		widths = append(widths, 22)
	}
	wrap := []int{3, 4}
	for bi := range r.Bids {
		wrap = append(wrap, first+bi)
	}
	x.tableAt(sheet, matrixHeaderRow, header, widths, rows, wrap...)
	x.check(x.f.SetRowHeight(sheet, matrixHeaderRow, 30))
	x.check(x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 3, YSplit: matrixHeaderRow, TopLeftCell: cellName(4, matrixHeaderRow+1), ActivePane: "bottomRight"}))
	fills := x.fillStyles(markFills, false)
	star := x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	for qi, q := range r.Tender.Requirements {
		if q.Substantive {
			x.check(x.f.SetCellStyle(sheet, cellName(2, matrixHeaderRow+1+qi), cellName(2, matrixHeaderRow+1+qi), star))
		}
	}
	for bi, b := range r.Bids {
		if b.Error != nil {
			continue
		}
		for qi, res := range b.Results {
			cell := cellName(first+bi, matrixHeaderRow+1+qi)
			x.check(x.f.SetCellStyle(sheet, cell, cell, fills[res.Status]))
		}
	}

	// Footer: below the filter range, a blank row between.
	n := matrixHeaderRow + len(rows) + 2
	foot := []string{"★ 实质性要求：不满足或与声明矛盾时，投标可能无效（可能无效 = 需评审委员会确认）。",
		"✓ 满足　✗ 不满足　≠ 与投标人声明矛盾（声明无偏离，写明的数字不满足）　? 不明确　– 未说明"}
	for bi, b := range r.Bids {
		line := fmt.Sprintf("%s：%s", bidderLabel(bi, b), b.Path)
		if open := OpenText(b); open != "" {
			line += "　" + open
		}
		foot = append(foot, line)
	}
	if len(r.Tender.Findings) > 0 {
		foot = append(foot, fmt.Sprintf("招标文件自身的问题 %d 项，见工作表「%s」。", len(r.Tender.Findings), SheetTenderAudit))
	}
	foot = append(foot, fmt.Sprintf("%s %s 生成；结果供评审参考，以评审委员会结论为准。", r.Tool.Name, r.Tool.Version))
	for _, line := range foot {
		x.check(x.f.SetCellValue(sheet, cellName(1, n), line))
		n++
	}
	n = x.signatures(sheet, n+1)
	x.printSetup(sheet, 3, matrixHeaderRow, cols, n)
}

// star is the substantive column's mark: ★ for every substantive
// requirement, whatever sign or words the tender used (kept in JSON and csv).
func star(q reports.Requirement) string {
	if q.Substantive {
		return "★"
	}
	return ""
}

// signatures writes the committee's signature block from row n and
// returns the row after it.
func (x *book) signatures(sheet string, n int) int {
	line := x.style(&excelize.Style{Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}})
	bold := x.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	right := x.style(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right"}}) // 日期： next to its line
	x.check(x.f.SetCellValue(sheet, cellName(1, n), "评审委员会签字"))
	x.check(x.f.SetCellStyle(sheet, cellName(1, n), cellName(1, n), bold))
	for i := 0; i < 3; i++ {
		r := n + 1 + i
		x.check(x.f.SetCellValue(sheet, cellName(2, r), "评审人："))
		x.check(x.f.SetCellStyle(sheet, cellName(3, r), cellName(3, r), line))
		x.check(x.f.SetCellValue(sheet, cellName(4, r), "日期："))
		x.check(x.f.SetCellStyle(sheet, cellName(4, r), cellName(4, r), right))
		x.check(x.f.SetCellStyle(sheet, cellName(5, r), cellName(5, r), line))
		x.check(x.f.SetRowHeight(sheet, r, 26))
	}
	return n + 4
}

// sheetNames gives each bid a sheet name: its number and bidder, within
// Excel's 31 characters and without the characters it forbids.
func sheetNames(bids []reports.BidReport) []string {
	out := make([]string, len(bids))
	for i, b := range bids {
		name := strings.Map(func(r rune) rune {
			if strings.ContainsRune(`[]:*?/\'`, r) {
				return '_'
			}
			return r
		}, bidderLabel(i, b))
		s := fmt.Sprintf("%d %s", i+1, name)
		for utf8.RuneCountInString(s) > 31 {
			_, n := utf8.DecodeLastRuneInString(s)
			s = s[:len(s)-n]
		}
		out[i] = s
	}
	return out
}

// bidSheet writes one bid's answers with their evidence.
func (x *book) bidSheet(r *reports.CompareReport, bi int, sheet string) {
	b := r.Bids[bi]
	_, err := x.f.NewSheet(sheet)
	x.check(err)
	header := columns.Load().CompareBid
	sub := fmt.Sprintf("评审结论：%s　%s　文件：%s", VerdictText(b.Verdict), CountsText(b.Counts), b.Path)
	if open := OpenText(b); open != "" {
		sub += "　" + open
	}
	x.title(sheet, bidderLabel(bi, b), sub, len(header))
	var rows [][]any
	if b.Error != nil {
		rows = append(rows, []any{"", "", "", "无法读取", "error", "", "", *b.Error, "", "", ""})
	}
	for qi, res := range b.Results {
		q := r.Tender.Requirements[qi]
		ev, loc := "", ""
		if res.Stated != nil {
			ev, loc = cleanText(res.Stated.Text), place(res.Stated.Location, res.Stated.Line, res.Stated.Column)
		}
		claim, claimLoc := "", ""
		if c := res.Claim; c != nil {
			claim, claimLoc = c.Text, place(c.Location, c.Line, 0)
		}
		rows = append(rows, []any{res.Requirement, star(q), RequirementText(q), statusZh[res.Status], res.Status, StatedFor(q, res.Stated), claim, ev, loc, res.Note, claimLoc})
	}
	x.tableAt(sheet, bidSheetHeaderRow, header, []float64{7, 7, 26, 11, 11, 14, 12, 46, 18, 30, 18}, rows, 3, 8, 10)
	fills := x.fillStyles(markFills, false)
	star := x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	off := 0
	if b.Error != nil {
		off = 1
	}
	for qi, res := range b.Results {
		row := bidSheetHeaderRow + 1 + off + qi
		x.check(x.f.SetCellStyle(sheet, cellName(4, row), cellName(4, row), fills[res.Status]))
		if r.Tender.Requirements[qi].Substantive {
			x.check(x.f.SetCellStyle(sheet, cellName(2, row), cellName(2, row), star))
		}
	}
	n := bidSheetHeaderRow + len(rows) + 2
	x.check(x.f.SetCellValue(sheet, cellName(1, n), "投标人声明：投标文件偏离表中投标人自己填写的偏离情况；与写明的数字不符时结果为「与声明矛盾」。"))
	n = x.signatures(sheet, n+2)
	x.printSetup(sheet, bidSheetHeaderRow, bidSheetHeaderRow, len(header), n)
}

// tenderAudit writes the tender's own findings (--audit-tender).
func (x *book) tenderAudit(r *reports.CompareReport) {
	const sheet = SheetTenderAudit
	_, err := x.f.NewSheet(sheet)
	x.check(err)
	header := columns.Load().CompareTenderAudit
	sub := fmt.Sprintf("招标文件：%s　问题 %d 项", r.Tender.Path, len(r.Tender.Findings))
	x.title(sheet, "招标文件自身的问题", sub, len(header))
	var rows [][]any
	var sev []string
	for _, f := range r.Tender.Findings {
		rows = append(rows, []any{place(f.Location, f.Line, f.Column), f.Rule, severityZh[f.Severity], string(f.Severity), findingZh[f.Status], string(f.Status),
			TopicName(f.Topic), string(f.Topic), f.Message, cleanText(f.Evidence), strings.Join(f.Basis, "\n"), f.Fix})
		sev = append(sev, string(f.Severity))
	}
	x.tableAt(sheet, auditSheetHeaderRow, header, []float64{16, 18, 9, 9, 8, 10, 12, 16, 40, 40, 34, 36}, rows, 9, 10, 11, 12)
	styles := map[string]int{}
	for s, c := range severityFill {
		styles[s] = x.style(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}, Alignment: &excelize.Alignment{Vertical: "top"}})
	}
	for i, s := range sev {
		cell := cellName(3, auditSheetHeaderRow+1+i)
		x.check(x.f.SetCellStyle(sheet, cell, cell, styles[s]))
	}
	n := auditSheetHeaderRow + len(rows) + 2
	note := "由 shouhou compare --audit-tender 审查；未使用该选项时本表为空。"
	if len(rows) > 0 {
		note = "以上为招标文件本身可能违反政府采购规定之处，请采购人核实。"
	}
	x.check(x.f.SetCellValue(sheet, cellName(1, n), note))
	x.printSetup(sheet, auditSheetHeaderRow, auditSheetHeaderRow, len(header), n)
}
