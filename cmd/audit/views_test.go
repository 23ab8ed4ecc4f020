package audit

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"

	"shouhou/cmd/cmdutil"
	"shouhou/cmd/iostreams"
	"shouhou/reports"
)

// TestTerminalViews: the default view lists findings by file, one line
// each, wrapped to the terminal; --explain adds the basis and the fix;
// -f table keeps the boxes; -f line is path:line:col; -q prints nothing
// when the run passes; --min-severity leaves out what is below it.
func TestTerminalViews(t *testing.T) {
	bad := "testdata/policies/bad_policy.txt"
	out, _, code := execute(t, "", bad)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 1 || lines[0] != bad || !regexp.MustCompile(`^  5:17  错误  CPL-EXCH-15D +换货期限 10日 短于法定 15日$`).MatchString(lines[1]) ||
		!strings.HasPrefix(lines[len(lines)-1], "1 个文件，5 个问题（错误 5") || strings.Contains(out, "┌") {
		t.Errorf("default view (exit %d):\n%s", code, out)
	}
	if len(lines) != 8 { // path, 5 findings, blank, summary
		t.Errorf("default view has %d lines, want 8:\n%s", len(lines), out)
	}

	// At 60 columns every line fits, and continuation lines start under
	// the message.
	ios, _, buf, _ := iostreams.Test()
	ios.SetWidth(60)
	executeWith(t, cmdutil.NewFactory(ios), "", "--explain", bad)
	wrapped := buf.String()
	for _, l := range strings.Split(wrapped, "\n") {
		if w := runewidth.StringWidth(l); w > 60 && !strings.Contains(l, "documents") {
			t.Errorf("line of %d columns at width 60: %q", w, l)
		}
	}
	for _, want := range []string{"依据：部分商品修理更换退货", "建议：写明自售出之日起十五", "                                 "} {
		if !strings.Contains(wrapped, want) {
			t.Errorf("--explain at 60 columns lacks %q:\n%s", want, wrapped)
		}
	}

	out, _, _ = execute(t, "", "-f", "table", bad)
	if !strings.Contains(out, "┌") || !strings.Contains(out, "line 5 col 17") {
		t.Errorf("-f table lost its boxes:\n%s", out)
	}
	out, _, _ = execute(t, "", "-f", "line", bad, "testdata/policies/service_commitment.txt")
	for _, want := range []string{bad + ":5:17: error CPL-EXCH-15D 换货期限 10日 短于法定 15日\n", "testdata/policies/service_commitment.txt: warning CPL-REQ-EXCHANGE 未写明换货期限\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("-f line lacks %q:\n%s", want, out)
		}
	}

	out, stderr, code := execute(t, "", "-q", "testdata/policies/clean_policy.md")
	if out != "" || stderr != "" || code != 0 {
		t.Errorf("-q on a passing run: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	out, _, code = execute(t, "", "-q", bad)
	if code != 1 || !strings.Contains(out, "CPL-EXCH-15D") {
		t.Errorf("-q on a failing run must still show why (exit %d):\n%s", code, out)
	}
	out, _, code = execute(t, "", "--min-severity", "error", "--fail-on", "warning", "testdata/policies/blank_template.txt")
	if code != 0 || strings.Contains(out, "CPL-BLANK") || !strings.Contains(out, "0 个问题") {
		t.Errorf("--min-severity error on warnings only: exit %d\n%s", code, out)
	}
	out, _, _ = execute(t, "", "testdata/policies/clean_policy.md")
	if strings.TrimSpace(out) != "1 个文件，0 个问题（错误 0，警告 0，提示 0） / 1 documents, 0 findings (0 errors, 0 warnings, 0 info)" {
		t.Errorf("clean run should print only the summary line:\n%s", out)
	}
}

func TestOutputFlags(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-o", filepath.Join(dir, "a.bin"), "-o", filepath.Join(dir, "b.json")}, 2, "cannot tell the format from the extension"},
		{[]string{"-o", "csv:" + filepath.Join(dir, "a.bin"), "-o", filepath.Join(dir, "b.json")}, 1, "csv report written"},
		{[]string{"-o", filepath.Join(dir, "x.json"), "-o", filepath.Join(dir, "x.json")}, 2, "is given twice"},
		{[]string{"-f", "nope"}, 2, "unknown --format"},
	}
	for _, c := range cases {
		args := append(c.args, "testdata/policies/bad_policy.txt")
		_, stderr, code := execute(t, "", args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
	// A binary format to a terminal needs a file name.
	if _, stderr, code := executeTTY(t, true, false, "-f", "xlsx", "testdata/policies/bad_policy.txt"); code != 2 || !strings.Contains(stderr, "give it a name with -o") {
		t.Errorf("xlsx to a terminal: exit %d %q", code, stderr)
	}
	// Colour on a terminal only, and never with NO_COLOR.
	out, _, _ := executeTTY(t, true, false, "testdata/policies/bad_policy.txt")
	if !strings.Contains(out, "\x1b[31m") {
		t.Error("no colour on a terminal")
	}
	ios, _, o, _ := iostreams.Test()
	ios.SetTTY(true, false)
	ios.SetNoColor(true)
	executeWith(t, cmdutil.NewFactory(ios), "", "testdata/policies/bad_policy.txt")
	if bytes.Contains(o.Bytes(), []byte("\x1b[")) {
		t.Error("colour despite NO_COLOR")
	}
}

// -o never overwrites a document being audited, named or inside a folder.
func TestOutputNeverOverwritesInput(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "policy.txt")
	orig, err := os.ReadFile("testdata/policies/bad_policy.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(doc, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-o", doc, doc},
		{"-o", doc, dir},
		{"-o", filepath.Join(dir, ".", "policy.txt"), filepath.Join(dir, "*.txt")},
	} {
		_, stderr, code := execute(t, "", args...)
		if code != 2 || !strings.Contains(stderr, "is one of the documents to audit") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
		if got, _ := os.ReadFile(doc); !bytes.Equal(got, orig) {
			t.Fatalf("%v overwrote the document", args)
		}
	}
}

