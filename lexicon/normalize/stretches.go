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
	s string // the whole normalized text
	// at holds each stretch's start in s (ascending) and the original
	// offset of its first character: one slice, not two, as most blocks
	// hold a stretch or two and a huge document has a million blocks.
	at [][2]int32
}

// add records that the character written at pos of s came from original
// offset o.
func (m *stretches) add(pos int, o int32) {
	if k := len(m.at) - 1; k >= 0 && m.at[k][1]+(int32(pos)-m.at[k][0]) == o {
		return // continues the stretch
	}
	m.at = append(m.at, [2]int32{int32(pos), o})
}

// orig maps byte p of s (p < len(s)) to the original offset of its
// character.
func (m *stretches) orig(p int) int {
	for p > 0 && m.s[p]&0xC0 == 0x80 {
		p-- // back to the start of the character
	}
	k := sort.Search(len(m.at), func(k int) bool { return int(m.at[k][0]) > p }) - 1
	if k < 0 {
		return 0
	}
	return int(m.at[k][1]) + p - int(m.at[k][0])
}
