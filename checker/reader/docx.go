package reader

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// parseDocx reads a Word document: headers, the body, footers. Each
// paragraph with text is one line of Text; table cells keep their table,
// row and column. Places: "paragraph N" (the Nth paragraph with text,
// counting those in tables), "table T row R col C", "header paragraph N",
// "footer paragraph N".
func parseDocx(src *Source, b []byte, limit int64, opt Options) error {
	z, err := openOffice(b, "Word", ".docx", limit)
	if err != nil {
		return err
	}
	doc := z.file("word/document.xml")
	if doc == nil {
		return errors.New("not a Word document (no word/document.xml inside)")
	}
	p := &docxParser{src: src, x: &extraction{}, limit: limit, opt: opt}
	if f := z.file("word/styles.xml"); f != nil {
		data, err := z.read(f)
		if err != nil {
			return err
		}
		p.styles = parseStyles(data)
	}
	if f := z.file("word/numbering.xml"); f != nil {
		data, err := z.read(f)
		if err != nil {
			return err
		}
		p.numbering = parseNumbering(data)
	}
	var headers, footers []string
	for _, f := range z.files("word", "header") {
		headers = append(headers, f.Name)
	}
	for _, f := range z.files("word", "footer") {
		footers = append(footers, f.Name)
	}
	// Headers first: they often carry the title that tells a policy from
	// a tender; footers last.
	var notes []string
	for _, name := range []string{"word/footnotes.xml", "word/endnotes.xml", "word/comments.xml"} {
		if f := z.file(name); f != nil {
			notes = append(notes, f.Name)
		}
	}
	// Footnotes, endnotes and reviewer comments come last, each paragraph
	// labelled by its note: "footnote 3", "comment 2".
	parts := []struct {
		name  string
		files []string
	}{{"header", headers}, {"", []string{doc.Name}}, {"footer", footers}, {"note", notes}}
	for _, part := range parts {
		p.part, p.paras = part.name, 0
		for _, name := range part.files {
			data, err := z.read(z.file(name))
			if err != nil {
				return err
			}
			if err := p.parse(data); err != nil {
				if cerr := opt.cancelled(); cerr != nil {
					return cerr
				}
				return fmt.Errorf("damaged: %s is not well-formed XML (%v)", name, err)
			}
			if p.over {
				return fmt.Errorf("its text %w of %s (list numbers repeated in every paragraph?); raise --max-size if the file is genuine", errExpands, FormatSize(limit))
			}
		}
	}
	p.x.finish(src)
	src.Encoding = "utf-8"
	return nil
}

type docxParser struct {
	src       *Source
	x         *extraction
	styles    wordStyles
	numbering *wordNumbering

	// limit bounds the text extracted (numbering can make a small file's
	// text grow without end); over says it was passed.
	limit int64
	over  bool
	opt   Options

	part   string // "", "header", "footer"
	paras  int    // paragraphs with text so far in this part
	tables int    // tables so far in the document
	stack  []*wordPara
	tstack []*wordTable

	note string // "footnote 3" while inside a note or comment
	// ownNote is set inside a comment shouhou wrote (annotate), whose
	// paragraphs are left out.
	ownNote bool
	notes   map[string]int // notes so far, by kind
}

type wordPara struct {
	style    string
	numID    string
	ilvl     int
	outline  int // -1: none; 0 is the top level
	numbered bool
	text     strings.Builder
	inRun    int
	inText   bool
}

type wordTable struct {
	n, row, col, next int
	cell              *Block
}

// hidden elements hold text a reader of the document does not see: the
// fallback copy of a text box, deleted or moved-away text, the previous
// state of tracked formatting changes, field instructions.
var docxHidden = map[string]bool{
	"Fallback": true, "del": true, "moveFrom": true, "pPrChange": true, "rPrChange": true,
	"sectPrChange": true, "tblPrChange": true, "trPrChange": true, "tcPrChange": true,
	"instrText": true, "delText": true, "delInstrText": true, "numberingChange": true,
}

