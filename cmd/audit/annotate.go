package audit

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"shouhou/annotate"
	"shouhou/checker/reader"
	"shouhou/cmd/cmdutil"
	"shouhou/cmd/outputs"
	"shouhou/reports"
	"shouhou/reports/render"
)

// annotateOutputs takes -o FILE.docx (or docx:FILE) out of the report
// outputs: it names the annotated copy of the one document audited. The
// other -o values are returned.
func (o *Options) annotateOutputs(inputs int) ([]string, error) {
	var rest []string
	for _, spec := range o.Outputs {
		file, isDocx := strings.CutPrefix(spec, "docx:")
		if !isDocx && !strings.EqualFold(filepath.Ext(spec), ".docx") || slices.Contains(render.Formats, render.FormatName(strings.SplitN(spec, ":", 2)[0])) && !isDocx {
			rest = append(rest, spec)
			continue
		}
		if o.annotateFile != "" {
			return nil, cmdutil.FlagErrorf("-o %s: only one annotated .docx per run; use --annotate DIR for several documents", spec)
		}
		if file == "" || file == "-" {
			return nil, cmdutil.FlagErrorf("-o %s: an annotated .docx needs a file name", spec)
		}
		o.annotateFile = file
	}
	if o.annotateFile != "" && inputs != 1 {
		return nil, cmdutil.FlagErrorf("-o %s annotates one document, and %d were given; use --annotate DIR for several", o.annotateFile, inputs)
	}
	return rest, nil
}

// annotate writes the annotated Word copy of d.
func (o *Options) annotate(d reports.Document) error {
	path := o.annotateFile
	if path == "" {
		path = annotatedName(o.Annotate, d.Path)
	}
	var orig []byte
	if d.Format == "docx" {
		if d.Path == reader.StdinPath {
			return errors.New("a Word document read from standard input cannot be copied; name the file")
		}
		b, err := os.ReadFile(d.Path)
		if err != nil {
			return err
		}
		orig = b
	}
	if in, err := os.Stat(d.Path); err == nil {
		if out, err := os.Stat(path); err == nil && os.SameFile(in, out) {
			return fmt.Errorf("%s is the document itself; choose another folder", path)
		}
	}
	res, err := annotate.Document(d, orig)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := outputs.Open(nil, outputs.Target{Format: "docx", Path: path})
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := f.Finish(func(w io.Writer) error { _, err := w.Write(res.Docx); return err }, nil, true); err != nil {
		return err
	}
	if !o.Quiet {
		fmt.Fprintf(o.IO.ErrOut, "shouhou: %d comments written to %s\n", len(res.Placed), filepath.Clean(path))
	}
	return nil
}

// annotatedName is where --annotate DIR puts the copy of a document: the
// document's path under DIR (without a leading / or ..), with .docx added
// unless it is one already.
func annotatedName(dir, path string) string {
	if path == reader.StdinPath {
		path = "stdin"
	}
	p := filepath.ToSlash(filepath.Clean(path))
	p = strings.TrimPrefix(p, filepath.ToSlash(filepath.VolumeName(p)))
	var keep []string
	for _, part := range strings.Split(p, "/") {
		if part != "" && part != "." && part != ".." {
			keep = append(keep, part)
		}
	}
	p = strings.Join(keep, "/")
	if !strings.EqualFold(filepath.Ext(p), ".docx") {
		p += ".docx"
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}
