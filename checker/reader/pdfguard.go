package reader

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// The PDF library follows a file's own pointers without bounds: a /Prev
// chain of cross-reference sections that loops, a page tree whose /Kids
// or /Parent lead back to themselves, a /Count of two thousand million,
// a Flate stream that inflates a hundred kilobytes to gigabytes. Each
// would hang the batch or exhaust its memory, so the file is checked for
// them first and the pages are found by a bounded walk of our own.

// pdfMaxDepth bounds the page tree's depth and a page's /Parent chain;
// real files nest a few levels (balanced trees of 10-fold fan-out hold
// millions of pages in 7).
const pdfMaxDepth = 64

var (
	startxrefRe = lazyRe(`startxref\s+(\d+)`)
	prevRe      = lazyRe(`/Prev\s+(\d+)`)
	xrefObjRe   = lazyRe(`^\s*\d+\s+\d+\s+obj`)
)

// checkXrefChain follows the /Prev chain from the last startxref and
// refuses a chain that comes back to a section already read. Anything it
// cannot make sense of is left to the library, which reports it.
func checkXrefChain(b []byte) error {
	tail := b[max(0, len(b)-2048):]
	all := startxrefRe().FindAllSubmatch(tail, -1)
	if len(all) == 0 {
		return nil
	}
	off, err := strconv.ParseInt(string(all[len(all)-1][1]), 10, 64)
	seen := map[int64]bool{}
	for err == nil && off >= 0 && off < int64(len(b)) {
		if seen[off] {
			return errors.New("not a readable PDF: its cross-reference chain (/Prev) loops back on itself")
		}
		seen[off] = true
		if len(seen) > 100000 {
			return errors.New("not a readable PDF: its cross-reference chain (/Prev) has more than 100,000 sections")
		}
		sec := b[off:]
		var dict []byte
		switch {
		case bytes.HasPrefix(bytes.TrimLeft(sec, " \t\r\n"), []byte("xref")):
			t := bytes.Index(sec, []byte("trailer"))
			if t < 0 {
				return nil
			}
			dict = sec[t:]
		case xrefObjRe().Match(sec[:min(len(sec), 64)]):
			dict = sec
		default:
			return nil
		}
		// The dictionary ends before its stream or the next startxref.
		end := len(dict)
		for _, kw := range [][]byte{[]byte("stream"), []byte("startxref")} {
			if i := bytes.Index(dict[:end], kw); i >= 0 {
				end = i
			}
		}
		m := prevRe().FindSubmatch(dict[:end])
		if m == nil {
			return nil
		}
		off, err = strconv.ParseInt(string(m[1]), 10, 64)
	}
	return nil
}

var streamRe = lazyRe(`stream\r?\n`)

// checkPDFStreams inflates every Flate stream of b, discarding the output,
// and refuses a file whose streams together expand past limit: the
// library would hold each of them in memory whole.
func checkPDFStreams(b []byte, limit int64) error {
	budget := limit
	for _, loc := range streamRe().FindAllIndex(b, -1) {
		if loc[0] >= 3 && string(b[loc[0]-3:loc[0]]) == "end" {
			continue
		}
		data := b[loc[1]:]
		if len(data) < 2 || (uint16(data[0])<<8|uint16(data[1]))%31 != 0 || data[0]&0x0f != 8 {
			continue // not zlib
		}
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			continue
		}
		n, _ := io.Copy(io.Discard, io.LimitReader(zr, budget+1))
		zr.Close()
		budget -= n
		if budget < 0 {
			return fmt.Errorf("its compressed streams expand past the %s limit (a compression bomb?); raise --max-size if the file is genuine", FormatSize(limit))
		}
	}
	return nil
}

// pdfPages lists the pages of r in order by walking the page tree from
// the root, as Reader.Page does, but bounded: no deeper than pdfMaxDepth
// (a /Kids cycle is infinitely deep) and visiting at most maxNodes nodes
// (a tree that shares its subtrees can name more pages than the file
// could hold). /Count is not trusted.
func pdfPages(r *pdf.Reader, maxNodes int) ([]pdf.Page, error) {
	var pages []pdf.Page
	nodes := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		if depth > pdfMaxDepth {
			return fmt.Errorf("not a readable PDF: its page tree is more than %d levels deep (/Kids loop back?)", pdfMaxDepth)
		}
		kids := v.Key("Kids")
		for i := 0; i < kids.Len(); i++ {
			if nodes++; nodes > maxNodes {
				return errors.New("not a readable PDF: its page tree names more pages than the file can hold (/Kids repeat or loop?)")
			}
			kid := kids.Index(i)
			switch kid.Key("Type").Name() {
			case "Pages":
				if err := walk(kid, depth+1); err != nil {
					return err
				}
			case "Page":
				pages = append(pages, pdf.Page{V: kid})
			}
		}
		return nil
	}
	root := r.Trailer().Key("Root").Key("Pages")
	if root.Key("Type").Name() != "Pages" {
		return nil, nil
	}
	return pages, walk(root, 0)
}

// checkParents refuses a page whose /Parent chain does not end: the
// library looks up inherited resources along it.
func checkParents(p pdf.Page, n int) error {
	v := p.V
	for depth := 0; !v.IsNull(); depth++ {
		if depth > pdfMaxDepth {
			return fmt.Errorf("not a readable PDF: page %d's /Parent chain is more than %d levels long (it loops?)", n, pdfMaxDepth)
		}
		v = v.Key("Parent")
	}
	return nil
}