func (p *docxParser) parse(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	skip := 0
	for n := 1; ; n++ {
		if n%4096 == 0 {
			if err := p.opt.cancelled(); err != nil {
				return err
			}
		}
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if p.over {
			return nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || docxHidden[t.Name.Local] {
				skip++
				continue
			}
			p.start(t)
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			p.end(t.Name.Local)
		case xml.CharData:
			if skip == 0 && len(p.stack) > 0 && p.top().inText {
				p.top().text.Write(t)
			}
		}
	}
}

func (p *docxParser) top() *wordPara { return p.stack[len(p.stack)-1] }

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (p *docxParser) start(t xml.StartElement) {
	name := t.Name.Local
	switch name {
	case "p":
		p.stack = append(p.stack, &wordPara{outline: -1})
		return
	case "tbl":
		p.tables++
		p.tstack = append(p.tstack, &wordTable{n: p.tables})
		return
	case "tr":
		if tb := p.table(); tb != nil {
			tb.row++
			tb.next = 1
		}
		return
	case "tc":
		if tb := p.table(); tb != nil {
			tb.col = tb.next
			tb.next = tb.col + 1
			tb.cell = &Block{Kind: TableCell, Table: tb.n, Row: tb.row, Col: tb.col}
		}
		return
	case "footnote", "endnote", "comment":
		// shouhou's own comments on an annotated copy are its findings,
		// not the document's words: auditing the copy reads what the
		// original says.
		if name == "comment" && attr(t, "author") == OwnCommentAuthor {
			p.ownNote = true
			return
		}
		// Word's separator "notes" carry no text and no number.
		if typ := attr(t, "type"); typ == "" || typ == "normal" {
			if p.notes == nil {
				p.notes = map[string]int{}
			}
			p.notes[name]++
			p.note = name + " " + strconv.Itoa(p.notes[name])
		}
		return
	case "gridSpan":
		if tb := p.table(); tb != nil {
			if n, err := strconv.Atoi(attr(t, "val")); err == nil && n > 1 && n < 64 {
				tb.next = tb.col + n
			}
		}
		return
	}
	if len(p.stack) == 0 {
		return
	}
	para := p.top()
	switch name {
	case "pStyle":
		para.style = attr(t, "val")
	case "numId":
		para.numID = attr(t, "val")
		para.numbered = para.numID != "" && para.numID != "0"
	case "ilvl":
		para.ilvl, _ = strconv.Atoi(attr(t, "val"))
	case "outlineLvl":
		if n, err := strconv.Atoi(attr(t, "val")); err == nil && n < 9 {
			para.outline = n
		}
	case "r":
		para.inRun++
	case "t":
		para.inText = true
	case "tab", "ptab":
		if para.inRun > 0 {
			para.text.WriteByte('\t')
		}
	case "br", "cr":
		if para.inRun > 0 && attr(t, "type") != "page" && attr(t, "type") != "column" {
			para.text.WriteByte('\n')
		}
	case "noBreakHyphen":
		para.text.WriteByte('-')
	case "sym":
		// Symbol-font characters live in the private use area; only real
		// characters are kept.
		if n, err := strconv.ParseUint(attr(t, "char"), 16, 32); err == nil && (n < 0xE000 || n > 0xF8FF) && utf8.ValidRune(rune(n)) {
			para.text.WriteRune(rune(n))
		}
	}
}

func (p *docxParser) table() *wordTable {
	if len(p.tstack) == 0 {
		return nil
	}
	return p.tstack[len(p.tstack)-1]
}

