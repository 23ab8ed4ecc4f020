package rules

import (
	"strings"
	"testing"
)

func TestBuiltinLoads(t *testing.T) {
	book, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(book.Rules) < 10 {
		t.Fatalf("only %d rules", len(book.Rules))
	}
	for _, id := range []string{"CPL-RET-7D", "CPL-EXCH-15D", "CPL-WARR-1Y", "CPL-REFUND-7D", "CPL-REPAIR-30D",
		"CPL-INTERP-RIGHT", "CPL-NORET-BLANKET", "CPL-SHIP-QUALITY", "CPL-INVOICE", "CPL-BLANK",
		"CPL-REQ-RETURN", "CPL-REQ-EXCHANGE", "CPL-REQ-WARRANTY", "CPL-REQ-COMPLAINT"} {
		if book.Get(id) == nil {
			t.Errorf("rule %s missing", id)
		}
	}
}

func TestValidation(t *testing.T) {
	cases := []struct{ yaml, want string }{
		{"rules:\n  - id: bad id\n", "must look like"},
		{"rules:\n  - id: X-1\n    severty: error\n", "severty"},
		{"rules:\n  - {id: X-1, title: t, severity: fatal, applies_to: [policy], topic: invoice, check: forbid, patterns: [a], message: m, basis: [{law: L, level: P}], examples: {bad: [a]}}\n", "severity \"fatal\""},
		{"rules:\n  - {id: X-1, title: t, severity: error, applies_to: [policy], topic: invoice, check: forbid, patterns: [\"(\"], message: m, basis: [{law: L, level: P}], examples: {bad: [a]}}\n", "patterns"},
		{"rules:\n  - {id: X-1, title: t, severity: error, applies_to: [policy], topic: return_window, check: threshold, min: {value: 7, unit: fortnight}, message: m, basis: [{law: L, level: P}], examples: {bad: [a]}}\n", "positive duration"},
		{"rules:\n  - {id: X-1, title: t, severity: error, applies_to: [policy], topic: invoice, check: forbid, patterns: [a], message: m, basis: [{law: L, level: U}], examples: {bad: [a]}}\n", "at most a warning"},
		{"rules:\n  - {id: X-1, title: t, severity: error, applies_to: [policy], topic: invoice, check: forbid, patterns: [a], message: m, basis: [], examples: {bad: [a]}}\n", "cites its law"},
		{"rules:\n  - {id: X-1, title: t, severity: error, applies_to: [policy], topic: nowhere, check: forbid, patterns: [a], message: m, basis: [{law: L, level: P}], examples: {bad: [a]}}\n", "not a CONTRACT.md topic"},
	}
	for _, c := range cases {
		b := &Book{byID: map[string]*Rule{}}
		err := b.add("user.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want it to mention %q", c.yaml, err, c.want)
		}
	}
}

func TestPatternsAreNormalized(t *testing.T) {
	r := &Rule{ID: "X-1", Title: "t", Severity: Error, AppliesTo: []string{Policy}, Topic: "invoice", Check: Forbid,
		Patterns: []string{"不開發票，"}, Message: "m", Basis: []Basis{{Law: "L", Level: "P"}}, Examples: Examples{Bad: []string{"x"}}}
	if err := r.compile(); err != nil {
		t.Fatal(err)
	}
	if r.Match("本店不开发票,谢谢") == nil {
		t.Error("normalized pattern does not match normalized text")
	}
}
