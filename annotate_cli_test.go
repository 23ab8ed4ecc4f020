package main

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shouhou/reports"
)

// commentsIn counts the comments of a .docx and returns comments.xml.
func commentsIn(t *testing.T, path string) (int, string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "word/comments.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return strings.Count(string(b), "<w:comment "), string(b)
		}
	}
	t.Fatalf("%s has no comments part", path)
	return 0, ""
}

// TestAnnotateCLI: -o FILE.docx annotates the one document audited (a
// text file becomes a new .docx), --annotate DIR every document, and -o
// FILE.docx with several documents is a usage error.
func TestAnnotateCLI(t *testing.T) {
	dir := t.TempDir()
	findings := func(doc string) []reports.Finding {
		out, _, _ := run(t, "", "audit", "-f", "json", doc)
		var r reports.Report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r.Documents[0].Findings
	}
	for _, doc := range []string{"testdata/policies/bad_policy.txt", "testdata/annotate/policy.docx", "testdata/formats/policy.html"} {
		out := filepath.Join(dir, filepath.Base(doc)+".docx")
		stdout, stderr, code := run(t, "", "audit", "-o", out, doc)
		want := findings(doc)
		if stdout != "" || !strings.Contains(stderr, out) {
			t.Errorf("%s: stdout %q stderr %q", doc, stdout, stderr)
		}
		if (code == 1) != hasError(want) {
			t.Errorf("%s: exit %d", doc, code)
		}
		n, xml := commentsIn(t, out)
		if n != len(want) {
			t.Errorf("%s: %d comments, %d findings", doc, n, len(want))
		}
		for _, f := range want {
			if !strings.Contains(xml, f.Rule) {
				t.Errorf("%s: no comment names %s", doc, f.Rule)
			}
		}
	}

	ann := filepath.Join(dir, "ann")
	_, stderr, code := run(t, "", "audit", "-q", "--annotate", ann, "testdata/policies/bad_policy.txt", "testdata/annotate/policy.docx")
	if code != 1 || stderr != "" {
		t.Errorf("--annotate: exit %d, stderr %q", code, stderr)
	}
	for _, p := range []string{"testdata/policies/bad_policy.txt.docx", "testdata/annotate/policy.docx"} {
		if _, err := os.Stat(filepath.Join(ann, p)); err != nil {
			t.Errorf("--annotate: %v", err)
		}
	}

	_, stderr, code = run(t, "", "audit", "-o", filepath.Join(dir, "x.docx"), "testdata/policies/bad_policy.txt", "testdata/policies/clean_policy.md")
	if code != 2 || !strings.Contains(stderr, "--annotate DIR") {
		t.Errorf("-o x.docx with two documents: exit %d, %q", code, stderr)
	}
}

func hasError(fs []reports.Finding) bool {
	for _, f := range fs {
		if f.Severity == "error" {
			return true
		}
	}
	return false
}