func (p *docxParser) end(name string) {
	switch name {
	case "p":
		if len(p.stack) > 0 {
			para := p.top()
			p.stack = p.stack[:len(p.stack)-1]
			p.paragraph(para)
		}
	case "r":
		if len(p.stack) > 0 && p.top().inRun > 0 {
			p.top().inRun--
		}
	case "t":
		if len(p.stack) > 0 {
			p.top().inText = false
		}
	case "tc":
		if tb := p.table(); tb != nil {
			tb.cell = nil
		}
	case "footnote", "endnote", "comment":
		p.note, p.ownNote = "", false
	case "tbl":
		if len(p.tstack) > 0 {
			p.tstack = p.tstack[:len(p.tstack)-1]
		}
	}
}

// paragraph adds a finished paragraph to the Text and the blocks.
func (p *docxParser) paragraph(para *wordPara) {
	st := p.styles.resolve(para.style)
	numID, ilvl, numbered := para.numID, para.ilvl, para.numbered
	if para.numID == "" && st.numID != "" {
		numID, ilvl, numbered = st.numID, st.ilvl, st.numID != "0"
	}
	outline := para.outline
	if outline < 0 {
		outline = st.outline
	}
	prefix, bullet := "", false
	if numbered {
		prefix, bullet = p.numbering.next(numID, ilvl)
	}
	body := strings.TrimSpace(strings.Map(DocxSpace, para.text.String()))
	if body == "" || p.ownNote {
		return
	}
	text := body
	if prefix != "" {
		text = prefix + body
	}
	if int64(p.x.b.Len())+int64(len(text)) > p.limit {
		p.over = true
		return
	}
	p.paras++
	o := origin{line: p.paras, col: 1, label: "paragraph " + strconv.Itoa(p.paras)}
	if p.part != "" {
		o.label = p.part + " " + o.label
	}
	if p.note != "" {
		o.label = p.note
	}
	tb := p.table()
	if tb != nil && tb.cell != nil {
		o.label = fmt.Sprintf("table %d row %d col %d", tb.n, tb.row, tb.col)
	}
	segs := p.x.add(text, o)
	p.x.newline()
	if tb != nil && tb.cell != nil {
		// Each paragraph of a cell is a block of its own, so two lines
		// such as 响应时间：2小时 / 到场时间：4小时 stay two clauses.
		cell := *tb.cell
		cell.Segs = segs
		p.src.Blocks = append(p.src.Blocks, cell)
		return
	}
	b := Block{Segs: segs}
	switch {
	case outline >= 0:
		b.Kind, b.Level = Heading, outline+1
	case numbered || bullet:
		b.Kind = ListItem
		if k, lvl := classify(text); k == Heading {
			b.Kind, b.Level = k, lvl // 一、商务要求 numbered by Word is still a heading
		}
	default:
		b.Kind, b.Level = classify(text)
	}
	p.src.Blocks = append(p.src.Blocks, b)
}

// DocxSpace turns the characters Word uses for layout into plain spaces
// (and drops soft hyphens and zero-width spaces). Package annotate maps
// a paragraph the same way to find the paragraphs the reader counted.
func DocxSpace(r rune) rune {
	switch r {
	case '\t', '\u00a0', '\u2002', '\u2003':
		return ' '
	case '\u00ad', '\u200b':
		return -1
	}
	return r
}

// wordStyle is what shouhou needs of a paragraph style.
type wordStyle struct {
	basedOn string
	outline int // -1: none
	numID   string
	ilvl    int
}

type wordStyles map[string]wordStyle

// resolve follows basedOn links (at most a few deep; cycles end there).
func (s wordStyles) resolve(id string) wordStyle {
	out := wordStyle{outline: -1}
	for depth := 0; id != "" && depth < 10; depth++ {
		st, ok := s[id]
		if !ok {
			break
		}
		if out.outline < 0 {
			out.outline = st.outline
		}
		if out.numID == "" && st.numID != "" {
			out.numID, out.ilvl = st.numID, st.ilvl
		}
		id = st.basedOn
	}
	return out
}

