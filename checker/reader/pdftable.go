package reader

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
)

// A PDF has no paragraphs or tables, only glyphs at positions. This file
// rebuilds printed lines from the glyph positions the library gives
// (Page.Content: each glyph's x, y, width and font size), keeps the wide
// gaps of a line as cell boundaries, and reads runs of lines with two or
// more cells as a table whose first line is the header row — a 偏离表
// printed to PDF then gives cells with their column's header, as the
// .xlsx reader does, instead of one run-together line.

// pdfCell is a stretch of a printed line between two wide gaps.
type pdfCell struct {
	x    float64
	text string
}

// pdfRow is a printed line: its cells, left to right.
type pdfRow struct {
	cells []pdfCell
	size  float64 // the font size of its first glyph
	ocr   int     // 1 + the index of the OCR line it came from; 0: text layer
}

func (r pdfRow) text() string {
	parts := make([]string, len(r.cells))
	for i, c := range r.cells {
		parts[i] = c.text
	}
	return strings.Join(parts, " ")
}

// cellGap is the gap, in font sizes, that separates two cells of a line:
// wider than any word space or justified spacing.
const cellGap = 1.5

// pageRows reads a page's printed lines from its glyphs. A page whose
// content the library cannot interpret is an error for this document.
func pageRows(page pdf.Page) (rows []pdfRow, err error) {
	defer func() {
		if r := recover(); r != nil {
			rows, err = nil, fmt.Errorf("%v", r)
		}
	}()
	var glyphs []pdf.Text
	for _, g := range page.Content().Text {
		if g.S != "" && !math.IsNaN(g.X) && !math.IsNaN(g.Y) {
			glyphs = append(glyphs, g)
		}
	}
	// Lines top to bottom; a glyph within a third of its size of a line's
	// baseline is on that line (superscripts, mixed fonts).
	sort.SliceStable(glyphs, func(i, j int) bool { return glyphs[i].Y > glyphs[j].Y })
	var lines [][]pdf.Text
	for _, g := range glyphs {
		n := len(lines)
		tol := max(g.FontSize/3, 1)
		if n > 0 && math.Abs(lines[n-1][0].Y-g.Y) <= tol {
			lines[n-1] = append(lines[n-1], g)
			continue
		}
		lines = append(lines, []pdf.Text{g})
	}
	for _, line := range lines {
		sort.SliceStable(line, func(i, j int) bool { return line[i].X < line[j].X })
		row := pdfRow{size: line[0].FontSize}
		var sb strings.Builder
		x, end := line[0].X, line[0].X
		visible := false // the cell being built has more than space
		for i, g := range line {
			if i > 0 && g.X-end > cellGap*max(g.FontSize, 1) && visible {
				row.cells = append(row.cells, pdfCell{x: x, text: sb.String()})
				sb.Reset()
				visible = false
			}
			if !visible {
				x = g.X // a cell starts at its first visible glyph
				visible = strings.TrimSpace(g.S) != ""
			}
			sb.WriteString(g.S)
			end = max(end, g.X+g.W)
		}
		row.cells = append(row.cells, pdfCell{x: x, text: sb.String()})
		// Clean each cell as a line was cleaned; drop the empty ones.
		kept := row.cells[:0]
		for _, c := range row.cells {
			if c.text = strings.TrimSpace(strings.Map(pdfSpace, c.text)); c.text != "" {
				kept = append(kept, c)
			}
		}
		if row.cells = kept; len(kept) > 0 {
			rows = append(rows, row)
		}
	}
	return rows, nil
}

// pdfTable is a run of rows read as a table: the rows' indexes on their
// page, and each row's cells by column (1-based; "" for an empty cell).
type pdfTable struct {
	first, last int // rows [first, last] of the page
	cells       [][]string
	lines       []int // the page line (1-based) each table row starts on
}

// findTables finds the tables among a page's rows: two or more rows with
// two or more cells each, the first being the header whose cells' left
// edges are the columns. A one-cell row under a column other than the
// first continues the cell above it (a wrapped cell, or its second
// paragraph).
func findTables(rows []pdfRow) []pdfTable {
	var tables []pdfTable
	for i := 0; i < len(rows); {
		if len(rows[i].cells) < 2 {
			i++
			continue
		}
		anchors := make([]float64, len(rows[i].cells))
		for k, c := range rows[i].cells {
			anchors[k] = c.x
		}
		tol := max(rows[i].size, 1)
		t := pdfTable{first: i}
		j := i
		for ; j < len(rows); j++ {
			r := rows[j]
			if len(r.cells) == 1 {
				k := nearest(anchors, r.cells[0].x)
				if j == i || k == 0 || math.Abs(anchors[k]-r.cells[0].x) > tol {
					break
				}
				prev := t.cells[len(t.cells)-1]
				if prev[k] != "" {
					prev[k] += "\n"
				}
				prev[k] += r.cells[0].text
				continue
			}
			row := make([]string, len(anchors))
			for _, c := range r.cells {
				k := nearest(anchors, c.x)
				if row[k] != "" {
					row[k] += " "
				}
				row[k] += c.text
			}
			t.cells = append(t.cells, row)
			t.lines = append(t.lines, j+1)
		}
		t.last = j - 1
		if len(t.cells) >= 2 {
			tables = append(tables, t)
			i = j
			continue
		}
		i++
	}
	return tables
}

// nearest returns the index of the anchor closest to x.
func nearest(anchors []float64, x float64) int {
	best := 0
	for k, a := range anchors {
		if math.Abs(a-x) < math.Abs(anchors[best]-x) {
			best = k
		}
	}
	return best
}

// addTable writes a table's cells to x and returns their blocks. Cells
// are placed "page 2 table 1 row 3 col 2"; the Text line of each is its
// printed line's number on the page.
func addTable(x *extraction, t pdfTable, page, table int) []Block {
	var blocks []Block
	x.newline() // a blank line: the text around the table does not join it
	for r, row := range t.cells {
		for c, text := range row {
			if text == "" {
				continue
			}
			label := fmt.Sprintf("page %d table %d row %d col %d", page, table, r+1, c+1)
			segs := x.add(text, origin{line: t.lines[r], col: 1, label: label})
			x.newline()
			blocks = append(blocks, Block{Kind: TableCell, Table: table, Row: r + 1, Col: c + 1, Segs: segs})
		}
	}
	x.newline()
	return blocks
}

// mergeTableBlocks puts the table cells' blocks in place of the blocks
// parseText made of their lines.
func mergeTableBlocks(src *Source, cells []Block, spans [][2]int) {
	if len(cells) == 0 {
		return
	}
	inTable := func(off int) bool {
		for _, s := range spans {
			if off >= s[0] && off < s[1] {
				return true
			}
		}
		return false
	}
	kept := src.Blocks[:0]
	for _, b := range src.Blocks {
		if len(b.Segs) == 0 || !inTable(b.Segs[0].Start) {
			kept = append(kept, b)
		}
	}
	src.Blocks = append(kept, cells...)
	sort.SliceStable(src.Blocks, func(i, j int) bool { return src.Blocks[i].Segs[0].Start < src.Blocks[j].Segs[0].Start })
}
