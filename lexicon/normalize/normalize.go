// Package normalize makes document text uniform for matching: full-width
// digits, letters and punctuation become half-width, Traditional becomes
// Simplified, lines broken inside a sentence are joined, runs of spaces
// shrink to one, and pinyin glosses that scraped pages add after characters
// (執(zhí)行) are dropped.
//
// Every normalized byte maps to the byte offset of the original character it
// came from, so facts found in normalized text point into the original file.
package normalize

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"shouhou/lexicon/t2s"
)

// Piece is a run of the original text; Break says a line ends after it.
type Piece struct {
	Start, End int
	Break      bool
}

// Text is normalized text with its map back to the original.
type Text struct {
	S string
	// m maps S back to the original, sparsely (stretches.go); S is
	// m.s[off:off+len(S)]. end is what Orig gives at len(S): the end of
	// the last piece, or for a slice the place its end maps to.
	// int32 as the map's own offsets: every clause holds a Text, and a
	// huge document has a million clauses.
	m   *stretches
	off int32
	end int32
}

// Orig maps a byte offset in S to a byte offset in the original text: the
// offset of the original character that produced the character holding
// byte i; at len(S) and past it, the end.
func (t Text) Orig(i int) int {
	if i < 0 {
		i = 0
	}
	if i >= len(t.S) || t.m == nil {
		return int(t.end)
	}
	return t.m.orig(int(t.off) + i)
}

// Pieces normalizes the pieces of one block of orig, on its own storage.
func Pieces(orig string, pieces []Piece) Text { return NewDoc(0).Pieces(orig, pieces) }

// runesOf decodes the pieces into characters and their offsets, appending
// to rs and offs (scratch space the caller may pass again).
func runesOf(orig string, pieces []Piece, rs []rune, offs []int32) ([]rune, []int32, int) {
	total := len(pieces)
	for _, p := range pieces {
		total += p.End - p.Start
	}
	// At most one character per byte; Chinese text has one per three.
	if guess := total/2 + 8; cap(rs) < guess {
		rs = make([]rune, 0, guess)
		offs = make([]int32, 0, guess)
	}
	end := 0
	for pi, p := range pieces {
		if pi > 0 && pieces[pi-1].Break && len(rs) > 0 {
			// Join wrapped lines: nothing between two CJK characters, a
			// space where either side is Latin text or a digit.
			next, _ := utf8.DecodeRuneInString(orig[p.Start:p.End])
			if !wide(rs[len(rs)-1]) || !wide(next) {
				rs = append(rs, ' ')
				offs = append(offs, int32(pieces[pi-1].End))
			}
		}
		seg := orig[p.Start:p.End]
		for i := 0; i < len(seg); {
			c := seg[i]
			var r rune
			n := 1
			switch {
			case c < utf8.RuneSelf:
				r = rune(c)
			case c&0xF0 == 0xE0 && i+2 < len(seg) && seg[i+1]&0xC0 == 0x80 && seg[i+2]&0xC0 == 0x80:
				r, n = rune(c&0x0F)<<12|rune(seg[i+1]&0x3F)<<6|rune(seg[i+2]&0x3F), 3
				if r < 0x800 || r >= 0xD800 && r <= 0xDFFF {
					r, n = utf8.DecodeRuneInString(seg[i:]) // overlong or surrogate: as range does
				}
			default:
				r, n = utf8.DecodeRuneInString(seg[i:])
			}
			if invisible(r) {
				i += n // 概\u200b不退换 is 概不退换
				continue
			}
			rs = append(rs, halfWidth(r))
			offs = append(offs, int32(p.Start+i))
			i += n
		}
		end = p.End
	}
	rs, offs = dropPinyin(rs, offs)
	t2s.Runes(rs)
	return rs, offs, end
}

// Doc normalizes the blocks of one document into shared storage: their
// texts are cut from a few large strings, each with one map back to the
// original, instead of a string, a map and its header per block (a 50 MiB
// document has a million blocks). A Text cut from shared storage reads
// as one normalized alone. Not safe for concurrent use.
type Doc struct {
	b    strings.Builder
	m    *stretches
	left int // Hint less what has been written
	// rs and offs are the characters of the block being normalized, kept
	// for the next block: one pair of slices per block was a seventh of
	// what an audit allocates.
	rs   []rune
	offs []int32
}

// NewDoc returns a Doc for blocks whose pieces total about hint bytes.
func NewDoc(hint int) *Doc { return &Doc{left: hint} }

// docChunk bounds the strings a Doc cuts its texts from.
const docChunk = 1 << 20

