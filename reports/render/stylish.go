package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"

	"shouhou/reports"
)

// WriteStylish is the default terminal view, after ESLint's and Vale's:
// findings grouped by file, one line each (place, severity, rule,
// message), the message wrapped to opt.Width (0: no wrapping) under its
// own column; with opt.Explain the basis (依据) and fix (建议) under each.
// Documents without findings are not listed; the summary line ends it.
func WriteStylish(w io.Writer, r *reports.Report, opt Options) error {
	b := &strings.Builder{}
	for _, d := range r.Documents {
		if d.Error == nil && len(d.Findings) == 0 {
			continue
		}
		b.WriteString(paint(opt, "1;4", d.Path) + "\n")
		if d.Error != nil {
			b.WriteString("  " + paint(opt, "35", "无法读取") + "  " + cleanText(*d.Error) + "\n\n")
			continue
		}
		locs := make([]string, len(d.Findings))
		locW, ruleW := 0, 0
		for i, f := range d.Findings {
			locs[i] = shortPlace(f)
			locW = max(locW, runewidth.StringWidth(locs[i]))
			ruleW = max(ruleW, len(f.Rule))
		}
		// indent + place + gap + severity (4 columns) + gap + rule + gap
		msgCol := 2 + locW + 2 + 4 + 2 + ruleW + 2
		width := opt.Width
		if width > 0 && width-msgCol < 16 {
			width = 0 // too narrow to wrap sensibly: let the terminal do it
		}
		for i, f := range d.Findings {
			fmt.Fprintf(b, "  %s  %s  %s%s  ", pad(locs[i], locW), paint(opt, severityColor[f.Severity], severityZh[f.Severity]),
				paint(opt, "2", f.Rule), strings.Repeat(" ", ruleW-len(f.Rule)))
			writeWrapped(b, cleanText(f.Message), msgCol, width, opt, "")
			if opt.Explain {
				if len(f.Basis) > 0 {
					b.WriteString(strings.Repeat(" ", msgCol))
					writeWrapped(b, "依据："+strings.Join(f.Basis, "；"), msgCol, width, opt, "2")
				}
				if f.Fix != "" {
					b.WriteString(strings.Repeat(" ", msgCol))
					writeWrapped(b, "建议："+cleanText(f.Fix), msgCol, width, opt, "2")
				}
				if f.Evidence != "" {
					b.WriteString(strings.Repeat(" ", msgCol))
					writeWrapped(b, "原文："+cleanText(f.Evidence), msgCol, width, opt, "2")
				}
			}
		}
		b.WriteString("\n")
	}
	sum := SummaryLine(r.Summary)
	if opt.Width > 0 && runewidth.StringWidth(sum) > opt.Width {
		sum = strings.Replace(sum, " / ", "\n", 1) // Chinese, then English
	}
	b.WriteString(sum + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// shortPlace is a finding's place for the terminal: line:col for text
// lines, the location's words otherwise, 全文 for the whole document.
func shortPlace(f reports.Finding) string {
	switch {
	case f.Line == 0:
		return "全文"
	case f.Location == "" || strings.HasPrefix(f.Location, "line "):
		return strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
	}
	return f.Location
}

func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-runewidth.StringWidth(s)))
}

// writeWrapped writes s, whose first line starts at column col, wrapped
// so no line passes width (0: not wrapped); continuation lines are
// indented to col. Breaks fall between Chinese characters or at spaces,
// never inside a Latin word or number that fits on a line.
func writeWrapped(b *strings.Builder, s string, col, width int, opt Options, color string) {
	lines := wrap(s, width-col)
	if width <= 0 {
		lines = []string{s}
	}
	for i, l := range lines {
		if i > 0 {
			b.WriteString(strings.Repeat(" ", col))
		}
		b.WriteString(paint(opt, color, l))
		b.WriteString("\n")
	}
}

// wrap cuts s into lines of at most n display columns.
func wrap(s string, n int) []string {
	if n <= 0 || runewidth.StringWidth(s) <= n {
		return []string{s}
	}
	var lines []string
	var cur []rune
	curW := 0
	lastBreak := -1 // index in cur after which a break may go
	for _, r := range s {
		rw := runewidth.RuneWidth(r)
		if curW+rw > n && len(cur) > 0 {
			cut := len(cur)
			if lastBreak > 0 && lastBreak < len(cur) && !breakable(cur[len(cur)-1], r) {
				cut = lastBreak
			}
			lines = append(lines, strings.TrimRight(string(cur[:cut]), " "))
			rest := append([]rune{}, cur[cut:]...)
			for len(rest) > 0 && rest[0] == ' ' {
				rest = rest[1:]
			}
			cur, curW, lastBreak = rest, runewidth.StringWidth(string(rest)), -1
		}
		if len(cur) > 0 && breakable(cur[len(cur)-1], r) {
			lastBreak = len(cur)
		}
		if len(cur) == 0 && r == ' ' {
			continue
		}
		cur = append(cur, r)
		curW += rw
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

// breakable says a line may break between a and b: not inside a run of
// Latin letters or digits, and not before closing punctuation.
func breakable(a, b rune) bool {
	word := func(r rune) bool {
		return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' || r == '_')
	}
	if word(a) && word(b) {
		return false
	}
	return !strings.ContainsRune("，。、；：？！）」』》〉】,.;:?!)%", b) && !strings.ContainsRune("（「『《〈【(", a)
}

// WriteLine writes one line per finding for editors and grep:
// path:line:col: severity rule message (path: severity rule message for
// a finding about the whole document), and path: failed reason for an
// unreadable document.
func WriteLine(w io.Writer, r *reports.Report) error {
	b := &strings.Builder{}
	for _, d := range r.Documents {
		if d.Error != nil {
			fmt.Fprintf(b, "%s: failed %s\n", d.Path, cleanText(*d.Error))
			continue
		}
		for _, f := range d.Findings {
			if f.Line > 0 {
				fmt.Fprintf(b, "%s:%d:%d: %s %s %s\n", d.Path, f.Line, f.Column, f.Severity, f.Rule, cleanText(f.Message))
			} else {
				fmt.Fprintf(b, "%s: %s %s %s\n", d.Path, f.Severity, f.Rule, cleanText(f.Message))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
