// Package annotate writes findings into Word documents as comments (批注):
// a copy of an audited .docx with a comment on each finding's evidence,
// or a new .docx of a text document's words with the same comments.
//
// The copy changes nothing but what a comment needs: word/document.xml
// gets comment range markers and reference runs inserted (runs split where
// a finding starts or ends inside one), word/comments.xml is added or
// extended, and the relationship and content type of the comments part are
// added when missing. Every other part is copied byte for byte.
package annotate

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"shouhou/checker/reader"
)

// wordNS is the WordprocessingML main namespace.
const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// hidden elements hold text a reader of the document does not see; the
// same list as shouhou's docx reader, so paragraphs are counted alike.
var hidden = map[string]bool{
	"Fallback": true, "del": true, "moveFrom": true, "pPrChange": true, "rPrChange": true,
	"sectPrChange": true, "tblPrChange": true, "trPrChange": true, "tcPrChange": true,
	"instrText": true, "delText": true, "delInstrText": true, "numberingChange": true,
}

// char is one visible character of the body and where its bytes are.
type char struct {
	r    rune
	para int // 1-based: the paragraph's number among paragraphs with text
	run  *run
	// begin and end are the raw byte offsets of the character in
	// document.xml; inText says they are inside a w:t's character data
	// (else the character is an element such as w:sym).
	begin, end int
	inText     bool
	// tBegin, tEnd bound the w:t element (start tag to end tag) and
	// cdBegin, cdEnd its character data, when inText.
	tBegin, tEnd, cdBegin, cdEnd int
}

// run is a w:r element: its start tag, its properties, where its content
// starts and its end tag.
type run struct {
	startTag         string // the raw start tag, e.g. <w:r w:rsidR="00A1">
	rPr              string // the raw <w:rPr>…</w:rPr>, or ""
	begin, content   int    // offset of the start tag; offset after it (and after rPr)
	endBegin, endEnd int    // offsets of the end tag </w:r>
	// foreign says the run is not a WordprocessingML run (an m:r of an
	// equation): comment markers never go inside one.
	foreign bool
}

// body is document.xml walked: its visible characters in order.
type body struct {
	xml    []byte
	prefix string // the namespace prefix of WordprocessingML ("w")
	chars  []char
	paras  int
}

type wpara struct {
	chars []char
	text  strings.Builder
}

