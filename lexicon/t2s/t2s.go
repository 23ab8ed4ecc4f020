// Package t2s converts Traditional Chinese to Simplified Chinese with
// OpenCC's t2s dictionaries (phrases first, then single characters).
//
// It exists because every Go port of OpenCC is refused by the module proxy
// this project builds behind. The algorithm is OpenCC's own: forward maximum
// matching over the phrase table, then a per-character table. Every entry in
// both tables maps a string to one of the same length in runes, so the
// converter works rune for rune and callers can keep offset maps unchanged.
package t2s

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/TSCharacters.txt
var charData string

//go:embed data/TSPhrases.txt
var phraseData string

type tables struct {
	chars     map[rune]rune
	phrases   map[string][]rune
	maxPhrase int          // longest phrase key, in runes
	first     map[rune]int // phrase first character -> longest phrase starting with it
	// touched marks, for the Basic Multilingual Plane, the runes that are
	// a key of chars or start a phrase: the rest (all of Simplified text,
	// nearly all of any text) skip both map lookups.
	touched [0x10000 / 64]uint64
}

func (t *tables) mark(r rune) {
	if r < 0x10000 {
		t.touched[r>>6] |= 1 << (r & 63)
	}
}

// maybe reports whether r may need converting.
func (t *tables) maybe(r rune) bool {
	return r >= 0x10000 || t.touched[r>>6]&(1<<(r&63)) != 0
}

var (
	once sync.Once
	tab  *tables
)

func load() *tables {
	once.Do(func() {
		t := &tables{chars: make(map[rune]rune, 4200), phrases: make(map[string][]rune, 300), first: map[rune]int{}}
		eachEntry(charData, func(k, v string) {
			kr, vr := []rune(k), []rune(v)
			if len(kr) == 1 && len(vr) == 1 {
				t.chars[kr[0]] = vr[0]
				t.mark(kr[0])
			}
		})
		eachEntry(phraseData, func(k, v string) {
			kr, vr := []rune(k), []rune(v)
			if len(kr) != len(vr) || len(kr) < 2 {
				return // keep the rune-for-rune guarantee
			}
			t.phrases[k] = vr
			t.first[kr[0]] = max(t.first[kr[0]], len(kr))
			t.mark(kr[0])
			if len(kr) > t.maxPhrase {
				t.maxPhrase = len(kr)
			}
		})
		tab = t
	})
	return tab
}

// eachEntry walks "key<TAB>value[ alt...]" lines and hands over the first value.
func eachEntry(data string, fn func(k, v string)) {
	for len(data) > 0 {
		line := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok || k == "" {
			continue
		}
		if i := strings.IndexByte(v, ' '); i >= 0 {
			v = v[:i]
		}
		fn(k, v)
	}
}

// Runes converts rs in place. The length never changes.
func Runes(rs []rune) {
	t := load()
	for i := 0; i < len(rs); {
		if !t.maybe(rs[i]) {
			i++
			continue
		}
		if longest := t.first[rs[i]]; longest > 0 {
			if n := t.matchPhrase(rs[i:min(len(rs), i+longest)]); n > 0 {
				copy(rs[i:i+n], t.phrases[string(rs[i:i+n])]) // rare: only on a match
				i += n
				continue
			}
		}
		if s, ok := t.chars[rs[i]]; ok {
			rs[i] = s
		}
		i++
	}
}

// matchPhrase returns the length of the longest phrase that starts rs, or 0.
// The candidate runes are encoded once into a stack buffer, and the map is
// indexed with string(buf[:k]), which Go does without allocating (string
// of a []rune would allocate for every length tried).
func (t *tables) matchPhrase(rs []rune) int {
	n := min(t.maxPhrase, len(rs))
	var buf [64]byte
	var ends [17]int // ends[k]: bytes of the first k runes
	k := 0
	for k < n && k < len(ends)-1 {
		if len(buf)-ends[k] < utf8.UTFMax {
			break
		}
		ends[k+1] = ends[k] + utf8.EncodeRune(buf[ends[k]:], rs[k])
		k++
	}
	for ; k >= 2; k-- {
		if _, ok := t.phrases[string(buf[:ends[k]])]; ok {
			return k
		}
	}
	return 0
}

// String converts s.
func String(s string) string {
	rs := []rune(s)
	Runes(rs)
	return string(rs)
}

// Converts reports whether String changes r written alone: whether r is a
// Traditional character with a Simplified form. It allocates nothing.
func Converts(r rune) bool {
	s, ok := load().chars[r]
	return ok && s != r
}
