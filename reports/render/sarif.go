package render

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"shouhou/reports"
)

// WriteSARIF writes SARIF 2.1.0 as GitHub code scanning reads it: every
// rule with its help (what it checks, the legal basis, the fix, its
// examples), every finding as a result with a physical location, and
// unreadable documents as tool execution notifications.
//
// Word, Excel and PDF places have no line in the file's own terms, so
// their results carry the file and the place in words (a logical
// location); text, Markdown and HTML results carry line and column.
func WriteSARIF(w io.Writer, r *reports.Report) error {
	out, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	driver := sarif.NewVersionedDriver(r.Tool.Name, r.Tool.Version).
		WithInformationURI("https://github.com/shouhou/shouhou").
		WithFullName("shouhou 售后合规审计 / after-sales compliance auditor")
	run := sarif.NewRun(*sarif.NewTool(driver))
	index := map[string]int{}
	for _, ri := range r.Rules {
		index[ri.ID] = len(index)
		rule := sarif.NewRule(ri.ID).WithName(ruleName(ri.ID)).
			WithShortDescription(sarif.NewMultiformatMessageString(ri.Title)).
			WithFullDescription(sarif.NewMultiformatMessageString(ri.Title + "（" + strings.Join(ri.Basis, "；") + "）")).
			WithHelp(sarif.NewMultiformatMessageString(ruleHelp(ri, false)).WithMarkdown(ruleHelp(ri, true))).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(reports.Severity(ri.Severity)))).
			WithProperties(sarif.Properties{"tags": []string{"compliance", string(ri.Topic)}, "basis": ri.Basis})
		driver.AddRule(rule)
	}
	inv := sarif.NewInvocation().WithExecutionSuccess(r.Summary.Failed == 0)
	for _, d := range r.Documents {
		if d.Error != nil {
			uri := artifactURI(d.Path)
			inv.AddTToolExecutionNotification(sarif.NewNotification().WithLevel("error").
				WithTextMessage(d.Path + ": " + *d.Error).
				WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(
					sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri)))}))
		}
	}
	run.Invocations = []*sarif.Invocation{inv}
	run.ColumnKind = "unicodeCodePoints"
	out.AddRun(run)
	return writeSARIFStreamed(w, out, run, r.Documents, index) // sarif_stream.go
}

// sarifResults makes the results of one readable document, in order.
func sarifResults(d reports.Document, index map[string]int, emit func(*sarif.Result)) {
	uri := artifactURI(d.Path)
	// Suppressed findings (listed with --show-suppressed) are results
	// with a suppression: inSource for a shouhou-ignore line, external
	// for the baseline.
	all := slices.Concat(d.Findings, d.Suppressed)
	for k, f := range all {
		res := sarif.NewRuleResult(f.Rule).WithLevel(sarifLevel(f.Severity)).
			WithKind("fail").
			WithMessage(sarif.NewTextMessage(sarifMessage(f)))
		if i, ok := index[f.Rule]; ok {
			res.WithRuleIndex(i)
		}
		res.WithLocations([]*sarif.Location{sarifLocation(uri, d.Format, f.Line, f.Column, f.Location, f.Evidence)})
		// The other places the finding rests on (the clause another
		// contradicts, the budget a deposit is measured against).
		var related []*sarif.Location
		for k, p := range f.Related {
			related = append(related, sarifLocation(uri, d.Format, p.Line, p.Column, p.Location, p.Evidence).
				WithId(k+1).WithMessage(sarif.NewTextMessage(p.Evidence)))
		}
		// The other places the same problem is stated (occurrences).
		for _, p := range f.Occurrences {
			if p.Line == f.Line && p.Column == f.Column {
				continue
			}
			related = append(related, sarifLocation(uri, d.Format, p.Line, p.Column, p.Location, p.Evidence).
				WithId(len(related)+1).WithMessage(sarif.NewTextMessage("另见 also: "+p.Evidence)))
		}
		if len(related) > 0 {
			res.WithRelatedLocations(related)
		}
		// The same finding in the same words is the same alert after
		// edits that move it (as --baseline matches).
		res.WithPartialFingerPrints(map[string]any{"shouhou/v1": reports.Fingerprint(d.Path, f)})
		if k >= len(d.Findings) {
			sup := sarif.NewSuppression("inSource").WithJustifcation(f.Suppressed)
			if f.Baselined {
				sup = sarif.NewSuppression("external").WithJustifcation("already in the --baseline report")
			}
			res.WithSuppression([]*sarif.Suppression{sup})
		}
		emit(res)
	}
}

// artifactURI names a document for SARIF: a relative path as given (code
// scanning resolves it against the repository), an absolute one as a
// file: URL.
func artifactURI(p string) string {
	if filepath.IsAbs(p) {
		return fileURL(p)
	}
	return filepath.ToSlash(p)
}

func sarifLevel(severity reports.Severity) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "note"
}

func sarifMessage(f reports.Finding) string {
	msg := f.Message
	if f.Location != "" {
		msg += "（" + f.Location + "）"
	}
	if f.Evidence != "" {
		msg += "\n证据 evidence: " + f.Evidence
	}
	return msg
}

// ruleName turns CPL-EXCH-15D into CplExch15d, the PascalCase SARIF
// recommends for rule names.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + strings.ToLower(part[1:]))
	}
	return b.String()
}

// ruleHelp is a rule's help: title, basis, fix and its examples, as
// plain text or as Markdown.
func ruleHelp(ri reports.RuleInfo, markdown bool) string {
	title, item, gap := "%s\n", "%s %s\n", ""
	if markdown {
		title, item, gap = "**%s**\n\n", "- %s %s\n", "\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, title, ri.Title)
	fmt.Fprintf(&b, "依据 basis: %s\n%s", strings.Join(ri.Basis, "；"), gap)
	if ri.Fix != "" {
		fmt.Fprintf(&b, "建议 fix: %s\n%s", ri.Fix, gap)
	}
	for _, s := range ri.Bad {
		fmt.Fprintf(&b, item, "✗", s)
	}
	for _, s := range ri.Good {
		fmt.Fprintf(&b, item, "✓", s)
	}
	return b.String()
}

// sarifLocation places a finding (or a place it refers to) in its file:
// line and column where lines are the file's own, line 1 otherwise, and
// the place in words as a logical location.
func sarifLocation(uri, format string, line, col int, where, evidence string) *sarif.Location {
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri))
	if line > 0 && lineFormat(format) {
		phys.WithRegion(sarif.NewRegion().WithStartLine(line).WithStartColumn(col).
			WithSnippet(sarif.NewArtifactContent().WithText(evidence)))
	} else if line > 0 {
		phys.WithRegion(sarif.NewRegion().WithStartLine(1).
			WithSnippet(sarif.NewArtifactContent().WithText(evidence)))
	}
	loc := sarif.NewLocationWithPhysicalLocation(phys)
	if where != "" {
		loc.WithLogicalLocations([]*sarif.LogicalLocation{sarif.NewLogicalLocation().WithFullyQualifiedName(where).WithKind("element")})
	}
	return loc
}
