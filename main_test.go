package main

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"shouhou/cmd"
	"shouhou/cmd/iostreams"
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
