package rules_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	_ "shouhou/checker/check" // the check kinds the rulebook names
	"shouhou/reports"
	"shouhou/rules"
)

// TestTopicRegistry: every topic is registered once with both names, and
// every topic the built-in rulebook uses (as topic:, of: or require:) is
// registered.
func TestTopicRegistry(t *testing.T) {
	seen := map[reports.Topic]bool{}
	for _, tp := range rules.Topics {
		if seen[tp.ID] {
			t.Errorf("topic %s registered twice", tp.ID)
		}
		seen[tp.ID] = true
		if tp.Zh == "" || tp.En == "" {
			t.Errorf("topic %s lacks a name: %+v", tp.ID, tp)
		}
		switch tp.Unit {
		case "", "duration", "money":
		default:
			t.Errorf("topic %s: unit family %q", tp.ID, tp.Unit)
		}
	}
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range book.Rules {
		if _, ok := rules.LookupTopic(r.Topic); !ok {
			t.Errorf("rule %s: topic %q not registered", r.ID, r.Topic)
		}
	}
	if !rules.IsMoneyTopic(reports.Budget) || rules.IsMoneyTopic(reports.WarrantyPeriod) {
		t.Errorf("money topics %v", rules.MoneyTopicList())
	}
}

// TestTopicConstants: the topic ids reports names as constants are the
// registry's, every one registered and none left out.
func TestTopicConstants(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "reports", "topic.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var consts []reports.Topic
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			for _, v := range s.(*ast.ValueSpec).Values {
				if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					id, _ := strconv.Unquote(lit.Value)
					consts = append(consts, reports.Topic(id))
				}
			}
		}
	}
	var registered []reports.Topic
	for _, tp := range rules.Topics {
		registered = append(registered, tp.ID)
	}
	slices.Sort(consts)
	slices.Sort(registered)
	if !slices.Equal(consts, registered) {
		t.Errorf("reports/topic.go names %v,\nrules.Topics registers %v", consts, registered)
	}
}
