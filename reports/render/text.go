package render

import "strings"

// Text helpers shared by the renderers.

// cleanText drops the characters XML 1.0 cannot hold (control characters
// from PDF and Word text such as \f, \v, \x01), which encoding/xml would
// otherwise write into a file no parser accepts, and which garble a log
// or a Markdown table too.
func cleanText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			return -1
		}
		return r
	}, s)
}

// lineFormat reports whether a format's lines are lines of the file.
func lineFormat(format string) bool {
	return format == "" || format == "text" || format == "markdown" || format == "html"
}
