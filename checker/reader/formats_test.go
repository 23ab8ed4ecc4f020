package reader

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// describe renders a Source's blocks as "kind|text|location" lines, the
// text of a block's segments joined by "/" where a line ends.
func describe(src *Source) []string {
	var out []string
	for _, b := range src.Blocks {
		var sb strings.Builder
		for i, s := range b.Segs {
			if i > 0 && b.Segs[i-1].Break {
				sb.WriteByte('/')
			}
			sb.WriteString(src.Text[s.Start:s.End])
		}
		kind := b.Kind.String()
		switch b.Kind {
		case Heading:
			kind = fmt.Sprintf("h%d", b.Level)
		case TableCell:
			kind = fmt.Sprintf("cell %d.%d.%d", b.Table, b.Row, b.Col)
		}
		out = append(out, kind+"|"+sb.String()+"|"+src.Locate(b.Segs[0].Start).Location)
	}
	return out
}

func equalLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n got:\n  %s\n want:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// makeZip builds an Office package from part names and contents.
func makeZip(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, body := range parts {
		// Stored, not deflated: a flate writer per part would make the
		// fuzz targets spend their time compressing.
		w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func makeDocx(t testing.TB, body string, extra map[string]string) []byte {
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types/>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`,
	}
	for k, v := range extra {
		parts[k] = v
	}
	return makeZip(t, parts)
}

func p(runs string) string    { return `<w:p>` + runs + `</w:p>` }
func r(text string) string    { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func cell(body string) string { return `<w:tc>` + body + `</w:tc>` }

const numberingXML = `<w:numbering ` + wordNS + `>
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/><w:suff w:val="space"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>`

const stylesXML = `<w:styles ` + wordNS + `>
<w:style w:styleId="1"><w:name w:val="heading 1"/></w:style>
<w:style w:styleId="MyTitle"><w:name w:val="公司标题"/><w:basedOn w:val="1"/></w:style>
<w:style w:styleId="Clause"><w:name w:val="条款"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
</w:styles>`

func numbered(numID, ilvl int, runs string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>%s</w:p>`, ilvl, numID, runs)
}

func styled(style, runs string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + runs + `</w:p>`
}

func TestDocx(t *testing.T) {
	cases := []struct {
		name  string
		body  string
		extra map[string]string
		want  []string
	}{
		{"runs split by formatting are one text",
			p(r("免费质") + `<w:r><w:rPr><w:b/></w:rPr><w:t>保三</w:t></w:r>` + r("年")),
			nil, []string{"paragraph|免费质保三年|paragraph 1"}},
		{"tracked changes show the result, not the deleted words",
			p(r("质保期") + `<w:del w:id="1"><w:r><w:delText>两年</w:delText></w:r></w:del><w:ins w:id="2">` + r("三年") + `</w:ins>`),
			nil, []string{"paragraph|质保期三年|paragraph 1"}},
		{"field instructions are left out, field results kept",
			p(r("共") + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("3") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` + r("页")),
			nil, []string{"paragraph|共3页|paragraph 1"}},
		{"a text box is read once, not again from its fallback copy",
			p(`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + p(r("7日内退货")) + `</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` + p(r("7日内退货")) + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`),
			nil, []string{"paragraph|7日内退货|paragraph 1"}},
		{"tabs, manual line breaks and symbols",
			p(`<w:r><w:t>热线</w:t><w:tab/><w:t>400-1234</w:t><w:br/><w:t>投诉</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="2460"/></w:r>`),
			nil, []string{"paragraph|热线 400-1234/投诉①|paragraph 1"}},
		{"list numbers come from numbering.xml",
			numbered(1, 0, r("退换货")) + numbered(1, 1, r("七日内可退货。")) + numbered(1, 1, r("十五日内可换货。")) + numbered(1, 0, r("保修")) + numbered(1, 1, r("整机一年。")) + numbered(1, 2, r("无 isLgl 时照 Word 写法。")) + numbered(2, 0, r("附件不保修。")) + numbered(3, 0, r("投诉渠道。")),
			map[string]string{"word/numbering.xml": numberingXML},
			[]string{
				"h2|一、退换货|paragraph 1",
				"list item|1.1 七日内可退货。|paragraph 2",
				"list item|1.2 十五日内可换货。|paragraph 3",
				"h2|二、保修|paragraph 4",
				"list item|2.1 整机一年。|paragraph 5",
				"list item|二.1 无 isLgl 时照 Word 写法。|paragraph 6",
				"list item|附件不保修。|paragraph 7",
				"list item|第5条 投诉渠道。|paragraph 8",
			}},
		{"headings and numbering by style, through basedOn",
			styled("1", r("售后服务承诺书")) + styled("MyTitle", r("总则")) + styled("Clause", r("质保三年。")) + `<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>` + r("细则") + `</w:p>`,
			map[string]string{"word/numbering.xml": numberingXML, "word/styles.xml": stylesXML},
			[]string{"h1|售后服务承诺书|paragraph 1", "h1|总则|paragraph 2", "list item|第5条 质保三年。|paragraph 3", "h3|细则|paragraph 4"}},
		{"tables keep row and column; merged cells shift columns; a nested table is its own",
			`<w:tbl><w:tr>` + cell(p(r("项目"))) + cell(p(r("要求"))) + cell(p(r("备注"))) + `</w:tr>` +
				`<w:tr>` + cell(`<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>`+p(r("响应时间"))) + cell(p(r("2小时内"))+p(r("节假日同"))+`<w:tbl><w:tr>`+cell(p(r("内层")))+`</w:tr></w:tbl>`) + `</w:tr></w:tbl>` + p(r("表后")),
			nil, []string{
				"cell 1.1.1|项目|table 1 row 1 col 1",
				"cell 1.1.2|要求|table 1 row 1 col 2",
				"cell 1.1.3|备注|table 1 row 1 col 3",
				"cell 1.2.1|响应时间|table 1 row 2 col 1",
				"cell 1.2.3|2小时内|table 1 row 2 col 3",
				"cell 1.2.3|节假日同|table 1 row 2 col 3",
				"cell 2.1.1|内层|table 2 row 1 col 1",
				"paragraph|表后|paragraph 8",
			}},
		{"headers come first and footers last, each counted on its own",
			p(r("正文")),
			map[string]string{
				"word/header1.xml": `<w:hdr ` + wordNS + `>` + p(r("投标文件")) + `</w:hdr>`,
				"word/footer2.xml": `<w:ftr ` + wordNS + `>` + p(r("第1页")) + `</w:ftr>`,
			},
			[]string{"paragraph|投标文件|header paragraph 1", "paragraph|正文|paragraph 1", "paragraph|第1页|footer paragraph 1"}},
		{"empty paragraphs are not counted",
			p("") + p(r("  ")) + p(r("一")) + p("") + p(r("二")),
			nil, []string{"paragraph|一|paragraph 1", "paragraph|二|paragraph 2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, err := Parse("t.docx", makeDocx(t, c.body, c.extra), "docx", Options{})
			if err != nil {
				t.Fatal(err)
			}
			equalLines(t, describe(src), c.want)
		})
	}
}

// Both ways of reading the styles part agree: the byte scan used for the
// w: prefix, and the XML decoder used for anything else.
func TestStylesScanAgreesWithDecoder(t *testing.T) {
	for _, data := range [][]byte{[]byte(stylesXML), docxPart(t, "formats/tender.docx", "word/styles.xml")} {
		scan, dec := parseStyles(data), decodeStyles(data)
		if len(scan) == 0 || fmt.Sprint(scan) != fmt.Sprint(dec) {
			t.Errorf("styles differ:\n scan %v\n  xml %v", scan, dec)
		}
	}
	other := strings.ReplaceAll(stylesXML, "w:", "x:")
	if got := parseStyles([]byte(strings.Replace(other, "xmlns:x", "xmlns:x", 1))); got["1"].outline != 0 || got["MyTitle"].basedOn != "1" {
		t.Errorf("another prefix: %v", got)
	}
}

func docxPart(t *testing.T, file, part string) []byte {
	t.Helper()
	data := readTestdata(t, file)
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == part {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			var buf bytes.Buffer
			if _, err := buf.ReadFrom(rc); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
	}
	t.Fatalf("%s has no %s", file, part)
	return nil
}

func TestXlsx(t *testing.T) {
	f := excelize.NewFile()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "偏离表"))
	must(f.SetCellValue("偏离表", "A1", "商务偏离表"))
	must(f.MergeCell("偏离表", "A1", "D1"))
	must(f.SetSheetRow("偏离表", "A2", &[]any{"序号", "招标要求", "投标响应", "偏离"}))
	must(f.SetSheetRow("偏离表", "A3", &[]any{1, "质保不少于三年", "质保五年", "正偏离"}))
	must(f.SetCellValue("偏离表", "C5", "接到通知后\n1小时内响应"))
	_, err := f.NewSheet("说明")
	must(err)
	must(f.SetCellValue("说明", "B2", "投标人：某公司"))
	var buf bytes.Buffer
	must(f.Write(&buf))

	src, err := Parse("t.xlsx", buf.Bytes(), "xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	equalLines(t, describe(src), []string{
		"paragraph|商务偏离表|偏离表!A1",
		"cell 1.1.1|序号|偏离表!A2", "cell 1.1.2|招标要求|偏离表!B2", "cell 1.1.3|投标响应|偏离表!C2", "cell 1.1.4|偏离|偏离表!D2",
		"cell 1.2.1|1|偏离表!A3", "cell 1.2.2|质保不少于三年|偏离表!B3", "cell 1.2.3|质保五年|偏离表!C3", "cell 1.2.4|正偏离|偏离表!D3",
		"cell 1.4.3|接到通知后/1小时内响应|偏离表!C5",
		"paragraph|投标人：某公司|说明!B2",
	})
	// A spreadsheet place is the cell: row and column number, whatever
	// character of the cell is asked about.
	last := src.Blocks[len(src.Blocks)-2]
	if pl := src.Locate(last.Segs[1].Start + 3); pl.Line != 5 || pl.Column != 3 {
		t.Errorf("place inside C5 = %+v, want line 5 column 3", pl)
	}
}

func TestHTML(t *testing.T) {
	cases := []struct {
		name, page string
		want       []string
	}{
		{"script, style, comments and hidden elements are not text",
			"<html><head><title>退换货</title><style>p{}/*3天*/</style><script>var d = 3; // 3天</script></head>\n<body><!-- 15天 --><p hidden>旧政策</p><div style=\"visibility: hidden\">30天</div><div class=\"notice\" style=\"display: none\">60天</div><p>七日内退货</p></body></html>",
			[]string{"h1|退换货|line 1 col 20", "paragraph|七日内退货|line 2 col 131"}},
		// a help page's FAQ answers and tabs are collapsed until clicked:
		// they are the page's terms all the same
		{"folded answers and tab panes (display: none on an accordion's class) are text",
			"<div class=\"question\">怎么退货？</div><div class=\"answer\" style=\"display: none;\"><p>签收后7天内可退货。</p></div>",
			[]string{"paragraph|怎么退货？|line 1 col 23", "paragraph|签收后7天内可退货。|line 1 col 80"}},
		{"a hidden block whose class only contains a folding word stays hidden",
			"<div class=\"policy-detail-2019\" style=\"display:none\">签收后3天内可退货</div><p>七日内退货</p>",
			[]string{"paragraph|七日内退货|line 1 col 72"}},
		{"folding classes written across parts or in camel case are text",
			"<div class=\"detail-tab-content\" style=\"display:none\">整机保修一年</div><div class=\"faqAnswer\" style=\"display:none\">七日内退货</div>",
			[]string{"paragraph|整机保修一年|line 1 col 54", "paragraph|七日内退货|line 1 col 110"}},
		{"a tab pane shown on a click is text",
			"<div class=\"tab-pane fade\" style=\"display:none\">整机保修一年</div>",
			[]string{"paragraph|整机保修一年|line 1 col 49"}},
		{"character references keep later columns right",
			"<p>签收起&nbsp;7&nbsp;日内&lt;可退&gt;</p>",
			[]string{"paragraph|签收起\u00a07\u00a0日内<可退>|line 1 col 4"}},
		{"inline elements join, blocks and <br> split",
			"<div>收货后<b>15</b>日内换货<br>热线：<span>400</span></div>\n<ul><li>第一</li><li>第二</li></ul>",
			[]string{"paragraph|收货后15日内换货/热线：400|line 1 col 6", "list item|第一|line 2 col 9", "list item|第二|line 2 col 20"}},
		{"source line breaks inside a paragraph are wraps",
			"<p>整机免费质保\n   三年</p>",
			[]string{"paragraph|整机免费质保/三年|line 1 col 4"}},
		{"tables keep rows and columns, colspan included",
			"<table><tr><th colspan=2>部件</th><th>保修</th></tr>\n<tr><td>整机</td><td>-</td><td>一年</td></tr></table>",
			[]string{"cell 1.1.2|部件|line 1 col 26", "cell 1.1.3|保修|line 1 col 37", "cell 1.2.1|整机|line 2 col 9", "cell 1.2.2|-|line 2 col 20", "cell 1.2.3|一年|line 2 col 30"}},
		{"headings by tag, numbered paragraphs by their words",
			"<h2>一、退货</h2><p>1. 七日内</p>",
			[]string{"h2|一、退货|line 1 col 5", "list item|1. 七日内|line 1 col 17"}},
		{"server code of a JSP or ASP page is not text, and later columns stay",
			"<%@ page contentType=\"text/html;charset=GBK\"%><p>七日内退货</p>\n<% if (天数 > 3) {\n out.print(\"15天\"); } %><p>整机保修一年</p>",
			[]string{"paragraph|七日内退货|line 1 col 50", "paragraph|整机保修一年|line 3 col 27"}},
		{"an unclosed <% is left as it is",
			"<p>满100%<b>可退</b></p>",
			[]string{"paragraph|满100%可退|line 1 col 4"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, err := Parse("t.html", []byte(c.page), "html", Options{})
			if err != nil {
				t.Fatal(err)
			}
			equalLines(t, describe(src), c.want)
		})
	}
}

func TestHTMLEncodings(t *testing.T) {
	gbk := readTestdata(t, "formats/policy_gbk.html")
	utf := readTestdata(t, "formats/policy.html")
	a, err := Parse("gbk.html", gbk, "html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("utf.html", utf, "html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Encoding != "gb18030" || b.Encoding != "utf-8" || a.Text != b.Text {
		t.Errorf("GBK page (%s) and UTF-8 page (%s) should read the same", a.Encoding, b.Encoding)
	}
	// A UTF-8 page that kept an old gb2312 tag is still UTF-8.
	stale := []byte(`<meta charset="gb2312"><p>七日内退货</p>`)
	c, err := Parse("stale.html", stale, "html", Options{})
	if err != nil || c.Encoding != "utf-8" || !strings.Contains(c.Text, "七日内退货") {
		t.Errorf("stale meta: %v %q", err, c.Text)
	}
}

func TestPDF(t *testing.T) {
	for _, name := range []string{"formats/commitment.pdf", "formats/commitment_cid.pdf"} {
		t.Run(name, func(t *testing.T) {
			src, err := Parse(name, readTestdata(t, name), "pdf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := describe(src)
			want := []string{
				"paragraph|某某家电有限公司售后服务承诺书|page 1 line 1",
				"h2|一、退换货|page 1 line 2",
				"paragraph|自顾客签收商品之日起7日内，商品完好的可以无理由退货；15日内出/现性能故障的，可以选择换货或者修理。|page 1 line 3",
			}
			equalLines(t, got[:3], want)
			// Page numbers are furniture, not text; page 2 counts its own lines.
			if strings.Contains(src.Text, "第 1 页") {
				t.Error("page number kept as text")
			}
			last := got[len(got)-1]
			if last != "paragraph|本承诺书最终解释权归本公司所有。|page 2 line 4" {
				t.Errorf("last block = %q", last)
			}
			// A figure on a wrapped second line is placed on that line.
			i := strings.Index(src.Text, "15个工作日")
			if pl := src.Locate(i); pl.Location != "page 1 line 10" || pl.Column != 1 {
				t.Errorf("15个工作日 at %+v, want page 1 line 10 col 1", pl)
			}
		})
	}
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSniff(t *testing.T) {
	docx := makeDocx(t, p(r("x")), nil)
	cases := []struct {
		path string
		b    []byte
		want string
	}{
		{"a.txt", []byte("七日内退货"), "text"},
		{"a.md", []byte("# 标题"), "markdown"},
		{"<stdin>", []byte("# 售后\n\n七日"), "markdown"},
		{"<stdin>", []byte("七日内退货"), "text"},
		{"a.docx", docx, "docx"},
		{"a.zip", docx, "docx"},
		{"policy.doc", docx, "docx"}, // a .docx saved under an old name
		{"a.xlsx", []byte("PK\x03\x04...xl/workbook.xml"), "xlsx"},
		{"a.bin", []byte("PK\x03\x04...xl/workbook.xml"), "xlsx"},
		{"a.txt", []byte("%PDF-1.7\n..."), "pdf"},
		{"a.pdf", []byte("not really"), "pdf"},
		{"a.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, 0), "ole"},
		{"a.doc", []byte("<html><body>七日</body></html>"), "html"},
		{"a.xls", []byte("\ufeff<!DOCTYPE html><table>"), "html"},
		{"a.doc", []byte("{\\rtf1\\ansi 七日}"), "rtf"},
		{"a.doc", []byte("plain words"), "doc"},
		{"notes", []byte("<!doctype html><p>x"), "html"},
		{"notes", []byte("plain"), "text"},
	}
	for _, c := range cases {
		if got := Sniff(c.path, c.b); got != c.want {
			t.Errorf("Sniff(%q, %.20q) = %q, want %q", c.path, c.b, got, c.want)
		}
	}
}
