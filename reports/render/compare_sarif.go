package render

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"shouhou/reports"
)

// Rule ids of compare's SARIF results: a bid's unmet requirement, and a
// bid whose deviation claim contradicts its figure.
const (
	RuleUnmet       = "CMP-UNMET"
	RuleContradicts = "CMP-CONTRADICTS"
)

var compareRules = []reports.RuleInfo{
	{ID: RuleUnmet, Title: "投标不满足招标要求 / a bid does not meet a tender requirement", Severity: "warning", Topic: "compare",
		Basis: []string{"招标文件的要求 / the tender's own requirement"}, Fix: "请投标人澄清，或按招标文件评审。"},
	{ID: RuleContradicts, Title: "投标人声明无偏离，写明的数字却不满足要求 / a bid claims no deviation but states a worse figure", Severity: "warning", Topic: "compare",
		Basis: []string{"招标文件的要求 / the tender's own requirement"}, Fix: "核实是否虚假响应，请投标人澄清。"},
}

// writeCompareSARIF writes the tender's own findings (--audit-tender) and
// every unmet or contradicted requirement of every bid as SARIF results:
// errors where the requirement is substantive, warnings otherwise.
func writeCompareSARIF(w io.Writer, r *reports.CompareReport) error {
	rep := &reports.Report{Schema: reports.AuditSchema, Tool: r.Tool, Rules: compareRules}
	rep.Documents = append(rep.Documents, reports.Document{Path: r.Tender.Path, Kind: reports.Tender, Format: formatOf(r.Tender.Path), Findings: r.Tender.Findings})
	for i, b := range r.Bids {
		d := reports.Document{Path: b.Path, Kind: reports.Bid, Format: formatOf(b.Path), Error: b.Error}
		for qi, res := range b.Results {
			if res.Status != reports.Unmet && res.Status != reports.Contradicts || qi >= len(r.Tender.Requirements) {
				continue
			}
			q := r.Tender.Requirements[qi]
			f := reports.Finding{Rule: RuleUnmet, Topic: q.Topic, Severity: "warning", Status: reports.Violation}
			if res.Status == reports.Contradicts {
				f.Rule = RuleContradicts
			}
			if q.Substantive {
				f.Severity = "error"
			}
			f.Message = fmt.Sprintf("%s %s：%s %s %s", bidderLabel(i, b), q.ID, RequirementText(q), statusZh[res.Status], StatedFor(q, res.Stated))
			if q.Substantive {
				f.Message += "（实质性要求 ★，投标可能无效）"
			}
			if res.Note != "" {
				f.Message += "；" + res.Note
			}
			if s := res.Stated; s != nil {
				f.Line, f.Column, f.Location, f.Evidence = s.Line, max(s.Column, 1), s.Location, cleanText(s.Text)
			}
			d.Findings = append(d.Findings, f)
		}
		rep.Summary.Add(d)
		rep.Documents = append(rep.Documents, d)
	}
	return WriteSARIF(w, rep)
}

// formatOf guesses a document's reader from its name, for SARIF's
// choice between a line and a place in words.
func formatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx":
		return "docx"
	case ".xlsx":
		return "xlsx"
	case ".pdf":
		return "pdf"
	case ".html", ".htm":
		return "html"
	case ".md", ".markdown":
		return "markdown"
	}
	return "text"
}
