// Package clause splits a read document into clauses: sentences of its
// paragraphs and list items, its headings and its table cells, each
// normalized and each knowing the headings it stands under.
package clause

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"shouhou/checker/reader"
	"shouhou/internal/anyof"
	"shouhou/lexicon/duration"
	"shouhou/lexicon/normalize"
	"shouhou/lexicon/terms"
)

// Clause is the unit facts and findings are found in.
type Clause struct {
	Text normalize.Text
	Kind reader.BlockKind
	// Section is the heading path the clause stands under, outermost first.
	Section []string
	// Context holds words that qualify a table cell: its column header and
	// the first cell of its row (| 响应时间 | 2小时 |).
	Context string
	// Table, Row, Col place a table cell (1-based; row 1 is the header
	// row); Header is its column's header text. Zero for other clauses.
	Table, Row, Col int
	Header          string
	// Level is a heading's level (1 for the top); zero for other clauses.
	Level int
}

// MaxRunes bounds a clause, in characters. A longer stretch without a
// sentence end (scraped text whose lines end in commas, one cell holding a
// whole contract) is split at the last comma, 、 or space before the bound,
// and the document gets a warning: every later stage works clause by
// clause, so the bound keeps the whole audit linear in the document's
// length. Real sentences of policies and tenders stay far below it.
const MaxRunes = 1000

