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
	"strconv"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"

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
	wantFacts := map[string]int{"return_window": 2, "exchange_window": 3, "warranty_period": 4, "response_time": 5}
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

// --jobs changes nothing but speed.
func TestJobsDoNotChangeOutput(t *testing.T) {
	one, _, _ := execute(t, "", "-j", "1", "-f", "json", "testdata")
	four, _, _ := execute(t, "", "-j", "4", "-f", "json", "testdata")
	if one != four {
		t.Errorf("-j 1 and -j 4 differ:\n%s", firstDiff(one, four))
	}
}

// The rulebook issue's phone case: a charger given six months is flagged
// under the phone profile, detected or forced; under --category general
// nothing holds a charger figure.
func TestCategoryProfileFlagsCharger(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "phone.txt")
	if err := os.WriteFile(doc, []byte("手机售后服务政策\n三包有效期：主机一年，电池六个月，充电器六个月。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ := execute(t, "", "-f", "json", doc)
	if !strings.Contains(out, `"rule": "CPL-PARTS-CATEGORY"`) || !strings.Contains(out, "充电器三包有效期 6个月 短于移动电话机三包规定的 1年") || !strings.Contains(out, `"category": "mobile_phone"`) {
		t.Errorf("phone profile:\n%s", out)
	}
	if strings.Contains(out, "电池三包有效期") {
		t.Error("a battery's six months meet the phone rules")
	}
	out, _, _ = execute(t, "", "-f", "json", "--category", "general", doc)
	if strings.Contains(out, "CPL-PARTS-CATEGORY") {
		t.Errorf("general has no charger figure:\n%s", out)
	}
}

// .shouhou.yaml and inline suppression (part of the rulebook issue).
func TestSettingsFileAndSuppression(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "policy.txt")
	if err := os.WriteFile(doc, []byte("售后服务政策\n七日内可退货，十五日内可换货，整机保修一年。\nshouhou-ignore CPL-INTERP-RIGHT: 法务已确认\n本店保留最终解释权。\n本活动最终解释权归本店所有。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := execute(t, "", "-f", "json", doc)
	var r reports.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	d := r.Documents[0]
	if code != 1 || r.Summary.Suppressed != 1 || len(d.Suppressed) != 0 {
		t.Errorf("exit %d, suppressed %d, listed %d", code, r.Summary.Suppressed, len(d.Suppressed))
	}
	for _, f := range d.Findings {
		if f.Rule == "CPL-INTERP-RIGHT" && f.Line != 5 {
			t.Errorf("the line after the directive should be suppressed, not line %d", f.Line)
		}
	}
	out, _, _ = execute(t, "", "-f", "json", "--show-suppressed", doc)
	if !strings.Contains(out, `"suppressed": "法务已确认"`) {
		t.Errorf("--show-suppressed does not list it:\n%s", out)
	}

	cfg := filepath.Join(dir, ".shouhou.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  disable: [CPL-INTERP-RIGHT]\n  severity: {CPL-REQ-COMPLAINT: info}\nfail_on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code = execute(t, "", "-f", "json", "--config", cfg, doc)
	if strings.Contains(out, "CPL-INTERP-RIGHT") || !strings.Contains(out, `"severity": "info"`) || code != 0 {
		t.Errorf("config not applied (exit %d):\n%s", code, out)
	}
	// A flag wins over the file.
	if _, _, code := execute(t, "", "--config", cfg, "--fail-on", "info", doc); code != 1 {
		t.Errorf("--fail-on info should fail on the info finding: exit %d", code)
	}
	if err := os.WriteFile(cfg, []byte("rules:\n  disable: [NOPE-1]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := execute(t, "", "--config", cfg, doc); code != 2 || !strings.Contains(stderr, cfg+":2: rules.disable: no rule NOPE-1") {
		t.Errorf("bad config: exit %d %s", code, stderr)
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

// TestUserRulebook: a user rule runs beside the built-in ones and is
// marked +user; a typo in a user rulebook is exit 2 naming file:line:col;
// the built-in tender rules flag 注册资本不低于5000万元 and 西门子品牌 once each.
func TestUserRulebook(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	typo := write("mine.yaml", "rules:\n  - id: USR-FEE\n    title: 开票加收费用\n    severity: warning\n    applies_to: [policy]\n    topic: invoice\n    check: forbid\n    paterns: [\"开票.{0,4}加收\"]\n")
	if _, stderr, code := execute(t, "", "--rules", typo, "testdata/policies/bad_policy.txt"); code != 2 || !strings.Contains(stderr, typo+":8:5: unknown field \"paterns\" (did you mean patterns?)") {
		t.Errorf("typo: exit %d, stderr %q", code, stderr)
	}
	good := write("good.yaml", "rules:\n  - id: USR-FEE\n    title: 开票加收费用\n    severity: warning\n    applies_to: [policy]\n    topic: invoice\n    check: forbid\n    patterns: [\"开票.{0,4}加收\"]\n    message: \"开票另收费用：{match}\"\n    basis: [{law: 中华人民共和国发票管理办法, article: 第十九条, level: P}]\n    examples: {bad: [\"开票需加收6%税点。\"], good: [\"可开具增值税发票。\"]}\n")
	doc := write("p.txt", "售后服务政策\n开票需加收6%税点。\n")
	out, _, _ := execute(t, "", "-f", "json", "--rules", good, doc)
	if !strings.Contains(out, `"rule": "USR-FEE"`) || !strings.Contains(out, `+user`) {
		t.Errorf("a user rule does not run:\n%s", out)
	}
	out, _, _ = execute(t, "", "-f", "json", "testdata/policies/tender_restrictive.txt")
	for _, id := range []string{"TND-SCALE", "TND-BRAND"} {
		if strings.Count(out, `"rule": "`+id+`"`) != 1 {
			t.Errorf("%s should be flagged once:\n%s", id, out)
		}
	}
}

// TestHedgedTimeIsVague: a time left to 视具体情况 is flagged, and a
// figure under a condition (原则上) carries it in the JSON.
func TestHedgedTimeIsVague(t *testing.T) {
	bid := filepath.Join(t.TempDir(), "bid_hedged.txt")
	text := "售后服务承诺\n1. 整机免费质保六年。\n2. 原则上接到报修后30分钟内响应。\n3. 4小时内到达现场（节假日除外）。\n4. 维修时间视具体情况而定。\n"
	if err := os.WriteFile(bid, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ := execute(t, "", "-f", "json", "--fail-on", "none", bid)
	if !strings.Contains(out, `"rule": "CPL-VAGUE"`) || !strings.Contains(out, `"status": "unclear"`) || !strings.Contains(out, `"condition": "原则上"`) {
		t.Errorf("audit of the hedged bid: no CPL-VAGUE finding or no condition on the fact:\n%s", out)
	}
}
