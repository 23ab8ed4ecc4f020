package checker

import (
	"math"

	"shouhou/checker/reader"
	"shouhou/reports"
)

// markOCR reports which text OCR read and how sure it was, and makes a
// violation found in a line OCR was unsure of unclear: a misread 7 for 1
// must not accuse a document of breaking the law.
func markOCR(out *reports.Document, src *reader.Source) {
	if src.OCR == nil {
		return
	}
	out.OCR = true
	for _, p := range src.OCR.Pages {
		out.OCRPages = append(out.OCRPages, reports.OCRPage{Page: p.Page, Confidence: math.Round(p.Confidence*10) / 10})
	}
	for i := range out.Findings {
		f := &out.Findings[i]
		if f.Status == reports.Violation && src.OCR.Low[f.Location] {
			f.Status = reports.Unclear
			f.Message += "（OCR 识别置信度低，请核对原件 / low-confidence OCR text: check the original）"
		}
	}
}
