package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"shouhou/checker/reader"
	"shouhou/cmd"
	"shouhou/cmd/iostreams"
	"shouhou/reports"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/golden")

// run executes the CLI in-process and returns stdout, stderr and the exit code.
func run(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	code := cmd.Run(ios, args)
	return out.String(), errOut.String(), code
}

// TestGoldenJSON audits every document in testdata/policies and
// testdata/formats (one of each format: docx, xlsx, html, pdf) and compares
// the JSON report with testdata/golden/<name>.json. Regenerate with
// go test -run TestGoldenJSON -update . and review the diff.
func TestGoldenJSON(t *testing.T) {
	policies, err := filepath.Glob("testdata/policies/*")
	formats, err2 := filepath.Glob("testdata/formats/*")
	docs := append(policies, formats...)
	if err != nil || err2 != nil || len(policies) == 0 || len(formats) == 0 {
		t.Fatalf("no test documents: %v %v", err, err2)
	}
	for _, doc := range docs {
		name := filepath.Base(doc)
		t.Run(name, func(t *testing.T) {
			out, stderr, code := run(t, "", "audit", "--format", "json", "--fail-on", "none", doc)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			checkGolden(t, filepath.Join("testdata", "golden", strings.TrimSuffix(name, filepath.Ext(name))+".json"), out)
		})
	}
}

// checkGolden compares got with the golden file, or rewrites it under
// -update.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update . to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s; run go test -update . and review the diff\n%s", golden, firstDiff(string(want), got))
	}
}

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

// TestDoneMeans is the acceptance case of the audit issue: the facts with
// their lines, the three violations, and nothing false on a lawful policy.
func TestDoneMeans(t *testing.T) {
	policy := "售后服务政策\n自签收之日起七日内可退货。\n十日内可换货。\n整机保修一年。\n接到报修后2小时内响应。\n特价商品概不退换。\n本政策最终解释权归本公司所有。\n投诉电话：12315。\n"
	out, _, code := run(t, policy, "audit", "--format", "json", "-")
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
	out, _, code = run(t, string(clean), "audit", "--format", "json", "-")
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
		{"no input", []string{"audit"}, 2, "no input"},
		{"bad format", []string{"audit", "-f", "yaml", "testdata/policies/clean_policy.md"}, 2, "unknown --format"},
		{"bad flag", []string{"audit", "--frobnicate", "x"}, 2, "unknown flag"},
		{"bad fail-on", []string{"audit", "--fail-on", "fatal", "x"}, 2, "--fail-on"},
		{"bad max-size", []string{"audit", "--max-size", "lots", "x"}, 2, "--max-size"},
		{"unknown command", []string{"auditt"}, 2, "unknown command"},
		{"clean", []string{"audit", "testdata/policies/clean_policy.md"}, 0, ""},
		{"errors", []string{"audit", "testdata/policies/bad_policy.txt"}, 1, ""},
		{"fail-on none", []string{"audit", "--fail-on", "none", "testdata/policies/bad_policy.txt"}, 0, ""},
		{"warnings only, default", []string{"audit", "--kind", "bid", "testdata/policies/blank_template.txt"}, 0, ""},
		{"warnings only, fail-on warning", []string{"audit", "--fail-on", "warning", "testdata/policies/blank_template.txt"}, 1, ""},
		{"missing file wins over findings", []string{"audit", "testdata/policies/bad_policy.txt", "testdata/nope.txt"}, 2, "testdata/nope.txt: no such file"},
		{"version", []string{"version"}, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, stderr, code := run(t, "", c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr: %s)", code, c.code, stderr)
			}
			if c.stderr != "" && !strings.Contains(stderr, c.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, c.stderr)
			}
		})
	}
}

