package hostile

import (
	"bytes"
	"compress/zlib"
	"fmt"
)

// pdfFile assembles a PDF from object bodies (object i+1 is objs[i]) with
// a cross-reference table; trailer is the trailer dictionary's inside.
// xrefs > 1 writes that many sections, each /Prev-pointing at the one
// before; loop makes the first point back at the last.
func pdfFile(objs []string, trailer string, xrefs int, loop bool) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	var starts []int
	for s := range max(xrefs, 1) {
		starts = append(starts, b.Len())
		fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
		for _, off := range offs {
			fmt.Fprintf(&b, "%010d 00000 n \n", off)
		}
		prev := ""
		switch {
		case s > 0:
			prev = fmt.Sprintf(" /Prev %d", starts[s-1])
		case loop:
			prev = " /Prev PREVLOOP"
		}
		fmt.Fprintf(&b, "trailer\n<< /Size %d %s%s >>\n", len(objs)+1, trailer, prev)
	}
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", starts[len(starts)-1])
	out := b.Bytes()
	if loop {
		// The first section's /Prev names the last section.
		out = bytes.Replace(out, []byte("PREVLOOP"), fmt.Appendf(nil, "%-8d", starts[len(starts)-1]), 1) // same width: offsets stay
	}
	return out
}

const pdfFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"

func pdfContent(text string) string {
	s := fmt.Sprintf("BT /F1 12 Tf 72 712 Td (%s) Tj ET", text)
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(s), s)
}

// pdfPlain is a valid one-page PDF; pages and kids let a case bend its
// page tree: object 1 catalog, 2 page tree, 3 page, 4 content, 5 font.
func pdfPlain(pages, page string) []byte {
	return pdfFile([]string{
		"<< /Type /Catalog /Pages 2 0 R >>", pages, page, pdfContent("Warranty one year"), pdfFont,
	}, "/Root 1 0 R", 1, false)
}

const pdfPage = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"

// PDF cases: each would hang or exhaust the PDF library unguarded.
func pdfCases() []Case {
	bomb := func() []byte {
		var z bytes.Buffer
		w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		zero := make([]byte, 1<<20)
		for range 200 { // 200 MB of zeros, about 200 KB compressed
			w.Write(zero)
		}
		w.Close()
		content := fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes())
		return pdfFile([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", pdfPage, content, pdfFont}, "/Root 1 0 R", 1, false)
	}
	shared := func() []byte {
		// 40 levels, each node's Kids naming the next level twice: 2^40 pages.
		objs := []string{"<< /Type /Catalog /Pages 2 0 R >>"}
		for i := range 40 {
			objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 1 >>", i+3, i+3))
		}
		objs = append(objs, "<< /Type /Page /MediaBox [0 0 612 792] >>")
		return pdfFile(objs, "/Root 1 0 R", 1, false)
	}
	return []Case{
		{Name: "pdf-kids-cycle.pdf", Want: "page tree is more than", Make: func() []byte {
			return pdfPlain("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>", pdfPage)
		}},
		{Name: "pdf-parent-cycle.pdf", Want: "/Parent chain", Make: func() []byte {
			return pdfPlain("<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>", pdfPage)
		}},
		{Name: "pdf-prev-loop.pdf", Want: "cross-reference chain (/Prev) loops", Make: func() []byte {
			return pdfFile([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", pdfPage, pdfContent("x"), pdfFont}, "/Root 1 0 R", 3, true)
		}},
		{Name: "pdf-count-2e9.pdf", Want: "", Make: func() []byte {
			return pdfPlain("<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>", pdfPage)
		}},
		{Name: "pdf-flate-bomb.pdf", Want: "expand past the", Big: true, Make: bomb},
		{Name: "pdf-shared-kids.pdf", Want: "names more pages than the file can hold", Make: shared},
	}
}
