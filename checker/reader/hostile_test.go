package reader

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPositionLongLine checks that the column of any place on a line of
// megabytes is the character count from the line's start, as counted
// directly, now that it is found from checkpoints.
func TestPositionLongLine(t *testing.T) {
	line := strings.Repeat("商品售出后7日内可退货，a", 20000)
	src := &Source{Text: "标题\n" + line + "\n尾"}
	start := len("标题\n")
	for _, off := range []int{start, start + 1, start + 3, start + 4095, start + 4096, start + 9000, start + 100003, len(src.Text) - 4} {
		for !utf8.RuneStart(src.Text[off]) {
			off-- // facts start on a character
		}
		line, col := src.Position(off)
		want := utf8.RuneCountInString(src.Text[start:off]) + 1
		if line != 2 || col != want {
			t.Errorf("Position(%d) = %d:%d, want 2:%d", off, line, col, want)
		}
	}
	if l, c := src.Position(len(src.Text)); l != 3 || c != 2 {
		t.Errorf("end = %d:%d, want 3:2", l, c)
	}
	// Extracted text: columns count from an origin's start.
	x := &extraction{}
	x.add(line, origin{line: 7, col: 1})
	x.finish(src)
	off := len(line) - 5
	if _, col := src.Position(off); col != utf8.RuneCountInString(line[:off])+1 {
		t.Errorf("extracted col = %d, want %d", col, utf8.RuneCountInString(line[:off])+1)
	}
}

// TestMarkdownLimits: Markdown past the structure goldmark handles in
// linear time is read as plain text, with a warning naming the limit;
// ordinary Markdown is not.
func TestMarkdownLimits(t *testing.T) {
	cases := map[string]string{
		"quotes":  strings.Repeat(">", 5000) + " 七日内可退货。\n",
		"lists":   strings.Repeat("- ", 500) + "七日内可退货。\n",
		"indent":  strings.Repeat(" ", 2000) + "- 七日内可退货。\n",
		"columns": "|" + strings.Repeat("a|", 3000) + "\n|" + strings.Repeat("-|", 3000) + "\n",
		"refs":    strings.Repeat("[r]: http://x\n", 6000) + "[r]\n",
		"opens":   strings.Repeat("[", 30000) + "七日内可退货。\n",
	}
	for name, text := range cases {
		src, err := Parse("t.md", []byte(text), "markdown", Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(src.Warnings) != 1 || !strings.Contains(src.Warnings[0], "read as plain text") {
			t.Errorf("%s: warnings %q", name, src.Warnings)
		}
	}
	ok := "# 政策\n\n> 引用\n\n- a\n  - b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[r]: http://x\n" + strings.Repeat("(注) ", 3000) + "\n\n" + strings.Repeat("(注) ", 3000)
	if src, _ := Parse("t.md", []byte(ok), "markdown", Options{}); len(src.Warnings) != 0 {
		t.Errorf("ordinary Markdown: warnings %q", src.Warnings)
	}
}

// FuzzPDFGuards: the checks run before the PDF library end on any bytes
// without panicking, and the read that follows ends as a Source or one
// error line (the library's own panics included).
func FuzzPDFGuards(f *testing.F) {
	f.Add([]byte("%PDF-1.4\nxref\n0 1\ntrailer\n<< /Prev 9 >>\nstartxref\n9\n%%EOF"))
	f.Add([]byte("%PDF-1.4\n1 0 obj\n<< /Type /XRef /Prev 9 >>\nstream\nx\x9c\x03\x00\x00\x00\x00\x01endstream\nstartxref\n9\n%%EOF"))
	f.Add([]byte("stream\r\n\x78\x9c\x4b\x4c\x04\x00\x01\x8a\x00\xc3 endstream"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = checkXrefChain(b)
		_ = checkPDFStreams(b, 1<<20)
		src, err := Parse("f.pdf", b, "pdf", Options{MaxSize: 1 << 20})
		checkParsed(t, src, err, false)
	})
}

// FuzzPositionMarks: columns found from checkpoints equal the direct
// count for any text and any character offset.
func FuzzPositionMarks(f *testing.F) {
	f.Add(strings.Repeat("保修a\n", 3000), 5000)
	f.Add(strings.Repeat("é", 9000), 12001)
	f.Fuzz(func(t *testing.T, text string, off int) {
		if off < 0 || off > len(text) || !utf8.ValidString(text) {
			return
		}
		for off > 0 && off < len(text) && !utf8.RuneStart(text[off]) {
			off--
		}
		src := &Source{Text: text}
		line, col := src.Position(off)
		start := strings.LastIndexByte(text[:off], '\n') + 1
		if want := utf8.RuneCountInString(text[start:off]) + 1; col != want || line != strings.Count(text[:off], "\n")+1 {
			t.Errorf("Position(%d) = %d:%d, want col %d", off, line, col, want)
		}
	})
}

// FuzzMarkdownLimits: the structure check ends on any text, and Markdown
// it passes or refuses is read either way.
func FuzzMarkdownLimits(f *testing.F) {
	f.Add(strings.Repeat("> ", 200) + "x")
	f.Add("|a|b|\n|-|-|\n|1|2|\n[r]: http://x\n")
	f.Fuzz(func(t *testing.T, text string) {
		_ = markdownBeyondLimits(text)
		src, err := Parse("f.md", []byte(text), "markdown", Options{})
		checkParsed(t, src, err, false)
	})
}

// TestReadCancelled: a read whose context is done (--doc-timeout) gives
// up with the context's error.
func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b := makeDocx(t, strings.Repeat(p(r("整机保修一年。")), 2000), nil)
	if _, err := Parse("t.docx", b, "docx", Options{Ctx: ctx}); err != context.Canceled {
		t.Errorf("docx: err = %v, want context.Canceled", err)
	}
	if _, err := Parse("t.docx", b, "docx", Options{}); err != nil {
		t.Errorf("docx without a deadline: %v", err)
	}
}
