package reader

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

// officeZip is an Office Open XML package (docx, xlsx) opened for reading
// with a budget: the XML parts read from it may expand to at most budget
// bytes in all, so a zip bomb costs a bounded amount of memory and time.
type officeZip struct {
	r      *zip.Reader
	budget int64
	limit  int64
	kind   string // "Word", "Excel": for messages
}

// openOffice opens b as an Office package, telling apart the ways it can
// fail to be one: an encrypted file, a legacy binary document, a damaged
// or truncated zip.
func openOffice(b []byte, kind, ext string, limit int64) (*officeZip, error) {
	if isOLE(b) {
		return nil, oleError(b, ext)
	}
	r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("not a readable %s file: the zip container is damaged or truncated (%v)", ext, err)
	}
	return &officeZip{r: r, budget: limit, limit: limit, kind: kind}, nil
}

// file finds a part by name; case differs between producers.
func (z *officeZip) file(name string) *zip.File {
	for _, f := range z.r.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// files returns the parts under dir whose base name starts with prefix and
// ends in .xml, in natural order (header2 before header10).
func (z *officeZip) files(dir, prefix string) []*zip.File {
	var out []*zip.File
	for _, f := range z.r.File {
		d, base := path.Split(f.Name)
		if strings.EqualFold(strings.TrimSuffix(d, "/"), dir) && strings.HasPrefix(strings.ToLower(base), prefix) && strings.HasSuffix(strings.ToLower(base), ".xml") {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Name, out[j].Name
		if len(a) != len(b) {
			return len(a) < len(b)
		}
		return a < b
	})
	return out
}

// errExpands marks a package whose parts expand past the budget.
var errExpands = errors.New("expands past the size limit")

// read returns a part's bytes, charging them to the budget.
func (z *officeZip) read(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > uint64(z.budget) {
		return nil, z.bombError(f)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("cannot open %s inside the file: %v", f.Name, err)
	}
	defer rc.Close()
	// The declared size may lie; the limit reader is the real guard.
	b, err := io.ReadAll(io.LimitReader(rc, z.budget+1))
	if int64(len(b)) > z.budget {
		return nil, z.bombError(f)
	}
	if err != nil {
		return nil, fmt.Errorf("damaged: %s cannot be decompressed (%v)", f.Name, err)
	}
	z.budget -= int64(len(b))
	return b, nil
}

func (z *officeZip) bombError(f *zip.File) error {
	return fmt.Errorf("%s %w of %s when decompressed (a zip bomb?); raise --max-size if the file is genuine", f.Name, errExpands, FormatSize(z.limit))
}

// oleMagic starts every OLE2 compound file: legacy .doc/.xls/.wps, and
// also Office files encrypted with a password, which Office wraps in one.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

func isOLE(b []byte) bool { return bytes.HasPrefix(b, oleMagic) }

// oleError explains why an OLE2 file cannot be read.
func oleError(b []byte, ext string) error {
	if bytes.Contains(b, utf16le("EncryptedPackage")) || bytes.Contains(b, utf16le("EncryptionInfo")) {
		return errors.New("encrypted with a password: save a copy without the password and audit that")
	}
	switch {
	case bytes.Contains(b, utf16le("WordDocument")):
		return errors.New("legacy Word (.doc/.wps) file, which shouhou cannot read: save it as .docx and try again")
	case bytes.Contains(b, utf16le("Workbook")) || bytes.Contains(b, utf16le("Book")):
		return errors.New("legacy Excel (.xls/.et) file, which shouhou cannot read: save it as .xlsx and try again")
	}
	return fmt.Errorf("legacy Office binary file, not %s: save it as .docx or .xlsx and try again", ext)
}

func utf16le(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i], 0)
	}
	return out
}