// Split returns the clauses of src in document order. Clauses longer than
// MaxRunes are split, with a warning added to src.Warnings.
func Split(src *reader.Source) []Clause {
	var (
		out      collector
		headings []heading
		cells    = map[[3]int]string{} // table,row,col -> text
		lead     string                // a "label:" leading key-value lines
		// itemsOnly: the lead is a title line, leading list items only
		itemsOnly bool
		long      int // clauses split for length
		firstAt   int // the first one's offset in src.Text
	)
	// parts splits a stretch of t over MaxRunes, counting it.
	parts := func(t normalize.Text, a, b int) [][2]int {
		p := bounded(t.S, a, b)
		if len(p) > 1 {
			if long == 0 {
				firstAt = t.Orig(a)
			}
			long++
		}
		return p
	}
	defer func() {
		if long > 0 {
			p := src.Locate(firstAt)
			src.Warnings = append(src.Warnings, fmt.Sprintf("%d stretch(es) of more than %d characters without a sentence end split into shorter clauses, at commas where there are some (the first at %s)", long, MaxRunes, p.Location))
		}
	}()
	// The blocks' texts share storage: one string and map per block was
	// a good part of a huge document's memory.
	size := 0
	for _, b := range src.Blocks {
		for _, s := range b.Segs {
			size += s.End - s.Start + 1
		}
	}
	nd := normalize.NewDoc(size)
	var (
		pieces  []normalize.Piece
		section []string // shared by the clauses under the same headings; never written
		stale   = true
	)
	for bi, b := range src.Blocks {
		pieces = pieces[:0]
		for _, s := range b.Segs {
			pieces = append(pieces, normalize.Piece{Start: s.Start, End: s.End, Break: s.Break})
		}
		t := nd.Pieces(src.Text, pieces)
		if t.S == "" {
			continue
		}
		if b.Kind == reader.Heading || b.Kind == reader.TableCell {
			lead = ""
		}
		if b.Kind == reader.Heading {
			for len(headings) > 0 && headings[len(headings)-1].level >= b.Level {
				headings = headings[:len(headings)-1]
				stale = true
			}
		}
		if stale {
			section = make([]string, len(headings))
			for i, h := range headings {
				section[i] = h.text
			}
			stale = false
		}
		switch b.Kind {
		case reader.Heading:
			headings = append(headings, heading{b.Level, t.S})
			stale = true
			for _, part := range parts(t, 0, len(t.S)) {
				out.add(Clause{Text: t.Slice(part[0], part[1]), Kind: b.Kind, Section: section, Level: b.Level})
			}
			continue
		case reader.TableCell:
			// A cell may come as several blocks (paragraphs of a Word cell).
			key := [3]int{b.Table, b.Row, b.Col}
			if prev := cells[key]; prev != "" {
				if len(prev) < 4*MaxRunes { // context, not evidence: a start is enough
					cells[key] = prev + " " + t.S
				}
			} else {
				cells[key] = t.S
			}
			var ctx []string
			header := cells[[3]int{b.Table, 1, b.Col}]
			if b.Row > 1 {
				ctx = append(ctx, header)
			}
			if b.Col > 1 {
				ctx = append(ctx, cells[[3]int{b.Table, b.Row, 1}])
			}
			for _, part := range parts(t, 0, len(t.S)) {
				out.add(Clause{Text: t.Slice(part[0], part[1]), Kind: b.Kind, Section: section, Context: strings.Join(ctx, " "),
					Table: b.Table, Row: b.Row, Col: b.Col, Header: header})
			}
			continue
		}
		// A short label ending in a colon leads the short "key: value"
		// lines after it (三包有效期: / 主机:一年 / 电池:六个月).
		// The items of a list it introduces (以下情况不予退换货: / 1. 超过
		// 15天的) are read under it too, as they are under a short title
		// line without a colon (不接受退货及更换的情况 / • 签收超过14天后提出).
		// A new lead replaces it.
		ctx := ""
		n := utf8.RuneCountInString(t.S)
		isLead := strings.HasSuffix(t.S, ":") && n <= 40
		// A numbered list item that is such a title (2. 商品配送), with no
		// figure of its own and bullets under it, heads those bullets; not
		// among numbered items (以下情况不予退换货 / 1. 定制商品 / 2. 签收超过
		// 15天的), nor under a colon lead. A bullet is always an item.
		// A bare figure (3年) under a title line (质保期限) is the title's
		// value, as in a table flattened one cell a line (质保期限 / 3年 /
		// 10年): it reads under the title, which stays for the next one.
		bare := lead != "" && itemsOnly && !isLead && n <= 12 && bareFigure(t.S) && namesTopic(lead)
		isTitle := !isLead && !bare && n <= 30 && !strings.ContainsAny(t.S, "。;,!?:") &&
			(b.Kind == reader.Paragraph || b.Kind == reader.ListItem && (lead == "" || itemsOnly) && numbered(t.S) && bulletsFollow(src, bi) && duration.Find(t.S) == nil)
		if lead != "" && !isLead && !isTitle && (bare || b.Kind == reader.ListItem || !itemsOnly && n <= 30 && strings.ContainsRune(t.S, ':')) {
			ctx = lead
		} else {
			lead = ""
		}
		if isLead || isTitle {
			lead, itemsOnly = t.S, isTitle
		}
		for i, sentence := range sentences(t.S) {
			if i == 1 && ctx == "" {
				// A paragraph that opens with whom or where it speaks of
				// (对于签订维保合约的客户：…。…。) says so for all its sentences.
				ctx = leadIn(t.S)
			}
			for _, part := range parts(t, sentence[0], sentence[1]) {
				out.add(Clause{Text: t.Slice(part[0], part[1]), Kind: b.Kind, Section: section, Context: ctx})
			}
		}
	}
	return out.all()
}

// collector gathers a document's clauses in chunks of at most chunkLen
// and copies them once into a slice of the exact length: appending to one
// slice copied a huge document's clauses again at every growth, and the
// allocations of the doubling slices (each zeroed, the last one a quarter
// too big) were a growing share of its audit.
type collector struct {
	cur  []Clause
	full [][]Clause
	n    int
}

const chunkLen = 1 << 14

func (c *collector) add(cl Clause) {
	if len(c.cur) == chunkLen {
		c.full = append(c.full, c.cur)
		c.cur = make([]Clause, 0, chunkLen)
	}
	c.cur = append(c.cur, cl)
	c.n++
}

// all returns the clauses in order; a document of one chunk keeps its slice.
func (c *collector) all() []Clause {
	if len(c.full) == 0 {
		return c.cur
	}
	out := make([]Clause, 0, c.n)
	for i, ch := range c.full {
		out = append(out, ch...)
		c.full[i] = nil // the chunk may go while the rest is copied
	}
	return append(out, c.cur...)
}

// namesTopic reports a title naming an after-sales topic (质保期限,
// 保修期): the figures under it are that topic's. A title naming a part
// (电机 / 36个月) pairs with its figure otherwise (see package facts).
func namesTopic(title string) bool {
	return anyof.In(title, cueWords()...)
}

