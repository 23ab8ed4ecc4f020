package reader

import (
	"testing"
)

// FuzzDocx fuzzes Word's XML inside a well-formed package, where the
// reader's own code runs (a fuzzed zip mostly fails its checksums).
func FuzzDocx(f *testing.F) {
	f.Add([]byte(p(r("七日内可退货"))))
	f.Add([]byte(numbered(1, 1, r("质保三年")) + `<w:tbl><w:tr>` + cell(p(r("a"))) + `</w:tr></w:tbl>` + styled("Clause", r("b"))))
	f.Add([]byte(`<w:p><w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="3"/></w:numPr></w:pPr>` + r("x") + `</w:p>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		b := makeDocx(t, string(body), map[string]string{"word/numbering.xml": numberingXML, "word/styles.xml": stylesXML})
		src, err := Parse("f.docx", b, "docx", Options{})
		checkParsed(t, src, err, true)
	})
}

// FuzzNumbering fuzzes numbering.xml, whose numbers the reader computes.
func FuzzNumbering(f *testing.F) {
	f.Add([]byte(numberingXML))
	f.Fuzz(func(t *testing.T, numbering []byte) {
		body := numbered(1, 0, r("a")) + numbered(1, 1, r("b")) + numbered(1, 2, r("c")) + numbered(2, 0, r("d")) + numbered(3, 0, r("e"))
		b := makeDocx(t, body, map[string]string{"word/numbering.xml": string(numbering)})
		src, err := Parse("f.docx", b, "docx", Options{})
		checkParsed(t, src, err, true)
	})
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte("<p>签收起&nbsp;7&nbsp;日内</p><table><tr><td colspan=3>a</td></tr></table>"))
	f.Add([]byte(`<meta charset="gbk"><script>x</script><div hidden><p>y</div>z<br>&#x4e03;`))
	f.Add([]byte("<title>\n\n</title><li>&amp\n&"))
	f.Fuzz(func(t *testing.T, b []byte) {
		src, err := Parse("f.html", b, "html", Options{})
		checkParsed(t, src, err, true)
	})
}

// FuzzXlsx and FuzzPDF fuzz whole files: the parsing is the libraries'
// (excelize, ledongthuc/pdf), and what shouhou owes is that whatever they
// do — error or panic — becomes one line about that file.
func FuzzXlsx(f *testing.F) {
	f.Add(readTestdata(f, "formats/deviation.xlsx"))
	f.Fuzz(func(t *testing.T, b []byte) {
		src, err := Parse("f.xlsx", b, "xlsx", Options{MaxSize: 1 << 20})
		checkParsed(t, src, err, false)
	})
}

func FuzzPDF(f *testing.F) {
	f.Add(readTestdata(f, "formats/commitment_cid.pdf"))
	f.Fuzz(func(t *testing.T, b []byte) {
		src, err := Parse("f.pdf", b, "pdf", Options{})
		checkParsed(t, src, err, false)
	})
}
