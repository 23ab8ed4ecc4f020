package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

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

// Golden compare reports for the text pair and for the docx tender (商务要求
// in a table) against the xlsx 偏离表. Regenerate with go test -update .
func TestCompareGolden(t *testing.T) {
	cases := map[string][]string{
		"compare_hospital.json":  {"--tender", "testdata/compare/tender_hospital.txt", "testdata/compare"},
		"compare_docx_xlsx.json": {"--tender", "testdata/formats/tender.docx", "testdata/formats/deviation.xlsx", "testdata/compare/bid_c_deviation.xlsx"},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			out, stderr, code := run(t, "", append([]string{"compare", "-f", "json"}, args...)...)
			if code == 2 {
				t.Fatalf("exit 2: %s", stderr)
			}
			checkGolden(t, filepath.Join("testdata", "golden", name), out)
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

// TestInboxOfMixedFormats is the acceptance case of the real-world-inputs issues: one
// command over a folder holding a .docx tender (商务要求 in a table), an
// .xlsx 偏离表, a GBK .txt policy, an .html page, a text PDF, a corrupt
// .docx, an empty file, the tender saved as Word 97–2003 .doc, a
// commitment in WPS's Word-compatible .wps (with a footnote) and a scanned
// PDF of the text PDF's pages. The readable ones give their facts with
// places a person can find, the .doc and the scan the same facts as the
// files they were made from; the bad ones get one line each; exit 2. The
// scanned PDF is read where OCR is installed, and refused with the
// packages to install elsewhere.
func TestInboxOfMixedFormats(t *testing.T) {
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

// TestRootUsageErrors: what the root command itself refuses is a usage
// error, exit 2, with a hint to read --help; a known command runs.
func TestRootUsageErrors(t *testing.T) {
	cases := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"auditt"}, 2, "unknown command \"auditt\" for \"shouhou\"\n\nDid you mean this?\n\taudit\n (see --help)"},
		{[]string{"audit", "--frobnicate", "x"}, 2, "unknown flag: --frobnicate (see --help)"},
		{[]string{"version", "x"}, 2, "unknown command \"x\" for \"shouhou version\" (see --help)"},
		{[]string{"version"}, 0, ""},
	}
	for _, c := range cases {
		_, stderr, code := run(t, "", c.args...)
		if code != c.code || !strings.Contains(stderr, c.stderr) || c.stderr == "" && stderr != "" {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.stderr)
		}
	}
}

// TestCompletion: every shell gets a completion script, and --format
// completes its values.
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
