package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shouhou/cmd"
	"shouhou/cmd/iostreams"
	"shouhou/reports"
)

// runTTY runs the CLI as if stdout and stderr were (or were not) terminals.
func runTTY(t *testing.T, stdoutTTY, stderrTTY bool, args ...string) (string, string, int) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetTTY(stdoutTTY, stderrTTY)
	code := cmd.Run(ios, args)
	return out.String(), errOut.String(), code
}

// TestReportsDoneMeans is the acceptance case of the reports issue: one
// batch command over testdata/ writes a workbook a lawyer can filter by
// severity, a SARIF file and a JUnit file; a terminal run shows a
// progress bar, a piped run shows none.
func TestReportsDoneMeans(t *testing.T) {
	dir := t.TempDir()
	xlsx, sarif, junit := filepath.Join(dir, "report.xlsx"), filepath.Join(dir, "report.sarif"), filepath.Join(dir, "junit.xml")
	_, stderr, code := runTTY(t, false, false, "audit", "-o", xlsx, "-o", sarif, "-o", junit, "testdata")
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
	_, stderr, _ = runTTY(t, false, true, "audit", "-f", "json", "testdata/policies")
	if !strings.Contains(stderr, "审计 auditing") || !strings.Contains(stderr, "files/s") || !strings.Contains(stderr, "ETA") {
		t.Errorf("no progress bar on a terminal:\n%q", stderr)
	}
	_, stderr, _ = runTTY(t, false, true, "audit", "-q", "-f", "json", "testdata/policies")
	if strings.Contains(stderr, "auditing") {
		t.Errorf("--quiet shows progress:\n%q", stderr)
	}
}

