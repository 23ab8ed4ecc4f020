package audit

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// output is where the report goes: standard output, or -o FILE written
// through a temporary file in the same folder and renamed into place at
// the end, so a run that fails half-way never leaves half a report (or
// truncates a good one).
type output struct {
	w      io.Writer
	tmp    *os.File
	path   string
	format string
}

func openOutput(stdout io.Writer, t target) (*output, error) {
	if t.path == "" {
		return &output{w: stdout, format: t.format}, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(t.path), "."+filepath.Base(t.path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot write report %s: %v", t.path, err)
	}
	return &output{w: tmp, tmp: tmp, path: t.path, format: t.format}, nil
}

func (o *output) name() string {
	if o.path == "" {
		return "to standard output"
	}
	return o.path
}

// commit finishes the report: for a file, renames it into place.
func (o *output) commit() error {
	if o.tmp == nil {
		return nil
	}
	name := o.tmp.Name()
	if err := o.tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("cannot write report: %v", err)
	}
	_ = os.Chmod(name, 0o644)
	if err := os.Rename(name, o.path); err != nil {
		os.Remove(name)
		return fmt.Errorf("cannot write report: %v", err)
	}
	return nil
}

// abort drops an unfinished report file.
func (o *output) abort() {
	if o.tmp != nil {
		o.tmp.Close()
		os.Remove(o.tmp.Name())
	}
}
