package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Hyperlinks in one pass.
//
// excelize's SetCellHyperLink scans every hyperlink and every relationship
// of the sheet on each call, so a report of 10,000 files spent most of its
// time there (quadratic). Here excelize writes only the first link of each
// sheet, which makes the sheet's relationships part, its namespace and the
// first <hyperlink> exactly as before; the others are kept in a list and
// spliced into the sheet's <hyperlinks> and its relationships part as the
// workbook is zipped. The bytes are those excelize would have written: the
// same elements, in the same order, with the same rIds.

// sheetLinks are the links of one sheet past the first, in order.
type sheetLinks struct {
	sheet string
	cells []string
	urls  []string
}

// addLink links cell of sheet to url: the first of a sheet through
// excelize, the rest deferred to the zip writer.
func (x *book) addLink(sheet, cell, url string) {
	if x.links == nil {
		x.links = map[string]*sheetLinks{}
	}
	l, ok := x.links[sheet]
	if !ok {
		x.links[sheet] = &sheetLinks{sheet: sheet}
		x.check(x.f.SetCellHyperLink(sheet, cell, url, "External"))
		return
	}
	l.cells = append(l.cells, cell)
	l.urls = append(l.urls, url)
}

// linkZip is the zip writer excelize writes the workbook through: it
// passes every part on except the sheets with deferred links and their
// relationships parts, which it holds until complete and then splices.
type linkZip struct {
	zw      *zip.Writer
	sheets  map[string]*sheetLinks // by the sheet's part name
	rels    map[string]*sheetLinks // by its relationships part name
	pending string
	buf     bytes.Buffer
}

// spliceLinks makes x.f zip its sheets with the deferred links.
func (x *book) spliceLinks() {
	z := &linkZip{sheets: map[string]*sheetLinks{}, rels: map[string]*sheetLinks{}}
	for _, s := range x.f.WorkBook.Sheets.Sheet {
		l := x.links[s.Name]
		if l == nil || len(l.cells) == 0 {
			continue
		}
		// excelize names the part of a sheet it made after its sheetId.
		name := "sheet" + strconv.Itoa(s.SheetID) + ".xml"
		z.sheets["xl/worksheets/"+name] = l
		z.rels["xl/worksheets/_rels/"+name+".rels"] = l
	}
	if len(z.sheets) == 0 {
		return
	}
	x.f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		z.zw = zip.NewWriter(w)
		return z
	})
}

func (z *linkZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	if z.sheets[name] != nil || z.rels[name] != nil {
		z.pending = name
		z.buf.Reset()
		return &z.buf, nil
	}
	return z.zw.Create(name)
}

func (z *linkZip) AddFS(fsys fs.FS) error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

func (z *linkZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.Close()
}

// relHyperlink is the relationship type of a hyperlink.
const relHyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

// flush writes the part held back, with its links spliced in after the
// first one excelize wrote (rId1, the sheet's only relationship).
func (z *linkZip) flush() error {
	name := z.pending
	if name == "" {
		return nil
	}
	z.pending = ""
	part := z.buf.Bytes()
	var add bytes.Buffer
	var end string
	if l := z.sheets[name]; l != nil {
		end = "</hyperlinks>"
		if bytes.Count(part, []byte("<hyperlink ")) != 1 || !bytes.Contains(part, []byte(`r:id="rId1"`)) {
			return fmt.Errorf("xlsx: %s: unexpected hyperlinks from excelize", name)
		}
		for i, cell := range l.cells {
			fmt.Fprintf(&add, `<hyperlink ref="%s" r:id="rId%d"></hyperlink>`, cell, i+2)
		}
	} else {
		l := z.rels[name]
		end = "</Relationships>"
		if bytes.Count(part, []byte("<Relationship ")) != 1 || !bytes.Contains(part, []byte(`Id="rId1"`)) {
			return fmt.Errorf("xlsx: %s: unexpected relationships from excelize", name)
		}
		for i, u := range l.urls {
			fmt.Fprintf(&add, `<Relationship Id="rId%d" Target="`, i+2)
			if err := xml.EscapeText(&add, []byte(u)); err != nil {
				return err
			}
			add.WriteString(`" Type="` + relHyperlink + `" TargetMode="External"></Relationship>`)
		}
	}
	at := bytes.LastIndex(part, []byte(end))
	if at < 0 {
		return fmt.Errorf("xlsx: %s: no %s", name, strings.Trim(end, "</>"))
	}
	w, err := z.zw.Create(name)
	if err != nil {
		return err
	}
	for _, b := range [][]byte{part[:at], add.Bytes(), part[at:]} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// grow records that sheet has cells up to column cols and row rows.
func (x *book) grow(sheet string, cols, rows int) {
	if x.extent == nil {
		x.extent = map[string][2]int{}
	}
	e := x.extent[sheet]
	x.extent[sheet] = [2]int{max(e[0], cols), max(e[1], rows)}
}
