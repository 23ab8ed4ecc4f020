package iostreams

import (
	"os"
	"strconv"
)

// TerminalWidth is the width in columns to wrap standard output to: the
// terminal's when it is one (COLUMNS wins when set), else COLUMNS when
// set, else 0 (do not wrap). Tests set it with SetWidth.
func (s *IOStreams) TerminalWidth() int {
	if s.width != 0 {
		return max(s.width, 0)
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if s.stdoutTTY {
		if f, ok := s.Out.(*os.File); ok {
			if n := termWidth(f); n > 0 {
				return n
			}
		}
		return 80
	}
	return 0
}

// SetWidth pretends, in tests, that the terminal is n columns wide (-1:
// not a terminal).
func (s *IOStreams) SetWidth(n int) { s.width = n }
