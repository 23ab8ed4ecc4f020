package render

import "testing"

func TestCleanText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"退货\f期限\x01", "退货期限"},
		{"a\tb\nc\rd", "a\tb\nc\rd"},
		{"x\uFFFEy\uFFFF", "xy"},
		{"保修期一年", "保修期一年"},
	}
	for _, c := range cases {
		if got := cleanText(c.in); got != c.want {
			t.Errorf("cleanText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLineFormat(t *testing.T) {
	for format, want := range map[string]bool{"": true, "text": true, "markdown": true, "html": true, "docx": false, "pdf": false, "xlsx": false} {
		if got := lineFormat(format); got != want {
			t.Errorf("lineFormat(%q) = %v, want %v", format, got, want)
		}
	}
}
