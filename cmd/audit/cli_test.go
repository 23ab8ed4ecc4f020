package audit

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"shouhou/cmd/cmdutil"
	"shouhou/cmd/iostreams"
	"shouhou/reports"
)

// TestMain runs the tests from the repository's root: they name testdata/
// as a user there would, and the messages read the same.
func TestMain(m *testing.M) {
	if err := os.Chdir(filepath.Join("..", "..")); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// executeWith runs the audit command over f's buffers as the root command
// would, with stdin, and returns stdout, stderr and the exit code.
func executeWith(t *testing.T, f *cmdutil.Factory, stdin string, args ...string) (string, string, int) {
	t.Helper()
	ios := f.IOStreams
	ios.In.(*bytes.Buffer).WriteString(stdin)
	cmd := NewCmd(f, nil)
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	code := cmdutil.Exit(ios.ErrOut, cmd.Execute())
	return ios.Out.(*bytes.Buffer).String(), ios.ErrOut.(*bytes.Buffer).String(), code
}

// execute is executeWith over a real factory.
func execute(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	return executeWith(t, cmdutil.NewFactory(ios), stdin, args...)
}

// executeTTY is execute as if stdout and stderr were (or were not)
// terminals.
func executeTTY(t *testing.T, stdoutTTY, stderrTTY bool, args ...string) (string, string, int) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	ios.SetTTY(stdoutTTY, stderrTTY)
	return executeWith(t, cmdutil.NewFactory(ios), "", args...)
}

// firstDiff names the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + w + "\n  got: " + g
		}
	}
	return ""
}

// TestStdinPolicyFactsAndViolations is the acceptance case of the audit issue: the facts with
// their lines, the three violations, and nothing false on a lawful policy.
func TestStdinPolicyFactsAndViolations(t *testing.T) {
	policy := "售后服务政策\n自签收之日起七日内可退货。\n十日内可换货。\n整机保修一年。\n接到报修后2小时内响应。\n特价商品概不退换。\n本政策最终解释权归本公司所有。\n投诉电话：12315。\n"
	out, _, code := execute(t, policy, "--format", "json", "-")
	if code != 1 {
		t.Errorf("exit %d, want 1 (errors found)", code)
	}
	var r reports.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	d := r.Documents[0]
	wantFacts := map[reports.Topic]int{"return_window": 2, "exchange_window": 3, "warranty_period": 4, "response_time": 5}
	for _, f := range d.Facts {
		if line, ok := wantFacts[f.Topic]; ok && f.Line == line {
			delete(wantFacts, f.Topic)
		}
	}
	if len(wantFacts) > 0 {
		t.Errorf("facts not found at their lines: %v (facts: %+v)", wantFacts, d.Facts)
	}
	got := map[string]int{}
	for _, f := range d.Findings {
		got[f.Rule] = f.Line
	}
	want := map[string]int{"CPL-EXCH-15D": 3, "CPL-NORET-BLANKET": 6, "CPL-INTERP-RIGHT": 7}
	for rule, line := range want {
		if got[rule] != line {
			t.Errorf("%s at line %d, want line %d", rule, got[rule], line)
		}
	}
	if len(d.Findings) != len(want) {
		t.Errorf("findings %+v, want exactly %v", d.Findings, want)
	}
	if d.Path != "<stdin>" || r.Schema != "shouhou/report/v1" {
		t.Errorf("path %q schema %q", d.Path, r.Schema)
	}

	clean, _ := os.ReadFile("testdata/policies/clean_policy.md")
	out, _, code = execute(t, string(clean), "--format", "json", "-")
	if code != 0 || strings.Contains(out, `"rule"`) {
		t.Errorf("lawful policy: exit %d, findings in %s", code, out)
	}
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no input", nil, 2, "no input"},
		{"bad format", []string{"-f", "yaml", "testdata/policies/clean_policy.md"}, 2, "unknown --format"},
		{"bad flag", []string{"--frobnicate", "x"}, 2, "unknown flag"},
		{"bad fail-on", []string{"--fail-on", "fatal", "x"}, 2, "--fail-on"},
		{"bad max-size", []string{"--max-size", "lots", "x"}, 2, "--max-size"},
		{"clean", []string{"testdata/policies/clean_policy.md"}, 0, ""},
		{"errors", []string{"testdata/policies/bad_policy.txt"}, 1, ""},
		{"fail-on none", []string{"--fail-on", "none", "testdata/policies/bad_policy.txt"}, 0, ""},
		{"warnings only, default", []string{"--kind", "bid", "testdata/policies/blank_template.txt"}, 0, ""},
		{"warnings only, fail-on warning", []string{"--fail-on", "warning", "testdata/policies/blank_template.txt"}, 1, ""},
		{"missing file wins over findings", []string{"testdata/policies/bad_policy.txt", "testdata/nope.txt"}, 2, "testdata/nope.txt: no such file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, stderr, code := execute(t, "", c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr: %s)", code, c.code, stderr)
			}
			if c.stderr != "" && !strings.Contains(stderr, c.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, c.stderr)
			}
		})
	}
}

