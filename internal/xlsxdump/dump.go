// Package xlsxdump writes what a person sees in a workbook as text, cell by
// cell: values, the style a cell shows (fill, font, alignment), hyperlinks,
// row heights, column widths, frozen panes, filters, print settings and
// defined names. Two workbooks that dump the same look the same in Excel,
// whatever their XML (shared or inline strings, style ids, part order).
package xlsxdump

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Dump writes the workbook data to w.
func Dump(w io.Writer, data []byte) error {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return err
	}
	defer f.Close()
	links, err := hyperlinks(data)
	if err != nil {
		return err
	}
	p := &printer{w: w, f: f, styles: map[int]string{}, links: links}
	names := f.GetDefinedName()
	sort.Slice(names, func(i, j int) bool {
		if names[i].Scope != names[j].Scope {
			return names[i].Scope < names[j].Scope
		}
		return names[i].Name < names[j].Name
	})
	for _, n := range names {
		p.printf("name %s [%s] = %s\n", n.Name, n.Scope, n.RefersTo)
	}
	p.printf("active %d\n", f.GetActiveSheetIndex())
	for _, sheet := range f.GetSheetList() {
		if err := p.sheet(sheet); err != nil {
			return fmt.Errorf("%s: %v", sheet, err)
		}
	}
	return p.err
}

type printer struct {
	w      io.Writer
	f      *excelize.File
	err    error
	styles map[int]string
	links  map[string]map[string]string // by sheet and cell: the target
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) sheet(sheet string) error {
	f := p.f
	p.printf("sheet %s\n", sheet)
	panes, err := f.GetPanes(sheet)
	if err != nil {
		return err
	}
	p.printf("panes freeze=%v x=%d y=%d top=%s active=%s\n", panes.Freeze, panes.XSplit, panes.YSplit, panes.TopLeftCell, panes.ActivePane)
	layout, err := f.GetPageLayout(sheet)
	if err != nil {
		return err
	}
	p.printf("layout size=%v orient=%v fitw=%v fith=%v\n", deref(layout.Size), deref(layout.Orientation), deref(layout.FitToWidth), deref(layout.FitToHeight))
	props, err := f.GetSheetProps(sheet)
	if err != nil {
		return err
	}
	p.printf("props fit=%v\n", deref(props.FitToPage))
	margins, err := f.GetPageMargins(sheet)
	if err != nil {
		return err
	}
	p.printf("margins %v %v %v %v\n", deref(margins.Left), deref(margins.Right), deref(margins.Top), deref(margins.Bottom))
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil {
		return err
	}
	p.printf("footer %q\n", hf.OddFooter)
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	cols, err := f.GetCols(sheet)
	if err != nil {
		return err
	}
	ncols := len(cols)
	for c := 1; c <= ncols+1; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		width, err := f.GetColWidth(sheet, name)
		if err != nil {
			return err
		}
		p.printf("col %s width=%v\n", name, width)
	}
	for r := 1; r <= len(rows)+1; r++ {
		height, err := f.GetRowHeight(sheet, r)
		if err != nil {
			return err
		}
		p.printf("row %d height=%v\n", r, height)
		for c := 1; c <= ncols+1; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			value, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			if err != nil {
				return err
			}
			typ, err := f.GetCellType(sheet, cell)
			if err != nil {
				return err
			}
			id, err := f.GetCellStyle(sheet, cell)
			if err != nil {
				return err
			}
			style, err := p.style(id)
			if err != nil {
				return err
			}
			target, linked := p.links[sheet][cell]
			if value == "" && style == "" && !linked {
				continue
			}
			p.printf("  %s %s %q style{%s}", cell, cellType(typ, value), value, style)
			if linked {
				p.printf(" link=%s", target)
			}
			p.printf("\n")
		}
	}
	return nil
}

