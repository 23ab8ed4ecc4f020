// Package reader turns files into Sources: decoded text plus the blocks
// (headings, paragraphs, list items, table cells) later stages split into
// clauses. Blocks point into the decoded text by byte offsets, so every
// position can be reported as a line and column of the original file.
//
// A reader never panics on bad input: an unreadable file is an error for that
// file only, and the caller goes on with the next one.
package reader

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// BlockKind says what a block was in the document's structure.
type BlockKind int

const (
	Paragraph BlockKind = iota
	Heading
	ListItem
	TableCell
)

func (k BlockKind) String() string {
	return [...]string{"paragraph", "heading", "list item", "table cell"}[k]
}

// Segment is a run of text in Source.Text. Break says a line ends after it,
// so the normalizer decides how to join it to the next segment.
type Segment struct {
	Start, End int
	Break      bool
}

// Block is one structural unit of a document.
type Block struct {
	Kind  BlockKind
	Level int // heading level, 1 for the top
	Segs  []Segment
	// Table numbers the tables of a document from 1; Row and Col locate a
	// cell in it (1-based; row 1 is the header row).
	Table, Row, Col int
}

// Source is a read document.
type Source struct {
	Path     string // as the user named it; "-" is shown as <stdin>
	Format   string // text, markdown, docx, xlsx, html, pdf
	Encoding string
	// Text is the decoded text of the original file (BOM removed) for text,
	// Markdown and HTML; for docx, xlsx and pdf it is the text pulled out of
	// the container, one paragraph, cell or printed line per line.
	Text   string
	Blocks []Block
	// Warnings are things a person should know about how the file was
	// read that did not stop it being read (bad bytes replaced).
	Warnings []string
	// OCR is set when some of the text was read by OCR (scanned PDFs).
	OCR *OCRInfo

	// origins maps stretches of Text to their place in the original file
	// when Text is not the file itself; sorted by off. Nil for text and
	// Markdown, whose places are Text's own lines and columns.
	origins    []origin
	lineStarts []int
	// runeMarks[k] counts the characters of Text[:k*runeStep], so the
	// column of a place far along a long line is found without counting
	// from the line's start each time (built on first need).
	runeMarks []int
}

// runeStep is the spacing of Source.runeMarks in bytes.
const runeStep = 4096

// origin says where a stretch of Text, starting at off, came from.
type origin struct {
	off       int
	line, col int  // the stretch's first character in the original's terms
	fixed     bool // col is a spreadsheet column: it does not advance along the text
	label     string
}

// Place is a position a person can find in the original file.
type Place struct {
	Line, Column int
	// Location says it in words: "line 12 col 5", "paragraph 12",
	// "table 1 row 3 col 2", "Sheet1!C4", "page 2 line 5".
	Location string
}

// Locate returns the place in the original file of byte offset off in Text.
func (s *Source) Locate(off int) Place {
	off = min(max(off, 0), len(s.Text))
	if len(s.origins) == 0 {
		line, col := s.textPosition(off)
		return Place{line, col, fmt.Sprintf("line %d col %d", line, col)}
	}
	i := max(sort.Search(len(s.origins), func(i int) bool { return s.origins[i].off > off })-1, 0)
	o := s.origins[i]
	col := o.col
	if !o.fixed && off > o.off {
		col += s.runesBetween(o.off, off)
	}
	label := o.label
	if label == "" {
		label = fmt.Sprintf("line %d col %d", o.line, col)
	}
	return Place{o.line, col, label}
}

// Position returns the 1-based line and column of byte offset off in Text,
// in the original file's terms (see Locate).
func (s *Source) Position(off int) (line, col int) {
	p := s.Locate(off)
	return p.Line, p.Column
}

// extraction builds the Text of a format whose words are pulled out of a
// container: each stretch added remembers where it came from.
type extraction struct {
	b       strings.Builder
	origins []origin
}

// add appends s as one stretch from place o and returns its segments, one
// per line of s; a segment followed by a line break has Break set, so the
// normalizer joins the lines as it joins wrapped text. Space at line
// breaks is left out of the segments; space inside a line is kept.
func (x *extraction) add(s string, o origin) []Segment {
	o.off = x.b.Len()
	if n := len(x.origins); n > 0 && x.origins[n-1].off == o.off {
		x.origins = x.origins[:n-1] // an empty stretch before this one
	}
	x.origins = append(x.origins, o)
	var segs []Segment
	for line := range strings.Lines(s) {
		start := x.b.Len()
		lineStart := start == 0 || x.b.String()[start-1] == '\n'
		x.b.WriteString(line)
		text := x.b.String()
		st, e := start, x.b.Len()
		brk := strings.HasSuffix(line, "\n")
		if lineStart {
			st, _ = trimSpan(text, st, e)
		}
		if brk {
			_, e = trimSpan(text, st, e)
		}
		switch {
		case e > st:
			segs = append(segs, Segment{Start: st, End: e, Break: brk})
		case brk && len(segs) > 0:
			segs[len(segs)-1].Break = true
		}
	}
	return segs
}

// newline ends the current line of Text.
func (x *extraction) newline() { x.b.WriteByte('\n') }

// finish hands the built text and its origins to src.
func (x *extraction) finish(src *Source) {
	src.Text = x.b.String()
	src.origins = x.origins
}

// textPosition returns the 1-based line and column (in characters) of byte
// offset off in Text.
func (s *Source) textPosition(off int) (line, col int) {
	if s.lineStarts == nil {
		s.lineStarts = []int{0}
		for i := 0; i < len(s.Text); i++ {
			if s.Text[i] == '\n' {
				s.lineStarts = append(s.lineStarts, i+1)
			}
		}
	}
	i := sort.Search(len(s.lineStarts), func(i int) bool { return s.lineStarts[i] > off }) - 1
	return i + 1, s.runesBetween(s.lineStarts[i], off) + 1
}

// runesBetween counts the characters of Text[a:b] in time bounded by
// runeStep, whatever the distance: a one-line document of megabytes has
// thousands of facts, each of which would otherwise count from the line's
// start. Short spans are counted directly, as utf8.RuneCountInString does.
func (s *Source) runesBetween(a, b int) int {
	if b-a <= 2*runeStep {
		return utf8.RuneCountInString(s.Text[a:b])
	}
	if s.runeMarks == nil {
		s.runeMarks = make([]int, len(s.Text)/runeStep+1)
		n := 0
		for k := 1; k < len(s.runeMarks); k++ {
			n += runeStarts(s.Text[(k-1)*runeStep : k*runeStep])
			s.runeMarks[k] = n
		}
	}
	ka, kb := (a+runeStep-1)/runeStep, b/runeStep
	return runeStarts(s.Text[a:ka*runeStep]) + s.runeMarks[kb] - s.runeMarks[ka] + runeStarts(s.Text[kb*runeStep:b])
}

// runeStarts counts the bytes of s that start a character (all but UTF-8
// continuation bytes): its character count, for text decoded to UTF-8.
func runeStarts(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}
