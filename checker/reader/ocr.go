package reader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// OCR modes (Options.OCR). The library's zero value is off, so that a
// program embedding the reader never starts external programs unasked;
// the audit command's --ocr defaults to auto.
const (
	OCROff   = "off"
	OCRAuto  = "auto"  // pages without a text layer
	OCRForce = "force" // every page
)

// OCRLowConfidence is the line confidence (Tesseract's 0–100 word
// confidences, averaged over the line's characters) under which OCR text
// is too uncertain to rest a violation on: a finding there is unclear.
const OCRLowConfidence = 70

// ocrPackages is what to install for OCR, named in the reasons given
// when it is missing.
const ocrPackages = "tesseract-ocr tesseract-ocr-chi-sim poppler-utils"

// OCRInfo says which text of a Source came from OCR and how sure it is.
type OCRInfo struct {
	Pages []OCRPage
	// Low holds the locations ("page 2 line 5") of the lines whose
	// confidence is under OCRLowConfidence.
	Low map[string]bool
}

// OCRPage is one page read by OCR.
type OCRPage struct {
	Page       int
	Confidence float64 // mean word confidence, 0–100, weighted by characters
}

// ocrLine is one line Tesseract read, with its mean confidence.
type ocrLine struct {
	text string
	conf float64
}

// ocrResult is one page's lines.
type ocrResult struct {
	lines []ocrLine
	conf  float64
	err   error
}

// OCRAvailable says whether the programs OCR needs are installed, and if
// not, what is missing.
func OCRAvailable() error {
	var missing []string
	for _, prog := range []string{"pdftoppm", "tesseract"} {
		if _, err := exec.LookPath(prog); err != nil {
			missing = append(missing, prog)
		}
	}
	if len(missing) == 0 {
		out, err := exec.Command("tesseract", "--list-langs").CombinedOutput()
		if err != nil || !bytes.Contains(out, []byte("chi_sim")) {
			missing = append(missing, "Tesseract's chi_sim language data")
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("OCR needs %s, not found here: install %s (Debian/Ubuntu: apt-get install %s)", strings.Join(missing, " and "), ocrPackages, ocrPackages)
	}
	return nil
}

// ocrPDF renders the given pages of a PDF with pdftoppm and reads each
// with Tesseract (Simplified Chinese and English), jobs pages at a time.
func ocrPDF(b []byte, pages []int, jobs int) (map[int]ocrResult, error) {
	if err := OCRAvailable(); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "shouhou-ocr-")
	if err != nil {
		return nil, fmt.Errorf("OCR cannot make a temporary folder: %v", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, b, 0o600); err != nil {
		return nil, fmt.Errorf("OCR cannot write a temporary file: %v", err)
	}
	jobs = max(1, min(jobs, len(pages)))
	out := make(map[int]ocrResult, len(pages))
	var mu sync.Mutex
	work := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range work {
				res := ocrPage(in, dir, n)
				mu.Lock()
				out[n] = res
				mu.Unlock()
			}
		}()
	}
	for _, n := range pages {
		work <- n
	}
	close(work)
	wg.Wait()
	for _, n := range pages {
		if err := out[n].err; err != nil {
			return nil, fmt.Errorf("OCR of page %d failed: %v", n, err)
		}
	}
	return out, nil
}

// ocrPageTimeout bounds one page's rendering and recognition.
const ocrPageTimeout = 3 * time.Minute

func ocrPage(pdfPath, dir string, n int) ocrResult {
	ctx, cancel := context.WithTimeout(context.Background(), ocrPageTimeout)
	defer cancel()
	prefix := filepath.Join(dir, "p"+strconv.Itoa(n))
	page := strconv.Itoa(n)
	render := exec.CommandContext(ctx, "pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", page, "-l", page, pdfPath, prefix)
	if msg, err := render.CombinedOutput(); err != nil {
		return ocrResult{err: fmt.Errorf("pdftoppm: %v %s", err, firstLine(msg))}
	}
	png := prefix + ".png"
	defer os.Remove(png)
	tess := exec.CommandContext(ctx, "tesseract", png, "-", "-l", "chi_sim+eng", "tsv")
	// One thread per Tesseract: pages run side by side under --jobs, and
	// even alone its OpenMP threads cost more CPU than they save (a 20-page
	// scan here: 55 s of CPU with them, 37 s without).
	tess.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var stderr bytes.Buffer
	tess.Stderr = &stderr
	tsv, err := tess.Output()
	if err != nil {
		return ocrResult{err: fmt.Errorf("tesseract: %v %s", err, firstLine(stderr.Bytes()))}
	}
	lines, conf := parseTSV(tsv)
	return ocrResult{lines: lines, conf: conf}
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	return s
}

// parseTSV reads Tesseract's TSV output: one row per word with its block,
// paragraph and line numbers, confidence and text. Words of a line are
// joined as the script wants: with a space between Latin words and
// numbers, without one next to Chinese characters.
func parseTSV(tsv []byte) (lines []ocrLine, pageConf float64) {
	var cur strings.Builder
	var key string
	var sum, chars, pageSum, pageChars float64
	flush := func() {
		if cur.Len() > 0 && chars > 0 {
			lines = append(lines, ocrLine{text: cur.String(), conf: sum / chars})
		}
		cur.Reset()
		sum, chars = 0, 0
	}
	for i, row := range strings.Split(string(tsv), "\n") {
		f := strings.Split(strings.TrimRight(row, "\r"), "\t")
		if i == 0 || len(f) < 12 || f[0] != "5" {
			continue
		}
		word := strings.TrimSpace(f[11])
		conf, err := strconv.ParseFloat(f[10], 64)
		if word == "" || err != nil || conf < 0 {
			continue
		}
		if k := f[2] + "." + f[3] + "." + f[4]; k != key {
			flush()
			key = k
		}
		if cur.Len() > 0 && spaced(lastRune(cur.String()), firstRune(word)) {
			cur.WriteByte(' ')
		}
		cur.WriteString(word)
		n := float64(len([]rune(word)))
		sum += conf * n
		chars += n
		pageSum += conf * n
		pageChars += n
	}
	flush()
	if pageChars > 0 {
		pageConf = pageSum / pageChars
	}
	return lines, pageConf
}

func spaced(a, b rune) bool {
	latin := func(r rune) bool { return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	return latin(a) && latin(b)
}

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// errNoOCR is returned for a PDF without a text layer when OCR is off.
var errNoOCR = errors.New("no text layer (a scanned PDF?): audit it with --ocr auto, which needs " + ocrPackages + ", or run OCR on it first (e.g. ocrmypdf -l chi_sim)")
