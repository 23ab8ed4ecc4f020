package checker

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shouhou/checker/reader"
	"shouhou/reports"
	"shouhou/rules"
)

// A violation in a line OCR was unsure of is unclear; the same violation
// in a line OCR read well stays a violation. The OCR record is made by
// hand over a text PDF, so the test needs no Tesseract.
func TestOCRLowConfidenceIsUnclear(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	a := New(book)
	b, err := os.ReadFile(filepath.Join("..", "testdata", "formats", "commitment.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, low := range []bool{false, true} {
		src, err := reader.Parse("c.pdf", b, "pdf", reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		src.OCR = &reader.OCRInfo{Pages: []reader.OCRPage{{Page: 1, Confidence: 91.04}, {Page: 2, Confidence: 55}}, Low: map[string]bool{"page 2 line 4": low}}
		doc := a.Audit(src, "")
		if !doc.OCR || len(doc.OCRPages) != 2 || doc.OCRPages[0] != (reports.OCRPage{Page: 1, Confidence: 91}) {
			t.Errorf("ocr %v pages %+v", doc.OCR, doc.OCRPages)
		}
		var got *reports.Finding
		for i, f := range doc.Findings {
			if f.Rule == "CPL-INTERP-RIGHT" {
				got = &doc.Findings[i]
			}
		}
		want := reports.Violation
		if low {
			want = reports.Unclear
		}
		if got == nil || got.Location != "page 2 line 4" || got.Status != want || low != strings.Contains(got.Message, "OCR") {
			t.Errorf("low=%v: finding %+v, want %s at page 2 line 4", low, got, want)
		}
	}
}
