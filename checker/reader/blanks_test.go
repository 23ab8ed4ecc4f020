package reader

import (
	"strings"
	"testing"
)

// Template blanks survive goldmark, which reads runs of underscores as
// emphasis delimiters (issue 14, pattern 7).
func TestMarkdownKeepsBlanks(t *testing.T) {
	cases := []struct{ in, want string }{
		{"服务热线：400-____-____\n", "服务热线：400-____-____"},
		{"售后电话：800-______-______。\n", "售后电话：800-______-______。"},
		{"保修期为____年。\n", "保修期为____年。"},
		{"响应时间：___小时，到场时间：___小时\n", "响应时间：___小时，到场时间：___小时"},
		// emphasis stays emphasis
		{"**保修期**：一年\n", "保修期：一年"},
		{"a __b__ c\n", "a b c"},
	}
	for _, c := range cases {
		src, err := Parse("t.md", []byte(c.in), "markdown", Options{})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, bl := range src.Blocks {
			for _, g := range bl.Segs {
				b.WriteString(c.in[g.Start:g.End])
			}
		}
		if b.String() != c.want {
			t.Errorf("%q: text %q, want %q", c.in, b.String(), c.want)
		}
	}
}
