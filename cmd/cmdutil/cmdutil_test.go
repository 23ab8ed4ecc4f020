package cmdutil

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"shouhou/reports"
)

// TestExitSaysWhyAndReturnsCode: each kind of error a command ends with
// gives docs/contract.md's exit code and one "shouhou:" line (or none).
func TestExitSaysWhyAndReturnsCode(t *testing.T) {
	cases := []struct {
		name   string
		err    error
		code   int
		stderr string
	}{
		{"success", nil, ExitOK, ""},
		{"findings", &ExitError{Code: ExitFindings}, ExitFindings, ""},
		{"usage error", FlagErrorf("unknown --kind %q", "x"), ExitUsage, "shouhou: unknown --kind \"x\" (see --help)\n"},
		{"unreadable file", UsageError(errors.New("a.txt: empty file")), ExitUsage, "shouhou: a.txt: empty file\n"},
		{"silent usage exit", UsageError(nil), ExitUsage, ""},
		{"wrapped", fmt.Errorf("run: %w", &ExitError{Code: ExitFindings}), ExitFindings, ""},
		{"cobra's own", errors.New(`unknown command "auditt"`), ExitUsage, "shouhou: unknown command \"auditt\" (see --help)\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if code := Exit(&b, c.err); code != c.code || ExitCode(c.err) != c.code {
				t.Errorf("exit %d, ExitCode %d, want %d", code, ExitCode(c.err), c.code)
			}
			if b.String() != c.stderr {
				t.Errorf("stderr %q, want %q", b.String(), c.stderr)
			}
		})
	}
}

// TestExitForBatch: an unreadable document (exit 2) wins over findings
// (exit 1).
func TestExitForBatch(t *testing.T) {
	cases := []struct {
		failed int
		fails  bool
		code   int
	}{{0, false, 0}, {0, true, 1}, {1, false, 2}, {1, true, 2}}
	for _, c := range cases {
		if got := ExitCode(ExitFor(reports.Summary{Failed: c.failed}, c.fails)); got != c.code {
			t.Errorf("failed %d, fails %v: exit %d, want %d", c.failed, c.fails, got, c.code)
		}
	}
}

// TestFailing: --fail-on decides which severities fail a document.
func TestFailing(t *testing.T) {
	d := reports.Document{Findings: []reports.Finding{{Severity: "warning"}}}
	for failOn, want := range map[string]bool{"error": false, "warning": true, "info": true, "none": false} {
		if got := Failing(d, failOn); got != want {
			t.Errorf("--fail-on %s on a warning: %v, want %v", failOn, got, want)
		}
	}
}

// TestParseSize reads the sizes --max-size takes and refuses the rest.
func TestParseSize(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"50MB", 50 << 20, true}, {"10m", 10 << 20, true}, {"512KB", 512 << 10, true}, {"1G", 1 << 30, true},
		{"4096", 4096, true}, {" 2 MB ", 2 << 20, true}, {"lots", 0, false}, {"0", 0, false}, {"-1MB", 0, false},
		{"99999999999GB", 0, false},
	}
	for _, c := range cases {
		got, err := ParseSize(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d (ok %v)", c.in, got, err, c.want, c.ok)
		}
	}
}
