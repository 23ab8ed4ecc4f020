package merge

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"shouhou/cmd/audit"
	"shouhou/cmd/cmdutil"
	"shouhou/cmd/iostreams"
	"shouhou/reports"
)

// chdirRoot makes the repository's root the working folder: the tests
// name testdata/ as a user there would, and messages read the same.
func chdirRoot(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
}

// execute runs the command newCmd makes over buffers as the root command
// would, and returns stdout, stderr and the exit code.
func execute(t *testing.T, newCmd func(*cmdutil.Factory) *cobra.Command, args ...string) (string, string, int) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	cmd := newCmd(cmdutil.NewFactory(ios))
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	code := cmdutil.Exit(errOut, cmd.Execute())
	return out.String(), errOut.String(), code
}

func auditCmd(f *cmdutil.Factory) *cobra.Command { return audit.NewCmd(f, nil) }

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

// TestShardMerge is the acceptance case of the performance issue's
// sharding: three shards written as JSON Lines and merged give a report
// byte-identical to one unsharded run, in JSON and in the workbook's
// findings; merge refuses an unfinished part and a part given twice.
func TestShardMerge(t *testing.T) {
	chdirRoot(t)
	dir := t.TempDir()
	whole, _, code := execute(t, auditCmd, "-f", "json", "testdata")
	if code != 2 {
		t.Fatalf("unsharded exit %d", code)
	}
	var parts []string
	seen := 0
	for i := 1; i <= 3; i++ {
		p := filepath.Join(dir, "part"+strconv.Itoa(i)+".jsonl")
		if _, stderr, code := execute(t, auditCmd, "-q", "--shard", strconv.Itoa(i)+"/3", "-f", "jsonl", "-o", p, "testdata"); code == 0 {
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
	merged, stderr, code := execute(t, NewCmd, append([]string{"-f", "json"}, parts[2], parts[0], parts[1])...)
	if code != 2 || merged != whole {
		t.Errorf("merge: exit %d (%s), identical to the unsharded run: %v\n%s", code, stderr, merged == whole, firstDiff(whole, merged))
	}
	for _, f := range []string{"csv", "sarif", "markdown"} {
		a, _, _ := execute(t, auditCmd, "-f", f, "testdata")
		b, _, _ := execute(t, NewCmd, append([]string{"-f", f}, parts...)...)
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
	if _, stderr, code := execute(t, NewCmd, cut, parts[1]); code != 2 || !strings.Contains(stderr, "ends before its summary line") {
		t.Errorf("cut part: exit %d %s", code, stderr)
	}
	if _, stderr, code := execute(t, NewCmd, parts[0], parts[0]); code != 2 || !strings.Contains(stderr, "is in two parts") {
		t.Errorf("twice: exit %d %s", code, stderr)
	}
	if _, stderr, code := execute(t, auditCmd, "--shard", "4/3", "testdata/policies"); code != 2 || !strings.Contains(stderr, "1 <= I <= N") {
		t.Errorf("bad --shard: exit %d %s", code, stderr)
	}
}

// TestMergeRefuses: parts that are not one whole sharded run, or not
// shouhou's JSON Lines at all, are exit 2 with a line naming the file;
// --allow-partial merges what there is with a warning; findings at or
// above --fail-on are exit 1.
func TestMergeRefuses(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	doc := filepath.Join("..", "..", "testdata", "policies", "bad_policy.txt")
	var parts []string
	for i := 1; i <= 2; i++ {
		p := filepath.Join(dir, "p"+strconv.Itoa(i)+".jsonl")
		execute(t, auditCmd, "-q", "--shard", strconv.Itoa(i)+"/2", "-f", "jsonl", "-o", p, doc)
		parts = append(parts, p)
	}
	// The one document is in one of the two shards.
	full, empty := parts[0], parts[1]
	if b, _ := os.ReadFile(full); !bytes.Contains(b, []byte(`{"document":`)) {
		full, empty = empty, full
	}
	notJSON := write("notjson.jsonl", "hello\n")
	noHead := write("nohead.jsonl", `{"summary":{"documents":0}}`+"\n")
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"whole", []string{"-f", "json", full, empty}, 1, ""},
		{"fail-on none", []string{"--fail-on", "none", "-f", "json", full, empty}, 0, ""},
		{"bad fail-on", []string{"--fail-on", "fatal", full}, 2, "unknown --fail-on"},
		{"no parts", nil, 2, "no parts"},
		{"missing part", []string{filepath.Join(dir, "none.jsonl")}, 2, "cannot read part " + filepath.Join(dir, "none.jsonl")},
		{"not json", []string{notJSON}, 2, notJSON + ":1: not a shouhou JSON Lines report"},
		{"no header", []string{noHead}, 2, noHead + " is not a shouhou JSON Lines report (no header line)"},
		{"incomplete", []string{"-f", "json", full}, 2, "incomplete set of shards: "},
		{"allow partial", []string{"-f", "json", "--allow-partial", full}, 1, "warning: incomplete set of shards"},
		{"shard twice", []string{empty, empty}, 2, "is given twice"},
		{"output over a part", []string{"-o", full, full, empty}, 2, "is one of the documents"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, stderr, code := execute(t, NewCmd, c.args...)
			if code != c.code || !strings.Contains(stderr, c.stderr) {
				t.Errorf("exit %d (want %d), stderr %q lacks %q", code, c.code, stderr, c.stderr)
			}
		})
	}
}
