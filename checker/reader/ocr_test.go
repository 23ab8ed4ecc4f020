package reader

import (
	"math"
	"os"
	"strings"
	"testing"
)

// needOCR skips a test where Tesseract or poppler is not installed, except
// in CI, which installs them (.ci/run) and must run it.
func needOCR(t *testing.T) {
	t.Helper()
	if err := OCRAvailable(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI must run the OCR tests: %v", err)
		}
		t.Skipf("OCR test skipped: %v", err)
	}
}

func TestParseTSV(t *testing.T) {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n" +
		"4\t1\t1\t1\t1\t0\t0\t0\t10\t10\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\t质保\n" +
		"5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t60\t3\n" +
		"5\t1\t1\t1\t1\t3\t0\t0\t10\t10\t90\t年\n" +
		"5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t95\tISO\n" +
		"5\t1\t1\t1\t2\t2\t0\t0\t10\t10\t95\t9001\n" +
		"5\t1\t1\t1\t2\t3\t0\t0\t10\t10\t-1\t \n" +
		"5\t1\t2\t1\t1\t1\t0\t0\t10\t10\t20\t囗\n"
	lines, conf := parseTSV([]byte(tsv))
	want := []ocrLine{{"质保3年", (90*2 + 60 + 90) / 4.0}, {"ISO 9001", 95}, {"囗", 20}}
	if len(lines) != len(want) {
		t.Fatalf("lines %+v, want %+v", lines, want)
	}
	for i := range want {
		if lines[i].text != want[i].text || math.Abs(lines[i].conf-want[i].conf) > 1e-9 {
			t.Errorf("line %d = %+v, want %+v", i+1, lines[i], want[i])
		}
	}
	if wantConf := (90*2 + 60 + 90 + 95*3 + 95*4 + 20) / 12.0; math.Abs(conf-wantConf) > 1e-9 {
		t.Errorf("page confidence %v, want %v", conf, wantConf)
	}
}

// Without the programs, a scanned PDF's reason names what to install.
func TestOCRMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	b := readTestdata(t, "ocr/commitment_scan.pdf")
	_, err := Parse("scan.pdf", b, "pdf", Options{OCR: OCRAuto})
	want := "no text layer (a scanned PDF?): OCR needs pdftoppm and tesseract, not found here: install tesseract-ocr tesseract-ocr-chi-sim poppler-utils"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
	// A text PDF under --ocr force without the programs: its text layer
	// is read, with a warning.
	src, err := Parse("c.pdf", readTestdata(t, "formats/commitment.pdf"), "pdf", Options{OCR: OCRForce})
	if err != nil || src.OCR != nil || len(src.Warnings) != 1 || !strings.Contains(src.Warnings[0], "--ocr force: 0 page(s) without a text layer left unread: OCR needs") {
		t.Errorf("force without OCR: %v, warnings %q", err, src.Warnings)
	}
	_, err = Parse("scan.pdf", b, "pdf", Options{})
	if err == nil || !strings.Contains(err.Error(), "--ocr auto, which needs tesseract-ocr tesseract-ocr-chi-sim poppler-utils") {
		t.Errorf("OCR off: error %v", err)
	}
}

// The image-only PDF made from commitment.pdf reads back, by OCR, with
// the text PDF's lines at the text PDF's places; pages OCR'd side by side
// give what one at a time gives.
func TestOCRScannedPDF(t *testing.T) {
	needOCR(t)
	b := readTestdata(t, "ocr/commitment_scan.pdf")
	src, err := Parse("scan.pdf", b, "pdf", Options{OCR: OCRAuto, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if src.OCR == nil || len(src.OCR.Pages) != 2 {
		t.Fatalf("OCR info %+v, want two pages", src.OCR)
	}
	for _, p := range src.OCR.Pages {
		if p.Confidence < OCRLowConfidence || p.Confidence > 100 {
			t.Errorf("page %d confidence %.1f: a clean 150 dpi render should read above %d", p.Page, p.Confidence, OCRLowConfidence)
		}
	}
	text, err := Parse("commitment.pdf", readTestdata(t, "formats/commitment.pdf"), "pdf", Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Lines whose words OCR gets right on this page (the title's first
	// characters are not among them): same text, same place.
	lines := func(src *Source) map[string]string {
		m := map[string]string{}
		for _, l := range describe(src) {
			f := strings.Split(l, "|")
			m[f[2]] += f[1]
		}
		return m
	}
	got, want := lines(src), lines(text)
	for _, loc := range []string{"page 1 line 2", "page 1 line 5", "page 1 line 9", "page 2 line 2"} {
		if g, w := strings.ReplaceAll(got[loc], ";", "；"), want[loc]; g != w {
			t.Errorf("%s: OCR %q, text layer %q", loc, got[loc], w)
		}
	}
	one, err := Parse("scan.pdf", b, "pdf", Options{OCR: OCRAuto, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if one.Text != src.Text {
		t.Errorf("one job read:\n%s\ntwo jobs read:\n%s", one.Text, src.Text)
	}
	// force reads a text PDF by OCR too; off leaves a scan unread.
	forced, err := Parse("commitment.pdf", readTestdata(t, "formats/commitment.pdf"), "pdf", Options{OCR: OCRForce})
	if err != nil || forced.OCR == nil || len(forced.OCR.Pages) != 2 {
		t.Errorf("--ocr force on a text PDF: %v, %+v", err, forced)
	}
}
