package columns

import (
	"strings"
	"testing"
)

func TestEmbeddedHeads(t *testing.T) {
	h := Load()
	// the widths the renderers give each table: a list of another length
	// would shift every column after the change
	for name, tc := range map[string]struct {
		heads []string
		width int
	}{
		"findings_table":       {h.FindingsTable, 6},
		"markdown_summary":     {h.MarkdownSummary, 5},
		"markdown_unreadable":  {h.MarkdownUnreadable, 2},
		"markdown_findings":    {h.MarkdownFindings, 5},
		"workbook_overview":    {h.WorkbookOverview, 12},
		"workbook_findings":    {h.WorkbookFindings, 14},
		"workbook_facts":       {h.WorkbookFacts, 11},
		"requirements_table":   {h.RequirementsTable, 5},
		"compare_table":        {h.CompareTable, 2},
		"compare_matrix":       {h.CompareMatrix, 4},
		"compare_bid":          {h.CompareBid, 11},
		"compare_tender_audit": {h.CompareTenderAudit, 12},
	} {
		if len(tc.heads) != tc.width {
			t.Errorf("%s: %d heads, the table has %d columns", name, len(tc.heads), tc.width)
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
