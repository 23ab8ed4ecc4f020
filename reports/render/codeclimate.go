package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"

	"shouhou/reports"
)

// ccIssue is one issue of GitLab's Code Quality report (a subset of the
// Code Climate spec: https://docs.gitlab.com/ci/testing/code_quality/).
type ccIssue struct {
	Type        string     `json:"type"`
	Description string     `json:"description"`
	CheckName   string     `json:"check_name"`
	Fingerprint string     `json:"fingerprint"`
	Severity    string     `json:"severity"`
	Categories  []string   `json:"categories"`
	Location    ccLocation `json:"location"`
}

type ccLocation struct {
	Path  string  `json:"path"`
	Lines ccLines `json:"lines"`
}

type ccLines struct {
	Begin int `json:"begin"`
}

// ccSeverity maps shouhou's severities to Code Quality's.
var ccSeverity = map[reports.Severity]string{"error": "critical", "warning": "major", "info": "info"}

// WriteCodeClimate writes the findings as a GitLab Code Quality report:
// a JSON array, one issue per finding and per unreadable document. The
// fingerprint hashes the path, rule and evidence, not the line, so a
// finding keeps its identity when text is added above it. Code Quality
// needs a line: findings about the whole document, and places that are
// not lines of a text file (paragraph 3, Sheet1!C4), point at line 1 and
// say their place in the description.
func WriteCodeClimate(w io.Writer, r *reports.Report) error {
	issues := []ccIssue{}
	seen := map[string]int{}
	add := func(path, rule, severity, desc, key string, line int) {
		h := sha256.Sum256([]byte(path + "\x00" + rule + "\x00" + key))
		fp := hex.EncodeToString(h[:16])
		if n := seen[fp]; n > 0 { // the same evidence twice: keep both apart
			h = sha256.Sum256([]byte(fp + string(rune('0'+n))))
			fp = hex.EncodeToString(h[:16])
		}
		seen[fp]++
		issues = append(issues, ccIssue{Type: "issue", Description: desc, CheckName: rule, Fingerprint: fp, Severity: severity,
			Categories: []string{"Compliance"}, Location: ccLocation{Path: path, Lines: ccLines{Begin: max(line, 1)}}})
	}
	for _, d := range r.Documents {
		if d.Error != nil {
			add(d.Path, "shouhou-unreadable", "blocker", "无法读取 unreadable: "+cleanText(*d.Error), "", 1)
			continue
		}
		for _, f := range d.Findings {
			desc := f.Rule + ": " + cleanText(f.Message)
			line := f.Line
			switch {
			case f.Line == 0:
				desc += "（全文 whole document）"
			case !lineFormat(d.Format):
				desc += "（" + place(f.Location, f.Line, f.Column) + "）"
				line = 1
			}
			sev := ccSeverity[f.Severity]
			if sev == "" {
				sev = "info"
			}
			add(d.Path, f.Rule, sev, desc, f.Evidence+"\x00"+f.Message, line)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(issues)
}
