package reader

import (
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
