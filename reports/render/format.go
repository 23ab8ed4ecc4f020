// Package render writes the reports of shouhou/reports in every output
// format. One registry (formats, below) says for each format which
// reports it can write — the audit report, the compare report, the
// requirements list — and how it behaves on a terminal; audit, compare,
// extract and merge all go through it. Renderers see only the finished
// report; they never read documents again.
package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"shouhou/reports"
)

// FormatName names an output format: the value of --format and of the
// FORMAT: of -o FORMAT:FILE (stylish, json, xlsx …).
type FormatName string

// Format is one output format: what it writes and how it behaves.
type Format struct {
	// Audit, Compare and Requirements write the three kinds of report;
	// nil where the format does not write that kind.
	Audit        func(io.Writer, *reports.Report, Options) error
	Compare      func(io.Writer, *reports.CompareReport, Options) error
	Requirements func(io.Writer, *reports.RequirementsReport) error
	// Binary formats are refused on a terminal without -o.
	Binary bool
	// Terminal formats are meant for a person at a terminal: -q prints
	// them only when the run fails.
	Terminal bool
	// NeedsText formats show findings on the document's text: the audit
	// keeps Document.Text for them.
	NeedsText bool
}

// formats is the one registry of output formats.
var formats = map[FormatName]Format{
	"stylish":     {Audit: WriteStylish, Terminal: true},
	"line":        {Audit: plain(WriteLine), Terminal: true},
	"table":       {Audit: WriteTable, Compare: writeCompareTable, Requirements: writeRequirementsTable, Terminal: true},
	"json":        {Audit: plain(reports.WriteJSON), Compare: plain(indentedJSON[*reports.CompareReport]), Requirements: indentedJSON[*reports.RequirementsReport]},
	"jsonl":       {Audit: plain(reports.WriteJSONL)},
	"xlsx":        {Audit: plain(WriteXLSX), Compare: plain(writeCompareXLSX), Requirements: writeRequirementsXLSX, Binary: true},
	"sarif":       {Audit: plain(WriteSARIF), Compare: plain(writeCompareSARIF)},
	"junit":       {Audit: plain(WriteJUnit)},
	"github":      {Audit: plain(WriteGitHub)},
	"markdown":    {Audit: plain(WriteMarkdown)},
	"csv":         {Audit: plain(WriteCSV), Compare: plain(writeCompareCSV), Requirements: writeRequirementsCSV},
	"html":        {Audit: plain(WriteHTML), Compare: plain(writeCompareHTML), NeedsText: true},
	"codeclimate": {Audit: plain(WriteCodeClimate)},
}

// The formats each command writes, in the order its help lists them.
var (
	Formats             = []FormatName{"stylish", "line", "table", "json", "jsonl", "xlsx", "sarif", "junit", "github", "markdown", "csv", "html", "codeclimate"}
	CompareFormats      = []FormatName{"table", "json", "xlsx", "csv", "sarif", "html"}
	RequirementsFormats = []FormatName{"table", "json", "csv", "xlsx"}
)

// Names lists format names as strings, for help texts, messages and
// shell completion.
func Names(names []FormatName) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = string(n)
	}
	return out
}

// Lookup is the registered format called name.
func Lookup(name FormatName) (Format, bool) {
	f, ok := formats[name]
	return f, ok
}

// IsBinary says whether format writes bytes a terminal cannot show.
func IsBinary(format FormatName) bool { return formats[format].Binary }

// IsTerminal says whether format is meant for a person at a terminal.
func IsTerminal(format FormatName) bool { return formats[format].Terminal }

// NeedsText says whether format shows findings on the document's text.
func NeedsText(format FormatName) bool { return formats[format].NeedsText }

// plain adapts a writer that takes no options.
func plain[R any](write func(io.Writer, R) error) func(io.Writer, R, Options) error {
	return func(w io.Writer, r R, _ Options) error { return write(w, r) }
}

// indentedJSON writes a report as indented JSON with Chinese text left
// readable (no \u escapes, no HTML escaping).
func indentedJSON[R any](w io.Writer, r R) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

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
func Write(w io.Writer, format FormatName, r *reports.Report, opt Options) error {
	if f := formats[format]; f.Audit != nil {
		return f.Audit(w, r, opt)
	}
	return fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(Names(Formats), ", "))
}

// WriteCompare renders a compare report in format.
func WriteCompare(w io.Writer, format FormatName, r *reports.CompareReport, opt Options) error {
	if f := formats[format]; f.Compare != nil {
		return f.Compare(w, r, opt)
	}
	return fmt.Errorf("compare writes %s, not %q", strings.Join(Names(CompareFormats), ", "), format)
}

// WriteRequirements renders a tender's requirements list.
func WriteRequirements(w io.Writer, format FormatName, r *reports.RequirementsReport) error {
	if f := formats[format]; f.Requirements != nil {
		return f.Requirements(w, r)
	}
	return fmt.Errorf("extract writes %s, not %q", strings.Join(Names(RequirementsFormats), ", "), format)
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
