package reader

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// This file reads Word 97–2003 binary documents (.doc, and the .wps files
// WPS Office saves in the same format) as described in [MS-DOC]: the OLE2
// compound file holds a WordDocument stream, whose File Information Block
// (FIB) points into a table stream (0Table or 1Table) at the piece table
// (CLX) that maps character positions (CPs) to text in WordDocument, and
// at the paragraph properties (PAPX) that say which paragraphs are table
// cells, row ends and headings.
//
// Places are those of the .docx reader: "paragraph N" counting the
// paragraphs with text in the main document (table cells included),
// "table T row R col C", "header paragraph N", "footer paragraph N",
// and "footnote N", "endnote N", "comment N" for notes and comments.

// readOLE reads an OLE2 compound file: a Word binary document when it
// holds a WordDocument stream, else it explains what it is.
func readOLE(src *Source, b []byte, opt Options) error {
	ext := extOf(src.Path)
	streams, err := oleStreams(b, maxSize(opt))
	if err != nil {
		// A truncated file loses its directory, and with it the names
		// that say what it was; the extension still does.
		if ext == ".doc" || ext == ".wps" {
			return fmt.Errorf("not a readable %s file: %v", ext, err)
		}
		if bytes.Contains(b, utf16le("WordDocument")) {
			return fmt.Errorf("not a readable Word (.doc) file: %v", err)
		}
		return oleError(b, ext)
	}
	if _, ok := streams["WordDocument"]; !ok {
		return oleError(b, ext)
	}
	src.Format = "doc"
	return parseDoc(src, streams)
}

// notWordBinary refuses a .doc or .wps file that is none of the things
// such files turn out to be (OLE2 Word, HTML, RTF, a docx).
func notWordBinary(path string) error {
	if extOf(path) == ".wps" {
		return errors.New("an old Kingsoft WPS file (not the Word-compatible format WPS Office saves), which shouhou cannot read: open it in WPS Office, save it as .docx and try again")
	}
	return errors.New("not a Word 97–2003 file (no OLE2 container), which shouhou cannot read: save it as .docx and try again")
}

