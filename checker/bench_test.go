package checker

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shouhou/checker/clause"
	"shouhou/checker/facts"
	"shouhou/checker/reader"
	"shouhou/lexicon/normalize"
	"shouhou/rules"
)

// corpus concatenates the repository's test documents (UTF-8 text ones)
// until it is at least n bytes: varied after-sales text in real shapes.
func corpus(b *testing.B, n int) []byte {
	b.Helper()
	files, _ := filepath.Glob("../testdata/policies/*")
	var parts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil && !strings.Contains(f, "gbk") && !strings.Contains(f, "utf16") {
			parts = append(parts, string(data))
		}
	}
	if len(parts) == 0 {
		b.Fatal("no test documents")
	}
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		sb.WriteString(parts[i%len(parts)])
		sb.WriteString("\n\n")
	}
	return []byte(sb.String())
}

func BenchmarkParse(b *testing.B) {
	data := corpus(b, 1<<20)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := reader.Parse("x.txt", data, "text", reader.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	data := string(corpus(b, 1<<20))
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		normalize.Pieces(data, []normalize.Piece{{Start: 0, End: len(data)}})
	}
}

func BenchmarkExtract(b *testing.B) {
	src, err := reader.Parse("x.txt", corpus(b, 1<<20), "text", reader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	cls := clause.Split(src)
	x := facts.New()
	b.SetBytes(int64(len(src.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, c := range cls {
			x.Extract(c)
		}
	}
}

func BenchmarkAudit(b *testing.B) {
	data := corpus(b, 1<<20)
	book, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	a := New(book)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		src, err := reader.Parse("x.txt", data, "text", reader.Options{})
		if err != nil {
			b.Fatal(err)
		}
		a.Audit(src, "")
	}
}
