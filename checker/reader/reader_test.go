package reader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

const sample = "售后服务政策\n自签收之日起七日内可退货，十五日内可换货。\n整机保修一年。"

func encode(t *testing.T, enc string, s string) []byte {
	t.Helper()
	var b []byte
	var err error
	switch enc {
	case UTF8:
		return []byte(s)
	case UTF8BOM:
		return append([]byte{0xEF, 0xBB, 0xBF}, s...)
	case GB18030:
		b, err = simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	case Big5:
		b, err = traditionalchinese.Big5.NewEncoder().Bytes([]byte(s))
	case UTF16LE:
		b, err = xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
	case UTF16BE:
		b, err = xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
	case "utf-16le-nobom":
		b, err = xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	trad := "售後服務政策：自簽收之日起七日內可退貨，整機保修壹年。"
	cases := []struct {
		name, enc, text, want string
	}{
		{"utf-8", UTF8, sample, UTF8},
		{"utf-8 bom", UTF8BOM, sample, UTF8BOM},
		{"gb18030", GB18030, sample, GB18030},
		{"gbk short", GB18030, "退货", GB18030},
		{"gbk mostly ascii", GB18030, "id,name,days\n1,退货,7\n2,abc,15\n", GB18030},
		{"big5", Big5, trad, Big5},
		{"traditional in gb18030", GB18030, trad, GB18030},
		{"utf-16le bom", UTF16LE, sample, UTF16LE},
		{"utf-16be bom", UTF16BE, sample, UTF16BE},
		{"utf-16le no bom", "utf-16le-nobom", sample, UTF16LE},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, enc, err := Decode(encode(t, c.enc, c.text), "")
			if err != nil {
				t.Fatal(err)
			}
			if enc != c.want || got != c.text {
				t.Errorf("got %q as %s, want %q as %s", got, enc, c.text, c.want)
			}
		})
	}
}

func TestDecodeTruncatedUTF8(t *testing.T) {
	b := []byte(sample)
	cut := b[:len(b)-2] // inside the final 。
	got, enc, err := Decode(cut, "")
	if err != nil || enc != UTF8 || !strings.HasPrefix(got, "售后服务政策") || !strings.HasSuffix(got, "一年\uFFFD") {
		t.Errorf("truncated UTF-8: %q %s %v", got, enc, err)
	}
}

