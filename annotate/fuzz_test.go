package annotate

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"testing"
)

// FuzzAnnotate: whatever document.xml holds, annotating never panics, and
// a well-formed document.xml stays well-formed with the markers in it.
func FuzzAnnotate(f *testing.F) {
	f.Add(`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>自签收之日起七日内可退货，</w:t></w:r><w:r><w:t>十日内可以换货。</w:t></w:r></w:p>`, "十日内可以", 1)
	f.Add(`<w:p><w:r><w:t>A&amp;B</w:t><w:tab/><w:t>特价</w:t></w:r><w:del><w:r><w:delText>可</w:delText></w:r></w:del><w:ins><w:r><w:t>概不</w:t></w:r></w:ins></w:p>`, "B特价概不", 1)
	f.Add(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>运费</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:sym w:char="4E00"/><w:t>x</w:t></w:r></w:p>`, "一x", 2)
	f.Add(`<w:p><w:r><w:t>保修</w:t></w:r><m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath><w:r><w:t>年</w:t></w:r></w:p>`, "x+1", 1)
	f.Add(`<w:p><m:oMath><m:r><m:t>保修一年</m:t></m:r></m:oMath></w:p>`, "修一", 1)
	f.Fuzz(func(t *testing.T, body, evidence string, para int) {
		doc := `<?xml version="1.0"?><w:document xmlns:w="` + wordNS + `" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><w:body>` + body + `</w:body></w:document>`
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, data := range map[string]string{"[Content_Types].xml": `<Types></Types>`, "word/document.xml": doc} {
			w, _ := zw.Create(name)
			w.Write([]byte(data))
		}
		zw.Close()
		res, err := Docx(buf.Bytes(), []Note{{Para: para, Evidence: evidence, Text: []string{"x"}}, {Text: []string{"y"}}})
		if err != nil || !wellFormed([]byte(doc)) {
			return
		}
		zr, err := zip.NewReader(bytes.NewReader(res.Docx), int64(len(res.Docx)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				rc, _ := f.Open()
				out, _ := io.ReadAll(rc)
				if !wellFormed(out) {
					t.Fatalf("markers broke the XML:\n%s", out)
				}
			}
		}
	})
}

func wellFormed(b []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}
