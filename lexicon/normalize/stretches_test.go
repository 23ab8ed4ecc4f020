package normalize

import (
	"testing"
	"unicode/utf8"
)

// TestStretches checks the sparse map byte by byte: every byte of a
// character maps to the original character that produced it, and a slice
// maps as its parent does.
func TestStretches(t *testing.T) {
	orig := "第一條　退貨：（七）日內\n可退，  Warranty ３年\n保修(bǎo xiū)一年。 "
	pieces := []Piece{{0, 37, true}, {38, 69, true}, {70, len(orig), false}}
	got := Pieces(orig, pieces)
	for i := 0; i < len(got.S); {
		r, n := utf8.DecodeRuneInString(got.S[i:])
		o := got.Orig(i)
		for k := 1; k < n; k++ {
			if got.Orig(i+k) != o {
				t.Errorf("byte %d of %q maps to %d, its first byte to %d", k, r, got.Orig(i+k), o)
			}
		}
		if o < 0 || o >= len(orig) {
			t.Fatalf("%q at %d maps outside the original: %d", r, i, o)
		}
		i += n
	}
	if e := got.Orig(len(got.S)); e != len(orig) {
		t.Errorf("end maps to %d, want %d", e, len(orig))
	}
	for i := 0; i <= len(got.S); i++ {
		for j := i; j <= len(got.S); j++ {
			s := got.Slice(i, j)
			for k := 0; k <= j-i+1; k++ {
				want := got.Orig(min(i+k, j))
				if s.Orig(k) != want {
					t.Fatalf("Slice(%d, %d).Orig(%d) = %d, want %d", i, j, k, s.Orig(k), want)
				}
			}
		}
	}
}

// TestDocPieces: the blocks of a document normalized into shared storage
// read as each normalized alone, byte for byte and slice for slice, with
// chunks small enough to roll over and blocks that normalize to nothing.
func TestDocPieces(t *testing.T) {
	orig := "第一條　退貨：（七）日內\n可退，  Warranty ３年\n保修(bǎo xiū)一年。 \n   \n二、換貨\n執(zhí)行 十五日內可換貨。"
	var blocks [][]Piece
	start := 0
	for i := 0; i <= len(orig); i++ {
		if i == len(orig) || orig[i] == '\n' {
			blocks = append(blocks, []Piece{{start, i, true}})
			start = i + 1
		}
	}
	blocks = append(blocks, []Piece{{0, 37, true}, {38, 69, true}, {70, 101, false}}, []Piece{{0, 0, false}})
	for _, hint := range []int{0, 5, 40, 1 << 20} {
		d := NewDoc(hint)
		for bi, pieces := range blocks {
			want := Pieces(orig, pieces)
			got := d.Pieces(orig, pieces)
			if got.S != want.S {
				t.Fatalf("hint %d, block %d: %q, alone %q", hint, bi, got.S, want.S)
			}
			for i := 0; i <= len(got.S); i++ {
				for j := i; j <= len(got.S); j++ {
					for k := 0; k <= j-i+1; k++ {
						if g, w := got.Slice(i, j).Orig(k), want.Slice(i, j).Orig(k); g != w {
							t.Fatalf("hint %d, block %d: Slice(%d, %d).Orig(%d) = %d, alone %d", hint, bi, i, j, k, g, w)
						}
					}
				}
			}
		}
	}
}
