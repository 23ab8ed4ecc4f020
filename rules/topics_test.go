package rules_test

import (
	"testing"

	_ "shouhou/checker/check" // the check kinds the rulebook names
	"shouhou/rules"
)

// TestTopicRegistry: every topic is registered once with both names, and
// every topic the built-in rulebook uses (as topic:, of: or require:) is
// registered.
func TestTopicRegistry(t *testing.T) {
	seen := map[string]bool{}
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
	if !rules.IsMoneyTopic("budget") || rules.IsMoneyTopic("warranty_period") {
		t.Errorf("money topics %v", rules.MoneyTopicList())
	}
}
