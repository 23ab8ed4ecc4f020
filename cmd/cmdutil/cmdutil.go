// Package cmdutil holds what every command shares: exit codes and the
// errors that carry them.
package cmdutil

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"shouhou/reports"
	"shouhou/rules"
)

// Exit codes of docs/contract.md.
const (
	ExitOK       = 0 // nothing at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on, or an unmet requirement
	ExitUsage    = 2 // a usage error, or a document that could not be read
)

// ExitError ends a command with a code. A nil Err prints nothing more.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

// UsageError ends a command with exit code 2 and err's message: a usage
// error, or a file that could not be read or written. A nil err is exit 2
// with nothing more said.
func UsageError(err error) error {
	return &ExitError{Code: ExitUsage, Err: err}
}

// ExitCode is the exit code err ends a command with: an ExitError's code,
// 0 for nil, and 2 for any other error (cobra's own: an unknown command or
// flag, a wrong number of arguments).
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return ExitUsage
}

// Exit says on errOut why a command ended with err, as "shouhou: ...",
// and returns its exit code (ExitCode). Cobra's own errors get a hint to
// read --help.
func Exit(errOut io.Writer, err error) int {
	var ee *ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		if ee.Err != nil {
			fmt.Fprintln(errOut, "shouhou:", ee.Err)
		}
	default:
		fmt.Fprintf(errOut, "shouhou: %v (see --help)\n", err)
	}
	return ExitCode(err)
}

// FlagErrorf is a usage error: exit code 2 and a hint to read --help.
func FlagErrorf(format string, a ...any) error {
	return UsageError(fmt.Errorf(format+" (see --help)", a...))
}

// Failing reports whether d has findings at or above failOn (error,
// warning, info; none never fails): what makes audit and merge exit 1.
func Failing(d reports.Document, failOn string) bool {
	if failOn == "none" {
		return false
	}
	min := rules.Severity(failOn).Rank()
	for _, f := range d.Findings {
		if rules.Severity(f.Severity).Rank() >= min {
			return true
		}
	}
	return false
}

// RuleInfos describes a rulebook's rules for the report formats that
// carry rule help.
func RuleInfos(book *rules.Book) []reports.RuleInfo {
	var out []reports.RuleInfo
	for _, r := range book.Rules {
		out = append(out, reports.RuleInfo{ID: r.ID, Title: r.Title, Severity: string(r.Severity), Topic: r.Topic, Fix: r.Fix,
			Kinds: r.AppliesTo, Basis: r.BasisStrings(), Bad: r.Examples.Bad, Good: r.Examples.Good})
	}
	return out
}

// ExitFor is docs/contract.md's exit code for a finished batch: 2 when a
// document could not be read (2 wins), 1 when fails (findings at or above
// --fail-on, or unmet requirements), else 0.
func ExitFor(s reports.Summary, fails bool) error {
	switch {
	case s.Failed > 0:
		return UsageError(nil)
	case fails:
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// NeedArgs is a cobra argument check that asks for at least one argument
// with msg, a usage error (exit 2).
func NeedArgs(msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return FlagErrorf("%s", msg)
		}
		return nil
	}
}

// LoadBook is the built-in rulebook with the user rulebooks of --rules
// added, each rule of theirs adding or replacing one by id. A broken user
// file is a usage error naming file:line:column.
func LoadBook(files []string) (*rules.Book, error) {
	book, err := rules.Builtin()
	if err != nil {
		return nil, UsageError(fmt.Errorf("built-in rulebook: %v", err))
	}
	for _, f := range files {
		extra, err := rules.LoadFile(f)
		if err != nil {
			return nil, UsageError(err)
		}
		book = book.With(extra)
	}
	return book, nil
}
