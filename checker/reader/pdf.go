package reader

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"
)

// pageNumberRe matches lines that are only page furniture: 3, - 3 -,
// 第 3 页, 第3页 共12页, 3/12, Page 3 of 12.
var pageNumberRe = lazyRe(`^(?i)(-?\s*\d{1,4}\s*-?|第\s*\d{1,4}\s*页(\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(\s*of\s*\d{1,4})?)$`)

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
	// The printed lines of each page's text layer, then OCR's for the
	// pages that have none (--ocr auto) or for all (--ocr force). The
	// page tree is walked by pdfPages, which refuses cycles and absurd
	// counts before the library could loop on them.
	all, err := pdfPages(r, len(b)/4+16)
	if err != nil {
		return err
	}
	if len(all) == 0 {
		return errors.New("not a readable PDF: no pages found (its page tree or cross-reference table is in a form the reader does not follow)")
	}
	pages := make([][]pdfRow, len(all))
	for i, page := range all {
		n := i + 1
		if err := opt.cancelled(); err != nil {
			return err
		}
		if err := checkParents(page, n); err != nil {
			return err
		}
		if page.V.IsNull() {
			continue
		}
		rows, err := pageRows(page)
		if err != nil {
			return fmt.Errorf("page %d cannot be read (%v)", n, err)
		}
		pages[i] = rows
	}
	ocr, err := ocrPages(src, b, pages, opt)
	if err != nil {
		return err
	}
	x := &extraction{}
	empty := true
	var cells []Block
	var tableSpans [][2]int // stretches of Text holding table cells
	for i, rows := range pages {
		n := i + 1
		var tables []pdfTable
		if _, ocrd := ocr[n]; !ocrd {
			tables = findTables(rows)
		}
		for j := 0; j < len(rows); j++ {
			m := j + 1
			if len(tables) > 0 && j == tables[0].first {
				start := x.b.Len()
				cells = append(cells, addTable(x, tables[0], n, len(tableSpans)+1)...)
				tableSpans = append(tableSpans, [2]int{start, x.b.Len()})
				j, tables, empty = tables[0].last, tables[1:], false
				continue
			}
			line := rows[j].text()
			if pageNumberRe().MatchString(line) {
				continue
			}
			empty = false
			label := fmt.Sprintf("page %d line %d", n, m)
			if res, ok := ocr[n]; ok && rows[j].ocr > 0 && res.lines[rows[j].ocr-1].conf < OCRLowConfidence {
				src.OCR.Low[label] = true
			}
			x.add(line, origin{line: m, col: 1, label: label})
			x.newline()
		}
	}
	if empty && src.OCR != nil {
		return errors.New("no text layer, and OCR found no text on its pages")
	}
	if empty {
		return errNoOCR
	}
	x.finish(src)
	src.Encoding = "pdf"
	parseText(src)
	mergeTableBlocks(src, cells, tableSpans)
	return nil
}

// ocrPages runs OCR on the pages opt.OCR asks for, puts the lines read
// into pages and notes them in src.OCR.
func ocrPages(src *Source, b []byte, pages [][]pdfRow, opt Options) (map[int]ocrResult, error) {
	var want []int
	for i, rows := range pages {
		if opt.OCR == OCRForce || opt.OCR == OCRAuto && len(rows) == 0 {
			want = append(want, i+1)
		}
	}
	if len(want) == 0 {
		return nil, nil
	}
	if err := OCRAvailable(); err != nil {
		textless := 0
		for _, rows := range pages {
			if len(rows) == 0 {
				textless++
			}
		}
		if textless == len(pages) {
			return nil, fmt.Errorf("no text layer (a scanned PDF?): %v", err)
		}
		// Some pages have a text layer: read those, and say what is lost.
		src.Warnings = append(src.Warnings, fmt.Sprintf("--ocr %s: %d page(s) without a text layer left unread: %v", opt.OCR, textless, err))
		return nil, nil
	}
	res, err := ocrPDF(b, want, opt.Jobs)
	if err != nil {
		return nil, err
	}
	src.OCR = &OCRInfo{Low: map[string]bool{}}
	for _, n := range want {
		r := res[n]
		var rows []pdfRow
		for i, l := range r.lines {
			if line := strings.TrimSpace(strings.Map(pdfSpace, l.text)); line != "" {
				rows = append(rows, pdfRow{cells: []pdfCell{{text: line}}, ocr: i + 1})
			}
		}
		if len(rows) == 0 && len(pages[n-1]) > 0 {
			delete(res, n) // --ocr force read nothing: the text layer stays
			continue
		}
		pages[n-1] = rows
		src.OCR.Pages = append(src.OCR.Pages, OCRPage{Page: n, Confidence: r.conf})
	}
	return res, nil
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
