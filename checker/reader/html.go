package reader

import (
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// metaCharset finds <meta charset=gbk> and <meta http-equiv … content="text/html; charset=gb2312">.
var metaCharset = lazyRe(`(?i)<meta[^>]*charset\s*=\s*["']?\s*([a-z0-9_-]+)`)

// htmlEncoding returns the encoding a page declares, as a name Decode
// knows, or "" when it declares none Decode needs to be told about. The
// declaration is only a hint: Decode trusts valid UTF-8 first, since pages
// saved as UTF-8 often keep an outdated gb2312 tag.
func htmlEncoding(b []byte) string {
	head := b[:min(len(b), 4096)]
	m := metaCharset().FindSubmatch(head)
	if m == nil {
		return ""
	}
	switch strings.ToLower(string(m[1])) {
	case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn":
		return "gb18030"
	case "big5", "big5-hkscs", "x-x-big5", "cp950":
		return "big5"
	}
	return ""
}

// htmlSkip are elements whose text is not shown on the page.
var htmlSkip = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"iframe": true, "object": true, "select": true, "textarea": true, "button": true,
}

// htmlBlocks are elements that end the text before them and start new text.
var htmlBlocks = map[string]bool{
	"p": true, "div": true, "li": true, "dt": true, "dd": true, "blockquote": true, "pre": true,
	"section": true, "article": true, "header": true, "footer": true, "nav": true, "aside": true,
	"main": true, "form": true, "fieldset": true, "figure": true, "figcaption": true, "address": true,
	"ul": true, "ol": true, "dl": true, "table": true, "tr": true, "td": true, "th": true, "caption": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true, "title": true,
	"thead": true, "tbody": true, "tfoot": true,
}

// parseHTML reads the visible text of a page: script, style and hidden
// elements (the hidden attribute, visibility:hidden, display:none) are
// left out — but not the folded parts of an accordion or tabs (display:none
// on a class such as answer, tab-pane, collapse), which a help page opens
// on a click: they are the page's terms all the same. Block
// elements end clauses, table cells keep their table, row and column.
// Places are the line and column of the text in the page's source.
//
// A page whose only text is inside <template> (a Vue or web-component
// source saved as a page) is read again with the templates shown: an
// empty reading would lose the whole document.
func parseHTML(src *Source) {
	text := src.Text
	parseHTMLWith(src, false)
	if len(src.Blocks) == 0 && strings.Contains(text, "<template") {
		src.Text = text
		parseHTMLWith(src, true)
	}
}

func parseHTMLWith(src *Source, templates bool) {
	p := &htmlParser{src: src, x: &extraction{}, line: 1, col: 1, templates: templates}
	z := html.NewTokenizer(strings.NewReader(maskServerCode(src.Text)))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF, or text the tokenizer cannot go past
		}
		raw := z.Raw()
		line, col := p.line, p.col
		p.advance(raw)
		switch tt {
		case html.TextToken:
			if p.skip == "" {
				p.text(string(raw), line, col)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			p.startTag(string(name), hasAttr, tt == html.SelfClosingTagToken, z)
		case html.EndTagToken:
			name, _ := z.TagName()
			p.endTag(string(name))
		}
	}
	p.flush()
	p.x.finish(src)
}

// maskServerCode blanks the server-side code of a page template (<% … %>
// of JSP and ASP) so that it is not read as the page's text. Each
// character becomes a space and line ends stay, so lines and columns
// counted on the masked text are those of the file.
func maskServerCode(s string) string {
	if !strings.Contains(s, "<%") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.Index(s, "<%")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "%>")
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		for _, r := range s[i : i+2+j+2] {
			if r == '\n' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		s = s[i+2+j+2:]
	}
	b.WriteString(s)
	return b.String()
}

type htmlParser struct {
	src       *Source
	x         *extraction
	line, col int // of the next token in the page's source

	skip      string // the element whose content is being left out
	skipDepth int
	templates bool // read <template> content as shown

	cur    *Block
	kind   BlockKind
	level  int
	tables []htmlTable
	count  int // tables so far
}

type htmlTable struct{ n, row, col int }

func (p *htmlParser) advance(raw []byte) {
	for _, r := range string(raw) {
		if r == '\n' {
			p.line, p.col = p.line+1, 1
		} else {
			p.col++
		}
	}
}

