package annotate

import (
	"archive/zip"
	"bytes"
	"strings"

	"shouhou/checker/reader"
)

// TextNote is a comment on a stretch of a document's text: bytes
// [Start, End) of the text given to Text; Start < 0 for the whole document.
type TextNote struct {
	Start, End int
	Text       []string
}

// Text makes a new Word document of text, one paragraph a line, with the
// notes as comments: the annotated copy of a .txt, .md, .html or .pdf.
func Text(text string, notes []TextNote) (*Result, error) {
	var body strings.Builder
	// lineStarts[k] is the byte offset of line k; paraOf[k] its paragraph
	// number among lines with text (0 for a blank line).
	var lineStarts, paraOf []int
	paras := 0
	off := 0
	for line := range strings.Lines(text) {
		lineStarts = append(lineStarts, off)
		off += len(line)
		l := strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(strings.Map(reader.DocxSpace, l)) == "" {
			paraOf = append(paraOf, 0)
			body.WriteString(`<w:p/>`)
			continue
		}
		paras++
		paraOf = append(paraOf, paras)
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">`)
		body.WriteString(escape(l))
		body.WriteString(`</w:t></w:r></w:p>`)
	}
	pkg, err := newPackage(body.String())
	if err != nil {
		return nil, err
	}
	out := make([]Note, len(notes))
	for i, n := range notes {
		out[i] = Note{Text: n.Text}
		if n.Start < 0 || n.Start > len(text) {
			continue
		}
		end := min(max(n.End, n.Start), len(text))
		out[i].Evidence = text[n.Start:end]
		// The paragraph of the first line with text at or after Start.
		k := 0
		for k+1 < len(lineStarts) && lineStarts[k+1] <= n.Start {
			k++
		}
		for k < len(paraOf) && paraOf[k] == 0 {
			k++
		}
		if k < len(paraOf) {
			out[i].Para = paraOf[k]
		}
	}
	return Docx(pkg, out)
}

// newPackage is the smallest Word package around a body: content types,
// relationships, a document and styles with a Chinese default font.
func newPackage(body string) ([]byte, error) {
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="` + wordNS + `"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun"/><w:sz w:val="21"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="` + wordNS + `"><w:body>` + body + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`},
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		if err := writePart(zw, p.name, []byte(p.data)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
