package segment

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	cases := []struct{ in, want string }{
		{"质量问题退换货运费由买家承担", "质量问题/退换货/运费/由/买家/承担"},
		{"质保金为合同金额的5%", "质保金/为/合同/金额/的/5/%"},
		{"整机保修一年,主要部件保修三年", "整机保修/一年/,/主要部件/保修/三年"},
		{"响应文件应包括售后服务承诺", "响应文件/应/包括/售后服务/承诺"},
		{"保质期为12个月", "保质期/为/12/个/月"},
		{"接到报修后2小时内响应", "接到/报修/后/2/小时/内/响应"},
	}
	for _, c := range cases {
		if got := strings.Join(Words(c.in), "/"); got != c.want {
			t.Errorf("Words(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestBoundaries(t *testing.T) {
	s := "质保金不是质保"
	b := Boundaries(s)
	has := map[int]bool{}
	for _, o := range b {
		has[o] = true
	}
	if has[len("质保")] {
		t.Errorf("boundary inside 质保金: %v", b)
	}
	if !has[len("质保金不是")] || !has[len(s)] {
		t.Errorf("missing boundaries: %v", b)
	}
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		once = sync.Once{}
		Load()
	}
}

// CertainBoundary never claims a boundary gse's cut does not have: over
// every position of the test documents' phrases.
func TestCertainBoundaryAgreesWithGse(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/policies/*")
	files = append(files, "../../testdata/bench/filler.txt")
	certain, checked := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || !utf8.Valid(b) {
			continue
		}
		for _, phrase := range strings.FieldsFunc(string(b), func(r rune) bool { return strings.ContainsRune("，。；：、,;:!?！？（）() \n\t|", r) }) {
			bounds := map[int]bool{}
			for _, o := range Boundaries(phrase) {
				bounds[o] = true
			}
			for p := range phrase {
				checked++
				if CertainBoundary(phrase, p) {
					certain++
					if !bounds[p] {
						t.Errorf("%q: CertainBoundary(%d) but gse cuts %q", phrase, p, Words(phrase))
					}
				}
			}
		}
	}
	if certain == 0 || certain == checked {
		t.Errorf("certain %d of %d: the test shows nothing", certain, checked)
	}
	t.Logf("%d of %d positions certain without gse", certain, checked)
}

// FuzzCertainBoundary: a boundary CertainBoundary vouches for is one
// gse's cut has, in any text.
func FuzzCertainBoundary(f *testing.F) {
	f.Add("整机保修一年主要部件保修三年")
	f.Add("接到报修后2小时内响应ab12质保金")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 200 {
			return
		}
		bounds := map[int]bool{}
		for _, o := range Boundaries(s) {
			bounds[o] = true
		}
		for p := range s {
			if CertainBoundary(s, p) && !bounds[p] {
				t.Fatalf("%q: CertainBoundary(%d) but gse cuts %q", s, p, Words(s))
			}
		}
	})
}
