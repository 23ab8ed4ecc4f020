package keywords

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
)

// Each finds what a plain search for every word finds.
func TestEachMatchesNaiveSearch(t *testing.T) {
	words := []string{"解释权", "最终解释权", "退货", "退", "7天", "h", "小时", "𠀀字", "", "时内"}
	k := New(words)
	texts := []string{
		"本店保留最终解释权，7天无理由退货。", "24h内响应，2小时内到场", "𠀀字测试退退货", "", "abc", "小时内时内",
		string([]byte{0xE6, 0x97}), // a cut-off character
	}
	for _, s := range texts {
		var got, want []string
		k.Each(s, func(start, end, w int) bool {
			got = append(got, fmt.Sprintf("%d:%s", start, s[start:end]))
			if s[start:end] != words[w] {
				t.Errorf("word %d is %q, span says %q", w, words[w], s[start:end])
			}
			return true
		})
		for i := 0; i < len(s); i++ {
			if !utf8RuneStart(s[i]) {
				continue
			}
			var at []string
			for _, w := range words {
				if w != "" && strings.HasPrefix(s[i:], w) {
					at = append(at, fmt.Sprintf("%d:%s", i, w))
				}
			}
			slices.SortStableFunc(at, func(a, b string) int { return len(b) - len(a) })
			want = append(want, at...)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q:\n got %v\nwant %v", s, got, want)
		}
	}
	if !k.Contains("请在24h内") || k.Contains("无关文字") {
		t.Error("Contains")
	}
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// BenchmarkSets compares the first-character table with the Aho–Corasick
// automaton (BobuSumisu/aho-corasick) over the same words and text.
func BenchmarkSets(b *testing.B) {
	var text strings.Builder
	files, _ := filepath.Glob("../../testdata/*/*.txt")
	for _, f := range files {
		if d, err := os.ReadFile(f); err == nil && !strings.Contains(f, "bad") {
			text.Write(d)
		}
	}
	s := text.String()
	words := []string{"最终解释权", "解释权", "概不退换", "不退不换", "拆封", "运费", "发票", "税点", "投诉", "12315", "____", "XX", "小时", "工作日", "保修", "质保", "退货", "换货", "响应", "到达现场"}
	k := New(words)
	ac := ahocorasick.NewTrieBuilder().AddStrings(words).Build()
	b.Run("table", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			n := 0
			k.Each(s, func(int, int, int) bool { n++; return true })
		}
	})
	b.Run("aho-corasick", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		bs := unsafe.Slice(unsafe.StringData(s), len(s))
		for b.Loop() {
			n := 0
			ac.Walk(bs, func(_, _, _ int64) bool { n++; return true })
		}
	})
}

// FuzzEach holds Each to a plain search on any text.
func FuzzEach(f *testing.F) {
	f.Add("本店保留最终解释权，7天无理由退货。")
	f.Add("\xe6\x97退")
	words := []string{"解释权", "最终解释权", "退货", "退", "7天", "h", "无理"}
	k := New(words)
	f.Fuzz(func(t *testing.T, s string) {
		n := 0
		k.Each(s, func(start, end, w int) bool {
			if s[start:end] != words[w] {
				t.Fatalf("span %q is not word %q", s[start:end], words[w])
			}
			n++
			return true
		})
		want := 0
		for i := 0; i < len(s); {
			for _, w := range words {
				if strings.HasPrefix(s[i:], w) {
					want++
				}
			}
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		if n != want {
			t.Fatalf("%q: Each found %d, a plain search %d", s, n, want)
		}
	})
}
