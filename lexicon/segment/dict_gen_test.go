package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"shouhou/lexicon/terms"
)

// TestPreparedDictionary checks dict_gen.go against the dictionary gse
// builds from the sources by its own LoadDictStr: same words, same
// frequencies, same cuts of the test documents. It fails when
// data/general.txt or the terms change without go generate.
func TestPreparedDictionary(t *testing.T) {
	if fullDictionary {
		t.Skip("fulldict build")
	}
	general, err := os.ReadFile("data/general.txt")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.Write(general)
	for _, w := range terms.Load().DictionaryWords() {
		b.WriteString(w + " 500000 n\n")
	}
	ref := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	if err := ref.LoadDictStr(b.String()); err != nil {
		t.Fatal(err)
	}
	Load()
	if got, want := seg.Dict.NumTokens(), ref.Dict.NumTokens(); got != want {
		t.Fatalf("prepared dictionary has %d words, the sources %d: run go generate ./lexicon/segment", got, want)
	}
	if got, want := seg.Dict.TotalFreq(), ref.Dict.TotalFreq(); got != want {
		t.Fatalf("prepared dictionary's total frequency %v, the sources' %v: run go generate ./lexicon/segment", got, want)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		w, _, _ := strings.Cut(line, " ")
		f1, _, ok1 := seg.Find(w)
		f2, _, ok2 := ref.Find(w)
		if f1 != f2 || ok1 != ok2 {
			t.Fatalf("%q: prepared %v %v, sources %v %v: run go generate ./lexicon/segment", w, f1, ok1, f2, ok2)
		}
	}
	files, _ := filepath.Glob("../../testdata/policies/*.txt")
	if len(files) == 0 {
		t.Fatal("no test documents")
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(seg.Cut(string(text), false), "/")
		want := strings.Join(ref.Cut(string(text), false), "/")
		if got != want {
			t.Errorf("%s: prepared dictionary cuts differently", f)
		}
	}
}