func (p *htmlParser) startTag(name string, hasAttr, selfClosing bool, z *html.Tokenizer) {
	if p.skip != "" {
		if name == p.skip && !selfClosing {
			p.skipDepth++
		}
		return
	}
	hidden, collapsed, folding := false, false, false
	colspan := 1
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch string(k) {
		case "hidden":
			hidden = true
		case "aria-hidden":
			hidden = string(v) == "true"
		case "class":
			folding = foldingClass(string(v))
		case "style":
			s := strings.ReplaceAll(strings.ToLower(string(v)), " ", "")
			hidden = hidden || strings.Contains(s, "visibility:hidden")
			collapsed = strings.Contains(s, "display:none")
		case "colspan":
			if n, err := strconv.Atoi(string(v)); err == nil && n > 1 && n < 100 {
				colspan = n
			}
		}
	}
	hidden = hidden || collapsed && !folding
	if (htmlSkip[name] && !(p.templates && name == "template") || hidden) && !selfClosing && !isVoid(name) {
		p.skip, p.skipDepth = name, 1
		return
	}
	if name == "br" {
		if p.cur != nil {
			p.x.add("\n", origin{line: p.line, col: p.col})
			if n := len(p.cur.Segs); n > 0 {
				p.cur.Segs[n-1].Break = true
			}
		}
		return
	}
	if !htmlBlocks[name] {
		return
	}
	p.flush()
	switch name {
	case "table":
		p.count++
		p.tables = append(p.tables, htmlTable{n: p.count})
	case "tr":
		if t := p.table(); t != nil {
			t.row++
			t.col = 0
		}
	case "td", "th":
		if t := p.table(); t != nil {
			t.col += colspan
		}
	}
	p.kind, p.level = Paragraph, 0
	switch {
	case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
		p.kind, p.level = Heading, int(name[1]-'0')
	case name == "title":
		p.kind, p.level = Heading, 1
	case name == "li" || name == "dt":
		p.kind = ListItem
	}
}

func (p *htmlParser) endTag(name string) {
	if p.skip != "" {
		if name == p.skip {
			p.skipDepth--
			if p.skipDepth == 0 {
				p.skip = ""
			}
		}
		return
	}
	if !htmlBlocks[name] {
		return
	}
	p.flush()
	p.kind, p.level = Paragraph, 0
	if name == "table" && len(p.tables) > 0 {
		p.tables = p.tables[:len(p.tables)-1]
	}
}

func (p *htmlParser) table() *htmlTable {
	if len(p.tables) == 0 {
		return nil
	}
	return &p.tables[len(p.tables)-1]
}

// text adds a text token, raw as the source has it, found at line, col.
// Literal runs and character references are added as separate stretches
// so that columns after &nbsp; still point at the right character.
func (p *htmlParser) text(raw string, line, col int) {
	if strings.TrimSpace(raw) == "" && p.cur == nil {
		return
	}
	if p.cur == nil {
		p.cur = &Block{Kind: p.kind, Level: p.level}
	}
	for raw != "" {
		n := len(raw)
		s := raw
		if i := strings.IndexByte(raw, '&'); i > 0 {
			n, s = i, raw[:i]
		} else if i == 0 {
			n, s = 1, "&"
			if j := strings.IndexByte(raw[:min(len(raw), 12)], ';'); j > 0 {
				n, s = j+1, html.UnescapeString(raw[:j+1])
			}
		}
		if nl := strings.IndexByte(raw[:n], '\n'); nl >= 0 && s == raw[:n] {
			n, s = nl+1, raw[:nl+1] // one source line per stretch
		}
		p.cur.Segs = append(p.cur.Segs, p.x.add(s, origin{line: line, col: col})...)
		for _, r := range raw[:n] {
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		raw = raw[n:]
	}
}

// flush ends the current block.
func (p *htmlParser) flush() {
	b := p.cur
	p.cur = nil
	if b == nil || len(b.Segs) == 0 {
		return
	}
	p.x.newline()
	if t := p.table(); t != nil && t.row > 0 && t.col > 0 {
		b.Kind, b.Table, b.Row, b.Col = TableCell, t.n, t.row, t.col
	} else if b.Kind == Paragraph {
		first := p.x.b.String()[b.Segs[0].Start:b.Segs[0].End]
		b.Kind, b.Level = classify(first)
	}
	p.src.Blocks = append(p.src.Blocks, *b)
}

func isVoid(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

// foldingClasses name the parts of an accordion or of tabs that a page
// shows on a click (FAQ answers, tab panes, collapsed parts).
var foldingClasses = []string{"answer", "answers", "faq", "collapse", "accordion", "tabpane", "tabcontent", "tabcon", "fold"}

// foldingClass reports a class attribute naming such a part: one of its
// classes is one of those, has one as a part between - or _ (faq-answer,
// cjwt_answer), holds one written across them (detail-tab-content,
// j-tab_con), or ends in an answer (faqAnswer); policy-detail-2019 is none.
func foldingClass(class string) bool {
	for _, c := range strings.Fields(strings.ToLower(class)) {
		parts := strings.FieldsFunc(c, func(r rune) bool { return r == '-' || r == '_' })
		joined := strings.Join(parts, "")
		for _, f := range foldingClasses {
			if slices.Contains(parts, f) || len(f) >= 6 && strings.Contains(joined, f) {
				return true
			}
		}
		if strings.HasSuffix(c, "answer") || strings.HasSuffix(c, "answers") {
			return true
		}
	}
	return false
}
