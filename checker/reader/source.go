// Package reader turns files into Sources: decoded text plus the blocks
// (headings, paragraphs, list items, table cells) later stages split into
// clauses. Blocks point into the decoded text by byte offsets, so every
// position can be reported as a line and column of the original file.
//
// A reader never panics on bad input: an unreadable file is an error for that
// file only, and the caller goes on with the next one.
package reader

import (
	"sort"
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
	Format   string // "text" or "markdown"
	Encoding string
	Text     string // decoded text of the original file, BOM removed
	Blocks   []Block

	lineStarts []int
}

// Position returns the 1-based line and column (in characters) of byte
// offset off in Text.
func (s *Source) Position(off int) (line, col int) {
	if s.lineStarts == nil {
		s.lineStarts = []int{0}
		for i := 0; i < len(s.Text); i++ {
			if s.Text[i] == '\n' {
				s.lineStarts = append(s.lineStarts, i+1)
			}
		}
	}
	if off < 0 {
		off = 0
	}
	if off > len(s.Text) {
		off = len(s.Text)
	}
	i := sort.Search(len(s.lineStarts), func(i int) bool { return s.lineStarts[i] > off }) - 1
	return i + 1, utf8.RuneCountInString(s.Text[s.lineStarts[i]:off]) + 1
}
