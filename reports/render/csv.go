package render

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"shouhou/reports"
)

// WriteCSV writes one row per finding, and one per unreadable document
// (status "error"), with a header row. UTF-8 with a BOM, so that Excel
// opens the Chinese text correctly when the file is double-clicked.
// Findings listed under --show-suppressed follow their document's, with
// the last column, suppressed, saying why they do not count.
func WriteCSV(w io.Writer, r *reports.Report) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"file", "kind", "rule", "severity", "status", "topic", "line", "column", "location", "message", "evidence", "basis", "fix", "suppressed"})
	for _, d := range r.Documents {
		if d.Error != nil {
			_ = cw.Write([]string{d.Path, string(d.Kind), "", "error", "error", "", "", "", "", *d.Error, "", "", "", ""})
			continue
		}
		for _, f := range d.Findings {
			_ = cw.Write([]string{d.Path, string(d.Kind), f.Rule, string(f.Severity), string(f.Status), string(f.Topic),
				strconv.Itoa(f.Line), strconv.Itoa(f.Column), f.Location, f.Message, cleanText(f.Evidence),
				strings.Join(f.Basis, "；"), f.Fix, ""})
		}
		for _, f := range d.Suppressed { // listed with --show-suppressed
			_ = cw.Write([]string{d.Path, string(d.Kind), f.Rule, string(f.Severity), string(f.Status), string(f.Topic),
				strconv.Itoa(f.Line), strconv.Itoa(f.Column), f.Location, f.Message, cleanText(f.Evidence),
				strings.Join(f.Basis, "；"), f.Fix, suppressedStatus(f)})
		}
	}
	cw.Flush()
	return cw.Error()
}

// suppressedZh says it in Chinese, for the cells a person reads.
func suppressedZh(f reports.Finding) string {
	if f.Baselined {
		return "基线已有"
	}
	return "已忽略：" + f.Suppressed
}

// suppressedStatus says why a listed finding does not count: "suppressed:
// reason" for a shouhou-ignore line, "baselined" for --baseline.
func suppressedStatus(f reports.Finding) string {
	if f.Baselined {
		return "baselined"
	}
	return "suppressed: " + f.Suppressed
}