// cellType names a value's type as a reader sees it: an inline and a
// shared string are both strings, a number is a number with or without
// its t="n".
func cellType(t excelize.CellType, value string) string {
	switch t {
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "string"
	case excelize.CellTypeUnset:
		if value == "" {
			return "empty"
		}
		return "number"
	case excelize.CellTypeNumber:
		return "number"
	default:
		return fmt.Sprint(int(t))
	}
}

// style describes what style id shows; "" for the default look.
func (p *printer) style(id int) (string, error) {
	if id == 0 {
		return "", nil
	}
	if s, ok := p.styles[id]; ok {
		return s, nil
	}
	st, err := p.f.GetStyle(id)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if st.Fill.Pattern != 0 || len(st.Fill.Color) > 0 {
		fmt.Fprintf(&b, "fill=%s/%d/%v ", st.Fill.Type, st.Fill.Pattern, st.Fill.Color)
	}
	if ft := st.Font; ft != nil && (ft.Bold || ft.Italic || ft.Underline != "" || ft.Color != "") {
		fmt.Fprintf(&b, "font=%v/%v/%s/%s ", ft.Bold, ft.Italic, ft.Underline, ft.Color)
	}
	if a := st.Alignment; a != nil && (a.Horizontal != "" || a.Vertical != "" || a.WrapText) {
		fmt.Fprintf(&b, "align=%s/%s/%v ", a.Horizontal, a.Vertical, a.WrapText)
	}
	for _, bd := range st.Border {
		fmt.Fprintf(&b, "border=%s/%s/%d ", bd.Type, bd.Color, bd.Style)
	}
	if st.NumFmt != 0 {
		fmt.Fprintf(&b, "numfmt=%d ", st.NumFmt)
	}
	s := strings.TrimSpace(b.String())
	p.styles[id] = s
	return s, nil
}

func deref[T any](v *T) any {
	if v == nil {
		return nil
	}
	return *v
}

// hyperlinks reads every sheet's links from the package: excelize's
// GetCellHyperLink scans all of a sheet's links on each call.
func hyperlinks(data []byte) (map[string]map[string]string, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	read := func(name string, v any) error {
		for _, f := range z.File {
			if f.Name == name {
				r, err := f.Open()
				if err != nil {
					return err
				}
				defer r.Close()
				return xml.NewDecoder(r).Decode(v)
			}
		}
		return errMissing
	}
	type rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := read("xl/workbook.xml", &wb); err != nil {
		return nil, fmt.Errorf("xl/workbook.xml: %v", err)
	}
	var wbRels rels
	if err := read("xl/_rels/workbook.xml.rels", &wbRels); err != nil {
		return nil, fmt.Errorf("xl/_rels/workbook.xml.rels: %v", err)
	}
	out := map[string]map[string]string{}
	for _, s := range wb.Sheets {
		part := ""
		for _, r := range wbRels.Rel {
			if r.ID == s.RID {
				part = "xl/" + strings.TrimPrefix(r.Target, "/xl/")
			}
		}
		var ws struct {
			Links []struct {
				Ref string `xml:"ref,attr"`
				RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			} `xml:"hyperlinks>hyperlink"`
		}
		if err := read(part, &ws); err != nil {
			return nil, fmt.Errorf("%s: %v", part, err)
		}
		if len(ws.Links) == 0 {
			continue
		}
		dir, file := part[:strings.LastIndex(part, "/")+1], part[strings.LastIndex(part, "/")+1:]
		var sheetRels rels
		if err := read(dir+"_rels/"+file+".rels", &sheetRels); err != nil {
			return nil, fmt.Errorf("%s: %v", dir+"_rels/"+file+".rels", err)
		}
		target := map[string]string{}
		for _, r := range sheetRels.Rel {
			target[r.ID] = r.Target
		}
		m := map[string]string{}
		for _, l := range ws.Links {
			m[l.Ref] = target[l.RID]
		}
		out[s.Name] = m
	}
	return out, nil
}

var errMissing = fmt.Errorf("no such part")
