package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// docs/rules.md maps the legal notes to rules: it must name every
// built-in rule, and only rules that exist.
func TestRulesDocNamesEveryRule(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	book, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{}
	for _, id := range regexp.MustCompile(`\b(?:CPL|TND|NOTE)-[A-Z0-9-]*[A-Z0-9]\b`).FindAllString(string(b), -1) {
		named[id] = true
		if book.Get(id) == nil {
			t.Errorf("docs/rules.md names %s, which is no rule", id)
		}
	}
	for _, r := range book.Rules {
		if !named[r.ID] {
			t.Errorf("docs/rules.md does not say what %s checks", r.ID)
		}
	}
}
