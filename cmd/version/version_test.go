package version

import (
	"runtime"
	"strings"
	"testing"

	"shouhou/cmd/cmdutil"
	"shouhou/cmd/iostreams"
)

// TestVersionLine: one line with the version and the Go toolchain; an
// argument is a usage error.
func TestVersionLine(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string
	}{
		{nil, 0, "shouhou " + cmdutil.Version + " ("},
		{[]string{"extra"}, 2, ""},
	}
	for _, c := range cases {
		ios, _, out, _ := iostreams.Test()
		cmd := NewCmd(cmdutil.NewFactory(ios))
		cmd.SetArgs(c.args)
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		code := cmdutil.ExitCode(cmd.Execute())
		if code != c.code {
			t.Errorf("%v: exit %d, want %d", c.args, code, c.code)
		}
		if c.want == "" {
			if out.Len() != 0 {
				t.Errorf("%v: printed %q", c.args, out)
			}
			continue
		}
		if s := out.String(); !strings.HasPrefix(s, c.want) || !strings.Contains(s, runtime.Version()) || strings.Count(s, "\n") != 1 {
			t.Errorf("%v: %q", c.args, s)
		}
	}
}
