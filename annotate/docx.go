package annotate

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"shouhou/checker/reader"
)

// Author is the comments' author.
const Author = reader.OwnCommentAuthor

// Note is one comment to place.
type Note struct {
	// Para is the 1-based number of the paragraph the evidence starts in,
	// counting paragraphs with text as shouhou's reader does ("paragraph
	// N"); 0 when the note concerns the whole document.
	Para int
	// Evidence is the text to anchor on; white space in it and in the
	// document does not matter. Empty: the whole paragraph.
	Evidence string
	// Text is the comment, one paragraph per line.
	Text []string
}

// Placed says where a note was anchored, for tests and messages.
type Placed struct {
	ID         int
	Note       int    // index in the notes given
	Anchor     string // the document's text between the range markers
	Whole      bool   // the evidence was not found; the paragraph (or document start) carries the comment
	Start, End int    // offsets of the anchored characters in the body's character list
}

// Edit is bytes inserted into word/document.xml at an offset of the
// original.
type Edit struct {
	At   int
	Text string
}

// Result is an annotated document.
type Result struct {
	Docx   []byte
	Placed []Placed
	Edits  []Edit // what was inserted into word/document.xml
}

// Docx writes notes into the Word document orig as comments.
func Docx(orig []byte, notes []Note) (*Result, error) {
	zr, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		return nil, fmt.Errorf("not a readable .docx: %v", err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.ToLower(f.Name)] = f
	}
	read := func(name string) ([]byte, *zip.File, error) {
		f := parts[strings.ToLower(name)]
		if f == nil {
			return nil, nil, nil
		}
		rc, err := f.Open()
		if err != nil {
			return nil, f, err
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, 256<<20))
		return b, f, err
	}
	docXML, docFile, err := read("word/document.xml")
	if err != nil || docFile == nil {
		return nil, errors.New("not a Word document (no readable word/document.xml inside)")
	}
	comments, commentsFile, err := read("word/comments.xml")
	if err != nil {
		return nil, err
	}
	rels, relsFile, err := read("word/_rels/document.xml.rels")
	if err != nil {
		return nil, err
	}
	types, typesFile, err := read("[Content_Types].xml")
	if err != nil || typesFile == nil {
		return nil, errors.New("not a Word document (no [Content_Types].xml)")
	}

	b, err := walk(docXML)
	if err != nil {
		return nil, fmt.Errorf("word/document.xml is not well-formed XML (%v)", err)
	}
	firstID := nextID(docXML, comments)
	edits, placed := b.place(notes, firstID)
	newDoc := apply(docXML, edits)

	commentsPart := "word/comments.xml"
	if commentsFile != nil {
		commentsPart = commentsFile.Name
	}
	newComments, err := commentsXML(comments, notes, placed)
	if err != nil {
		return nil, err
	}
	newRels := rels
	if !bytes.Contains(rels, []byte("relationships/comments\"")) {
		newRels = addRel(rels)
	}
	newTypes := types
	if !bytes.Contains(types, []byte("wordprocessingml.comments+xml")) {
		newTypes = addOverride(types)
	}

	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	replaced := map[*zip.File][]byte{docFile: newDoc, typesFile: newTypes}
	if relsFile != nil {
		replaced[relsFile] = newRels
	}
	if commentsFile != nil {
		replaced[commentsFile] = newComments
	}
	for _, f := range zr.File {
		if data, ok := replaced[f]; ok {
			if err := writePart(zw, f.Name, data); err != nil {
				return nil, err
			}
			continue
		}
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	if relsFile == nil {
		if err := writePart(zw, "word/_rels/document.xml.rels", newRels); err != nil {
			return nil, err
		}
	}
	if commentsFile == nil {
		if err := writePart(zw, commentsPart, newComments); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return &Result{Docx: out.Bytes(), Placed: placed, Edits: edits}, nil
}

func writePart(zw *zip.Writer, name string, data []byte) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

var idRe = regexp.MustCompile(`w:id="(-?\d+)"`)

// nextID is one more than the largest comment or range id in use.
func nextID(parts ...[]byte) int {
	n := 0
	for _, p := range parts {
		for _, m := range idRe.FindAllSubmatch(p, -1) {
			if v, err := strconv.Atoi(string(m[1])); err == nil && v >= n {
				n = v + 1
			}
		}
	}
	return n
}

// span is a note's anchor: characters [start, end) of the body.
type span struct {
	start, end int
	whole      bool
}

// find anchors a note on its evidence: the occurrence of the evidence
// (white space ignored) starting in the note's paragraph, else the nearest
// one after it, else before it. A numbering prefix the evidence carries
// ("1. ", "（一）") is not in the XML, so a few leading characters may be
// dropped. Evidence not found: the whole paragraph.
func (b *body) find(n Note) span {
	var idx []int // indexes of non-space characters
	var seq []rune
	for i, c := range b.chars {
		if !skipRune(c.r) {
			idx = append(idx, i)
			seq = append(seq, c.r)
		}
	}
	ev := []rune{}
	for _, r := range n.Evidence {
		if !skipRune(r) {
			ev = append(ev, r)
		}
	}
	for drop := 0; len(ev) > 0 && drop <= 6 && drop < len(ev)/2+1; drop++ {
		want := ev[drop:]
		best, bestScore := -1, 0
		for i := 0; i+len(want) <= len(seq); i++ {
			if !runesEqual(seq[i:i+len(want)], want) {
				continue
			}
			p := b.chars[idx[i]].para
			score := p - n.Para // prefer this paragraph, then later, then earlier
			switch {
			case score == 0:
				score = 0
			case score > 0:
				score = 2 * score
			default:
				score = -2*score + 1
			}
			if n.Para == 0 {
				score = 0
			}
			if best < 0 || score < bestScore {
				best, bestScore = i, score
			}
		}
		if best >= 0 {
			return span{start: idx[best], end: idx[best+len(want)-1] + 1}
		}
	}
	// The whole paragraph, or the first one.
	para := n.Para
	if para < 1 || para > b.paras {
		para = 1
	}
	s, e := -1, -1
	for i, c := range b.chars {
		if c.para == para {
			if s < 0 {
				s = i
			}
			e = i + 1
		}
	}
	// Trim layout spaces from the ends.
	for s >= 0 && s < e-1 && skipRune(b.chars[s].r) {
		s++
	}
	for e > s+1 && skipRune(b.chars[e-1].r) {
		e--
	}
	return span{start: s, end: e, whole: true}
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// place anchors every note and returns the insertions into document.xml.
func (b *body) place(notes []Note, firstID int) ([]Edit, []Placed) {
	type mark struct {
		at    int
		order int // ends before starts at one offset; notes in order
		text  string
		// split: the run to close and reopen, and whether inside a w:t
		split  *run
		inText bool
	}
	var marks []mark
	var placed []Placed
	w := b.prefix
	for i, n := range notes {
		id := firstID + i
		sp := b.find(n)
		if sp.start >= 0 {
			// Markers go only into Word's own runs: an equation's
			// characters at either end are left outside the range.
			for sp.start < sp.end-1 && b.chars[sp.start].run.foreign {
				sp.start++
			}
			for sp.end-1 > sp.start && b.chars[sp.end-1].run.foreign {
				sp.end--
			}
			if b.chars[sp.start].run.foreign {
				sp.start = -1
			}
		}
		p := Placed{ID: id, Note: i, Whole: sp.whole, Start: sp.start, End: sp.end}
		if sp.start < 0 {
			continue // no text to anchor on, or only an equation's
		}
		var anchor strings.Builder
		for _, c := range b.chars[sp.start:sp.end] {
			anchor.WriteRune(c.r)
		}
		p.Anchor = anchor.String()
		placed = append(placed, p)
		start := fmt.Sprintf(`<%s:commentRangeStart %s:id="%d"/>`, w, w, id)
		end := fmt.Sprintf(`<%s:commentRangeEnd %s:id="%d"/><%s:r><%s:commentReference %s:id="%d"/></%s:r>`, w, w, id, w, w, w, id, w)

		sc := b.chars[sp.start]
		at, split, inText := b.startPoint(sc)
		marks = append(marks, mark{at: at, order: 1000000 + i, text: start, split: split, inText: inText})
		ec := b.chars[sp.end-1]
		at, split, inText = b.endPoint(ec)
		marks = append(marks, mark{at: at, order: i, text: end, split: split, inText: inText})
	}
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].at != marks[j].at {
			return marks[i].at < marks[j].at
		}
		return marks[i].order < marks[j].order
	})
	var edits []Edit
	for i := 0; i < len(marks); {
		j := i
		var sb strings.Builder
		for ; j < len(marks) && marks[j].at == marks[i].at; j++ {
			sb.WriteString(marks[j].text)
		}
		m := marks[i]
		text := sb.String()
		if m.split != nil {
			// Close the run (and its w:t) and open a copy after the markers.
			r := m.split
			closeT, openT := "", ""
			if m.inText {
				closeT = "</" + w + ":t>"
				openT = "<" + w + `:t xml:space="preserve">`
			}
			text = closeT + "</" + w + ":r>" + text + r.startTag + r.rPr + openT
		}
		edits = append(edits, Edit{At: m.at, Text: text})
		i = j
	}
	return edits, placed
}

