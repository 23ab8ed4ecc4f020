package outputs

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"shouhou/cmd/cmdutil"
)

// TestTargets: --format and -o become the reports to write: one -o
// follows --format when given, else its extension; several -o each take
// their extension or FORMAT:FILE; FORMAT:- is standard output.
func TestTargets(t *testing.T) {
	cases := []struct {
		name      string
		specs     []string
		format    string
		formatSet bool
		want      []Target
		err       string
	}{
		{"stdout", nil, "stylish", false, []Target{{Format: "stylish"}}, ""},
		{"one file by extension", []string{"r.sarif"}, "stylish", false, []Target{{"sarif", "r.sarif"}}, ""},
		{"one file, --format wins", []string{"r.txt"}, "json", true, []Target{{"json", "r.txt"}}, ""},
		{"one file, unknown extension", []string{"r.bin"}, "table", false, []Target{{"table", "r.bin"}}, ""},
		{"extension case", []string{"R.XLSX", "j.xml"}, "table", false, []Target{{"xlsx", "R.XLSX"}, {"junit", "j.xml"}}, ""},
		{"FORMAT:FILE and FORMAT:-", []string{"csv:a.bin", "github:-"}, "table", false, []Target{{"csv", "a.bin"}, {"github", ""}}, ""},
		{"several, one unknown", []string{"a.bin", "b.json"}, "table", false, nil, "cannot tell the format from the extension"},
		{"twice", []string{"x.json", "./x.json"}, "table", false, nil, "is given twice"},
		{"stdout twice", []string{"json:-", "csv:-"}, "table", false, nil, "is given twice"},
		{"no name", []string{"csv:"}, "table", false, nil, "no file name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Targets(c.specs, c.format, c.formatSet)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || cmdutil.ExitCode(err) != cmdutil.ExitUsage {
					t.Errorf("err %v, want a usage error with %q", err, c.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, c.want) {
				t.Errorf("%+v, %v; want %+v", got, err, c.want)
			}
		})
	}
}

// TestCheckNotInputs: a report may not be one of the documents read,
// however its path is written.
func TestCheckNotInputs(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "doc.txt")
	if err := os.WriteFile(doc, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		target string
		bad    bool
	}{{doc, true}, {filepath.Join(dir, ".", "doc.txt"), true}, {filepath.Join(dir, "new.json"), false}, {"", false}}
	for _, c := range cases {
		err := CheckNotInputs([]Target{{Format: "json", Path: c.target}}, []string{doc})
		if (err != nil) != c.bad || c.bad && !strings.Contains(err.Error(), "is one of the documents to audit") {
			t.Errorf("-o %q: %v", c.target, err)
		}
	}
}

// TestFinish: a report is written whole and named on stderr (unless
// quiet); one whose writing fails leaves no file, no temporary file, and
// the earlier report untouched.
func TestFinish(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	cases := []struct {
		name   string
		quiet  bool
		write  func(io.Writer) error
		want   string // the file afterwards
		stderr string
		err    string
	}{
		{"written", false, func(w io.Writer) error { _, err := io.WriteString(w, "one"); return err }, "one", "shouhou: json report written to " + path + "\n", ""},
		{"quiet", true, func(w io.Writer) error { _, err := io.WriteString(w, "two"); return err }, "two", "", ""},
		{"failed", false, func(w io.Writer) error { io.WriteString(w, "half"); return errors.New("disk full") }, "two", "", "cannot write report " + path + ": disk full"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Open(nil, Target{Format: "json", Path: path})
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			err = f.Finish(c.write, &stderr, c.quiet)
			if c.err == "" && err != nil || c.err != "" && (err == nil || err.Error() != c.err) {
				t.Errorf("err %v, want %q", err, c.err)
			}
			if stderr.String() != c.stderr {
				t.Errorf("stderr %q, want %q", stderr.String(), c.stderr)
			}
			if b, _ := os.ReadFile(path); string(b) != c.want {
				t.Errorf("file holds %q, want %q", b, c.want)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
	var out bytes.Buffer
	f, _ := Open(&out, Target{Format: "csv"})
	if err := f.Finish(func(w io.Writer) error { _, err := io.WriteString(w, "a,b\n"); return err }, io.Discard, false); err != nil || out.String() != "a,b\n" || !f.IsStdout() {
		t.Errorf("stdout report: %v %q", err, out.String())
	}
}

// TestWriteAll: each report is written in turn with its own format; one
// that cannot be written ends the run with exit 2 naming it.
func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "a.csv"), filepath.Join(dir, "none", "b.json")
	var stdout, stderr bytes.Buffer
	var seen []string
	write := func(f *File, w io.Writer) error {
		seen = append(seen, string(f.Format)+" "+strings.TrimPrefix(f.Name(), dir))
		_, err := io.WriteString(w, string(f.Format))
		return err
	}
	err := WriteAll(&stdout, &stderr, []Target{{Format: "table"}, {Format: "csv", Path: good}, {Format: "json", Path: bad}, {Format: "sarif", Path: good + ".sarif"}}, false, write)
	if cmdutil.ExitCode(err) != cmdutil.ExitUsage || !strings.Contains(err.Error(), bad) {
		t.Errorf("err %v, want exit 2 naming %s", err, bad)
	}
	if want := []string{"table to standard output", "csv /a.csv"}; !reflect.DeepEqual(seen, want) {
		t.Errorf("written %v, want %v", seen, want)
	}
	if b, _ := os.ReadFile(good); stdout.String() != "table" || string(b) != "csv" || stderr.String() != "shouhou: csv report written to "+good+"\n" {
		t.Errorf("stdout %q, %s holds %q, stderr %q", stdout.String(), good, b, stderr.String())
	}
}