// walk reads document.xml as shouhou's docx reader does: paragraphs with
// visible text are numbered from 1, tables included, nested paragraphs
// (text boxes) before the paragraph holding them.
func walk(data []byte) (*body, error) {
	b := &body{xml: data, prefix: "w"}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var (
		stack []*wpara
		runs  []*run
		skip  int
		inT   bool
		tBeg  int
		tTag  string
		rPrAt = -1 // start of the rPr being read
		first = true
	)
	curRun := func() *run {
		if len(runs) == 0 {
			return nil
		}
		return runs[len(runs)-1]
	}
	for {
		before := int(d.InputOffset())
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		after := int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			if first {
				first = false
				for _, a := range t.Attr {
					if a.Value == wordNS && a.Name.Space == "xmlns" {
						b.prefix = a.Name.Local
					}
				}
			}
			if skip > 0 || hidden[t.Name.Local] {
				skip++
				continue
			}
			switch t.Name.Local {
			case "p":
				stack = append(stack, &wpara{})
			case "r":
				runs = append(runs, &run{startTag: string(data[before:after]), begin: before, content: after, foreign: t.Name.Space != b.prefix})
			case "rPr":
				if r := curRun(); r != nil && len(stack) > 0 {
					rPrAt = before
				}
			case "t":
				if len(stack) > 0 {
					inT, tBeg, tTag = true, before, string(data[before:after])
				}
			case "tab", "ptab", "br", "cr", "noBreakHyphen", "sym":
				if len(stack) == 0 || curRun() == nil {
					continue
				}
				r := rune(' ')
				switch t.Name.Local {
				case "br", "cr":
					if typ := attrOf(t, "type"); typ == "page" || typ == "column" {
						continue
					}
				case "noBreakHyphen":
					r = '-'
				case "sym":
					n, ok := symRune(attrOf(t, "char"))
					if !ok {
						continue
					}
					r = n
				}
				end := after
				p := stack[len(stack)-1]
				p.chars = append(p.chars, char{r: r, run: curRun(), begin: before, end: end})
				p.text.WriteRune(r)
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "p":
				if len(stack) == 0 {
					continue
				}
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if strings.TrimSpace(strings.Map(reader.DocxSpace, p.text.String())) == "" {
					continue
				}
				b.paras++
				for i := range p.chars {
					p.chars[i].para = b.paras
				}
				b.chars = append(b.chars, p.chars...)
			case "r":
				if r := curRun(); r != nil {
					r.endBegin, r.endEnd = before, after
					runs = runs[:len(runs)-1]
				}
			case "rPr":
				if r := curRun(); r != nil && rPrAt >= 0 && r.rPr == "" {
					r.rPr = string(data[rPrAt:after])
					r.content = after
				}
				rPrAt = -1
			case "t":
				if inT && len(stack) > 0 {
					p := stack[len(stack)-1]
					// Fill in the w:t bounds of the characters just read.
					for i := len(p.chars) - 1; i >= 0 && p.chars[i].inText && p.chars[i].tBegin == tBeg && p.chars[i].tEnd == 0; i-- {
						p.chars[i].tEnd = after
						p.chars[i].cdEnd = before
					}
				}
				inT = false
			}
		case xml.CharData:
			if skip > 0 || !inT || len(stack) == 0 || curRun() == nil {
				continue
			}
			p := stack[len(stack)-1]
			raw := data[before:after]
			for i := 0; i < len(raw); {
				r, n := decodeRaw(raw[i:])
				p.chars = append(p.chars, char{r: r, run: curRun(), begin: before + i, end: before + i + n, inText: true,
					tBegin: tBeg, cdBegin: tBeg + len(tTag)})
				p.text.WriteRune(r)
				i += n
			}
		}
	}
	return b, nil
}

// decodeRaw reads one character of raw XML character data: an entity or
// character reference, or a UTF-8 character.
func decodeRaw(raw []byte) (rune, int) {
	if raw[0] == '&' {
		if end := bytes.IndexByte(raw, ';'); end > 0 && end < 12 {
			ent := string(raw[1:end])
			switch ent {
			case "amp":
				return '&', end + 1
			case "lt":
				return '<', end + 1
			case "gt":
				return '>', end + 1
			case "quot":
				return '"', end + 1
			case "apos":
				return '\'', end + 1
			}
			var s string
			if xml.Unmarshal([]byte("<a>"+string(raw[:end+1])+"</a>"), &s) == nil {
				if r, _ := utf8.DecodeRuneInString(s); r != utf8.RuneError {
					return r, end + 1
				}
			}
		}
	}
	r, n := utf8.DecodeRune(raw)
	return r, max(n, 1)
}

func attrOf(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func symRune(hex string) (rune, bool) {
	var n rune
	if hex == "" || len(hex) > 6 {
		return 0, false
	}
	for _, c := range hex {
		switch {
		case c >= '0' && c <= '9':
			n = n*16 + c - '0'
		case c >= 'a' && c <= 'f':
			n = n*16 + c - 'a' + 10
		case c >= 'A' && c <= 'F':
			n = n*16 + c - 'A' + 10
		default:
			return 0, false
		}
	}
	if n >= 0xE000 && n <= 0xF8FF || !utf8.ValidRune(n) {
		return 0, false
	}
	return n, true
}

// skipRune says a character is left out when evidence is matched to the
// document: white space and the characters Word uses for layout.
func skipRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00ad' || r == '\u200b' || r == '\u3000'
}

// xmlEscape writes s as XML character data, leaving out the characters
// XML 1.0 cannot hold.
func xmlEscape(w io.Writer, s string) error {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF {
			return r
		}
		return -1
	}, s)
	return xml.EscapeText(w, []byte(s))
}
