package rules

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"shouhou/cmd/cmdutil"
	"shouhou/cmd/iostreams"
	rb "shouhou/rules"
)

// run executes the rules command over f's buffers as the root command
// would and returns stdout, stderr and the exit code.
func run(t *testing.T, f *cmdutil.Factory, args ...string) (string, string, int) {
	t.Helper()
	if f == nil {
		ios, _, _, _ := iostreams.Test()
		f = cmdutil.NewFactory(ios)
	}
	cmd := NewCmd(f)
	cmd.SetArgs(args)
	cmd.SetOut(f.IOStreams.Out)
	cmd.SetErr(f.IOStreams.ErrOut)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	code := cmdutil.Exit(f.IOStreams.ErrOut, cmd.Execute())
	return f.IOStreams.Out.(interface{ String() string }).String(), f.IOStreams.ErrOut.(interface{ String() string }).String(), code
}

// userRule is a user rulebook of one forbid rule; its good example is
// fmt'd in so that a test can make it one the rule flags.
const userRule = "rules:\n  - id: USR-FEE\n    title: 开票加收费用\n    severity: warning\n    applies_to: [policy]\n    topic: invoice\n    check: forbid\n    patterns: [\"开票.{0,4}加收\"]\n    message: \"开票另收费用：{match}\"\n    basis: [{law: 中华人民共和国发票管理办法, article: 第十九条, level: P}]\n    examples: {bad: [\"开票需加收6%%税点。\"], good: [\"%s\"]}\n"

func write(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestListShowTest: each verb's output and exit code, with the built-in
// rulebook and with user rulebooks (good, typo'd, with a failing example).
func TestListShowTest(t *testing.T) {
	book, err := rb.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	n := len(book.Rules)
	good := write(t, "good.yaml", strings.Replace(userRule, "%s", "可开具增值税发票。", 1))
	failing := write(t, "failing.yaml", strings.Replace(userRule, "%s", "开票需加收3%税点。", 1))
	typo := write(t, "typo.yaml", strings.Replace(strings.Replace(userRule, "%s", "x", 1), "patterns:", "paterns:", 1))
	cases := []struct {
		name         string
		args         []string
		code         int
		stdout       []string
		stderr       string
		stdoutAbsent string
	}{
		{"list", []string{"list"}, 0, []string{"CPL-EXCH-15D", "CPL-PARTS-CATEGORY", "TND-BRAND", "TND-SCALE", "TND-LOCAL", strconv.Itoa(n) + " rules (" + book.Version + ")"}, "", ""},
		{"list with a user rule", []string{"list", "--rules", good}, 0, []string{"USR-FEE", strconv.Itoa(n+1) + " rules"}, "", ""},
		{"list takes no argument", []string{"list", "x"}, 2, nil, "unknown command", ""},
		{"show", []string{"show", "tnd-scale"}, 0, []string{"id: TND-SCALE", "article: 第十七条\n          level: S", "- 投标人注册资本不低于5000万元。"}, "", "CPL-EXCH-15D"},
		{"show two", []string{"show", "TND-SCALE", "CPL-EXCH-15D"}, 0, []string{"id: TND-SCALE", "id: CPL-EXCH-15D"}, "", ""},
		{"show no id", []string{"show"}, 2, nil, "give a rule id", ""},
		{"show unknown", []string{"show", "NOPE-1"}, 2, nil, "no rule NOPE-1", ""},
		{"test built-in", []string{"test"}, 0, []string{strconv.Itoa(n) + " rules", "0 failed"}, "", ""},
		{"test a user file", []string{"test", good}, 0, []string{strconv.Itoa(n+1) + " rules", "0 failed"}, "", ""},
		{"test a failing example", []string{"test", failing}, 1, []string{"failed"}, "USR-FEE", ", 0 failed"},
		{"test a typo", []string{"test", typo}, 2, nil, typo + ":8:5: unknown field \"paterns\" (did you mean patterns?)", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, stderr, code := run(t, nil, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, stderr)
			}
			for _, w := range c.stdout {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			if c.stdoutAbsent != "" && strings.Contains(out, c.stdoutAbsent) {
				t.Errorf("stdout has %q", c.stdoutAbsent)
			}
			if !strings.Contains(stderr, c.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, c.stderr)
			}
		})
	}
}

// TestRulebookFromFactory: every verb loads the rulebook through the
// factory, with --rules files (and rules test's arguments) passed on, and
// a rulebook that cannot be loaded is exit 2 with its reason.
func TestRulebookFromFactory(t *testing.T) {
	for _, args := range [][]string{{"list", "--rules", "a.yaml"}, {"show", "--rules", "a.yaml", "X-1"}, {"test", "--rules", "a.yaml", "b.yaml"}} {
		ios, _, _, _ := iostreams.Test()
		f := cmdutil.NewFactory(ios)
		var asked []string
		f.Rulebook = func(files []string) (*rb.Book, error) {
			asked = files
			return nil, cmdutil.UsageError(errors.New("a.yaml:3:4: broken"))
		}
		_, stderr, code := run(t, f, args...)
		if code != 2 || stderr != "shouhou: a.yaml:3:4: broken\n" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
		want := "a.yaml"
		if args[0] == "test" {
			want = "a.yaml b.yaml"
		}
		if strings.Join(asked, " ") != want {
			t.Errorf("%v: rulebook asked for %v, want %s", args, asked, want)
		}
	}
}