var cueWords = sync.OnceValue(func() []string { return terms.Load().Cues() })

// bareFigure reports a line that is one duration and nothing else (3年,
// 24个月。).
func bareFigure(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "。.")
	qs := duration.Find(s)
	return len(qs) == 1 && qs[0].Start == 0 && qs[0].End == len(s)
}

// numbered reports a list item whose marker is a number (2. 3、 (四) 第五条),
// not a bullet.
func numbered(item string) bool {
	r, _ := utf8.DecodeRuneInString(item)
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("一二三四五六七八九十第(（", r)
}

// bulletsFollow reports that the next block after block i is a bulleted
// list item (• 申请期限…), read from the original text.
func bulletsFollow(src *reader.Source, i int) bool {
	for _, nb := range src.Blocks[i+1:] {
		if len(nb.Segs) == 0 {
			continue
		}
		first := strings.TrimSpace(src.Text[nb.Segs[0].Start:nb.Segs[0].End])
		if first == "" {
			continue
		}
		return nb.Kind == reader.ListItem && !numbered(first)
	}
	return false
}

// leadIn returns the words before the colon that opens a paragraph (对于
// 签订维保合约的客户:…) when they are a short lead-in, not a sentence or a
// figure's own label (保修期:1年); "" else.
func leadIn(paragraph string) string {
	i := strings.IndexByte(paragraph, ':')
	if i <= 0 {
		return ""
	}
	head := paragraph[:i]
	n := utf8.RuneCountInString(head)
	if n < 4 || n > 40 || strings.ContainsAny(head, ",。;0123456789") {
		return ""
	}
	return head
}

type heading struct {
	level int
	text  string
}

// isEnd reports whether r ends a sentence, and so a clause. A semicolon
// does too: policies list separate commitments with it (七日内可退货；十五日
// 内可换货). A switch: this runs on every character of every document.
func isEnd(r rune) bool {
	switch r {
	case '。', '!', '?', ';', '！', '？', '；':
		return true
	}
	return false
}

// sentences returns [start,end) byte ranges of the sentences of s, the
// sentence end included, leading spaces dropped.
func sentences(s string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(s); i++ {
		// Every end is ASCII or starts with the byte 0xE3 (。) or 0xEF
		// (full-width ！？；): other bytes are passed without decoding.
		c := s[i]
		if c != '!' && c != '?' && c != ';' && c != 0xE3 && c != 0xEF {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isEnd(r) {
			end := i + n
			// keep closing quotes and brackets with the sentence
			for end < len(s) {
				q, n := utf8.DecodeRuneInString(s[end:])
				if !strings.ContainsRune("”’\")）」』", q) {
					break
				}
				end += n
			}
			out = appendTrimmed(out, s, start, end)
			start = end
			i = end - 1
		}
	}
	return appendTrimmed(out, s, start, len(s))
}

// bounded splits s[a:b] into pieces of at most MaxRunes characters, each
// ending after the last comma, 、, semicolon-like colon or space before the
// bound when there is one in its second half, else at the bound. Leading
// spaces of a piece are dropped, as sentences does.
func bounded(s string, a, b int) [][2]int {
	if b-a <= MaxRunes { // bytes: at most as many characters
		return [][2]int{{a, b}}
	}
	var out [][2]int
	for a < b {
		n, cut, soft := 0, b, -1
		for i := a; i < b; {
			if n == MaxRunes {
				cut = i
				if soft > 0 {
					cut = soft
				}
				break
			}
			r, w := utf8.DecodeRuneInString(s[i:b])
			i += w
			n++
			if n > MaxRunes/2 && (r == ',' || r == '、' || r == ' ' || r == ':') {
				soft = i
			}
		}
		e := cut
		for e > a && s[e-1] == ' ' {
			e--
		}
		out = appendTrimmed(out, s, a, e)
		a = cut
	}
	return out
}

func appendTrimmed(out [][2]int, s string, i, j int) [][2]int {
	for i < j && s[i] == ' ' {
		i++
	}
	if i < j {
		out = append(out, [2]int{i, j})
	}
	return out
}
