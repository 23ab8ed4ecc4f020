// Package cmdutil holds what every command shares: exit codes and the
// errors that carry them.
package cmdutil

import "fmt"

// Exit codes of CONTRACT.md.
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

// FlagErrorf is a usage error: exit code 2 and a hint to read --help.
func FlagErrorf(format string, a ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format+" (see --help)", a...)}
}

// Version is the program version; release builds set it with
// -ldflags "-X shouhou/cmd/cmdutil.Version=…".
var Version = "0.1.0"
