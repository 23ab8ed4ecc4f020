//go:build fulldict

package segment

import (
	"strings"

	"github.com/go-ego/gse"

	"shouhou/lexicon/terms"
)

// fullDictionary: this build loads gse's whole embedded dictionary, to
// measure what the small one saves (scripts/bench.sh).
const fullDictionary = true

// loadFull loads gse's whole embedded dictionary, then the domain words.
func loadFull(s *gse.Segmenter) {
	var b strings.Builder
	for _, w := range terms.Load().DictionaryWords() {
		b.WriteString(w + " 500000 n\n")
	}
	err := s.LoadDictEmbed()
	if err == nil {
		err = s.LoadDictStr(b.String())
	}
	if err != nil {
		panic("segment: embedded dictionary does not load: " + err.Error()) // a build defect
	}
}
