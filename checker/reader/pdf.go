package reader

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/ledongthuc/pdf"
)

// pageNumberRe matches lines that are only page furniture: 3, - 3 -,
// 第 3 页, 第3页 共12页, 3/12, Page 3 of 12.
var pageNumberRe = regexp.MustCompile(`^(?i)(-?\s*\d{1,4}\s*-?|第\s*\d{1,4}\s*页(\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(\s*of\s*\d{1,4})?)$`)

// parsePDF reads a PDF's text layer page by page, a printed line at a
// time, and joins wrapped lines as for plain text. Places: "page N line M",
// M counting the lines with text on page N; line is M.
func parsePDF(src *Source, b []byte, limit int64, opt Options) error {
	if err := checkXrefChain(b); err != nil {
		return err
	}
	if err := checkPDFStreams(b, limit); err != nil {
		return err
	}
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return pdfError(err)
	}
	pages, err := pdfPages(r, len(b)/4+16)
	if err != nil {
		return err
	}
	x := &extraction{}
	var pageLines [][]int // per page, offsets of its lines in Text
	for i, page := range pages {
		n := i + 1
		if err := opt.cancelled(); err != nil {
			return err
		}
		if err := checkParents(page, n); err != nil {
			return err
		}
		rows, err := page.GetTextByRow()
		if err != nil {
			return fmt.Errorf("page %d cannot be read (%v)", n, err)
		}
		m := 0
		var offs []int
		for _, row := range rows {
			var sb strings.Builder
			for _, t := range row.Content {
				sb.WriteString(t.S)
			}
			line := strings.TrimSpace(strings.Map(pdfSpace, sb.String()))
			if line == "" {
				continue
			}
			m++
			if pageNumberRe.MatchString(line) {
				continue
			}
			offs = append(offs, x.b.Len())
			x.add(line, origin{line: m, col: 1, label: fmt.Sprintf("page %d line %d", n, m)})
			x.newline()
		}
		pageLines = append(pageLines, offs)
	}
	empty := true
	for _, p := range pageLines {
		empty = empty && len(p) == 0
	}
	if empty {
		return errors.New("no text layer (a scanned PDF?): run OCR on it first (e.g. ocrmypdf -l chi_sim) and audit the result")
	}
	x.finish(src)
	src.Encoding = "pdf"
	parseText(src)
	return nil
}

// pdfSpace drops the control characters some producers leave in text.
func pdfSpace(r rune) rune {
	switch {
	case r == '\t' || r == '\u00a0' || r == '\u3000':
		return ' '
	case r < 0x20 || r == 0x7f || r == '\ufffd':
		return -1
	}
	return r
}

func pdfError(err error) error {
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(msg, "encrypt"):
		return errors.New("encrypted with a password: save a copy without the password and audit that")
	case strings.Contains(msg, "not a PDF"), strings.Contains(msg, "malformed"), strings.Contains(msg, "missing"):
		return fmt.Errorf("not a readable PDF: damaged or truncated (%v)", err)
	}
	return fmt.Errorf("not a readable PDF (%v)", err)
}
