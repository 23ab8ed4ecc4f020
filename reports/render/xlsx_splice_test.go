package render

import (
	"bytes"
	"strings"
	"testing"
)

// TestLinkSplicerChunks: the links land in the same place whatever the
// sizes of the writes the sheet part comes in, the end of the cells split
// across them or not.
func TestLinkSplicerChunks(t *testing.T) {
	part := `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><autoFilter ref="A1:B2"></autoFilter><pageMargins left="0.4"></pageMargins></worksheet>`
	links := &sheetLinks{cells: []string{"A2", "A3"}, urls: []string{"file:///a", "file:///b"}}
	want := strings.Replace(part, "<pageMargins", `<hyperlinks><hyperlink ref="A2" r:id="rId1"></hyperlink><hyperlink ref="A3" r:id="rId2"></hyperlink></hyperlinks><pageMargins`, 1)
	for size := 1; size <= len(part); size++ {
		var out bytes.Buffer
		s := &linkSplicer{name: "sheet", w: &out, links: links}
		for i := 0; i < len(part); i += size {
			if _, err := s.Write([]byte(part[i:min(i+size, len(part))])); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.end(); err != nil {
			t.Fatalf("writes of %d bytes: %v", size, err)
		}
		if out.String() != want {
			t.Fatalf("writes of %d bytes:\n got %s\nwant %s", size, out.String(), want)
		}
	}
	var out bytes.Buffer
	s := &linkSplicer{name: "sheet", w: &out, links: links}
	if _, err := s.Write([]byte(`<worksheet><sheetData></sheetData></worksheet>`)); err != nil {
		t.Fatal(err)
	}
	if err := s.end(); err == nil {
		t.Error("no error for a part without page margins")
	}
}
