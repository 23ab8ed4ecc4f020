// Package segment cuts Chinese text into words with gse, using a small
// embedded dictionary: the 8,000 most frequent general words plus every
// domain word of package terms.
//
// gse's full embedded dictionary takes 1–3 s and 200 MB to load; this one
// loads in about 10 ms, which keeps a one-document run fast. The segmenter is
// built once and then only read, so it is safe to share between goroutines
// (HMM is off: loading its model rewrites package-global state in gse).
package segment

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/go-ego/gse"

	"shouhou/lexicon/terms"
)

//go:embed data/general.txt
var general string

// domainFreq is high enough that a domain word beats any split of it made
// from general words.
const domainFreq = "500000"

var (
	once sync.Once
	seg  *gse.Segmenter
)

// Load builds the shared segmenter. Call it before starting workers; later
// calls return at once.
func Load() {
	once.Do(func() {
		var b strings.Builder
		b.WriteString(general)
		for _, w := range terms.Load().DictionaryWords() {
			b.WriteString(w)
			b.WriteString(" " + domainFreq + " n\n")
		}
		s := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
		if err := s.LoadDictStr(b.String()); err != nil {
			panic("segment: embedded dictionary does not load: " + err.Error()) // a build defect
		}
		seg = s
	})
}

// Boundaries cuts s and returns the byte offsets where words start, plus
// len(s). Offsets are exact: gse's tokens concatenate to the input.
func Boundaries(s string) []int {
	Load()
	words := seg.Cut(s, false)
	out := make([]int, 0, len(words)+1)
	off := 0
	for _, w := range words {
		out = append(out, off)
		off += len(w)
	}
	if off != len(s) {
		// gse dropped or changed something; fall back to one boundary per
		// character so callers still get whole-character offsets.
		out = out[:0]
		for i := range s {
			out = append(out, i)
		}
	}
	return append(out, len(s))
}

// Words cuts s into words.
func Words(s string) []string {
	Load()
	return seg.Cut(s, false)
}
