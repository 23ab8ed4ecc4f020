package render

import (
	"fmt"
	"io"
	"strings"

	"shouhou/reports"
)

// WriteGitHub writes GitHub Actions workflow commands, one annotation per
// finding (::error, ::warning, ::notice) and per unreadable document, so
// that a workflow step shows them on the pull request's files.
func WriteGitHub(w io.Writer, r *reports.Report) error {
	for _, d := range r.Documents {
		if d.Error != nil {
			if _, err := fmt.Fprintf(w, "::error file=%s,title=%s::%s\n", ghProperty(d.Path), ghProperty("shouhou: unreadable"), ghData(*d.Error)); err != nil {
				return err
			}
			continue
		}
		for _, f := range d.Findings {
			level := map[reports.Severity]string{"error": "error", "warning": "warning"}[f.Severity]
			if level == "" {
				level = "notice"
			}
			props := "file=" + ghProperty(d.Path)
			msg := f.Message
			switch {
			case f.Line > 0 && lineFormat(d.Format):
				// Only text formats have lines GitHub can show.
				props += fmt.Sprintf(",line=%d,col=%d", f.Line, f.Column)
			case f.Location != "":
				msg += " (" + f.Location + ")"
			}
			props += ",title=" + ghProperty(strings.TrimSpace(f.Rule+" "+f.Title))
			if f.Evidence != "" {
				msg += "\n证据 evidence: " + f.Evidence
			}
			if also := AlsoAt(f); also != "" {
				msg += "\n" + also
			}
			if f.Fix != "" {
				msg += "\n建议 fix: " + f.Fix
			}
			if _, err := fmt.Fprintf(w, "::%s %s::%s\n", level, props, ghData(msg)); err != nil {
				return err
			}
		}
	}
	_, err := fmt.Fprintln(w, SummaryLine(r.Summary))
	return err
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(cleanText(s))
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(cleanText(s))
}
