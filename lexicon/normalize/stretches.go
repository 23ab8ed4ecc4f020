package normalize

import "sort"

// stretches map normalized text back to the original sparsely: a stretch
// is a run of characters that are as long, byte for byte, as the original
// characters they came from and follow each other there too, so one pair
// of offsets places them all. Chinese text keeps its characters' widths,
// so a stretch runs until punctuation made half-width, a space collapsed
// or a line joined: a few bytes of map per clause instead of four per byte
// of text.
type stretches struct {
	s     string  // the whole normalized text
	start []int32 // where each stretch begins in s, ascending
	from  []int32 // the original offset of its first character
}

// add records that the character written at pos of s came from original
// offset o.
func (m *stretches) add(pos int, o int32) {
	if k := len(m.start) - 1; k >= 0 && m.from[k]+(int32(pos)-m.start[k]) == o {
		return // continues the stretch
	}
	m.start = append(m.start, int32(pos))
	m.from = append(m.from, o)
}

// cut drops the stretches that begin at or past n (a trimmed end).
func (m *stretches) cut(n int) {
	k := len(m.start)
	for k > 0 && int(m.start[k-1]) >= n {
		k--
	}
	m.start, m.from = m.start[:k], m.from[:k]
}

// orig maps byte p of s (p < len(s)) to the original offset of its
// character.
func (m *stretches) orig(p int) int {
	for p > 0 && m.s[p]&0xC0 == 0x80 {
		p-- // back to the start of the character
	}
	k := sort.Search(len(m.start), func(k int) bool { return int(m.start[k]) > p }) - 1
	if k < 0 {
		return 0
	}
	return int(m.from[k]) + p - int(m.start[k])
}
