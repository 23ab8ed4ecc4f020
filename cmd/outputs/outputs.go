// Package outputs turns -o and --format into report files and writes
// them safely: each file through a temporary file beside it, renamed into
// place at the end, never over a document being read.
package outputs

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"

	"shouhou/cmd/cmdutil"
	"shouhou/reports/render"
)

// Target is one report to write: a format and a file ("" for stdout).
type Target struct {
	Format render.FormatName
	Path   string
}

// extFormats tells a report file's format by its extension.
var extFormats = map[string]render.FormatName{
	".xlsx": "xlsx", ".sarif": "sarif", ".xml": "junit", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
	".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".txt": "table", ".log": "github",
	".html": "html", ".htm": "html",
}

// Targets turns --format and -o into the reports to write. One -o takes
// --format when it was given (formatSet), else its extension; several -o
// each take their extension, or say FORMAT:FILE; FORMAT:- is stdout.
// format is --format's text: whether the command writes it is for the
// command to say.
func Targets(specs []string, format string, formatSet bool) ([]Target, error) {
	name := render.FormatName(format)
	if len(specs) == 0 {
		return []Target{{Format: name}}, nil
	}
	var out []Target
	seen := map[string]bool{}
	for _, spec := range specs {
		t := Target{Path: spec}
		if f, p, ok := strings.Cut(spec, ":"); ok && slices.Contains(render.Formats, render.FormatName(f)) {
			t = Target{Format: render.FormatName(f), Path: p}
		} else if len(specs) == 1 && formatSet {
			t.Format = name
		} else if f := extFormats[strings.ToLower(filepath.Ext(spec))]; f != "" {
			t.Format = f
		} else if len(specs) == 1 {
			t.Format = name
		} else {
			return nil, cmdutil.FlagErrorf("-o %s: cannot tell the format from the extension; write FORMAT:%s (formats: %s)", spec, spec, strings.Join(render.Names(render.Formats), ", "))
		}
		switch t.Path {
		case "":
			return nil, cmdutil.FlagErrorf("-o %s: no file name", spec)
		case "-":
			t.Path = "" // standard output, e.g. -o github:- beside -o report.sarif
		}
		key := filepath.Clean(t.Path)
		if t.Path == "" {
			key = "-"
		}
		if seen[key] {
			return nil, cmdutil.FlagErrorf("-o %s is given twice", spec)
		}
		seen[key] = true
		out = append(out, t)
	}
	return out, nil
}

// CheckNotInputs refuses a report file that is one of the files to be
// read: nothing a user gave may be overwritten.
func CheckNotInputs(targets []Target, inputs []string) error {
	for _, t := range targets {
		if t.Path == "" {
			continue
		}
		out, err := os.Stat(t.Path)
		if err != nil {
			continue // a new file
		}
		for _, in := range inputs {
			if st, err := os.Stat(in); err == nil && os.SameFile(st, out) {
				return cmdutil.FlagErrorf("-o %s is one of the documents to audit; choose another report file", t.Path)
			}
		}
	}
	return nil
}

// File is where one report goes: standard output, or a file written
// through a temporary file in the same folder and renamed into place by
// Commit, so a run that fails half-way never leaves half a report (or
// truncates a good one).
type File struct {
	W      io.Writer
	Format render.FormatName
	Path   string
	tmp    *os.File
	direct *os.File // a device or pipe written in place
}

// Open starts writing t. A target that exists and is not a regular file
// (/dev/null, /dev/stdout, a named pipe) is written directly: renaming a
// file over it would replace the device with a file.
func Open(stdout io.Writer, t Target) (*File, error) {
	if t.Path == "" {
		return &File{W: stdout, Format: t.Format}, nil
	}
	if st, err := os.Stat(t.Path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		w, err := os.OpenFile(t.Path, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("cannot write report %s: %v", t.Path, err)
		}
		return &File{W: w, direct: w, Path: t.Path, Format: t.Format}, nil
	}
	removeOnSignal()
	// Created and recorded under the lock, so that a signal coming in
	// between cannot miss the file.
	temps.mu.Lock()
	tmp, err := os.CreateTemp(filepath.Dir(t.Path), "."+filepath.Base(t.Path)+".*.tmp")
	if err == nil {
		temps.names[tmp.Name()] = true
	}
	temps.mu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("cannot write report %s: %v", t.Path, err)
	}
	return &File{W: tmp, tmp: tmp, Path: t.Path, Format: t.Format}, nil
}