// Pieces normalizes the pieces of one block of orig into d's storage.
//
// The characters and their offsets are kept in two parallel slices so the
// T→S conversion runs on the characters in place; Chinese three-byte
// UTF-8 is decoded inline. (This function was a fifth of an audit.)
func (d *Doc) Pieces(orig string, pieces []Piece) Text {
	rs, offs, end := runesOf(orig, pieces, d.rs[:0], d.offs[:0])
	defer func() { d.rs, d.offs = rs[:0], offs[:0] }()
	// Spaces collapsed and trimmed in place, then the size known before
	// writing: a chunk is never outgrown, so the strings cut from it stay
	// in one array.
	n, size := 0, 0
	lastSpace := true // also trims leading space
	for i, r := range rs {
		if isSpace(r) {
			if lastSpace {
				continue
			}
			r = ' '
		}
		lastSpace = r == ' '
		rs[n], offs[n] = r, offs[i]
		n++
	}
	if n > 0 && rs[n-1] == ' ' {
		n--
	}
	for _, r := range rs[:n] {
		l := utf8.RuneLen(r)
		if l < 0 {
			l = len(string(utf8.RuneError))
		}
		size += l
	}
	if size == 0 {
		return Text{end: int32(end)}
	}
	if d.m == nil || d.b.Cap()-d.b.Len() < size {
		d.b = strings.Builder{}
		d.b.Grow(max(size, min(docChunk, d.left)))
		d.m = &stretches{}
	}
	start := d.b.Len()
	for i, r := range rs[:n] {
		d.m.add(d.b.Len(), offs[i])
		d.b.WriteRune(r)
	}
	d.left -= size
	d.m.s = d.b.String()
	return Text{S: d.m.s[start:], m: d.m, off: int32(start), end: int32(end)}
}

// isSpace is unicode.IsSpace without its table lookup for every Chinese
// character (the White_Space property, listed).
func isSpace(r rune) bool {
	switch {
	case r <= ' ':
		return r == ' ' || r >= '\t' && r <= '\r'
	case r < 0x85:
		return false
	}
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// String normalizes a standalone string (rule examples, patterns).
func String(s string) string {
	return Pieces(s, []Piece{{0, len(s), false}}).S
}

// wide reports whether r is written without spaces around it (Han, kana,
// CJK punctuation).
func wide(r rune) bool {
	return r >= 0x2E80 && !(r >= 0xFF01 && r <= 0xFF5E)
}

func halfWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000, r == '\u00a0', r == '\t', r == '\r', r == '\f', r == '\v':
		return ' '
	case r == '〜' || r == '∼':
		return '~'
	case r == '﹣' || r == '−':
		return '-'
	case r >= 0xFE50 && r <= 0xFE5A:
		// small form variants (Hong Kong and Taiwan pages write ﹐ and ﹔
		// between clauses): as the full-width marks
		return smallForms[r-0xFE50]
	}
	return r
}

// smallForms are U+FE50 to U+FE5A: ﹐﹑﹒ (FE53 unassigned) ﹔﹕﹖﹗﹘﹙﹚.
var smallForms = [...]rune{',', '、', '.', 0xFE53, ';', ':', '?', '!', '—', '(', ')'}

// invisible reports whether r is a character that shows nothing and is
// dropped from normalized text: zero-width spaces and joiners, the byte
// order mark, the soft hyphen, word joiners and bidirectional controls.
// Pasted and scraped text carries them inside words (概\u200b不退换), where
// they would hide a phrase from every rule.
func invisible(r rune) bool {
	switch {
	case r < 0xAD:
		return false
	case r == 0xAD, r == 0x180E, r == 0xFEFF:
		return true
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x206F:
		return true
	}
	return false
}

const pinyinLetters = "abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ"

// dropPinyin removes "(zhí)" right after a Han character.
func dropPinyin(rs []rune, offs []int32) ([]rune, []int32) {
	if !slices.Contains(rs, '(') {
		return rs, offs
	}
	// gloss returns the end of a gloss opening at i, or 0: with tone
	// marks always; without them (wo) only where the text has two such or
	// more, so one (fan) or (min) after a word stays.
	gloss := func(i int, toneless bool) int {
		if rs[i] != '(' || i == 0 || !unicode.Is(unicode.Han, rs[i-1]) {
			return 0
		}
		j := i + 1
		for j < len(rs) && j-i <= 8 && strings.ContainsRune(pinyinLetters, rs[j]) {
			j++
		}
		if j > i+1 && j < len(rs) && rs[j] == ')' && (hasToneMark(rs[i+1:j]) || toneless && j-i > 2 && syllable.MatchString(string(rs[i+1:j]))) {
			return j
		}
		return 0
	}
	toneless := 0
	for i := range rs {
		if j := gloss(i, true); j > 0 && !hasToneMark(rs[i+1:j]) {
			toneless++
		}
	}
	outR, outO := make([]rune, 0, len(rs)), make([]int32, 0, len(offs))
	for i := 0; i < len(rs); i++ {
		if j := gloss(i, toneless >= 2); j > 0 {
			i = j
			continue
		}
		outR = append(outR, rs[i])
		outO = append(outO, offs[i])
	}
	return outR, outO
}

// syllable matches a pinyin syllable written without tone marks (我(wo)
// 公司(si)): an initial and a final, two letters or more. It admits a few
// more than Mandarin has, and some English words too (fan, min, pin), so
// dropPinyin drops toneless glosses only from a text that has several.
var syllable = regexp.MustCompile(`^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ao|ou|an|en|in|un|er|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u)$`)

// hasToneMark keeps ordinary Latin words in brackets, such as (a) or (iso),
// which carry no tone marks.
func hasToneMark(rs []rune) bool {
	for _, r := range rs {
		if r > 127 {
			return true
		}
	}
	return false
}

// Slice returns the part of t between byte offsets i and j of t.S. It
// shares t's map, which is never written after Pieces returns.
func (t Text) Slice(i, j int) Text {
	return Text{S: t.S[i:j], m: t.m, off: t.off + int32(i), end: int32(t.Orig(j))}
}
