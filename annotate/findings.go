package annotate

import (
	"strings"

	"shouhou/reports"
)

var severityNames = map[reports.Severity]string{"error": "错误", "warning": "警告", "info": "提示"}

// Comment is a finding's comment: title, message, 依据, 建议, rule id.
func Comment(f reports.Finding) []string {
	head := "【" + severityNames[f.Severity] + "】"
	if head == "【】" {
		head = "【" + string(f.Severity) + "】"
	}
	title := f.Title
	if title == "" {
		title = f.Rule
	}
	lines := []string{head + title, f.Message}
	if len(f.Basis) > 0 {
		lines = append(lines, "依据："+strings.Join(f.Basis, "；"))
	}
	if f.Fix != "" {
		lines = append(lines, "建议："+f.Fix)
	}
	rule := "规则：" + f.Rule
	switch {
	case f.Line == 0:
		rule += "（全文 whole document）"
	case !inBody(f.Location):
		rule += "（" + f.Location + "）"
	}
	return append(lines, rule)
}

// inBody says a location is in the body of a Word document, where
// comments can be anchored (not a header or footer).
func inBody(location string) bool {
	return !strings.HasPrefix(location, "header ") && !strings.HasPrefix(location, "footer ")
}

// DocxNotes are the notes for a Word document's findings: each on its
// evidence in its paragraph; findings about the whole document, and
// those in headers or footers (which cannot carry comments), on the
// first paragraph.
func DocxNotes(findings []reports.Finding) []Note {
	out := make([]Note, 0, len(findings))
	for _, f := range findings {
		n := Note{Text: Comment(f)}
		if f.Line > 0 && inBody(f.Location) {
			n.Para, n.Evidence = f.Line, f.Evidence
		}
		out = append(out, n)
	}
	return out
}

// TextNotes are the notes for a text document's findings, placed by
// their offsets in the extracted text.
func TextNotes(findings []reports.Finding) []TextNote {
	out := make([]TextNote, 0, len(findings))
	for _, f := range findings {
		n := TextNote{Start: f.Start, End: f.End, Text: Comment(f)}
		if f.Line == 0 || f.End <= f.Start {
			n.Start, n.End = -1, -1
		}
		out = append(out, n)
	}
	return out
}

// Document annotates one audited document: a copy of orig with comments
// when it is a Word document (format docx), else a new Word document of
// d.Text.
func Document(d reports.Document, orig []byte) (*Result, error) {
	if d.Format == "docx" {
		return Docx(orig, DocxNotes(d.Findings))
	}
	return Text(d.Text, TextNotes(d.Findings))
}
