package reader

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every file in testdata/bad is refused with a reason a person can act on.
func TestBadInput(t *testing.T) {
	cases := map[string]string{
		"empty.txt":      "empty file",
		"blank.txt":      "empty file (only white space)",
		"binary.txt":     "binary file",
		"nul.txt":        "binary file (NUL bytes)",
		"invalid.txt":    "unknown text encoding",
		"truncated.docx": "zip container is damaged or truncated",
		"corrupt.xlsx":   "not a readable .xlsx file: damaged",
		"zipbomb.docx":   "word/document.xml expands past the size limit of 50 MB",
		"encrypted.xlsx": "encrypted with a password",
		"encrypted.pdf":  "encrypted with a password",
		"scan.pdf":       "no text layer (a scanned PDF?): audit it with --ocr auto",
		"truncated.pdf":  "not a readable PDF: damaged or truncated",
		"truncated.doc":  "not a readable .doc file: the OLE2 container is damaged or truncated",
		"encrypted.doc":  "encrypted with a password",
		"kingsoft.wps":   "an old Kingsoft WPS file (not the Word-compatible format WPS Office saves)",
		"unfollowed.pdf": "not a readable PDF: no pages found",
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "bad", "*"))
	if err != nil || len(files) != len(cases) {
		t.Fatalf("testdata/bad holds %d files, the test knows %d: every bad file needs its expected reason", len(files), len(cases))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			want, ok := cases[name]
			if !ok {
				t.Fatalf("no expected reason for %s", name)
			}
			src, err := ReadFile(path, Options{})
			if err == nil {
				t.Fatalf("read without error: %d blocks", len(src.Blocks))
			}
			msg := err.Error()
			if !strings.Contains(msg, want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want one line containing %q", msg, want)
			}
		})
	}
}

// Cases that cannot be shipped as files: they depend on the file system
// or on options.
func TestBadInputMadeHere(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := write("big.txt", bytes.Repeat([]byte("七日内可退货。\n"), 200))
	var deflated bytes.Buffer
	zw := zip.NewWriter(&deflated)
	for name, body := range map[string]string{
		"[Content_Types].xml": "<Types/>",
		"word/document.xml":   `<w:document ` + wordNS + `><w:body>` + strings.Repeat(p(r("七日内可退货。")), 2000) + `</w:body></w:document>`,
	} {
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	docx := write("big.docx", deflated.Bytes())
	loop := filepath.Join(dir, "loop.txt")
	if err := os.Symlink(loop, loop); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	ole := write("old.doc", append(append([]byte{}, oleMagic...), utf16le("WordDocument")...))
	xls := write("old.xls", append(append([]byte{}, oleMagic...), utf16le("Workbook")...))
	rtf := write("x.doc", []byte("{\\rtf1\\ansi 七日内}"))
	// Word encrypts a .docx into the same OLE2 container as an .xlsx.
	encDocx := write("locked.docx", readTestdata(t, "bad/encrypted.xlsx"))

	cases := []struct {
		path string
		opt  Options
		want string
	}{
		{big, Options{MaxSize: 1000}, "file is 4400 bytes, over the 1000 bytes limit (raise it with --max-size)"},
		{docx, Options{MaxSize: 20000}, "word/document.xml expands past the size limit of 19 KB when decompressed (a zip bomb?)"},
		{loop, Options{}, "symbolic link loop"},
		{filepath.Join(dir, "missing.txt"), Options{}, "no such file or folder"},
		{dir, Options{}, "a folder, not a file"},
		{ole, Options{}, "not a readable .doc file: the OLE2 container is damaged or truncated"},
		{xls, Options{}, "legacy Excel (.xls/.et) file, which shouhou cannot read: save it as .xlsx"},
		{rtf, Options{}, "RTF file"},
		{encDocx, Options{}, "encrypted with a password: save a copy without the password"},
	}
	for _, c := range cases {
		_, err := ReadFile(c.path, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", filepath.Base(c.path), err, c.want)
		}
	}
}

func TestPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		// root reads any file; the message itself is checked below.
		if err := describeOpenError(&fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}); err.Error() != "permission denied" {
			t.Errorf("got %q", err)
		}
		return
	}
	p := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(p, []byte("七日内可退货"), 0o000); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(p, Options{}); err == nil || err.Error() != "permission denied" {
		t.Errorf("error %v, want permission denied", err)
	}
}

// A panic inside a reader is that document's error, not the batch's end.
func TestReaderPanicIsAnError(t *testing.T) {
	parsers["boom"] = func(*Source, []byte, Options) error { panic("index out of range") }
	defer delete(parsers, "boom")
	_, err := Parse("x.boom", []byte("x"), "boom", Options{})
	if err == nil || !strings.Contains(err.Error(), "internal error while reading (please report it): index out of range") {
		t.Errorf("error %v", err)
	}
}

func TestExpandWalk(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"a.txt", "b.docx", "c.xlsx", "d.html", "e.pdf", "f.doc", "g.png", "notes",
		".hidden.txt", ".git/x.txt", "草稿/h.txt", "old/i.txt", "old/keep/j.md", "k.bak.txt",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("七日内可退货"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rel := func(in []Input) []string { return relInputs(dir, in) }
	cases := []struct {
		name string
		args []string
		opt  ExpandOptions
		want []string
	}{
		{"known extensions, hidden passed over", []string{dir}, ExpandOptions{},
			[]string{"a.txt", "b.docx", "c.xlsx", "d.html", "e.pdf", "f.doc", "k.bak.txt", "old/i.txt", "old/keep/j.md", "草稿/h.txt"}},
		{"exclude by name and by path", []string{dir}, ExpandOptions{Exclude: []string{"草稿", "*.bak.*", "old/*.txt", "*.pdf"}},
			[]string{"a.txt", "b.docx", "c.xlsx", "d.html", "f.doc", "old/keep/j.md"}},
		{"a file named explicitly is always tried", []string{filepath.Join(dir, "notes"), filepath.Join(dir, "g.png")}, ExpandOptions{Exclude: []string{"*"}},
			[]string{"notes", "g.png"}},
		{"globs skip hidden and excluded names", []string{filepath.Join(dir, "*.txt")}, ExpandOptions{Exclude: []string{"k*"}},
			[]string{"a.txt"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			equalLines(t, rel(Expand(c.args, c.opt)), c.want)
		})
	}
}

func TestExpandSymlinks(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	if err := os.MkdirAll(filepath.Join(docs, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "sub", "a.txt"), []byte("七日"), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, "b.txt"), []byte("七日"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		filepath.Join(docs, "sub", "up"): docs,  // a loop back to the top
		filepath.Join(docs, "elsewhere"): other, // a folder outside
		filepath.Join(docs, "self.txt"):  filepath.Join(docs, "self.txt"),
	}
	for link, target := range links {
		if err := os.Symlink(target, link); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	names := func(in []Input) []string { return relInputs(dir, in) }
	equalLines(t, names(Expand([]string{docs}, ExpandOptions{})), []string{"docs/sub/a.txt"})
	equalLines(t, names(Expand([]string{docs}, ExpandOptions{Follow: true})), []string{
		"docs/elsewhere/b.txt",
		"docs/self.txt ! symbolic link loop",
		"docs/sub/a.txt",
		"docs/sub/up ! symbolic link loop (this folder is already being read)",
	})
}

// relInputs shows inputs as paths below dir, with " ! error" for failures.
func relInputs(dir string, in []Input) []string {
	var out []string
	for _, i := range in {
		r, _ := filepath.Rel(dir, i.Path)
		if i.Err != nil {
			r += " ! " + i.Err.Error()
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out
}
