package render

import (
	"fmt"
	"io"
	"strings"

	. "shouhou/reports"
)

// Formats are the output formats, in the order help lists them.
var Formats = []string{"stylish", "line", "table", "json", "jsonl", "xlsx", "sarif", "junit", "github", "markdown", "csv", "html", "codeclimate"}

// Binary formats are refused on a terminal without -o.
var Binary = map[string]bool{"xlsx": true}

// Options tune rendering.
type Options struct {
	Color bool // the table may use ANSI colours (a terminal, NO_COLOR unset)
	// Width is the terminal's width in columns for the default view to
	// wrap to; 0 does not wrap (a pipe or file).
	Width int
	// Explain adds 依据 (basis) and 建议 (fix) under each finding in the
	// default view.
	Explain bool
}

// Write renders r in format.
func Write(w io.Writer, format string, r *Report, opt Options) error {
	switch format {
	case "stylish":
		return WriteStylish(w, r, opt)
	case "line":
		return WriteLine(w, r)
	case "table":
		return WriteTable(w, r, opt)
	case "json":
		return WriteJSON(w, r)
	case "jsonl":
		return WriteJSONL(w, r)
	case "xlsx":
		return WriteXLSX(w, r)
	case "sarif":
		return WriteSARIF(w, r)
	case "junit":
		return WriteJUnit(w, r)
	case "github":
		return WriteGitHub(w, r)
	case "markdown":
		return WriteMarkdown(w, r)
	case "csv":
		return WriteCSV(w, r)
	case "html":
		return WriteHTML(w, r)
	case "codeclimate":
		return WriteCodeClimate(w, r)
	}
	return fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(Formats, ", "))
}

// place is a finding's or fact's location as one short string.
func place(location string, line, col int) string {
	switch {
	case location != "":
		return location
	case line > 0:
		return fmt.Sprintf("line %d col %d", line, col)
	}
	return "全文 whole document"
}

// Terminal are the formats meant for a person at a terminal: -q prints
// them only when the run fails.
var Terminal = map[string]bool{"stylish": true, "line": true, "table": true}

// NeedsText are the formats that show findings on the document's text:
// the audit keeps Document.Text for them.
var NeedsText = map[string]bool{"html": true}