// parseStyles reads the styles part. Word and WPS write it with the w:
// prefix; for those a byte scan over each <w:style> element is used, since
// the part is mostly fonts and spacing shouhou has no use for and can run
// to hundreds of KB (python-docx's template: 350 KB, 17 ms through
// encoding/xml, 0.3 ms scanned). Other producers go through the decoder.
func parseStyles(data []byte) wordStyles {
	if !bytes.Contains(data, []byte("<w:style ")) {
		return decodeStyles(data)
	}
	styles := wordStyles{}
	for rest := data; ; {
		i := bytes.Index(rest, []byte("<w:style "))
		if i < 0 {
			return styles
		}
		rest = rest[i:]
		j := bytes.Index(rest, []byte("</w:style>"))
		if j < 0 {
			j = len(rest)
		}
		el := rest[:j]
		rest = rest[j:]
		st := wordStyle{outline: -1, basedOn: tagAttr(el, "<w:basedOn ", "w:val"), numID: tagAttr(el, "<w:numId ", "w:val")}
		if lvl := headingStyleLevel(tagAttr(el, "<w:name ", "w:val")); lvl > 0 {
			st.outline = lvl - 1
		}
		if n, err := strconv.Atoi(tagAttr(el, "<w:outlineLvl ", "w:val")); err == nil && n >= 0 && n < 9 {
			st.outline = n
		}
		st.ilvl, _ = strconv.Atoi(tagAttr(el, "<w:ilvl ", "w:val"))
		if id := tagAttr(el, "<w:style ", "w:styleId"); id != "" {
			styles[id] = st
		}
	}
}

// tagAttr returns attribute name of the first tag in el that starts with
// open, or "".
func tagAttr(el []byte, open, name string) string {
	i := bytes.Index(el, []byte(open))
	if i < 0 {
		return ""
	}
	tag := el[i:]
	if end := bytes.IndexByte(tag, '>'); end >= 0 {
		tag = tag[:end]
	}
	k := bytes.Index(tag, []byte(" "+name+"=\""))
	if k < 0 {
		return ""
	}
	v := tag[k+len(name)+3:]
	if end := bytes.IndexByte(v, '"'); end >= 0 {
		return string(v[:end])
	}
	return ""
}

func decodeStyles(data []byte) wordStyles {
	styles := wordStyles{}
	d := xml.NewDecoder(bytes.NewReader(data))
	var id string
	var cur wordStyle
	for {
		tok, err := d.RawToken()
		if err != nil {
			return styles // a damaged styles part only costs heading levels
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id, cur = attr(t, "styleId"), wordStyle{outline: -1}
			case "name":
				if lvl := headingStyleLevel(attr(t, "val")); lvl > 0 && cur.outline < 0 {
					cur.outline = lvl - 1
				}
			case "basedOn":
				cur.basedOn = attr(t, "val")
			case "outlineLvl":
				if n, err := strconv.Atoi(attr(t, "val")); err == nil && n < 9 {
					cur.outline = n
				}
			case "numId":
				cur.numID = attr(t, "val")
			case "ilvl":
				cur.ilvl, _ = strconv.Atoi(attr(t, "val"))
			}
		case xml.EndElement:
			if t.Name.Local == "style" && id != "" {
				styles[id] = cur
				id = ""
			}
		}
	}
}

// headingStyleLevel reads the level of Word's built-in heading styles by
// name: "heading 2", "标题 2", "Title".
func headingStyleLevel(name string) int {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "title" || n == "标题" {
		return 1
	}
	for _, prefix := range []string{"heading ", "标题 "} {
		if rest, ok := strings.CutPrefix(n, prefix); ok {
			if lvl, err := strconv.Atoi(rest); err == nil && lvl >= 1 && lvl <= 9 {
				return lvl
			}
		}
	}
	return 0
}

// OwnCommentAuthor is the author shouhou writes on the comments of an
// annotated copy (package annotate); the reader leaves those comments out.
const OwnCommentAuthor = "shouhou"
