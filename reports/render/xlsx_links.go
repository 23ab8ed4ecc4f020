package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Hyperlinks in one pass.
//
// excelize's SetCellHyperLink scans every hyperlink and every relationship
// of the sheet on each call, so a report of 10,000 files spent most of its
// time there (quadratic), and its stream writer would write the links with
// a namespace prefix of its own. Here the links are kept in a list and
// written as the workbook is zipped: a <hyperlinks> element spliced into
// the sheet's part where the schema puts it (after the cells, before the
// page margins), and the sheet's relationships part, which excelize does
// not write for these sheets (they have no other relationship). The parts
// are those excelize writes for SetCellHyperLink: the same elements, in the
// same order, with the same rIds.

// sheetLinks are the links of one sheet, in order.
type sheetLinks struct {
	sheet string
	cells []string
	urls  []string
}

// addLink links cell of sheet to url.
func (x *book) addLink(sheet, cell, url string) {
	if x.links == nil {
		x.links = map[string]*sheetLinks{}
	}
	l, ok := x.links[sheet]
	if !ok {
		l = &sheetLinks{sheet: sheet}
		x.links[sheet] = l
	}
	l.cells = append(l.cells, cell)
	l.urls = append(l.urls, url)
}

// linkZip is the zip writer excelize writes the workbook through: it
// passes every part on, splicing the links into the parts of the sheets
// that have them, and adds those sheets' relationships parts.
type linkZip struct {
	zw      *zip.Writer
	sheets  map[string]*sheetLinks // by the sheet's part name
	rels    map[string]*sheetLinks // by its relationships part name
	pending *linkSplicer           // the sheet part being written
}

// spliceLinks makes x.f zip its sheets with their links.
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
	if z.rels[name] != nil {
		return nil, fmt.Errorf("xlsx: %s: unexpected relationships from excelize", name)
	}
	w, err := z.zw.Create(name)
	if err != nil {
		return nil, err
	}
	if l := z.sheets[name]; l != nil {
		z.pending = &linkSplicer{name: name, w: w, links: l}
		return z.pending, nil
	}
	return w, nil
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

// flush ends the sheet part being written, with its links, and writes its
// relationships part.
func (z *linkZip) flush() error {
	s := z.pending
	if s == nil {
		return nil
	}
	z.pending = nil
	if err := s.end(); err != nil {
		return err
	}
	name := "xl/worksheets/_rels/" + s.name[len("xl/worksheets/"):] + ".rels"
	w, err := z.zw.Create(name)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString(xml.Header[:len(xml.Header)-1] + "\n")
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, u := range s.links.urls {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Target="`, i+1)
		if err := xml.EscapeText(&b, []byte(u)); err != nil {
			return err
		}
		b.WriteString(`" Type="` + relHyperlink + `" TargetMode="External"></Relationship>`)
		if b.Len() > 1<<16 {
			if _, err := w.Write(b.Bytes()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	b.WriteString(`</Relationships>`)
	_, err = w.Write(b.Bytes())
	return err
}

// linkSplicer passes a sheet part through until its cells end
// (</sheetData>), holds the little that follows, and on end writes it with
// the <hyperlinks> element before <printOptions> or <pageMargins>, where
// the schema's order puts it. Nothing of the cells is copied: a part held
// in memory comes in one Write.
type linkSplicer struct {
	name  string
	w     io.Writer
	links *sheetLinks
	carry []byte // the last bytes passed, which may begin </sheetData>
	after bool   // </sheetData> seen
	tail  []byte // everything since
}

var endSheetData = []byte("</sheetData>")

func (s *linkSplicer) Write(p []byte) (int, error) {
	n := len(p)
	if s.after {
		s.tail = append(s.tail, p...)
		return n, nil
	}
	// The end of the cells across the carried bytes and p.
	if len(s.carry) > 0 {
		j := append(s.carry[:len(s.carry):len(s.carry)], p[:min(len(p), len(endSheetData)-1)]...)
		if i := bytes.Index(j, endSheetData); i >= 0 {
			end := i + len(endSheetData) - len(s.carry) // in p
			if err := s.pass(s.carry, p[:end]); err != nil {
				return 0, err
			}
			s.after, s.carry, s.tail = true, nil, append(s.tail, p[end:]...)
			return n, nil
		}
	}
	if i := bytes.Index(p, endSheetData); i >= 0 {
		end := i + len(endSheetData)
		if err := s.pass(s.carry, p[:end]); err != nil {
			return 0, err
		}
		s.after, s.carry, s.tail = true, nil, append(s.tail, p[end:]...)
		return n, nil
	}
	keep := len(endSheetData) - 1
	if len(p) >= keep {
		if err := s.pass(s.carry, p[:len(p)-keep]); err != nil {
			return 0, err
		}
		s.carry = append(s.carry[:0], p[len(p)-keep:]...)
		return n, nil
	}
	s.carry = append(s.carry, p...)
	if over := len(s.carry) - keep; over > 0 {
		if err := s.pass(s.carry[:over]); err != nil {
			return 0, err
		}
		s.carry = append(s.carry[:0], s.carry[over:]...)
	}
	return n, nil
}

// pass writes bs on.
func (s *linkSplicer) pass(bs ...[]byte) error {
	for _, b := range bs {
		if _, err := s.w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func (s *linkSplicer) end() error {
	if !s.after || bytes.Contains(s.tail, []byte("<hyperlinks")) {
		return fmt.Errorf("xlsx: %s: unexpected sheet part from excelize", s.name)
	}
	at := bytes.Index(s.tail, []byte("<printOptions"))
	if at < 0 {
		at = bytes.Index(s.tail, []byte("<pageMargins"))
	}
	if at < 0 {
		return fmt.Errorf("xlsx: %s: no page margins", s.name)
	}
	var b bytes.Buffer
	b.Write(s.tail[:at])
	b.WriteString("<hyperlinks>")
	for i, cell := range s.links.cells {
		fmt.Fprintf(&b, `<hyperlink ref="%s" r:id="rId%d"></hyperlink>`, cell, i+1)
	}
	b.WriteString("</hyperlinks>")
	b.Write(s.tail[at:])
	_, err := s.w.Write(b.Bytes())
	return err
}

// grow records that sheet has cells up to column cols and row rows.
func (x *book) grow(sheet string, cols, rows int) {
	if x.extent == nil {
		x.extent = map[string][2]int{}
	}
	e := x.extent[sheet]
	x.extent[sheet] = [2]int{max(e[0], cols), max(e[1], rows)}
}