// startPoint is where a comment starting at c begins: before c's run when
// c is the run's first content, else a split of the run before c.
func (b *body) startPoint(c char) (int, *run, bool) {
	if c.inText && c.begin > c.cdBegin {
		return c.begin, c.run, true
	}
	at := c.begin
	if c.inText {
		at = c.tBegin
	}
	if blank(b.xml[c.run.content:at]) {
		return c.run.begin, nil, false
	}
	return at, c.run, false
}

// endPoint is where a comment ending with c ends: after c's run when c
// is its last content, else a split of the run after c.
func (b *body) endPoint(c char) (int, *run, bool) {
	if c.inText && c.end < c.cdEnd {
		return c.end, c.run, true
	}
	at := c.end
	if c.inText {
		at = c.tEnd
	}
	if c.run.endBegin >= at && blank(b.xml[at:c.run.endBegin]) {
		return c.run.endEnd, nil, false
	}
	return at, c.run, false
}

func blank(s []byte) bool { return len(bytes.TrimSpace(s)) == 0 }

// apply inserts the edits (sorted by offset) into data.
func apply(data []byte, edits []Edit) []byte {
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		out.Write(data[last:e.At])
		out.WriteString(e.Text)
		last = e.At
	}
	out.Write(data[last:])
	return out.Bytes()
}

