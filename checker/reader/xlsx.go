package reader

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// parseXlsx reads every sheet of a workbook, cell by cell. A sheet is a
// table: its header row is the first row with two or more filled cells
// (a 偏离表 often has a title row above it, which becomes a paragraph).
// Places: "Sheet1!C4"; line is the row, column the column number.
func parseXlsx(src *Source, b []byte, limit int64, opt Options) error {
	z, err := openOffice(b, "Excel", ".xlsx", limit)
	if err != nil {
		return err
	}
	if z.file("xl/workbook.xml") == nil {
		return errors.New("not an Excel workbook (no xl/workbook.xml inside)")
	}
	var total uint64
	for _, f := range z.r.File {
		total += f.UncompressedSize64
		if total > uint64(limit) {
			return z.bombError(f)
		}
	}
	wb, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: limit, UnzipXMLSizeLimit: limit})
	if err != nil {
		return fmt.Errorf("not a readable .xlsx file: damaged (%v)", err)
	}
	defer wb.Close()
	x := &extraction{}
	for si, sheet := range wb.GetSheetList() {
		if !opt.HiddenSheets {
			// A hidden sheet (workings, an old version) is not what the
			// workbook shows; --hidden-sheets reads it. Tables keep their
			// sheet's number either way.
			if visible, err := wb.GetSheetVisible(sheet); err == nil && !visible {
				src.Warnings = append(src.Warnings, fmt.Sprintf("hidden sheet %q left out (read it with --hidden-sheets)", sheet))
				continue
			}
		}
		if err := readSheet(src, x, wb, si+1, sheet, limit, opt); err != nil {
			return err
		}
	}
	x.finish(src)
	src.Encoding = "utf-8"
	return nil
}

func readSheet(src *Source, x *extraction, wb *excelize.File, table int, sheet string, limit int64, opt Options) error {
	rows, err := wb.Rows(sheet)
	if err != nil {
		return fmt.Errorf("sheet %q cannot be read (%v)", sheet, err)
	}
	defer rows.Close()
	header := 0 // the sheet row that heads the table; 0 until found
	for r := 1; rows.Next(); r++ {
		if r%1024 == 0 {
			if err := opt.cancelled(); err != nil {
				return err
			}
		}
		cells, err := rows.Columns()
		if err != nil {
			return fmt.Errorf("sheet %q row %d cannot be read (%v)", sheet, r, err)
		}
		filled := 0
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				filled++
			}
		}
		if filled == 0 {
			continue
		}
		if header == 0 && filled >= 2 {
			header = r
		}
		for c, v := range cells {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			name, err := excelize.CoordinatesToCellName(c+1, r)
			if err != nil {
				continue
			}
			if int64(x.b.Len())+int64(len(v)) > limit {
				// Shared strings: one string may be named by every cell.
				return fmt.Errorf("its cell text %w of %s (one shared string repeated in every cell?); raise --max-size if the file is genuine", errExpands, FormatSize(limit))
			}
			segs := x.add(v, origin{line: r, col: c + 1, fixed: true, label: sheet + "!" + name})
			x.newline()
			if header == 0 {
				kind, level := classify(v)
				src.Blocks = append(src.Blocks, Block{Kind: kind, Level: level, Segs: segs})
				continue
			}
			src.Blocks = append(src.Blocks, Block{Kind: TableCell, Table: table, Row: r - header + 1, Col: c + 1, Segs: segs})
		}
	}
	return rows.Error()
}
