// Package columns holds the column heads of the tables shouhou shows a
// person (terminal, Markdown, Excel). The words live in columns.yaml, so
// they are changed in one place and translated without touching Go.
package columns

import (
	_ "embed"
	"fmt"
	"reflect"

	"shouhou/lexicon/embedded"
)

//go:embed columns.yaml
var columnsYAML []byte

// Heads is the parsed columns.yaml: one list of heads per table.
type Heads struct {
	FindingsTable      []string `yaml:"findings_table"`
	MarkdownSummary    []string `yaml:"markdown_summary"`
	MarkdownUnreadable []string `yaml:"markdown_unreadable"`
	MarkdownFindings   []string `yaml:"markdown_findings"`
	WorkbookOverview   []string `yaml:"workbook_overview"`
	WorkbookFindings   []string `yaml:"workbook_findings"`
	WorkbookFacts      []string `yaml:"workbook_facts"`
	RequirementsTable  []string `yaml:"requirements_table"`
	CompareTable       []string `yaml:"compare_table"`
	CompareMatrix      []string `yaml:"compare_matrix"`
	CompareBid         []string `yaml:"compare_bid"`
	CompareTenderAudit []string `yaml:"compare_tender_audit"`
}

// prepare refuses a table without heads or with an empty head: every
// field must be given, so a renamed key cannot leave a table headless.
func (h *Heads) prepare() error {
	v := reflect.ValueOf(h).Elem()
	for i := range v.NumField() {
		heads := v.Field(i).Interface().([]string)
		name := v.Type().Field(i).Tag.Get("yaml")
		if len(heads) == 0 {
			return fmt.Errorf("%s: no column heads", name)
		}
		for j, s := range heads {
			if s == "" {
				return fmt.Errorf("%s: column %d has an empty head", name, j+1)
			}
		}
	}
	return nil
}

var file = embedded.New("lexicon/columns/columns.yaml", columnsYAML, (*Heads).prepare)

// Load returns the column heads, parsed once (a parse error is a build
// defect: see package lexicon/embedded).
func Load() *Heads { return file.Must() }

// parse parses columns.yaml from b (tests feed it bad data).
func parse(b []byte) (*Heads, error) { return embedded.Parse(b, (*Heads).prepare) }