// commentsXML adds the notes' comments to an existing comments part, or
// makes one.
func commentsXML(existing []byte, notes []Note, placed []Placed) ([]byte, error) {
	var sb strings.Builder
	for _, p := range placed {
		n := notes[p.Note]
		fmt.Fprintf(&sb, `<w:comment w:id="%d" w:author="%s" w:initials="SH">`, p.ID, Author)
		for k, line := range n.Text {
			sb.WriteString(`<w:p>`)
			if k == 0 {
				sb.WriteString(`<w:r><w:annotationRef/></w:r>`)
			}
			sb.WriteString(`<w:r>`)
			if k == 0 {
				sb.WriteString(`<w:rPr><w:b/></w:rPr>`)
			}
			sb.WriteString(`<w:t xml:space="preserve">`)
			sb.WriteString(escape(line))
			sb.WriteString(`</w:t></w:r></w:p>`)
		}
		if len(n.Text) == 0 {
			sb.WriteString(`<w:p><w:r><w:annotationRef/></w:r></w:p>`)
		}
		sb.WriteString(`</w:comment>`)
	}
	if existing == nil {
		return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<w:comments xmlns:w="` + wordNS + `">` + sb.String() + `</w:comments>`), nil
	}
	i := bytes.LastIndex(existing, []byte("</w:comments>"))
	if i < 0 || !bytes.Contains(existing, []byte(`xmlns:w="`+wordNS+`"`)) {
		return nil, errors.New("word/comments.xml is written in a way shouhou cannot extend (no </w:comments>)")
	}
	out := append([]byte{}, existing[:i]...)
	out = append(out, sb.String()...)
	return append(out, existing[i:]...), nil
}

func escape(s string) string {
	var b bytes.Buffer
	_ = xmlEscape(&b, s)
	return b.String()
}

// addRel adds the comments relationship to document.xml.rels (made if
// missing).
func addRel(rels []byte) []byte {
	rel := `<Relationship Id="rIdShouhouComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>`
	if rels == nil {
		return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rel + `</Relationships>`)
	}
	i := bytes.LastIndex(rels, []byte("</Relationships>"))
	if i < 0 {
		return rels
	}
	return append(append(append([]byte{}, rels[:i]...), rel...), rels[i:]...)
}

// addOverride declares the comments part's content type.
func addOverride(types []byte) []byte {
	o := `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>`
	i := bytes.LastIndex(types, []byte("</Types>"))
	if i < 0 {
		return types
	}
	return append(append(append([]byte{}, types[:i]...), o...), types[i:]...)
}
