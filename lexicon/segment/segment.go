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
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

//go:generate go run ./internal/gendict

var (
	once sync.Once
	seg  *gse.Segmenter
)

// Load builds the shared segmenter. Call it before starting workers; later
// calls return at once (and wait for a first call still building it).
//
// The dictionary comes prepared from dict_gen.go (go generate): its words
// go straight into gse's trie, without the text parsing and without gse's
// CalcToken, whose search-mode sub-segments and path values Cut(s, false)
// never reads.
func Load() {
	once.Do(func() {
		s := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
		if fullDictionary {
			loadFull(s)
		} else {
			s.Dict = gse.NewDict()
			// Room for every word: growing the token list by appends
			// was the largest single cost of the build (copying and
			// faulting in fresh pages).
			s.Dict.Tokens = make([]gse.Token, 0, len(dictFreqs))
			s.Init()
			words := dictWords
			for i := range dictFreqs {
				w, rest, _ := strings.Cut(words, "\n")
				words = rest
				if err := s.Dict.AddToken(s.ToToken(w, dictFreqs[i])); err != nil {
					panic("segment: prepared dictionary does not load: " + err.Error()) // a build defect
				}
			}
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

// CertainBoundary reports whether gse's cut of any text containing s
// (a phrase) necessarily has a word boundary at byte offset p of s: no
// dictionary word spans p, and p does not fall between two letters or
// digits (which gse joins). When it returns false the boundary may still
// be there; ask Boundaries. It spares a full segmentation for most cue
// words, which usually stand between words no dictionary entry crosses.
//
// The test is gse's own: its route through a phrase (cutDAGNoHMM) steps
// from word to word of its dictionary, single characters where there is
// none; a position no word spans is a step of every route.
func CertainBoundary(s string, p int) bool {
	Load()
	if p <= 0 || p >= len(s) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:p])
	after, _ := utf8.DecodeRuneInString(s[p:])
	if isAlnum(before) && isAlnum(after) {
		return false
	}
	maxLen := seg.Dict.MaxTokenLen() // the longest word, in characters
	var buf [96]byte
	// Every start k before p within reach of the longest word.
	k := p
	for back := 1; back < maxLen && k > 0; back++ {
		_, n := utf8.DecodeLastRuneInString(s[:k])
		k -= n
		if p-k > len(buf)/2 {
			return false // too long to check here: let gse decide
		}
		w := copy(buf[:], s[k:p])
		// Words from k that reach past p: back characters before p, so at
		// most maxLen-back after it.
		for i, fwd := p, 0; i < len(s) && back+fwd < maxLen; fwd++ {
			_, n := utf8.DecodeRuneInString(s[i:])
			if w+n > len(buf) {
				return false
			}
			w += copy(buf[w:], s[i:i+n])
			i += n
			freq, _, ok := seg.Dict.Find(buf[:w])
			if !ok {
				break // no word continues this way
			}
			if freq > 0 {
				return false // a word spans p
			}
		}
	}
	return true
}

func isAlnum(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}
