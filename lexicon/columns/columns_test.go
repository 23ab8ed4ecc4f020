package columns

import (
	"strings"
	"testing"
)

// Every table has heads; whether their number fits the renderer's columns
// is the renderers' test (reports/render: a workbook whose heads, widths
// and rows disagree is an error, not a shifted sheet).
func TestEmbeddedHeads(t *testing.T) {
	h := Load()
	for name, heads := range map[string][]string{
		"findings_table": h.FindingsTable, "markdown_summary": h.MarkdownSummary, "markdown_unreadable": h.MarkdownUnreadable,
		"markdown_findings": h.MarkdownFindings, "workbook_overview": h.WorkbookOverview, "workbook_findings": h.WorkbookFindings,
		"workbook_facts": h.WorkbookFacts, "requirements_table": h.RequirementsTable, "compare_table": h.CompareTable,
		"compare_matrix": h.CompareMatrix, "compare_bid": h.CompareBid, "compare_tender_audit": h.CompareTenderAudit,
	} {
		if len(heads) == 0 {
			t.Errorf("%s: no heads", name)
		}
	}
}

func TestRefusesMissingOrEmptyHeads(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"a table left out", "findings_table: [文件]\n", "markdown_summary: no column heads"},
		{"an empty head", strings.Replace(string(columnsYAML), "[文件, 位置,", "['', 位置,", 1), "findings_table: column 1 has an empty head"},
		{"an unknown table", string(columnsYAML) + "extra_table: [x]\n", "extra_table"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse([]byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("parse error = %v, want one saying %q", err, tc.want)
			}
		})
	}
}
