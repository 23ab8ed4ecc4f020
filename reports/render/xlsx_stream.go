package render

import (
	"github.com/xuri/excelize/v2"
)

// The audit workbook's sheets as streams.
//
// excelize holds a sheet it writes as a tree of rows and cells, a few
// hundred bytes a cell, and marshals it whole when the workbook is saved;
// its StreamWriter writes each row as XML as it comes (to a temporary
// file past 16 MiB). Everything that is not a cell — widths, frozen panes,
// the filter, print settings — is set on the empty sheet first, as the
// stream writer emits those parts from the sheet's settings; the cells
// then carry their own styles, and the rows their heights. The workbook
// looks the same cell for cell (TestXLSXDump); its strings are inline
// rather than shared.

// sheetTable is one sheet of the audit workbook: a header row, data rows
// below it, and lines below the table after an empty row.
type sheetTable struct {
	sheet  string
	header []string
	widths []float64
	// n data rows, row(i) the i-th (from 0): made as the row is written,
	// so a sheet of many rows is never held whole before the stream.
	n    int
	row  func(i int) []any
	wrap []int // columns (from 1) whose text wraps
	// linkCol (from 1, 0 for none) links each data row to paths[i];
	// fillCol colours each data row's cell by severities[i].
	linkCol    int
	paths      []string
	fillCol    int
	severities []string
	footer     []string
}

// stream writes t to its sheet, made if it is not there.
func (x *book) stream(t *sheetTable) {
	if x.err != nil {
		return
	}
	var first [][]any // the rows are made as they are written: the first tells their width
	if t.n > 0 {
		first = [][]any{t.row(0)}
	}
	if !x.fits(t.sheet, t.header, t.widths, first) {
		return
	}
	f, sheet := x.f, t.sheet
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		_, err := f.NewSheet(sheet)
		x.check(err)
	}
	// Styles in the order the in-memory writer made them.
	head := x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{Vertical: "center"}})
	wrapped := x.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	top0 := x.style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	n, rowAt := t.n, t.row
	if limit := maxDataRows; n > limit {
		// Excel's row limit: the rest is in the other formats.
		more := n - limit + 1
		n = limit
		rowAt = func(i int) []any {
			if i == limit-1 {
				return []any{moreRows(more)}
			}
			return t.row(i)
		}
	}
	colStyle := make([]int, len(t.widths))
	for c := range t.widths {
		colStyle[c] = top0
		for _, wc := range t.wrap {
			if wc == c+1 {
				colStyle[c] = wrapped
			}
		}
	}
	// Links: none on a sheet past Excel's hyperlink limit.
	paths := t.paths[:min(len(t.paths), maxDataRows-1)]
	linked := func(i int) bool { return i < len(paths) && paths[i] != "" && paths[i] != "<stdin>" }
	linkStyle := 0
	if t.linkCol > 0 {
		n := 0
		for i := range paths {
			if linked(i) {
				n++
			}
		}
		if n > linkLimit {
			paths = nil
		} else {
			linkStyle = x.style(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: &excelize.Alignment{Vertical: "top"}})
		}
	}
	severities := t.severities[:min(len(t.severities), maxDataRows-1)]
	fills := map[string]int{}
	if t.fillCol > 0 {
		for _, sev := range []string{"error", "warning", "info"} { // in order: style ids must not vary between runs
			fills[sev] = x.style(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{severityFill[sev]}}, Alignment: &excelize.Alignment{Vertical: "top"}})
		}
	}

	// The sheet's settings, before its first row.
	last := 1 + n
	if len(t.footer) > 0 {
		last = t.n + 2 + len(t.footer)
	}
	x.grow(sheet, len(t.header), last)
	for c := len(t.widths) - 1; c >= 0; c-- { // the stream writer lists them in the reverse order of these calls
		col, _ := excelize.ColumnNumberToName(c + 1)
		x.check(f.SetColWidth(sheet, col, col, t.widths[c]))
	}
	x.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, Split: false, XSplit: 0, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	end, _ := excelize.CoordinatesToCellName(len(t.header), max(1+n, 2))
	x.check(f.AutoFilter(sheet, "A1:"+end, nil))
	e := x.extent[sheet]
	x.printSetup(sheet, 1, 1, max(e[0], 1), max(e[1], 1))
	if x.err != nil {
		return
	}

	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		x.check(err)
		return
	}
	cells := make([]any, 0, len(t.header))
	for _, h := range t.header {
		cells = append(cells, excelize.Cell{StyleID: head, Value: h})
	}
	x.check(sw.SetRow("A1", cells))
	for i := range n {
		row := rowAt(i)
		r := i + 2
		cells = cells[:0]
		for c := range max(len(row), len(colStyle)) {
			var v any
			if c < len(row) {
				v = row[c]
			}
			style := 0
			if c < len(colStyle) {
				style = colStyle[c]
			}
			if c+1 == t.linkCol && linked(i) {
				style = linkStyle
			}
			if c+1 == t.fillCol && i < len(severities) {
				if id, ok := fills[severities[i]]; ok {
					style = id
				}
			}
			cells = append(cells, excelize.Cell{StyleID: style, Value: v})
		}
		var opts []excelize.RowOpts
		if lines := rowLines(row, t.widths, t.wrap); lines > 1 {
			opts = append(opts, excelize.RowOpts{Height: float64(min(lines, 12)) * 15})
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		x.check(sw.SetRow(cell, cells, opts...))
		if t.linkCol > 0 && linked(i) {
			cell, _ := excelize.CoordinatesToCellName(t.linkCol, r)
			x.addLink(sheet, cell, fileURL(paths[i]))
		}
	}
	for i, line := range t.footer {
		cell, _ := excelize.CoordinatesToCellName(1, t.n+3+i)
		x.check(sw.SetRow(cell, []any{line}))
	}
	x.check(sw.Flush())
}
