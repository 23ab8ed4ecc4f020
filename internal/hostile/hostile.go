// Package hostile writes documents made to break a document reader: page
// trees that loop, compression bombs, one-line megabytes, runs that make
// scanners backtrack, odd file names. Every case must end as a result or
// as one error line, in a time linear in its size; the tests of package
// main run them all in one batch (see hostile_cli_test.go), and
// scripts/hostile writes them to a folder for trying by hand.
package hostile

import (
	"os"
	"path/filepath"
)

// Case is one hostile document.
type Case struct {
	Name string
	// Want is a part of the one-line error the document must get; empty
	// means it must be read (warnings allowed).
	Want string
	// Big marks a case that takes a second or more; -short leaves it out.
	Big  bool
	Make func() []byte
}

// Cases lists every case.
func Cases() []Case {
	var out []Case
	out = append(out, pdfCases()...)
	out = append(out, textCases()...)
	out = append(out, officeCases()...)
	return out
}

// Write writes the cases to dir (created if need be), leaving out the big
// ones when small is set, and returns the names written.
func Write(dir string, small bool) ([]Case, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var out []Case
	for _, c := range Cases() {
		if small && c.Big {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, c.Name), c.Make(), 0o644); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}