func TestJSONLStreams(t *testing.T) {
	// --ocr off: the scanned PDF is one more unreadable file, and the
	// test does not depend on Tesseract being installed.
	out, _, code := run(t, "", "audit", "-f", "jsonl", "--ocr", "off", "testdata/inbox")
	if code != 2 {
		t.Errorf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1+10+1 {
		t.Fatalf("%d lines, want header, 10 documents, summary", len(lines))
	}
	for i, l := range lines {
		var m map[string]json.RawMessage
		err := json.Unmarshal([]byte(l), &m)
		want := 1
		if _, doc := m["document"]; doc {
			want = 2 // and its index
			if string(m["index"]) != strconv.Itoa(i-1) {
				t.Errorf("line %d: index %s, want %d", i+1, m["index"], i-1)
			}
		}
		if err != nil || len(m) != want {
			t.Errorf("line %d is not a %d-key object: %s", i+1, want, l)
		}
	}
	if !strings.HasPrefix(lines[0], `{"report":`) || !strings.HasPrefix(lines[11], `{"summary":{"documents":10,"failed":3`) {
		t.Errorf("first %s\nlast %s", lines[0], lines[8])
	}
}

func TestBaselineCLI(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "policy.txt")
	orig, _ := os.ReadFile("testdata/policies/bad_policy.txt")
	if err := os.WriteFile(doc, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "base.json")
	if _, _, code := run(t, "", "audit", "-q", "-o", base, doc); code != 1 {
		t.Fatalf("first run exit %d", code)
	}
	// Lines added at the top move every finding; none is new.
	if err := os.WriteFile(doc, append([]byte("售后服务政策（2026 修订）\n\n"), orig...), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "", "audit", "-f", "json", "--baseline", base, doc)
	var r struct {
		Summary struct {
			Baselined int `json:"baselined"`
			Findings  struct {
				Error int `json:"error"`
			} `json:"findings"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if code != 0 || r.Summary.Baselined != 5 || r.Summary.Findings.Error != 0 {
		t.Errorf("exit %d, summary %+v: want 0 new, 5 baselined", code, r.Summary)
	}
	// A new violation is reported, the old ones are not.
	if err := os.WriteFile(doc, append(orig, []byte("\n特价商品一律不退不换。\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code = run(t, "", "audit", "-f", "csv", "--baseline", base, doc)
	if code != 1 || strings.Count(out, "\n") != 2 || !strings.Contains(out, "CPL-NORET-BLANKET") {
		t.Errorf("exit %d, csv:\n%s", code, out)
	}
	if _, stderr, code := run(t, "", "audit", "--baseline", filepath.Join(dir, "none.json"), doc); code != 2 || !strings.Contains(stderr, "cannot read baseline") {
		t.Errorf("missing baseline: exit %d %s", code, stderr)
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
		args := append(append([]string{"audit"}, c.args...), "testdata/policies/bad_policy.txt")
		_, stderr, code := run(t, "", args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
	// A binary format to a terminal needs a file name.
	if _, stderr, code := runTTY(t, true, false, "audit", "-f", "xlsx", "testdata/policies/bad_policy.txt"); code != 2 || !strings.Contains(stderr, "give it a name with -o") {
		t.Errorf("xlsx to a terminal: exit %d %q", code, stderr)
	}
	// Colour on a terminal only, and never with NO_COLOR.
	out, _, _ := runTTY(t, true, false, "audit", "testdata/policies/bad_policy.txt")
	if !strings.Contains(out, "\x1b[31m") {
		t.Error("no colour on a terminal")
	}
	ios, _, o, _ := iostreams.Test()
	ios.SetTTY(true, false)
	ios.SetNoColor(true)
	cmd.Run(ios, []string{"audit", "testdata/policies/bad_policy.txt"})
	if bytes.Contains(o.Bytes(), []byte("\x1b[")) {
		t.Error("colour despite NO_COLOR")
	}
}

func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		out, stderr, code := run(t, "", "completion", shell)
		if code != 0 || !strings.Contains(out, "shouhou") {
			t.Errorf("completion %s: exit %d %s", shell, code, stderr)
		}
	}
	out, _, _ := run(t, "", "__complete", "audit", "--format", "")
	if !strings.Contains(out, "sarif") || !strings.Contains(out, "xlsx") {
		t.Errorf("--format does not complete its values:\n%s", out)
	}
}

// The CI examples in docs/ and the pre-commit hook run shouhou with flags
// that exist: each audit command line they hold is run here, on a shipped
// policy, and must not be a usage error.
func TestCIExamplesRun(t *testing.T) {
	dir := t.TempDir()
	for _, file := range []string{"docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml", ".pre-commit-hooks.yaml"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(string(b), "\\\n", " ")
		found := 0
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
			i := strings.Index(line, "shouhou audit")
			if strings.HasPrefix(line, "#") || i < 0 {
				if j := strings.Index(line, `shouhou" audit`); j >= 0 && !strings.HasPrefix(line, "#") {
					i, line = j, strings.Replace(line, `shouhou" audit`, "shouhou audit", 1)
				} else {
					continue
				}
			}
			found++
			args := strings.Fields(line[i+len("shouhou "):])
			for k, a := range args {
				a = strings.Trim(a, `"`)
				a = strings.ReplaceAll(a, "$GITHUB_STEP_SUMMARY", filepath.Join(dir, "summary.md"))
				if a == "$DOCS" {
					a = "testdata/policies/bad_policy.txt"
				}
				if strings.Contains(a, ":") && !strings.Contains(a, ":-") || strings.HasSuffix(a, ".sarif") || strings.HasSuffix(a, ".xlsx") || strings.HasSuffix(a, ".md") && !strings.HasPrefix(a, "testdata") {
					if f, p, ok := strings.Cut(a, ":"); ok {
						a = f + ":" + filepath.Join(dir, filepath.Base(p))
					} else {
						a = filepath.Join(dir, a)
					}
				}
				args[k] = a
			}
			if args[len(args)-1] == "--quiet" { // the pre-commit entry: files are appended
				args = append(args, "testdata/policies/bad_policy.txt")
			}
			_, stderr, code := run(t, "", args...)
			if code != 1 {
				t.Errorf("%s: %v: exit %d, want 1 (findings): %s", file, args, code, stderr)
			}
		}
		if found == 0 {
			t.Errorf("%s runs no shouhou audit", file)
		}
	}
}

