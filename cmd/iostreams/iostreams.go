// Package iostreams bundles the standard streams with what the commands need
// to know about them (is stdout a terminal?), so commands can be tested with
// buffers in place of a terminal.
package iostreams

import (
	"bytes"
	"io"
	"os"
)

// IOStreams are a command's input and outputs.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdoutTTY, stderrTTY bool
	noColor              bool
	width                int
}

// System returns the process's own streams. Colour is off when NO_COLOR
// is set (https://no-color.org) or TERM is dumb.
func System() *IOStreams {
	_, noColor := os.LookupEnv("NO_COLOR")
	return &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		stdoutTTY: isTerminal(os.Stdout), stderrTTY: isTerminal(os.Stderr),
		noColor: noColor || os.Getenv("TERM") == "dumb"}
}

// Test returns streams over buffers: stdin, stdout, stderr.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether standard error is a terminal: progress is
// shown only there.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// ColorEnabled reports whether output to stdout may use ANSI colours.
func (s *IOStreams) ColorEnabled() bool { return s.stdoutTTY && !s.noColor }

// SetTTY pretends, in tests, that stdout and stderr are terminals or not.
func (s *IOStreams) SetTTY(stdout, stderr bool) { s.stdoutTTY, s.stderrTTY = stdout, stderr }

// SetNoColor pretends, in tests, that NO_COLOR is set or not.
func (s *IOStreams) SetNoColor(v bool) { s.noColor = v }

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