// TestUnreadableDocumentsDoNotStopBatch: an unreadable document is reported and counted, and every
// other document is still audited.
func TestUnreadableDocumentsDoNotStopBatch(t *testing.T) {
	dir := t.TempDir()
	must := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must("a_empty.txt", nil)
	must("b_binary.txt", []byte("PK\x03\x04\x00\x00\x00binary"))
	good, _ := os.ReadFile("testdata/policies/bad_policy.txt")
	must("c_policy.txt", good)
	must(".hidden.txt", good)
	must("d_image.png", []byte{0x89, 'P', 'N', 'G'})

	out, stderr, code := execute(t, "", "--format", "json", dir)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	var r reports.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Summary.Documents != 3 || r.Summary.Failed != 2 {
		t.Errorf("summary %+v, want 3 documents (hidden and .png skipped), 2 failed", r.Summary)
	}
	if r.Documents[2].Error != nil || len(r.Documents[2].Findings) == 0 {
		t.Errorf("the readable policy was not audited: %+v", r.Documents[2])
	}
	for _, want := range []string{"a_empty.txt: empty file", "b_binary.txt: binary file"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Count(strings.TrimSpace(stderr), "\n") != 1 {
		t.Errorf("want one line per failed file, got:\n%s", stderr)
	}
}

// TestNoDocumentIsUsageErrorUnlessAllowEmpty: paths holding no document are exit 2 with one line that
// says so, unless --allow-empty.
func TestNoDocumentIsUsageErrorUnlessAllowEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.png"), []byte{0x89, 'P'}, 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := execute(t, "", "-f", "json", dir)
	if code != 2 || out != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "no document to audit in "+dir) || !strings.Contains(stderr, "--allow-empty") {
		t.Errorf("empty folder: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	out, _, code = execute(t, "", "-f", "json", "--allow-empty", dir)
	if code != 0 || !strings.Contains(out, `"documents": 0`) {
		t.Errorf("--allow-empty: exit %d\n%s", code, out)
	}
}

func TestJSONLOneLinePerDocument(t *testing.T) {
	// --ocr off: the scanned PDF is one more unreadable file, and the
	// test does not depend on Tesseract being installed.
	out, _, code := execute(t, "", "-f", "jsonl", "--ocr", "off", "testdata/inbox")
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

func TestBaselineReportsOnlyNewFindings(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "policy.txt")
	orig, _ := os.ReadFile("testdata/policies/bad_policy.txt")
	if err := os.WriteFile(doc, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "base.json")
	if _, _, code := execute(t, "", "-q", "-o", base, doc); code != 1 {
		t.Fatalf("first run exit %d", code)
	}
	// Lines added at the top move every finding; none is new.
	if err := os.WriteFile(doc, append([]byte("售后服务政策（2026 修订）\n\n"), orig...), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := execute(t, "", "-f", "json", "--baseline", base, doc)
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
	out, _, code = execute(t, "", "-f", "csv", "--baseline", base, doc)
	if code != 1 || strings.Count(out, "\n") != 2 || !strings.Contains(out, "CPL-NORET-BLANKET") {
		t.Errorf("exit %d, csv:\n%s", code, out)
	}
	if _, stderr, code := execute(t, "", "--baseline", filepath.Join(dir, "none.json"), doc); code != 2 || !strings.Contains(stderr, "cannot read baseline") {
		t.Errorf("missing baseline: exit %d %s", code, stderr)
	}
}

// --jobs changes nothing but speed.
func TestJobsDoNotChangeOutput(t *testing.T) {
	one, _, _ := execute(t, "", "-j", "1", "-f", "json", "testdata")
	four, _, _ := execute(t, "", "-j", "4", "-f", "json", "testdata")
	if one != four {
		t.Errorf("-j 1 and -j 4 differ:\n%s", firstDiff(one, four))
	}
}
