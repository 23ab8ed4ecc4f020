package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// zipOf writes parts (name, content pairs, in order) as a deflated zip.
func zipOf(parts ...string) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for i := 0; i+1 < len(parts); i += 2 {
		f, _ := w.Create(parts[i])
		f.Write([]byte(parts[i+1]))
	}
	w.Close()
	return b.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func docx(body string, extra ...string) []byte {
	parts := append([]string{
		"[Content_Types].xml", `<?xml version="1.0"?><Types/>`,
		"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`,
	}, extra...)
	return zipOf(parts...)
}

func wpara(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// xlsx writes a workbook of one sheet whose rows are made by row(i), for
// i < rows, with the shared strings given.
func xlsx(shared []string, rows int, row func(i int) string) []byte {
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for i := range rows {
		fmt.Fprintf(&sheet, `<row r="%d">%s</row>`, i+1, row(i))
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	var sst strings.Builder
	fmt.Fprintf(&sst, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(shared), len(shared))
	for _, s := range shared {
		sst.WriteString(`<si><t>` + s + `</t></si>`)
	}
	sst.WriteString(`</sst>`)
	return zipOf(
		"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml", sheet.String(),
		"xl/sharedStrings.xml", sst.String(),
	)
}

func officeCases() []Case {
	return []Case{
		{Name: "docx-numbering-bomb.docx", Want: "its text expands past the size limit", Make: func() []byte {
			// One list level whose number text repeats the number 20,000
			// times, and 20,000 paragraphs numbered with it: 2 GB of text.
			numbering := `<w:numbering ` + wordNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="` +
				strings.Repeat("%1", 20000) + `"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
			para := `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>保修一年</w:t></w:r></w:p>`
			return docx(strings.Repeat(para, 20000), "word/numbering.xml", numbering)
		}},
		{Name: "docx-one-paragraph.docx", Want: "", Big: true, Make: func() []byte {
			return docx(wpara(strings.Repeat("商品售出后7日内可退货，", 60000)))
		}},
		{Name: "docx-deep-xml.docx", Want: "", Make: func() []byte {
			return docx(strings.Repeat("<w:sdt><w:sdtContent>", 20000) + wpara("整机保修一年。") + strings.Repeat("</w:sdtContent></w:sdt>", 20000))
		}},
		{Name: "docx-truncated.docx", Want: "damaged or truncated", Make: func() []byte {
			b := docx(wpara("整机保修一年。"))
			return b[:len(b)/2]
		}},
		{Name: "xlsx-shared-bomb.xlsx", Want: "its cell text expands past the size limit", Make: func() []byte {
			big := strings.Repeat("保修", 5000) // 30 KB, named by 20,000 cells: 600 MB of text
			return xlsx([]string{big}, 2000, func(int) string {
				return strings.Repeat(`<c t="s"><v>0</v></c>`, 10)
			})
		}},
		{Name: "xlsx-many-rows.xlsx", Want: "more than 100000 table cells", Big: true, Make: func() []byte {
			return xlsx([]string{"保修期", "一年"}, 60000, func(i int) string {
				return fmt.Sprintf(`<c r="A%d" t="s"><v>0</v></c><c r="B%d" t="s"><v>1</v></c>`, i+1, i+1)
			})
		}},
	}
}