// TestOneRunWritesWorkbookSARIFAndJUnit is the acceptance case of the reports issue: one
// batch command over testdata/ writes a workbook a lawyer can filter by
// severity, a SARIF file and a JUnit file; a terminal run shows a
// progress bar, a piped run shows none.
func TestOneRunWritesWorkbookSARIFAndJUnit(t *testing.T) {
	dir := t.TempDir()
	xlsx, sarif, junit := filepath.Join(dir, "report.xlsx"), filepath.Join(dir, "report.sarif"), filepath.Join(dir, "junit.xml")
	_, stderr, code := executeTTY(t, false, false, "-o", xlsx, "-o", sarif, "-o", junit, "testdata")
	if code != 2 { // testdata/bad and the inbox hold unreadable files
		t.Errorf("exit %d, want 2", code)
	}
	for _, f := range []string{xlsx, sarif, junit} {
		if !strings.Contains(stderr, "report written to "+f) {
			t.Errorf("stderr does not say %s was written:\n%s", f, stderr)
		}
	}
	if strings.Contains(stderr, "auditing") || strings.Contains(stderr, "\r") {
		t.Errorf("a run whose stderr is not a terminal shows progress:\n%s", stderr)
	}

	wb, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows("问题清单")
	if err != nil || len(rows) < 20 {
		t.Fatalf("问题清单 has %d rows: %v", len(rows), err)
	}
	severities := map[string]int{}
	for _, r := range rows[1:] {
		severities[r[11]]++ // the machine id; column D says 错误, 警告, 提示
	}
	if severities["error"] == 0 || severities["warning"] == 0 {
		t.Errorf("severities %v", severities)
	}
	if names := wb.GetDefinedName(); len(names) == 0 {
		t.Error("no autofilter")
	}

	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	b, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &log); err != nil || log.Version != "2.1.0" || len(log.Runs[0].Results) != len(rows)-1 {
		t.Errorf("sarif: version %q, %d results for %d findings, %v", log.Version, len(log.Runs[0].Results), len(rows)-1, err)
	}

	var suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
	}
	b, err = os.ReadFile(junit)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b, &suites); err != nil || suites.Tests == 0 || suites.Failures == 0 || suites.Errors == 0 {
		t.Errorf("junit: %+v %v", suites, err)
	}

	// On a terminal: a bar with files/s and the ETA, removed at the end.
	_, stderr, _ = executeTTY(t, false, true, "-f", "json", "testdata/policies")
	if !strings.Contains(stderr, "审计 auditing") || !strings.Contains(stderr, "files/s") || !strings.Contains(stderr, "ETA") {
		t.Errorf("no progress bar on a terminal:\n%q", stderr)
	}
	_, stderr, _ = executeTTY(t, false, true, "-q", "-f", "json", "testdata/policies")
	if strings.Contains(stderr, "auditing") {
		t.Errorf("--quiet shows progress:\n%q", stderr)
	}
}

// TestAnnotatedWordCopies: -o FILE.docx annotates the one document audited (a
// text file becomes a new .docx), --annotate DIR every document, and -o
// FILE.docx with several documents is a usage error.
func TestAnnotatedWordCopies(t *testing.T) {
	dir := t.TempDir()
	findings := func(doc string) []reports.Finding {
		out, _, _ := execute(t, "", "-f", "json", doc)
		var r reports.Report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r.Documents[0].Findings
	}
	for _, doc := range []string{"testdata/policies/bad_policy.txt", "testdata/annotate/policy.docx", "testdata/formats/policy.html"} {
		out := filepath.Join(dir, filepath.Base(doc)+".docx")
		stdout, stderr, code := execute(t, "", "-o", out, doc)
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
	_, stderr, code := execute(t, "", "-q", "--annotate", ann, "testdata/policies/bad_policy.txt", "testdata/annotate/policy.docx")
	if code != 1 || stderr != "" {
		t.Errorf("--annotate: exit %d, stderr %q", code, stderr)
	}
	for _, p := range []string{"testdata/policies/bad_policy.txt.docx", "testdata/annotate/policy.docx"} {
		if _, err := os.Stat(filepath.Join(ann, p)); err != nil {
			t.Errorf("--annotate: %v", err)
		}
	}

	_, stderr, code = execute(t, "", "-o", filepath.Join(dir, "x.docx"), "testdata/policies/bad_policy.txt", "testdata/policies/clean_policy.md")
	if code != 2 || !strings.Contains(stderr, "--annotate DIR") {
		t.Errorf("-o x.docx with two documents: exit %d, %q", code, stderr)
	}
}

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

func hasError(fs []reports.Finding) bool {
	for _, f := range fs {
		if f.Severity == "error" {
			return true
		}
	}
	return false
}
