package render

import (
	"fmt"
	"io"
	"strings"

	"shouhou/lexicon/columns"
	"shouhou/reports"
)

// WriteMarkdown writes a summary fit for a pull-request comment: the
// counts, a table of unreadable documents, and the findings grouped by
// document in collapsible sections.
func WriteMarkdown(w io.Writer, r *reports.Report) error {
	b := &strings.Builder{}
	s := r.Summary
	icon := "✅"
	switch {
	case s.Failed > 0 || s.Findings.Error > 0:
		icon = "❌"
	case s.Findings.Warning > 0:
		icon = "⚠️"
	}
	fmt.Fprintf(b, "## %s shouhou 售后合规审计\n\n", icon)
	b.WriteString(mdHeader(columns.Load().MarkdownSummary, "---:"))
	fmt.Fprintf(b, "| %d | %d | %d | %d | %d |\n\n", s.Documents, s.Failed, s.Findings.Error, s.Findings.Warning, s.Findings.Info)
	if s.Suppressed > 0 {
		fmt.Fprintf(b, "另有 %d 个问题由 shouhou-ignore 忽略。/ %d findings are suppressed by shouhou-ignore.\n\n", s.Suppressed, s.Suppressed)
	}
	if s.Baselined > 0 {
		fmt.Fprintf(b, "另有 %d 个问题已在基线中，未列出。/ %d findings already in the baseline are not listed.\n\n", s.Baselined, s.Baselined)
	}
	var failed []reports.Document
	for _, d := range r.Documents {
		if d.Error != nil {
			failed = append(failed, d)
		}
	}
	if len(failed) > 0 {
		b.WriteString("### 无法读取 / Unreadable\n\n" + mdHeader(columns.Load().MarkdownUnreadable, "---"))
		for _, d := range failed {
			fmt.Fprintf(b, "| `%s` | %s |\n", mdCode(d.Path), mdCell(*d.Error))
		}
		b.WriteString("\n")
	}
	for _, d := range r.Documents {
		if d.Error != nil || len(d.Findings) == 0 {
			continue
		}
		fmt.Fprintf(b, "<details><summary><code>%s</code>: %d</summary>\n\n", htmlEscape(d.Path), len(d.Findings))
		b.WriteString(mdHeader(columns.Load().MarkdownFindings, "---"))
		for _, f := range d.Findings {
			fmt.Fprintf(b, "| %s | `%s` | %s | %s | %s |\n", f.Severity, f.Rule, mdCell(strings.TrimSpace(place(f.Location, f.Line, f.Column)+" "+AlsoAt(f))), mdCell(f.Message), mdCell(clip(f.Evidence, 60)))
		}
		// Each rule's basis and fix once per document, under the table.
		b.WriteString("\n")
		seen := map[string]bool{}
		for _, f := range d.Findings {
			if seen[f.Rule] || len(f.Basis) == 0 && f.Fix == "" {
				continue
			}
			seen[f.Rule] = true
			fmt.Fprintf(b, "- `%s`", f.Rule)
			if len(f.Basis) > 0 {
				fmt.Fprintf(b, " 依据 basis: %s", mdCell(strings.Join(f.Basis, "；")))
			}
			if f.Fix != "" {
				fmt.Fprintf(b, " · 建议 fix: %s", mdCell(f.Fix))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n</details>\n\n")
	}
	if r.Rulebook != "" {
		fmt.Fprintf(b, "<sub>%s %s · rulebook %s</sub>\n", r.Tool.Name, r.Tool.Version, r.Rulebook)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdCell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ", "\r", "", "\t", " ", "<", "&lt;", ">", "&gt;").Replace(cleanText(s))
}

func mdCode(s string) string { return strings.ReplaceAll(s, "`", "'") }

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// mdHeader is a Markdown table's head row and its rule, every column
// aligned by rule (--- or ---:).
func mdHeader(heads []string, rule string) string {
	rules := make([]string, len(heads))
	for i := range rules {
		rules[i] = rule
	}
	return "| " + strings.Join(heads, " | ") + " |\n| " + strings.Join(rules, " | ") + " |\n"
}