func extOf(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 && !strings.ContainsAny(path[i:], `/\`) {
		return strings.ToLower(path[i:])
	}
	return ""
}

// oleStreams returns the streams at the root of an OLE2 file that a Word
// reader needs, refusing a file whose directory or chains are damaged. A
// stream cannot be larger than the file holding it, which bounds what a
// forged size field can make the reader allocate.
func oleStreams(b []byte, limit int64) (map[string][]byte, error) {
	r, err := mscfb.New(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("the OLE2 container is damaged or truncated (%v)", err)
	}
	want := map[string]bool{"WordDocument": true, "0Table": true, "1Table": true}
	streams := map[string][]byte{}
	for f, err := r.Next(); err == nil; f, err = r.Next() {
		if len(f.Path) != 0 || !want[f.Name] {
			continue
		}
		if f.Size < 0 || f.Size > int64(len(b)) || f.Size > limit {
			return nil, fmt.Errorf("damaged: the %s stream claims %d bytes in a file of %d", f.Name, f.Size, len(b))
		}
		data := make([]byte, f.Size)
		if _, err := io.ReadFull(f, data); err != nil {
			return nil, fmt.Errorf("damaged: the %s stream cannot be read (%v)", f.Name, err)
		}
		streams[f.Name] = data
	}
	return streams, nil
}

// FIB flags (FibBase.fEncrypted etc.) and the FibRgFcLcb97 pairs used.
const (
	fibEncrypted  = 0x0100
	fibWhichTable = 0x0200
	fibObfuscated = 0x8000

	fcStshf       = 1
	fcPlcffndTxt  = 3
	fcPlcfandTxt  = 5
	fcPlcfHdd     = 11
	fcPlcfBteChpx = 12
	fcPlcfBtePapx = 13
	fcClx         = 33
	fcPlcfendTxt  = 47
)

// wordDoc is a Word binary document opened for reading.
type wordDoc struct {
	main, table []byte
	// ccp: characters in each story (main, footnotes, headers, macros,
	// comments, endnotes, text boxes, header text boxes).
	ccp [8]int
	// fcLcb holds the FibRgFcLcb pairs: offset and size in the table stream.
	fcLcb [][2]uint32

	// text: the document's characters by CP; fc: where each is in main.
	text    []rune
	fc      []uint32
	unicode bool // some piece is UTF-16

	papxFC   []uint32    // PlcBtePapx: FC boundaries
	papxPage []uint32    // and the FKP page of each
	deleted  [][2]uint32 // FC ranges of text marked deleted (tracked changes)
	fkps     map[uint32]*papxFkp
	styles   map[int]int // istd -> heading level (1-9), from the stylesheet
	lists    *wordNumbering
}

// errNotWord97 and the rest are the reasons a Word binary file is refused.
var errDocDamaged = errors.New("damaged Word (.doc) file")

func docDamaged(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errDocDamaged, fmt.Sprintf(format, args...))
}

// openDoc reads the FIB and the piece table.
func openDoc(streams map[string][]byte) (*wordDoc, error) {
	main := streams["WordDocument"]
	if len(main) < 34 {
		return nil, docDamaged("the WordDocument stream is too short (%d bytes)", len(main))
	}
	if le16(main, 0) != 0xA5EC {
		return nil, docDamaged("the WordDocument stream does not start with a Word FIB")
	}
	nFib := le16(main, 2)
	flags := le16(main, 10)
	if flags&(fibEncrypted|fibObfuscated) != 0 {
		return nil, errors.New("encrypted with a password: save a copy without the password and audit that")
	}
	if nFib < 0xC0 {
		return nil, fmt.Errorf("a Word 6.0/95 file (version %d), older than the Word 97–2003 format shouhou reads: save it as .docx and try again", nFib)
	}
	d := &wordDoc{main: main, fkps: map[uint32]*papxFkp{}}
	name := "0Table"
	if flags&fibWhichTable != 0 {
		name = "1Table"
	}
	d.table = streams[name]
	if d.table == nil {
		return nil, docDamaged("the FIB names a %s stream the file does not hold", name)
	}
	// FibBase (32 bytes), then three counted arrays: FibRgW, FibRgLw,
	// FibRgFcLcb.
	off := 32
	csw := int(le16(main, off))
	off += 2 + 2*csw
	if off+2 > len(main) {
		return nil, docDamaged("the FIB is truncated")
	}
	cslw := int(le16(main, off))
	lw := off + 2
	off = lw + 4*cslw
	if cslw < 11 || off+2 > len(main) {
		return nil, docDamaged("the FIB is truncated")
	}
	for i := range d.ccp {
		n := le32(main, lw+4*(3+i))
		if n > uint32(len(main)) {
			return nil, docDamaged("the FIB counts %d characters in a stream of %d bytes", n, len(main))
		}
		d.ccp[i] = int(n)
	}
	cb := int(le16(main, off))
	off += 2
	if cb < fcClx+1 || off+8*cb > len(main) {
		return nil, docDamaged("the FIB is truncated")
	}
	d.fcLcb = make([][2]uint32, cb)
	for i := range d.fcLcb {
		d.fcLcb[i] = [2]uint32{le32(main, off+8*i), le32(main, off+8*i+4)}
	}
	clx := d.tablePart(fcClx)
	if clx == nil {
		return nil, docDamaged("no piece table")
	}
	if err := d.readPieces(clx); err != nil {
		return nil, err
	}
	d.readPapxIndex()
	d.readDeletions()
	d.styles = readStyleSheet(d.tablePart(fcStshf))
	d.lists = d.readDocNumbering()
	return d, nil
}

// tablePart returns the bytes of FibRgFcLcb pair i in the table stream,
// or nil when the pair is absent or points outside the stream.
func (d *wordDoc) tablePart(i int) []byte {
	if i >= len(d.fcLcb) {
		return nil
	}
	fc, lcb := uint64(d.fcLcb[i][0]), uint64(d.fcLcb[i][1])
	if lcb == 0 || fc+lcb > uint64(len(d.table)) {
		return nil
	}
	return d.table[fc : fc+lcb]
}

// pieceTable parses a CLX: Prc entries (skipped), then the Pcdt holding
// the PlcPcd. It returns the n+1 CPs and the n piece descriptors.
func pieceTable(clx []byte) (cps []uint32, pcds []byte, err error) {
	i := 0
	for i < len(clx) && clx[i] == 0x01 {
		if i+3 > len(clx) {
			return nil, nil, docDamaged("the piece table is truncated")
		}
		cb := int(int16(le16(clx, i+1)))
		if cb < 0 {
			return nil, nil, docDamaged("the piece table has a negative property size")
		}
		i += 3 + cb
	}
	if i+5 > len(clx) || clx[i] != 0x02 {
		return nil, nil, docDamaged("no piece table in the CLX")
	}
	lcb := uint64(le32(clx, i+1))
	plc := clx[i+5:]
	if lcb > uint64(len(plc)) || lcb < 16 || (lcb-4)%12 != 0 {
		return nil, nil, docDamaged("the piece table has a bad size (%d bytes)", lcb)
	}
	plc = plc[:lcb]
	n := int(lcb-4) / 12
	cps = make([]uint32, n+1)
	for k := range cps {
		cps[k] = le32(plc, 4*k)
		if k > 0 && cps[k] < cps[k-1] {
			return nil, nil, docDamaged("the piece table's positions go backwards")
		}
	}
	return cps, plc[4*(n+1):], nil
}

// readPieces decodes every character the piece table maps, keeping the
// offset in WordDocument of each (paragraph properties are found by it).
func (d *wordDoc) readPieces(clx []byte) error {
	cps, pcds, err := pieceTable(clx)
	if err != nil {
		return err
	}
	total := 0
	for _, n := range d.ccp {
		total += n
	}
	if end := int(cps[len(cps)-1]); end < total {
		total = end
	}
	if total > len(d.main) {
		return docDamaged("the piece table maps %d characters from a stream of %d bytes", total, len(d.main))
	}
	d.text = make([]rune, 0, total)
	d.fc = make([]uint32, 0, total)
	win := charmap.Windows1252
	for k := 0; k+1 < len(cps) && len(d.text) < total; k++ {
		start, end := int(cps[k]), int(cps[k+1])
		if start != len(d.text) {
			return docDamaged("piece %d starts at character %d, not %d", k+1, start, len(d.text))
		}
		n := min(end, total) - start
		raw := le32(pcds, 8*k+2)
		fc := raw & 0x3FFFFFFF
		if raw&0x40000000 != 0 {
			// 8-bit text, stored at half the FC's value.
			at := int(fc / 2)
			if at+n > len(d.main) {
				return docDamaged("piece %d lies outside the WordDocument stream", k+1)
			}
			for i, c := range d.main[at : at+n] {
				r := rune(c)
				if c >= 0x80 {
					r = win.DecodeByte(c)
				}
				d.text = append(d.text, r)
				d.fc = append(d.fc, uint32(at+i))
			}
			continue
		}
		d.unicode = true
		at := int(fc)
		if at+2*n > len(d.main) || at+2*n < at {
			return docDamaged("piece %d lies outside the WordDocument stream", k+1)
		}
		for i := 0; i < n; i++ {
			d.text = append(d.text, rune(le16(d.main, at+2*i)))
			d.fc = append(d.fc, uint32(at+2*i))
		}
	}
	if len(d.text) < d.ccp[0] {
		return docDamaged("the piece table maps %d characters, the FIB counts %d", len(d.text), d.ccp[0])
	}
	return nil
}

// readPapxIndex reads PlcBtePapx: which FKP page holds the paragraph
// properties of each stretch of WordDocument. A missing or damaged one
// leaves tables and headings unknown; the text still reads.
func (d *wordDoc) readPapxIndex() {
	plc := d.tablePart(fcPlcfBtePapx)
	if len(plc) < 12 || (len(plc)-4)%8 != 0 {
		return
	}
	n := (len(plc) - 4) / 8
	d.papxFC = make([]uint32, n+1)
	d.papxPage = make([]uint32, n)
	for i := 0; i <= n; i++ {
		d.papxFC[i] = le32(plc, 4*i)
	}
	for i := 0; i < n; i++ {
		d.papxPage[i] = le32(plc, 4*(n+1)+4*i) & 0x3FFFFF
	}
}

// readDeletions finds the runs of text a tracked change deleted
// (sprmCFRMarkDel in their character properties): Word keeps them in the
// text stream, and a reader of the document does not see them.
func (d *wordDoc) readDeletions() {
	plc := d.tablePart(fcPlcfBteChpx)
	if len(plc) < 12 || (len(plc)-4)%8 != 0 {
		return
	}
	n := (len(plc) - 4) / 8
	seen := map[uint32]bool{}
	for i := 0; i < n; i++ {
		pn := le32(plc, 4*(n+1)+4*i) & 0x3FFFFF
		at := uint64(pn) * 512
		if seen[pn] || at+512 > uint64(len(d.main)) {
			continue
		}
		seen[pn] = true
		page := d.main[at : at+512]
		crun := int(page[511])
		if crun == 0 || 5*crun+4 > 511 {
			continue
		}
		for j := 0; j < crun; j++ {
			p := 2 * int(page[4*(crun+1)+j])
			if p == 0 || p >= 511 {
				continue
			}
			grp := page[p+1 : min(p+1+int(page[p]), 511)]
			del := false
			eachSprm(grp, func(op uint16, arg []byte) {
				if op == sprmCFRMarkDel {
					del = arg[0] == 1 || arg[0] == 0x81
				}
			})
			if del {
				d.deleted = append(d.deleted, [2]uint32{le32(page, 4*j), le32(page, 4*j+4)})
			}
		}
	}
	sort.Slice(d.deleted, func(i, j int) bool { return d.deleted[i][0] < d.deleted[j][0] })
}

// isDeleted says whether the character at fc is deleted text.
func (d *wordDoc) isDeleted(fc uint32) bool {
	i := sort.Search(len(d.deleted), func(i int) bool { return d.deleted[i][0] > fc }) - 1
	return i >= 0 && fc < d.deleted[i][1]
}

// papxFkp is one 512-byte page of paragraph properties.
type papxFkp struct {
	fc    []uint32
	props []paraProps
}

// paraProps are the paragraph properties shouhou uses.
type paraProps struct {
	istd            int
	inTable, ttp    bool
	outline         int // -1 none, else 0-8
	list            bool
	ilfo, ilvl      int // the list (1-based into PlfLfo) and its level
	known           bool
	innerTTP, inner bool
}

// props returns the properties of the paragraph whose mark is at fc.
func (d *wordDoc) props(fc uint32) paraProps {
	i := sort.Search(len(d.papxFC), func(i int) bool { return d.papxFC[i] > fc }) - 1
	if i < 0 || i >= len(d.papxPage) {
		return paraProps{outline: -1}
	}
	pn := d.papxPage[i]
	fkp, ok := d.fkps[pn]
	if !ok {
		fkp = d.readFkp(pn)
		d.fkps[pn] = fkp
	}
	if fkp == nil {
		return paraProps{outline: -1}
	}
	j := sort.Search(len(fkp.fc), func(j int) bool { return fkp.fc[j] > fc }) - 1
	if j < 0 || j >= len(fkp.props) {
		return paraProps{outline: -1}
	}
	return fkp.props[j]
}

func (d *wordDoc) readFkp(pn uint32) *papxFkp {
	at := uint64(pn) * 512
	if at+512 > uint64(len(d.main)) {
		return nil
	}
	page := d.main[at : at+512]
	crun := int(page[511])
	if crun == 0 || 4*(crun+1)+13*crun > 511 {
		return nil
	}
	fkp := &papxFkp{fc: make([]uint32, crun+1), props: make([]paraProps, crun)}
	for i := range fkp.fc {
		fkp.fc[i] = le32(page, 4*i)
	}
	for j := 0; j < crun; j++ {
		p := 2 * int(page[4*(crun+1)+13*j])
		fkp.props[j] = paraProps{outline: -1}
		if p == 0 || p >= 511 {
			continue
		}
		var grp []byte
		if cb := int(page[p]); cb != 0 {
			grp = page[p+1 : min(p+1+2*cb-1, 511)]
		} else if p+1 < 511 {
			grp = page[p+2 : min(p+2+2*int(page[p+1]), 511)]
		}
		fkp.props[j] = parsePapx(grp)
	}
	return fkp
}

// Paragraph sprms ([MS-DOC] 2.6.2).
const (
	sprmCFRMarkDel       = 0x0800
	sprmPIlfo            = 0x460B
	sprmPIlvl            = 0x260A
	sprmPFInTable        = 0x2416
	sprmPFTtp            = 0x2417
	sprmPOutLvl          = 0x2640
	sprmPFInnerTableCell = 0x244B
	sprmPFInnerTtp       = 0x244C
	sprmPItap            = 0x6649
	sprmTDefTable        = 0xD608
	sprmPChgTabs         = 0xC615
)

// parsePapx reads an istd and the sprms after it.
func parsePapx(grp []byte) paraProps {
	pp := paraProps{outline: -1}
	if len(grp) < 2 {
		return pp
	}
	pp.istd, pp.known = int(le16(grp, 0)), true
	eachSprm(grp[2:], func(op uint16, arg []byte) {
		switch op {
		case sprmPFInTable:
			pp.inTable = arg[0] != 0
		case sprmPFTtp:
			pp.ttp = arg[0] != 0
		case sprmPItap:
			if le32(arg, 0) > 0 {
				pp.inTable = true
			}
		case sprmPFInnerTableCell:
			pp.inner = arg[0] != 0
		case sprmPFInnerTtp:
			pp.innerTTP = arg[0] != 0
		case sprmPOutLvl:
			if arg[0] < 9 {
				pp.outline = int(arg[0])
			}
		case sprmPIlfo:
			pp.ilfo = int(int16(le16(arg, 0)))
			pp.list = pp.ilfo != 0
		case sprmPIlvl:
			if arg[0] < 9 {
				pp.ilvl = int(arg[0])
			}
		}
	})
	return pp
}

// eachSprm calls f for each property modifier in grp with its operand,
// stopping at the first one that runs past the end.
func eachSprm(grp []byte, f func(op uint16, arg []byte)) {
	for i := 0; i+2 <= len(grp); {
		op := le16(grp, i)
		i += 2
		var n int
		switch op >> 13 {
		case 0, 1:
			n = 1
		case 2, 4, 5:
			n = 2
		case 3:
			n = 4
		case 7:
			n = 3
		default:
			switch {
			case op == sprmTDefTable && i+2 <= len(grp):
				n = int(le16(grp, i)) + 1
			case op == sprmPChgTabs && i < len(grp) && grp[i] == 255:
				return // rare and long; nothing after it is needed
			case i < len(grp):
				n = int(grp[i]) + 1
			default:
				return
			}
		}
		if n <= 0 || i+n > len(grp) {
			return
		}
		arg := grp[i : i+n]
		if op>>13 == 6 {
			arg = arg[1:]
			if op == sprmTDefTable {
				arg = arg[1:]
			}
		}
		if len(arg) > 0 && (op>>13 != 3 || len(arg) >= 4) && (op>>13 != 2 && op>>13 != 4 && op>>13 != 5 || len(arg) >= 2) {
			f(op, arg)
		}
		i += n
	}
}

// readStyleSheet maps the istd of each heading style to its level: the
// built-in styles Heading 1–9 and Title (sti 1–9, 62), and styles named
// "heading N" or "标题 N".
func readStyleSheet(stsh []byte) map[int]int {
	levels := map[int]int{}
	if len(stsh) < 6 {
		return levels
	}
	cbStshi := int(le16(stsh, 0))
	if 2+cbStshi > len(stsh) || cbStshi < 4 {
		return levels
	}
	cstd := int(le16(stsh, 2))
	cbBase := int(le16(stsh, 4))
	off := 2 + cbStshi
	for istd := 0; istd < cstd && off+2 <= len(stsh); istd++ {
		cb := int(le16(stsh, off))
		std := stsh[off+2 : min(off+2+cb, len(stsh))]
		off += 2 + cb
		if cb == 0 || len(std) < cbBase+2 || cbBase < 10 {
			continue
		}
		sti := int(le16(std, 0) & 0x0FFF)
		lvl := 0
		switch {
		case sti >= 1 && sti <= 9:
			lvl = sti
		case sti == 62:
			lvl = 1
		}
		if cch := int(le16(std, cbBase)); cbBase+2+2*cch <= len(std) {
			u := make([]uint16, cch)
			for i := range u {
				u[i] = le16(std, cbBase+2+2*i)
			}
			if l := headingStyleLevel(string(utf16.Decode(u))); l > 0 {
				lvl = l
			}
		}
		if lvl > 0 {
			levels[istd] = lvl
		}
	}
	return levels
}

// parseDoc reads a Word binary document into src.
func parseDoc(src *Source, streams map[string][]byte) error {
	d, err := openDoc(streams)
	if err != nil {
		return err
	}
	w := &docWriter{d: d, src: src, x: &extraction{}}
	mainEnd := d.ccp[0]
	ftnStart := mainEnd
	hddStart := ftnStart + d.ccp[1]
	atnStart := hddStart + d.ccp[2] + d.ccp[3]
	ednStart := atnStart + d.ccp[4]

	headers, footers := d.headerStories(hddStart)
	for _, s := range headers {
		w.story(s[0], s[1], "header", "")
	}
	w.paras = 0
	w.story(0, mainEnd, "", "")
	for _, s := range footers {
		w.story(s[0], s[1], "footer", "")
	}
	for _, notes := range []struct {
		name       string
		start, ccp int
		plc        int
	}{{"footnote", ftnStart, d.ccp[1], fcPlcffndTxt}, {"endnote", ednStart, d.ccp[5], fcPlcfendTxt}, {"comment", atnStart, d.ccp[4], fcPlcfandTxt}} {
		for i, s := range d.stories(notes.plc, notes.start, notes.ccp) {
			w.story(s[0], s[1], "", notes.name+" "+strconv.Itoa(i+1))
		}
	}
	w.x.finish(src)
	src.Encoding = "cp1252"
	if d.unicode {
		src.Encoding = "utf-16le"
	}
	return nil
}

// stories splits a subdocument (footnotes, comments...) by its PLC of
// story starts, relative to start; at most ccp characters.
func (d *wordDoc) stories(plcIndex, start, ccp int) [][2]int {
	plc := d.tablePart(plcIndex)
	if ccp == 0 || len(plc) < 8 {
		return nil
	}
	var out [][2]int
	n := len(plc) / 4
	for i := 0; i+1 < n; i++ {
		a, b := int(le32(plc, 4*i)), int(le32(plc, 4*i+4))
		if a >= b || b > ccp {
			continue
		}
		out = append(out, [2]int{start + a, start + b})
	}
	return out
}

// headerStories returns the header and footer stories of every section,
// each kept once: sections that inherit a header repeat or leave it empty.
func (d *wordDoc) headerStories(start int) (headers, footers [][2]int) {
	seen := map[string]bool{}
	plc := d.tablePart(fcPlcfHdd)
	if d.ccp[2] == 0 || len(plc) < 8 {
		return nil, nil
	}
	n := len(plc) / 4
	for i := 6; i+1 < n; i++ { // the first six stories are note separators
		a, b := int(le32(plc, 4*i)), int(le32(plc, 4*i+4))
		if a >= b || b > d.ccp[2] {
			continue
		}
		a, b = start+a, start+b
		text := strings.TrimSpace(string(d.text[a:min(b, len(d.text))]))
		if text == "" || seen[text] {
			continue
		}
		seen[text] = true
		switch (i - 6) % 6 {
		case 0, 1, 4: // even, odd, first-page header
			headers = append(headers, [2]int{a, b})
		default:
			footers = append(footers, [2]int{a, b})
		}
	}
	return headers, footers
}

// docWriter turns the characters of stories into paragraphs and blocks.
type docWriter struct {
	d   *wordDoc
	src *Source
	x   *extraction

	paras    int
	part     string
	tables   int
	inTable  bool
	row, col int
}

// story writes the paragraphs of characters [start, end). part is
// "header", "footer" or "" (main text); label, when set, names every
// paragraph of the story (a note).
func (w *docWriter) story(start, end int, part, label string) {
	d := w.d
	end = min(end, len(d.text))
	if part != w.part {
		w.part, w.paras = part, 0
	}
	var para strings.Builder
	var fields []bool // per open field: still in its instructions
	inInstr := func() bool {
		for _, f := range fields {
			if f {
				return true
			}
		}
		return false
	}
	for cp := start; cp < end; cp++ {
		c := d.text[cp]
		switch c {
		case 0x13:
			fields = append(fields, true)
			continue
		case 0x14:
			if n := len(fields); n > 0 {
				fields[n-1] = false
			}
			continue
		case 0x15:
			if n := len(fields); n > 0 {
				fields = fields[:n-1]
			}
			continue
		}
		if inInstr() && c != 0x0D && c != 0x07 {
			continue
		}
		if len(d.deleted) > 0 && c != 0x0D && c != 0x07 && d.isDeleted(d.fc[cp]) {
			continue
		}
		switch {
		case c == 0x0D || c == 0x07 || c == 0x0C:
			w.paragraph(para.String(), d.props(d.fc[cp]), c == 0x07, label)
			para.Reset()
		case c == 0x0B:
			para.WriteByte('\n')
		case c == 0x09:
			para.WriteByte('\t')
		case c == 0x1E:
			para.WriteByte('-')
		case c < 0x20 || c == 0x1F:
			// pictures, note and comment references, separators
		case c >= 0xD800 && c < 0xDC00 && cp+1 < end && d.text[cp+1] >= 0xDC00 && d.text[cp+1] < 0xE000:
			para.WriteRune(utf16.DecodeRune(c, d.text[cp+1]))
			cp++
		case c >= 0xD800 && c < 0xE000:
			para.WriteRune('\ufffd')
		default:
			para.WriteRune(c)
		}
	}
	if strings.TrimSpace(para.String()) != "" {
		w.paragraph(para.String(), paraProps{outline: -1}, false, label)
	}
	w.inTable = false
}

// paragraph adds one paragraph, ended by a paragraph or cell mark.
func (w *docWriter) paragraph(text string, pp paraProps, cellMark bool, label string) {
	inTable := pp.inTable || cellMark && !pp.known
	if !inTable {
		w.inTable = false
	} else if !w.inTable {
		w.inTable = true
		w.tables++
		w.row, w.col = 1, 1
	}
	if inTable && pp.ttp {
		w.row++
		w.col = 1
		return
	}
	row, col := w.row, w.col
	if cellMark {
		w.col++
	}
	body := strings.TrimSpace(strings.Map(DocxSpace, text))
	if body == "" {
		return
	}
	bullet := false
	if pp.list {
		var prefix string
		prefix, bullet = w.d.lists.next(strconv.Itoa(pp.ilfo), pp.ilvl)
		body = prefix + body
	}
	w.paras++
	o := origin{line: w.paras, col: 1, label: "paragraph " + strconv.Itoa(w.paras)}
	switch {
	case label != "":
		o.label = label
	case inTable:
		o.label = fmt.Sprintf("table %d row %d col %d", w.tables, row, col)
	case w.part != "":
		o.label = w.part + " " + o.label
	}
	segs := w.x.add(body, o)
	w.x.newline()
	if inTable && label == "" {
		w.src.Blocks = append(w.src.Blocks, Block{Kind: TableCell, Table: w.tables, Row: row, Col: col, Segs: segs})
		return
	}
	b := Block{Segs: segs}
	lvl := w.d.styles[pp.istd]
	if pp.outline >= 0 {
		lvl = pp.outline + 1
	}
	switch {
	case lvl > 0:
		b.Kind, b.Level = Heading, lvl
	case pp.list || bullet:
		b.Kind = ListItem
		if k, l := classify(body); k == Heading {
			b.Kind, b.Level = k, l
		}
	default:
		b.Kind, b.Level = classify(body)
	}
	w.src.Blocks = append(w.src.Blocks, b)
}

func le16(b []byte, i int) uint16 {
	if i < 0 || i+2 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint16(b[i:])
}

func le32(b []byte, i int) uint32 {
	if i < 0 || i+4 > len(b) {
		return 0
	}
	return binary.LittleEndian.Uint32(b[i:])
}
