package reader

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"
)

// A .doc saved by LibreOffice from a .docx (or from the same source as a
// .docx) reads as the .docx does: the same paragraphs, headings, list
// numbers (1. 2.), table cells and places.
func TestDocMatchesDocx(t *testing.T) {
	for _, name := range []string{"tender", "commitment_notes"} {
		t.Run(name, func(t *testing.T) {
			doc, err := Parse(name+".doc", readTestdata(t, "formats/"+name+"_word97.doc"), "ole", Options{})
			if err != nil {
				t.Fatal(err)
			}
			docx, err := Parse(name+".docx", readTestdata(t, "formats/"+name+".docx"), "docx", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != "doc" || doc.Encoding != "utf-16le" {
				t.Errorf("format %s encoding %s, want doc utf-16le", doc.Format, doc.Encoding)
			}
			equalLines(t, describe(doc), describe(docx))
		})
	}
}

// The .doc of commitment_notes, checked line by line: the field code of
// the hyperlink is gone and its text kept, the footer's PAGE field shows
// its result, the footnote and the comment are blocks of their own.
func TestDocParts(t *testing.T) {
	src, err := Parse("c.wps", readTestdata(t, "formats/commitment_notes_word97.doc"), "ole", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(describe(src), "\n")
	for _, want := range []string{
		"paragraph|某某家电有限公司 售后服务承诺书|header paragraph 1",
		"h2|二、保修|paragraph 4",
		"cell 1.3.2|偏远地区另行约定|table 1 row 3 col 2",
		"paragraph|投诉渠道：全国12315平台|paragraph 15",
		"paragraph|第 1 页|footer paragraph 1",
		"paragraph|压缩机等主要部件保修期为三年。|footnote 1",
		"paragraph|请法务确认本段措辞。|comment 1",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	if strings.Contains(src.Text, "HYPERLINK") || strings.Contains(src.Text, "PAGE") {
		t.Errorf("field codes left in the text:\n%s", src.Text)
	}
}

// wordFile builds the streams of a Word binary document by hand: a FIB,
// the text at offset 1024 of WordDocument, and a table stream holding a
// piece table with one piece per entry of pieces. A piece is 8-bit text
// when compressed, else UTF-16LE.
type testPiece struct {
	text       string
	compressed bool
}

func wordStreams(pieces []testPiece, flags uint16, nFib uint16) map[string][]byte {
	fib := make([]byte, 1024)
	binary.LittleEndian.PutUint16(fib[0:], 0xA5EC)
	binary.LittleEndian.PutUint16(fib[2:], nFib)
	binary.LittleEndian.PutUint16(fib[10:], flags)
	off := 32
	binary.LittleEndian.PutUint16(fib[off:], 14)
	off += 2 + 28
	binary.LittleEndian.PutUint16(fib[off:], 22)
	lw := off + 2
	off = lw + 88
	binary.LittleEndian.PutUint16(fib[off:], 93)
	rg := off + 2

	var data []byte
	var cps []uint32
	var pcds []byte
	cp := 0
	for _, p := range pieces {
		cps = append(cps, uint32(cp))
		at := 1024 + len(data)
		pcd := make([]byte, 8)
		if p.compressed {
			data = append(data, p.text...) // bytes, as given
			cp += len(p.text)
			binary.LittleEndian.PutUint32(pcd[2:], uint32(at*2)|0x40000000)
		} else {
			for _, u := range utf16.Encode([]rune(p.text)) {
				data = binary.LittleEndian.AppendUint16(data, u)
				cp++
			}
			binary.LittleEndian.PutUint32(pcd[2:], uint32(at))
		}
		pcds = append(pcds, pcd...)
	}
	cps = append(cps, uint32(cp))
	binary.LittleEndian.PutUint32(fib[lw+12:], uint32(cp)) // ccpText
	var plc []byte
	for _, c := range cps {
		plc = binary.LittleEndian.AppendUint32(plc, c)
	}
	plc = append(plc, pcds...)
	clx := append([]byte{0x01, 2, 0, 0xAA, 0xBB, 0x02}, binary.LittleEndian.AppendUint32(nil, uint32(len(plc)))...)
	clx = append(clx, plc...)
	binary.LittleEndian.PutUint32(fib[rg+8*fcClx:], 0)
	binary.LittleEndian.PutUint32(fib[rg+8*fcClx+4:], uint32(len(clx)))
	return map[string][]byte{"WordDocument": append(fib, data...), "0Table": clx}
}

func parseStreams(streams map[string][]byte) (*Source, error) {
	src := &Source{Path: "t.doc", Format: "doc"}
	if err := parseDoc(src, streams); err != nil {
		return nil, err
	}
	return src, nil
}

func TestDocPieceTable(t *testing.T) {
	cases := []struct {
		name   string
		pieces []testPiece
		want   []string
	}{
		{"8-bit text is cp1252: curly quotes and the euro sign",
			[]testPiece{{"Price \x80 5, \x93free\x94 repair\r", true}},
			[]string{"paragraph|Price € 5, “free” repair|paragraph 1"}},
		{"8-bit and UTF-16 pieces join into one paragraph",
			[]testPiece{{"Warranty: ", true}, {"质保三年\r", false}},
			[]string{"paragraph|Warranty: 质保三年|paragraph 1"}},
		{"field codes dropped, results kept, nested fields too",
			[]testPiece{{"共\x13 NUMPAGES \x143\x15页，见\x13 HYPERLINK \"x\" \x13 REF a \x14内\x15\x14链接\x15。\r", false}},
			[]string{"paragraph|共3页，见链接。|paragraph 1"}},
		{"a field without a result leaves nothing",
			[]testPiece{{"签字\x13 MERGEFIELD name \x15处\r", false}},
			[]string{"paragraph|签字处|paragraph 1"}},
		{"line breaks, tabs, non-breaking hyphens; pictures and note marks dropped",
			[]testPiece{{"热线\t400\x1E1234\x0B投诉\x01\x02\x0512315\r\r\r", false}},
			[]string{"paragraph|热线 400-1234/投诉12315|paragraph 1"}},
		{"characters outside the BMP are surrogate pairs in the file",
			[]testPiece{{"𠀀七日内退货\r", false}},
			[]string{"paragraph|𠀀七日内退货|paragraph 1"}},
		{"cell marks without paragraph properties still end cells",
			[]testPiece{{"质保\x07三年\x07\x07", false}},
			[]string{"cell 1.1.1|质保|table 1 row 1 col 1", "cell 1.1.2|三年|table 1 row 1 col 2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, err := parseStreams(wordStreams(c.pieces, 0, 0xC1))
			if err != nil {
				t.Fatal(err)
			}
			equalLines(t, describe(src), c.want)
		})
	}
}

func TestDocRefusals(t *testing.T) {
	good := []testPiece{{"七日内退货\r", false}}
	backwards := wordStreams(good, 0, 0xC1)
	binary.LittleEndian.PutUint32(backwards["0Table"][10:], 9) // the first piece starts after its end
	outside := wordStreams(good, 0, 0xC1)
	binary.LittleEndian.PutUint32(outside["0Table"][20:], 1<<20) // the piece's fc
	noTable := wordStreams(good, 0x0200, 0xC1)                   // names 1Table
	cases := []struct {
		name    string
		streams map[string][]byte
		want    string
	}{
		{"encrypted", wordStreams(good, 0x0100, 0xC1), "encrypted with a password"},
		{"obfuscated", wordStreams(good, 0x8000, 0xC1), "encrypted with a password"},
		{"Word 95", wordStreams(good, 0, 0x68), "Word 6.0/95 file (version 104)"},
		{"no FIB", map[string][]byte{"WordDocument": make([]byte, 100)}, "does not start with a Word FIB"},
		{"short", map[string][]byte{"WordDocument": {0xEC, 0xA5}}, "too short"},
		{"missing table stream", noTable, "names a 1Table stream the file does not hold"},
		{"piece table backwards", backwards, "damaged Word (.doc) file: the piece table"},
		{"piece outside the stream", outside, "lies outside the WordDocument stream"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseStreams(c.streams)
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %v, want one line containing %q", err, c.want)
			}
		})
	}
}
