package iostreams

import "testing"

// TestColorAndWidth: colour only on a terminal without NO_COLOR; the
// width to wrap to is the one set, else COLUMNS, else none off a terminal.
func TestColorAndWidth(t *testing.T) {
	cases := []struct {
		name         string
		tty, noColor bool
		width        int
		columns      string
		color        bool
		wantWidth    int
	}{
		{"pipe", false, false, 0, "", false, 0},
		{"terminal", true, false, 0, "", true, 80},
		{"terminal, NO_COLOR", true, true, 0, "", false, 80},
		{"COLUMNS", false, false, 0, "100", false, 100},
		{"set width wins", true, false, 60, "100", true, 60},
		{"set not a terminal", true, false, -1, "", true, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("COLUMNS", c.columns)
			s, _, _, _ := Test()
			s.SetTTY(c.tty, false)
			s.SetNoColor(c.noColor)
			s.SetWidth(c.width)
			if s.ColorEnabled() != c.color || s.TerminalWidth() != c.wantWidth {
				t.Errorf("colour %v width %d, want %v %d", s.ColorEnabled(), s.TerminalWidth(), c.color, c.wantWidth)
			}
		})
	}
}