// TestBatchGoesOn: an unreadable document is reported and counted, and every
// other document is still audited.
func TestBatchGoesOn(t *testing.T) {
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

	out, stderr, code := run(t, "", "audit", "--format", "json", dir)
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
	out, _, code := run(t, "", "audit", bad)
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
	cmd.Run(ios, []string{"audit", "--explain", bad})
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

	out, _, _ = run(t, "", "audit", "-f", "table", bad)
	if !strings.Contains(out, "┌") || !strings.Contains(out, "line 5 col 17") {
		t.Errorf("-f table lost its boxes:\n%s", out)
	}
	out, _, _ = run(t, "", "audit", "-f", "line", bad, "testdata/policies/service_commitment.txt")
	for _, want := range []string{bad + ":5:17: error CPL-EXCH-15D 换货期限 10日 短于法定 15日\n", "testdata/policies/service_commitment.txt: warning CPL-REQ-EXCHANGE 未写明换货期限\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("-f line lacks %q:\n%s", want, out)
		}
	}

	out, stderr, code := run(t, "", "audit", "-q", "testdata/policies/clean_policy.md")
	if out != "" || stderr != "" || code != 0 {
		t.Errorf("-q on a passing run: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	out, _, code = run(t, "", "audit", "-q", bad)
	if code != 1 || !strings.Contains(out, "CPL-EXCH-15D") {
		t.Errorf("-q on a failing run must still show why (exit %d):\n%s", code, out)
	}
	out, _, code = run(t, "", "audit", "--min-severity", "error", "--fail-on", "warning", "testdata/policies/blank_template.txt")
	if code != 0 || strings.Contains(out, "CPL-BLANK") || !strings.Contains(out, "0 个问题") {
		t.Errorf("--min-severity error on warnings only: exit %d\n%s", code, out)
	}
	out, _, _ = run(t, "", "audit", "testdata/policies/clean_policy.md")
	if strings.TrimSpace(out) != "1 个文件，0 个问题（错误 0，警告 0，提示 0） / 1 documents, 0 findings (0 errors, 0 warnings, 0 info)" {
		t.Errorf("clean run should print only the summary line:\n%s", out)
	}
}

// TestInbox is the acceptance case of the real-world-inputs issues: one
// command over a folder holding a .docx tender (商务要求 in a table), an
// .xlsx 偏离表, a GBK .txt policy, an .html page, a text PDF, a corrupt
// .docx, an empty file, the tender saved as Word 97–2003 .doc, a
// commitment in WPS's Word-compatible .wps (with a footnote) and a scanned
// PDF of the text PDF's pages. The readable ones give their facts with
// places a person can find, the .doc and the scan the same facts as the
// files they were made from; the bad ones get one line each; exit 2. The
// scanned PDF is read where OCR is installed, and refused with the
// packages to install elsewhere.
func TestInbox(t *testing.T) {
	out, stderr, code := run(t, "", "audit", "--format", "json", "testdata/inbox")
	if code != 2 {
		t.Errorf("exit %d, want 2 (unreadable files)", code)
	}
	var r reports.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	ocrErr := reader.OCRAvailable()
	if ocrErr != nil && os.Getenv("CI") == "true" {
		t.Errorf("CI must read the scanned PDF: %v", ocrErr)
	}
	failed := 2
	wantLines := []string{
		"shouhou: testdata/inbox/06_corrupt.docx: not a readable .docx file: the zip container is damaged or truncated",
		"shouhou: testdata/inbox/07_empty.txt: empty file",
	}
	if ocrErr != nil {
		t.Logf("the scanned PDF's facts are not checked: %v", ocrErr)
		failed++
		wantLines = append(wantLines, "shouhou: testdata/inbox/10_commitment_scan.pdf: no text layer (a scanned PDF?): OCR needs")
	}
	if r.Summary.Documents != 10 || r.Summary.Failed != failed {
		t.Errorf("summary %+v, want 10 documents, %d failed", r.Summary, failed)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(wantLines) {
		t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(wantLines), stderr)
	}
	for i, want := range wantLines {
		if i < len(lines) && !strings.HasPrefix(lines[i], want) {
			t.Errorf("stderr line %d = %q, want it to start %q", i+1, lines[i], want)
		}
	}

	type fact struct{ topic, value, location string }
	want := map[string]struct {
		format, encoding string
		facts            []fact
	}{
		"01_tender.docx": {"docx", "utf-8", []fact{
			{"acceptance", "=?", "table 1 row 2 col 3"}, // 自验收合格之日起计算 (issue 15)
			{"warranty_period", ">=3year", "table 1 row 2 col 3"},
			{"response_time", "<=2hour", "table 1 row 3 col 3"},
			{"onsite_time", "<=24hour", "table 1 row 3 col 3"},
			{"spare_parts_period", ">=5year", "table 1 row 4 col 3"},
			{"repair_time", "<=48hour", "paragraph 17"},
			{"service_hours", "=168hour", "paragraph 18"}, // 7×24小时服务热线 (issue 15)
			{"upgrade_period", "=3year", "paragraph 20"},  // 软件免费升级期：三年 (issue 15)
		}},
		"02_deviation.xlsx": {"xlsx", "utf-8", []fact{
			{"warranty_period", ">=3year", "商务偏离表!B3"},
			{"warranty_period", "=5year", "商务偏离表!C3"},
			{"response_time", "<=2hour", "商务偏离表!B4"},
			{"response_time", "<=1hour", "商务偏离表!C4"},
			{"onsite_time", "<=4hour", "商务偏离表!C4"},
			{"spare_parts_period", ">=5year", "商务偏离表!B5"},
			{"spare_parts_period", "=8year", "商务偏离表!C5"},
			{"repair_time", "<=24hour", "声明!A3"},
		}},
		"03_policy_gbk.txt": {"text", "gb18030", []fact{
			{"return_window", "<=7day", "line 2 col 9"},
			{"exchange_window", "<=15day", "line 2 col 16"},
			{"warranty_period", "=1year", "line 3 col 7"},
			{"parts_warranty", "=3year", "line 3 col 16"},
			{"refund_time", "<=7day", "line 4 col 10"},
		}},
		"04_policy.html": {"html", "utf-8", []fact{
			{"return_window", "<=7day", "line 14 col 18"},
			{"exchange_window", "<=10day", "line 15 col 20"},
			{"warranty_period", "=1year", "line 19 col 20"},
			{"parts_warranty", "=3year", "line 20 col 21"},
		}},
		"05_commitment.pdf": {"pdf", "pdf", []fact{
			{"return_window", "<=7day", "page 1 line 3"},
			{"exchange_window", "<=15day", "page 1 line 3"},
			{"warranty_period", "=1year", "page 1 line 6"},
			{"parts_warranty", "=3year", "page 1 line 6"},
			{"response_time", "<=24hour", "page 1 line 9"},
			{"onsite_time", "<=48hour", "page 1 line 9"},
			{"repair_time", "<=15workday", "page 1 line 10"},
		}},
		"08_tender.doc": {"doc", "utf-16le", []fact{ // 01_tender.docx saved as .doc: the same facts
			{"acceptance", "=?", "table 1 row 2 col 3"},
			{"warranty_period", ">=3year", "table 1 row 2 col 3"},
			{"response_time", "<=2hour", "table 1 row 3 col 3"},
			{"onsite_time", "<=24hour", "table 1 row 3 col 3"},
			{"spare_parts_period", ">=5year", "table 1 row 4 col 3"},
			{"repair_time", "<=48hour", "paragraph 17"},
			{"service_hours", "=168hour", "paragraph 18"},
			{"upgrade_period", "=3year", "paragraph 20"},
		}},
		"09_commitment.wps": {"doc", "utf-16le", []fact{
			{"return_window", "<=7day", "paragraph 3"},
			{"exchange_window", "<=15day", "paragraph 3"},
			{"warranty_period", "=1year", "paragraph 5"},
			{"response_time", "<=24hour", "table 1 row 2 col 2"},
			{"onsite_time", "<=48hour", "table 1 row 3 col 2"},
			{"repair_time", "<=15workday", "paragraph 14"},
			{"parts_warranty", "=3year", "footnote 1"}, // 压缩机等主要部件: each listed part (issue 14)
			{"parts_warranty", "=3year", "footnote 1"},
		}},
	}
	if ocrErr == nil {
		// The scan of 05_commitment.pdf: the same facts at the same places.
		want["10_commitment_scan.pdf"] = want["05_commitment.pdf"]
	}
	for _, d := range r.Documents {
		if scanned := filepath.Base(d.Path) == "10_commitment_scan.pdf" && ocrErr == nil; d.OCR != scanned || scanned && len(d.OCRPages) != 2 {
			t.Errorf("%s: ocr %v pages %+v", d.Path, d.OCR, d.OCRPages)
		}
	}
	for _, d := range r.Documents {
		name := filepath.Base(d.Path)
		w, ok := want[name]
		if !ok {
			if d.Error == nil {
				t.Errorf("%s: read, want an error", name)
			}
			continue
		}
		if d.Error != nil {
			t.Errorf("%s: %s", name, *d.Error)
			continue
		}
		if d.Format != w.format || d.Encoding != w.encoding {
			t.Errorf("%s: format %s encoding %s, want %s %s", name, d.Format, d.Encoding, w.format, w.encoding)
		}
		var got []fact
		for _, f := range d.Facts {
			v := "?"
			if f.Value != nil {
				v = strconv.FormatFloat(*f.Value, 'f', -1, 64)
			}
			got = append(got, fact{f.Topic, f.Op + v + f.Unit, f.Location})
			if f.Line <= 0 || f.Column <= 0 {
				t.Errorf("%s: fact %s has no line/column", name, f.Topic)
			}
		}
		if len(got) != len(w.facts) {
			t.Errorf("%s: %d facts, want %d:\n got %v\nwant %v", name, len(got), len(w.facts), got, w.facts)
			continue
		}
		for i := range got {
			if got[i] != w.facts[i] {
				t.Errorf("%s fact %d = %v, want %v", name, i+1, got[i], w.facts[i])
			}
		}
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
		{"audit", "-o", doc, doc},
		{"audit", "-o", doc, dir},
		{"audit", "-o", filepath.Join(dir, ".", "policy.txt"), filepath.Join(dir, "*.txt")},
	} {
		_, stderr, code := run(t, "", args...)
		if code != 2 || !strings.Contains(stderr, "is one of the documents to audit") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
		if got, _ := os.ReadFile(doc); !bytes.Equal(got, orig) {
			t.Fatalf("%v overwrote the document", args)
		}
	}
}

// TestEmptyRun: paths holding no document are exit 2 with one line that
// says so, unless --allow-empty.
func TestEmptyRun(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.png"), []byte{0x89, 'P'}, 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := run(t, "", "audit", "-f", "json", dir)
	if code != 2 || out != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "no document to audit in "+dir) || !strings.Contains(stderr, "--allow-empty") {
		t.Errorf("empty folder: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	out, _, code = run(t, "", "audit", "-f", "json", "--allow-empty", dir)
	if code != 0 || !strings.Contains(out, `"documents": 0`) {
		t.Errorf("--allow-empty: exit %d\n%s", code, out)
	}
}
