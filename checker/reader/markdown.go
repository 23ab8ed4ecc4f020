package reader

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// parseMarkdown makes headings, paragraphs, list items and table cells into
// blocks. Segments come from goldmark's inline text nodes, so markup (**, #,
// |, link targets) never reaches a clause and offsets stay exact.
//
// Markdown converted from Word or scraped from a page often holds its text
// in raw HTML blocks (a whole <table> of tender terms), which Markdown
// leaves unread; when HTML blocks carry most of the file, it is read as
// HTML instead, positions still in the file's lines and columns.
func parseMarkdown(src *Source) {
	if reason := markdownBeyondLimits(src.Text); reason != "" {
		src.Warnings = append(src.Warnings, "Markdown with "+reason+": read as plain text")
		parseText(src)
		return
	}
	source := []byte(src.Text)
	doc := md.Parser().Parse(text.NewReader(source))
	htmlBytes := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.HTMLBlock); ok && entering {
			for i := 0; i < h.Lines().Len(); i++ {
				seg := h.Lines().At(i)
				htmlBytes += seg.Stop - seg.Start
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if htmlBytes*2 > len(source) {
		parseHTML(src)
		return
	}
	// row and col count along as the walk goes: counting a cell's
	// previous siblings was quadratic in a table's width and length.
	table, row, col := 0, 0, 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			src.addBlock(Block{Kind: Heading, Level: n.Level}, n, source)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			kind := Paragraph
			if _, ok := n.Parent().(*ast.ListItem); ok {
				kind = ListItem
			}
			src.addBlock(Block{Kind: kind}, n, source)
			return ast.WalkSkipChildren, nil
		case *east.Table:
			table, row = table+1, 1
		case *east.TableHeader:
			col = 0
		case *east.TableRow:
			row, col = row+1, 0
		case *east.TableCell:
			col++
			src.addBlock(Block{Kind: TableCell, Table: table, Row: row, Col: col}, n, source)
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

func (src *Source) addBlock(b Block, n ast.Node, source []byte) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			seg := Segment{Start: t.Segment.Start, End: t.Segment.Stop, Break: t.SoftLineBreak() || t.HardLineBreak()}
			if seg.End > seg.Start {
				b.Segs = append(b.Segs, seg)
			} else if seg.Break && len(b.Segs) > 0 {
				b.Segs[len(b.Segs)-1].Break = true
			}
		case *ast.String:
			// Produced by typographer-like extensions; it has no source
			// position, so it cannot be mapped back and is left out.
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(b.Segs) > 0 {
		b.Segs = keepBlanks(b.Segs, source)
		src.Blocks = append(src.Blocks, b)
	}
}

// keepBlanks puts back the template blanks goldmark took for emphasis
// delimiters (400-____-____ gives "400-" and "-"): a run of three or more
// underscores between two segments, or after the last one on its line,
// becomes a segment again. (Two underscores are left alone: __bold__.)
func keepBlanks(segs []Segment, source []byte) []Segment {
	underscores := func(from int) int {
		n := 0
		for from+n < len(source) && source[from+n] == '_' {
			n++
		}
		return n
	}
	var out []Segment
	for i, g := range segs {
		out = append(out, g)
		if g.Break {
			continue
		}
		n := underscores(g.End)
		if n >= 3 && (i+1 == len(segs) || segs[i+1].Start >= g.End+n) {
			out = append(out, Segment{Start: g.End, End: g.End + n})
		}
	}
	return out
}

// Limits of the Markdown structure handed to goldmark. Its parser takes
// time quadratic (or worse) in some structures: block quotes or lists
// nested thousands deep, long runs of link reference definitions, lines
// of thousands of brackets; and a table thousands of columns wide costs
// memory by the cell. No real document comes near these figures; one
// that passes them is read as plain text, with a warning.
const (
	mdMaxNesting = 100   // > markers or indentation levels at a line's start
	mdMaxIndent  = 400   // leading spaces (a tab counts 4)
	mdMaxRefDefs = 5000  // lines that look like [label]: target
	mdMaxColumns = 1000  // | on one line
	mdMaxOpeners = 20000 // [ ( < * _ in one paragraph (up to a blank line)
)

// markdownBeyondLimits says which limit text passes, or "".
func markdownBeyondLimits(text string) string {
	refs, openers := 0, 0
	for line := range strings.Lines(text) {
		indent, quotes, markers := 0, 0, 0
		i := 0
	lead:
		for ; i < len(line); i++ {
			switch line[i] {
			case ' ':
				indent++
			case '\t':
				indent += 4
			case '>':
				quotes++
			case '-', '*', '+':
				if i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t') {
					markers++
					continue
				}
				break lead
			default:
				break lead
			}
		}
		switch {
		case quotes > mdMaxNesting:
			return fmt.Sprintf("block quotes nested more than %d deep", mdMaxNesting)
		case markers > mdMaxNesting:
			return fmt.Sprintf("list items nested more than %d deep", mdMaxNesting)
		case indent > mdMaxIndent:
			return fmt.Sprintf("a line indented more than %d spaces", mdMaxIndent)
		case strings.Count(line, "|") > mdMaxColumns:
			return fmt.Sprintf("a table more than %d columns wide", mdMaxColumns)
		}
		if rest := line[i:]; strings.HasPrefix(rest, "[") && strings.Contains(rest, "]:") {
			if refs++; refs > mdMaxRefDefs {
				return fmt.Sprintf("more than %d link reference definitions", mdMaxRefDefs)
			}
		}
		if strings.TrimSpace(line) == "" {
			openers = 0
		}
		openers += strings.Count(line, "[") + strings.Count(line, "(") + strings.Count(line, "<") + strings.Count(line, "*") + strings.Count(line, "_")
		if openers > mdMaxOpeners {
			return fmt.Sprintf("a paragraph of more than %d brackets and emphasis marks", mdMaxOpeners)
		}
	}
	return ""
}
