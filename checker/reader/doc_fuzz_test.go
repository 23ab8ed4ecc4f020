package reader

import (
	"encoding/binary"
	"testing"
)

// FuzzDoc fuzzes whole Word binary files: the OLE2 container (mscfb), the
// FIB, the piece table, paragraph and character properties.
func FuzzDoc(f *testing.F) {
	f.Add(readTestdata(f, "formats/tender_word97.doc"))
	f.Add(readTestdata(f, "formats/commitment_notes_word97.doc"))
	f.Fuzz(func(t *testing.T, b []byte) {
		src, err := Parse("f.doc", b, "ole", Options{MaxSize: 1 << 20})
		checkParsed(t, src, err, false)
	})
}

// FuzzDocPieces fuzzes the piece table (CLX) and the text it points into,
// behind a well-formed FIB, where a whole-file fuzzer rarely gets.
func FuzzDocPieces(f *testing.F) {
	seed := wordStreams([]testPiece{{"Warranty: ", true}, {"质保\x13 PAGE \x14三\x15年\x07\x07\r", false}}, 0, 0xC1)
	f.Add(seed["0Table"], seed["WordDocument"][1024:], uint32(12))
	f.Fuzz(func(t *testing.T, clx, text []byte, ccp uint32) {
		streams := wordStreams(nil, 0, 0xC1)
		main := append(streams["WordDocument"][:1024:1024], text...)
		lw := 32 + 2 + 28 + 2
		rg := lw + 88 + 2
		binary.LittleEndian.PutUint32(main[lw+12:], ccp)
		binary.LittleEndian.PutUint32(main[rg+8*fcClx+4:], uint32(len(clx)))
		src := &Source{Path: "f.doc", Format: "doc"}
		if err := parseDoc(src, map[string][]byte{"WordDocument": main, "0Table": clx}); err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		checkParsed(t, src, nil, false)
	})
}