// temps are the temporary files of reports being written, removed if the
// run is interrupted (SIGINT, SIGTERM) so that no .report.*.tmp is left.
var temps = &tempSet{names: map[string]bool{}}

type tempSet struct {
	mu    sync.Mutex
	names map[string]bool
}

func (s *tempSet) remove(name string) {
	s.mu.Lock()
	delete(s.names, name)
	s.mu.Unlock()
}

// removeTemps removes every temporary report file still open; it keeps
// the lock so that none is renamed into place meanwhile.
func removeTemps() {
	temps.mu.Lock()
	for name := range temps.names {
		os.Remove(name)
	}
	clear(temps.names)
}

var signalOnce sync.Once

// removeOnSignal makes SIGINT and SIGTERM remove the temporary report
// files before the process ends with the usual 128+signal status; the
// reports already in place are left as they were.
func removeOnSignal() {
	signalOnce.Do(func() {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
		go func() {
			sig := <-ch
			removeTemps()
			code := 130
			if sig == syscall.SIGTERM {
				code = 143
			}
			os.Exit(code)
		}()
	})
}

// IsStdout reports whether the report goes to standard output.
func (f *File) IsStdout() bool { return f.Path == "" }

// Name names the report for messages.
func (f *File) Name() string {
	if f.Path == "" {
		return "to standard output"
	}
	return f.Path
}

// Commit finishes the report: for a file, renames it into place.
func (f *File) Commit() error {
	if f.direct != nil {
		err := f.direct.Close()
		f.direct = nil
		return err
	}
	if f.tmp == nil {
		return nil
	}
	name := f.tmp.Name()
	err := f.tmp.Close()
	f.tmp = nil
	defer temps.remove(name)
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("cannot write report: %v", err)
	}
	_ = os.Chmod(name, 0o644)
	if err := os.Rename(name, f.Path); err != nil {
		os.Remove(name)
		return fmt.Errorf("cannot write report: %v", err)
	}
	return nil
}

// Abort drops an unfinished report file; after Commit it does nothing.
func (f *File) Abort() {
	if f.direct != nil {
		f.direct.Close()
		f.direct = nil
	}
	if f.tmp != nil {
		f.tmp.Close()
		os.Remove(f.tmp.Name())
		temps.remove(f.tmp.Name())
		f.tmp = nil
	}
}

// Finish writes the report with write, puts the file in place and, unless
// quiet, says where on errOut.
func (f *File) Finish(write func(w io.Writer) error, errOut io.Writer, quiet bool) error {
	err := write(f.W)
	if err == nil {
		err = f.Commit()
	}
	f.Abort()
	if err != nil {
		return fmt.Errorf("cannot write report %s: %v", f.Name(), err)
	}
	if !f.IsStdout() && !quiet {
		fmt.Fprintf(errOut, "shouhou: %s report written to %s\n", f.Format, render.TerminalSafe(filepath.Clean(f.Path)))
	}
	return nil
}

// WriteAll writes the report to each target in turn, through a file that
// is put in place whole (Open, Finish): write is given the report's File,
// for its format and whether it is standard output, and the writer. The
// first report that cannot be written ends it, a usage error (exit 2).
func WriteAll(stdout, errOut io.Writer, targets []Target, quiet bool, write func(f *File, w io.Writer) error) error {
	for _, t := range targets {
		out, err := Open(stdout, t)
		if err != nil {
			return cmdutil.UsageError(err)
		}
		if err := out.Finish(func(w io.Writer) error { return write(out, w) }, errOut, quiet); err != nil {
			return cmdutil.UsageError(err)
		}
	}
	return nil
}