// A UTF-8 file with a stray byte is read, the byte shown as U+FFFD and
// reported; GBK text, mostly invalid as UTF-8, is never taken for it.
func TestDecodeMostlyUTF8(t *testing.T) {
	b := []byte("自签收之日起七日内可退货，\xff十五日内可换货。\n整机保修一年\xc3。")
	got, enc, err := Decode(b, "")
	if err != nil || enc != UTF8 || got != "自签收之日起七日内可退货，\uFFFD十五日内可换货。\n整机保修一年\uFFFD。" {
		t.Errorf("got %q %s %v", got, enc, err)
	}
	if n, line, col, bad := InvalidUTF8(b); !bad || n != 2 || line != 1 || col != 14 {
		t.Errorf("InvalidUTF8 = %d at %d:%d (%v), want 2 at 1:14", n, line, col, bad)
	}
	src, err := Parse("x.txt", b, "text", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Warnings) != 1 || !strings.Contains(src.Warnings[0], "2 invalid UTF-8 byte(s) read as U+FFFD, the first at line 1 col 14") {
		t.Errorf("warnings %q, %v", src.Warnings, err)
	}
	trad := "售後服務政策：自簽收之日起七日內可退貨，整機保修壹年。"
	for _, c := range [][2]string{{sample, GB18030}, {"退货", GB18030}, {trad, GB18030}, {trad, Big5}} {
		if _, enc, _ := Decode(encode(t, c[1], c[0]), ""); enc != c[1] {
			t.Errorf("%q in %s read as %s", c[0], c[1], enc)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct {
		name  string
		b     []byte
		force string
		want  string
	}{
		{"empty", nil, "", "empty file"},
		{"blank", []byte(" \n\t\n"), "", "empty file"},
		{"nul", []byte("PK\x03\x04\x00\x00abc\x00"), "", "binary"},
		{"control chars", []byte(strings.Repeat("\x01\x02\x03abc", 20)), "", "binary"},
		{"bad forced", []byte{0xff, 0xfe, 0xfd}, "utf-8", "not valid UTF-8"},
		{"unknown forced", []byte("abc"), "latin-9", "unknown --encoding"},
		{"bom but invalid", []byte{0xEF, 0xBB, 0xBF, 0xff, 0xfe, 0x41}, "", "byte-order mark"},
		{"latin-1", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve r\xe9sum\xe9 \xe0 la fa\xe7on fran\xe7aise"), "", "unknown text encoding"},
	}
	for _, c := range cases {
		if _, _, err := Decode(c.b, c.force); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

func TestForcedEncoding(t *testing.T) {
	b := encode(t, GB18030, sample)
	for _, name := range []string{"gbk", "GB2312", "gb18030"} {
		got, enc, err := Decode(b, name)
		if err != nil || got != sample || enc != GB18030 {
			t.Errorf("--encoding %s: %q %s %v", name, got, enc, err)
		}
	}
}

func blockTexts(src *Source) []string {
	var out []string
	for _, b := range src.Blocks {
		var parts []string
		for _, s := range b.Segs {
			parts = append(parts, src.Text[s.Start:s.End])
		}
		out = append(out, b.Kind.String()+":"+strings.Join(parts, "|"))
	}
	return out
}

func TestParseText(t *testing.T) {
	text := "售后服务政策\n\n一、退换货\n1. 自签收之日起七日内可退货，\n十五日内可换货。\n2. 特价商品不退不换。\n我们承诺接到报修后，24小时内回\n复，48小时内修复。\n第三条 本公司保留最终解释权。\n"
	src, err := Parse("p.txt", []byte(text), "text", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"paragraph:售后服务政策",
		"heading:一、退换货",
		"list item:1. 自签收之日起七日内可退货，|十五日内可换货。",
		"list item:2. 特价商品不退不换。",
		"paragraph:我们承诺接到报修后，24小时内回|复，48小时内修复。",
		"list item:第三条 本公司保留最终解释权。",
	}
	if got := blockTexts(src); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseMarkdown(t *testing.T) {
	text := "# 售后服务政策\n\n## 一、退换货\n\n- 自签收之日起**七日内**可退货，\n  十五日内可换货。\n\n| 项目 | 承诺 |\n| --- | --- |\n| 响应时间 | 2小时 |\n\n<!-- 注释 -->\n\n```\n代码 7日\n```\n"
	src, err := Parse("p.md", []byte(text), "markdown", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"heading:售后服务政策",
		"heading:一、退换货",
		"list item:自签收之日起|七日内|可退货，|十五日内可换货。",
		"table cell:项目", "table cell:承诺", "table cell:响应时间", "table cell:2小时",
	}
	if got := blockTexts(src); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	last := src.Blocks[len(src.Blocks)-1]
	if last.Table != 1 || last.Row != 2 || last.Col != 2 {
		t.Errorf("last cell at table %d row %d col %d", last.Table, last.Row, last.Col)
	}
	if line, col := src.Position(last.Segs[0].Start); line != 10 || col != 10 {
		t.Errorf("2小时 at %d:%d, want 10:10", line, col)
	}
}

func TestPosition(t *testing.T) {
	src := &Source{Text: "第一行\n第二行ab七日\n"}
	cases := []struct{ off, line, col int }{
		{0, 1, 1}, {3, 1, 2}, {len("第一行\n"), 2, 1}, {len("第一行\n第二行ab"), 2, 6}, {len(src.Text), 3, 1},
	}
	for _, c := range cases {
		if l, col := src.Position(c.off); l != c.line || col != c.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", c.off, l, col, c.line, c.col)
		}
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.txt", "a.md", "sub/c.txt", ".git/x.txt", ".hidden.md", "img.png", "sub/.d.txt"} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_ = os.Symlink(dir, filepath.Join(dir, "sub", "loop"))
	got := Expand([]string{dir, "-", filepath.Join(dir, "img.png"), filepath.Join(dir, "missing.txt"), filepath.Join(dir, "*.md")}, ExpandOptions{})
	var names []string
	for _, in := range got {
		rel, _ := filepath.Rel(dir, in.Path)
		if in.Path == "-" {
			rel = "-"
		}
		if in.Err != nil {
			rel += " (" + in.Err.Error() + ")"
		}
		names = append(names, rel)
	}
	want := "a.md b.txt sub/c.txt - img.png missing.txt (no such file or folder) a.md"
	if strings.Join(names, " ") != want {
		t.Errorf("Expand = %v\nwant %s", names, want)
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("退货", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(big, Options{MaxSize: 100}); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("over max size: %v", err)
	}
	if _, err := ReadFile(dir, Options{}); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("folder: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "nope.txt"), Options{}); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing: %v", err)
	}
	if _, err := ReadStdin(strings.NewReader(strings.Repeat("a", 200)), Options{MaxSize: 100}); err == nil {
		t.Error("stdin over max size accepted")
	}
	src, err := ReadStdin(strings.NewReader("# 标题\n\n七日内可退货。\n"), Options{})
	if err != nil || src.Format != "markdown" || src.Path != StdinPath {
		t.Errorf("stdin markdown: %+v %v", src, err)
	}
}

// FuzzParse feeds arbitrary bytes to both parsers: they must return a
// Source or an error, never panic, and every segment must lie inside the
// text on character boundaries.
func FuzzParse(f *testing.F) {
	f.Add([]byte(sample), false)
	f.Add([]byte("# 标题\n\n| a | b |\n| - | - |\n| 七日 | 退货 |\n\n- 列表\n  续行\n"), true)
	f.Add(encode(&testing.T{}, GB18030, sample), false)
	f.Add([]byte{0xFF, 0xFE, 0x41, 0x00}, true)
	f.Fuzz(func(t *testing.T, b []byte, markdown bool) {
		format := "text"
		if markdown {
			format = "markdown"
		}
		src, err := Parse("f", b, format, Options{})
		checkParsed(t, src, err, true)
	})
}

// checkParsed is the property every reader keeps on any input: an error
// (a panic only where ownPanics is false, i.e. inside a library, caught and
// reported), or blocks whose segments lie inside Text on character
// boundaries and whose places are real positions.
func checkParsed(t *testing.T, src *Source, err error, ownPanics bool) {
	t.Helper()
	if err != nil {
		if ownPanics && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("parser panicked: %v", err)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("error of more than one line: %q", err)
		}
		return
	}
	for _, bl := range src.Blocks {
		for _, s := range bl.Segs {
			if s.Start < 0 || s.End > len(src.Text) || s.Start > s.End {
				t.Fatalf("segment %+v outside text of %d bytes", s, len(src.Text))
			}
			if !isBoundary(src.Text, s.Start) || !isBoundary(src.Text, s.End) {
				t.Fatalf("segment %+v splits a character", s)
			}
			if p := src.Locate(s.Start); p.Line < 1 || p.Column < 1 || p.Location == "" {
				t.Fatalf("segment %+v placed at %+v", s, p)
			}
		}
	}
}

func isBoundary(s string, i int) bool {
	return i == len(s) || (s[i]&0xC0) != 0x80
}

// mayBeNumbered never hides a line the patterns would take.
func TestNumberedGuardsThePatterns(t *testing.T) {
	lines := []string{"一、总则", "第三章 售后", "（二）退货", "(1) 七日", "1. 退货", "12、换货", "3.2 保修", "① 整机", "- 列表", "• 点", "a) 项", "第五条 期限", "七日内退货", "售后服务", "", "x"}
	for r := rune(0); r < 0x3000; r += 7 {
		lines = append(lines, string(r)+"、 文字", string(r)+". 文字")
	}
	for _, l := range lines {
		if (headingRe().MatchString(l) || listRe().MatchString(l)) && !mayBeNumbered(l) {
			t.Errorf("mayBeNumbered(%q) = false but a pattern matches", l)
		}
	}
}

// Markdown converted from Word or a page often keeps its text in raw HTML
// (a table of tender terms); a file that is mostly HTML blocks is read as
// HTML, its places still lines and columns of the file. A page whose text
// is only in <template> (a Vue source) is read with the templates shown.
func TestMarkupHeldInHTML(t *testing.T) {
	for _, c := range []struct {
		name, format, text string
		want               []string
		line, col          int // of the last block's first character
	}{
		{"table.md", "markdown", "# 前附表\n\n<table>\n<tr>\n<td>★3.5.1</td>\n<td><p>投标保证金：人民币<u>100000</u>元</p></td>\n</tr>\n</table>\n",
			// Markdown outside the HTML is then plain text: the heading keeps its #.
			[]string{"paragraph:# 前附表", "table cell:★3.5.1", "table cell:投标保证金：人民币|100000|元"}, 6, 8},
		{"mostly-text.md", "markdown", "# 退货政策\n\n七日内可退货。十五日内可换货。整机保修一年，电池保修六个月。\n\n<div>客服</div>\n",
			[]string{"heading:退货政策", "paragraph:七日内可退货。十五日内可换货。整机保修一年，电池保修六个月。"}, 3, 1},
		{"shop.vue.html", "html", "<template>\n  <div>\n    <h3>退换货政策</h3>\n    <p>到货7天鉴赏期</p>\n  </div>\n</template>\n<script>export default {}</script>\n",
			[]string{"heading:退换货政策", "paragraph:到货7天鉴赏期"}, 4, 8},
		{"hidden.html", "html", "<p>可见</p><template><p>模板里的字</p></template>",
			[]string{"paragraph:可见"}, 1, 4},
	} {
		src, err := Parse(c.name, []byte(c.text), c.format, Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := blockTexts(src); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s blocks:\n%s\nwant:\n%s", c.name, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			continue
		}
		last := src.Blocks[len(src.Blocks)-1]
		if line, col := src.Position(last.Segs[0].Start); line != c.line || col != c.col {
			t.Errorf("%s: last block at %d:%d, want %d:%d", c.name, line, col, c.line, c.col)
		}
	}
}

// TestJoins: which line continues the one before it in plain text.
func TestJoins(t *testing.T) {
	const width = 16
	cases := []struct {
		prev, line string
		want       bool
	}{
		{"自签收之日起七日内可退货，", "十五日内可换货。", true},
		{"我们承诺接到报修后二十四小时内回", "复，四十八小时内修复。", true},
		{"服务热线：", "400-800-8888", true},
		{"以下商品不支持无理由退货：", "定制商品", false},
		{"七日内可退货。", "十五日内可换货", false},
		// Key-value records of a notice stay apart even at the wrap width.
		{"投标保证金：人民币贰仟元整", "质保期：验收合格之日起不少于三年。", false},
		{"预算金额：四万一千元（含税价）", "最高限价：四万一千元", false},
		{"项目编号：ABC-2026-0001号", "采购方式：公开招标", false},
		// A clock time or an address opening the next line is no record.
		{"服务时间：每周一至周日的上午八点至当天晚上", "18:00，期间接到报修后2小时内响应。", true},
		{"官网地址：请访问我们的网站获取更多售后信息", "http://example.com/service", true},
		// A sentence that holds a colon late is not a record: it wraps.
		{"本公司对所售商品承诺如下：整机保修", "一年，主要部件保修三年。", true},
	}
	for _, c := range cases {
		if got := joins(c.prev, c.line, width); got != c.want {
			t.Errorf("joins(%q, %q) = %v, want %v", c.prev, c.line, got, c.want)
		}
	}
}
