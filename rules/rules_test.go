package rules

import (
	"os"
	"path/filepath"
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
		"CPL-REQ-RETURN", "CPL-REQ-EXCHANGE", "CPL-REQ-WARRANTY", "CPL-REQ-COMPLAINT",
		"TND-DEPOSIT-2PCT", "TND-BOND-10PCT", "CPL-WARR-CATEGORY", "CPL-PRIVACY"} {
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
		{"rules:\n  - {id: X-1, title: t, severity: error, applies_to: [tender], topic: bid_deposit, check: ratio, max: {value: 2, unit: percent}, message: m, basis: [{law: L, level: P}], examples: {bad: [a]}}\n", "another given by of:"},
		{"rules:\n  - {id: X-1, title: t, severity: error, applies_to: [tender], topic: bid_deposit, check: ratio, of: budget, max: {value: 2, unit: day}, message: m, basis: [{law: L, level: P}], examples: {bad: [a]}}\n", "unit: percent"},
		{"rules:\n  - {id: X-1, title: t, severity: error, applies_to: [tender], topic: bid_deposit, check: threshold, max: {value: 2, unit: day}, message: m, basis: [{law: L, level: P}], examples: {bad: [a]}}\n", "needs check: ratio"},
		{"rules:\n  - {id: X-1, title: t, severity: error, applies_to: [policy], topic: nowhere, check: forbid, patterns: [a], message: m, basis: [{law: L, level: P}], examples: {bad: [a]}}\n", "not a topic of docs/contract.md"},
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

func TestLoadFileErrorsHavePlaces(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		yaml string
		want []string
	}{
		{"rules:\n  - id: USR-A\n    title: t\n    severity: error\n    applies_to: [policy]\n    topic: invoice\n    check: forbid\n    patterns: [abc]\n    messge: x\n",
			[]string{":9:5: unknown field \"messge\" (did you mean message?)"}},
		{"rules:\n  - id: USR-A\n    title: t\n    severity: eror\n    applies_to: [policy]\n    topic: invoice\n    check: forbid\n    patterns: [abc]\n    message: x\n    basis: [{law: 消法, article: 第二十条, level: P}]\n    examples: {bad: [abc]}\n",
			[]string{":4:5: rule USR-A: severity \"eror\" must be error, warning or info"}},
		{"rules:\n  - id: USR-A\n    title: t\n    severity: error\n    applies_to: [policy]\n    topic: invoice\n    check: forbid\n    patterns: [\"ab(\"]\n    message: x\n    basis: [{law: 消法, article: 第二十条, level: P}]\n    examples: {bad: [abc]}\n",
			[]string{":8:5: rule USR-A: patterns:"}},
		{"rulez: []\n", []string{":1:1: unknown key \"rulez\""}},
		{"rules:\n  - id: [\n", []string{"bad.yaml"}},
	}
	for i, c := range cases {
		p := filepath.Join(dir, "bad.yaml")
		if err := os.WriteFile(p, []byte(c.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadFile(p)
		if err == nil {
			t.Errorf("case %d: no error", i)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), p+w) && !strings.Contains(err.Error(), w) {
				t.Errorf("case %d: error %q lacks %q", i, err, w)
			}
		}
		// A built-in rulebook goes through the same loader: the same
		// error, at the same line and column, named by its embedded path.
		builtinErr := (&Book{byID: map[string]*Rule{}}).add("builtin/bad.yaml", []byte(c.yaml))
		if builtinErr == nil {
			t.Errorf("case %d: the built-in loader took it", i)
		} else if got, want := builtinErr.Error(), strings.ReplaceAll(err.Error(), p, "builtin/bad.yaml"); got != want {
			t.Errorf("case %d: built-in error\n%s\nuser error\n%s", i, got, want)
		}
	}
}

func TestUserRulesAddAndOverride(t *testing.T) {
	book, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "mine.yaml")
	y := "rules:\n  - id: CPL-BLANK\n    title: 空白\n    severity: info\n    applies_to: [policy]\n    topic: placeholder\n    check: placeholder\n    patterns: [\"_{3,}\"]\n    message: 空白\n    basis: [{law: 消法, article: 第二十六条, level: P}]\n    examples: {bad: [\"____\"]}\n" +
		"  - id: USR-NEW\n    title: 新规则\n    severity: warning\n    applies_to: [policy]\n    topic: invoice\n    check: forbid\n    patterns: [\"开票.{0,4}加收\"]\n    message: 开票加收费用\n    basis: [{law: 发票管理办法, article: 第十九条, level: P}]\n    examples: {bad: [\"开票需加收税点\"]}\n"
	if err := os.WriteFile(p, []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	extra, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	nb := book.With(extra)
	if len(nb.Rules) != len(book.Rules)+1 || nb.Get("CPL-BLANK").Severity != "info" || nb.Get("USR-NEW") == nil || book.Get("CPL-BLANK").Severity == "info" {
		t.Errorf("merge: %d rules, CPL-BLANK %s", len(nb.Rules), nb.Get("CPL-BLANK").Severity)
	}
}

func TestCategoriesLoad(t *testing.T) {
	cats, err := Categories()
	if err != nil {
		t.Fatal(err)
	}
	ids := CategoryIDs(cats)
	for _, want := range []string{"mobile_phone", "computer", "tv_audio", "appliance", "general"} {
		found := false
		for _, id := range ids {
			found = found || id == want
		}
		if !found {
			t.Errorf("no category %s", want)
		}
	}
	for _, c := range cats {
		if c.ID == "mobile_phone" && (c.Parts["充电器"].Value != 1 || c.Parts["充电器"].Unit != "year" || c.Parts["电池"].Value != 6) {
			t.Errorf("phone figures: %+v", c.Parts)
		}
	}
}