// TestShardMerge is the acceptance case of the performance issue's
// sharding: three shards written as JSON Lines and merged give a report
// byte-identical to one unsharded run, in JSON and in the workbook's
// findings; merge refuses an unfinished part and a part given twice.
func TestShardMerge(t *testing.T) {
	dir := t.TempDir()
	whole, _, code := run(t, "", "audit", "-f", "json", "testdata")
	if code != 2 {
		t.Fatalf("unsharded exit %d", code)
	}
	var parts []string
	seen := 0
	for i := 1; i <= 3; i++ {
		p := filepath.Join(dir, "part"+strconv.Itoa(i)+".jsonl")
		if _, stderr, code := run(t, "", "audit", "-q", "--shard", strconv.Itoa(i)+"/3", "-f", "jsonl", "-o", p, "testdata"); code == 0 {
			t.Fatalf("shard %d: exit 0: %s", i, stderr)
		}
		b, _ := os.ReadFile(p)
		n := strings.Count(string(b), `{"document":`)
		if n == 0 {
			t.Errorf("shard %d is empty: a poor hash", i)
		}
		seen += n
		parts = append(parts, p)
	}
	var r reports.Report
	if err := json.Unmarshal([]byte(whole), &r); err != nil {
		t.Fatal(err)
	}
	if seen != len(r.Documents) {
		t.Errorf("the shards hold %d documents, the whole run %d", seen, len(r.Documents))
	}
	// Parts in any order.
	merged, stderr, code := run(t, "", append([]string{"merge", "-f", "json"}, parts[2], parts[0], parts[1])...)
	if code != 2 || merged != whole {
		t.Errorf("merge: exit %d (%s), identical to the unsharded run: %v\n%s", code, stderr, merged == whole, firstDiff(whole, merged))
	}
	for _, f := range []string{"csv", "sarif", "markdown"} {
		a, _, _ := run(t, "", "audit", "-f", f, "testdata")
		b, _, _ := run(t, "", append([]string{"merge", "-f", f}, parts...)...)
		if a != b {
			t.Errorf("merge -f %s differs from audit -f %s:\n%s", f, f, firstDiff(a, b))
		}
	}
	// A part cut off before its summary, and a part given twice.
	b, _ := os.ReadFile(parts[0])
	cut := filepath.Join(dir, "cut.jsonl")
	if err := os.WriteFile(cut, b[:strings.LastIndex(string(b), `{"summary"`)], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, "", "merge", cut, parts[1]); code != 2 || !strings.Contains(stderr, "ends before its summary line") {
		t.Errorf("cut part: exit %d %s", code, stderr)
	}
	if _, stderr, code := run(t, "", "merge", parts[0], parts[0]); code != 2 || !strings.Contains(stderr, "is in two parts") {
		t.Errorf("twice: exit %d %s", code, stderr)
	}
	if _, stderr, code := run(t, "", "audit", "--shard", "4/3", "testdata/policies"); code != 2 || !strings.Contains(stderr, "1 <= I <= N") {
		t.Errorf("bad --shard: exit %d %s", code, stderr)
	}
}

// --jobs changes nothing but speed.
func TestJobsDoNotChangeOutput(t *testing.T) {
	one, _, _ := run(t, "", "audit", "-j", "1", "-f", "json", "testdata")
	four, _, _ := run(t, "", "audit", "-j", "4", "-f", "json", "testdata")
	if one != four {
		t.Errorf("-j 1 and -j 4 differ:\n%s", firstDiff(one, four))
	}
}

// TestCIExamplesSay: the GitHub example grants what SARIF upload needs on
// a private repository; the GitLab one writes a Code Quality report and no
// GitHub annotations; none pins a tag that does not exist.
func TestCIExamplesSay(t *testing.T) {
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	gh, gl, pc, readme := read("docs/ci/github-actions.yml"), read("docs/ci/gitlab-ci.yml"), read(".pre-commit-hooks.yaml"), read("README.md")
	for _, want := range []string{"actions: read", "security-events: write", "contents: read"} {
		if !strings.Contains(gh, want) {
			t.Errorf("github-actions.yml lacks %q", want)
		}
	}
	if !strings.Contains(gl, "-o codeclimate:gl-code-quality-report.json") || !strings.Contains(gl, "codequality: gl-code-quality-report.json") || strings.Contains(gl, "github:") {
		t.Errorf("gitlab-ci.yml: want a Code Quality report and no GitHub annotations:\n%s", gl)
	}
	for name, s := range map[string]string{".pre-commit-hooks.yaml": pc, "README.md": readme} {
		if strings.Contains(s, "rev: v0.1.0") {
			t.Errorf("%s pins rev v0.1.0, a tag that does not exist", name)
		}
	}
}
