package rules_test

import (
	"os"
	"path/filepath"
	_ "shouhou/checker/check" // the check kinds the rulebook names
	"shouhou/lexicon/normalize"
	"shouhou/rules"
	"slices"
	"strings"
	"testing"
)

func TestBuiltinLoads(t *testing.T) {
	book, err := rules.Builtin()
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
		err := rules.AddTo("user.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want it to mention %q", c.yaml, err, c.want)
		}
	}
}

func TestPatternsAreNormalized(t *testing.T) {
	rs, err := rules.Parse("user.yaml", []byte("rules:\n  - {id: X-1, title: t, severity: error, applies_to: [policy], topic: invoice, check: forbid, patterns: [不開發票，], message: m, basis: [{law: L, level: P}], examples: {bad: [x]}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].Match("本店不开发票,谢谢") == nil {
		t.Error("normalized pattern does not match normalized text")
	}
}

// TestProblemsAtTheirField: a problem is reported at the line and column
// of the field it is about, a kind's parameters included; a key of
// another kind is an error at that key.
func TestProblemsAtTheirField(t *testing.T) {
	head := "rules:\n  - id: USR-A\n    title: t\n    severity: error\n    applies_to: [tender]\n    message: x\n    basis: [{law: L, level: P}]\n    examples: {bad: [abc]}\n"
	cases := []struct{ tail, want string }{
		{"    topic: warranty_period\n    check: threshold\n    min: {value: 0, unit: year}\n", ":11:5: rule USR-A: limit 0 \"year\" is not a positive duration"},
		{"    topic: warranty_period\n    check: threshold\n    max: {value: 1, unit: year}\n    whole_document: true\n", ":12:5: rule USR-A: whole_document needs min"},
		{"    topic: bid_deposit\n    check: ratio\n    max: {value: 2, unit: percent}\n    of: warranty_period\n", ":12:5: rule USR-A: ratio judges one money topic"},
		{"    topic: bid_deposit\n    check: ratio\n    max: {value: 2, unit: day}\n    of: budget\n", ":11:5: rule USR-A: ratio needs max"},
		{"    topic: invoice\n    check: forbid\n    patterns: [abc]\n    of: budget\n", ":12:5: rule USR-A: of: only ratio rules take of"},
		{"    topic: invoice\n    check: forbid\n    patterns: [abc]\n    topics: [invoice]\n", ":12:5: rule USR-A: topics: only require and consistent rules take topics"},
		{"    topic: invoice\n    check: forbid\n", ":2:5: rule USR-A: forbid needs patterns"},
		{"    topic: invoice\n    check: forbid\n    patterns: [abc]\n    status: maybe\n", ":12:5: rule USR-A: status \"maybe\""},
		{"    topic: invoice\n    check: forbidden\n", ":10:5: rule USR-A: check \"forbidden\" must be one of threshold, forbid, placeholder, require, profile, ratio, consistent, notice"},
	}
	for _, c := range cases {
		err := rules.AddTo("user.yaml", []byte(head+c.tail))
		if err == nil || !strings.Contains(err.Error(), "user.yaml"+c.want) {
			t.Errorf("%s: error %v, want %q", c.tail, err, c.want)
		}
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
		_, err := rules.LoadFile(p)
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
		builtinErr := rules.AddTo("builtin/bad.yaml", []byte(c.yaml))
		if builtinErr == nil {
			t.Errorf("case %d: the built-in loader took it", i)
		} else if got, want := builtinErr.Error(), strings.ReplaceAll(err.Error(), p, "builtin/bad.yaml"); got != want {
			t.Errorf("case %d: built-in error\n%s\nuser error\n%s", i, got, want)
		}
	}
}

func TestUserRulesAddAndOverride(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "mine.yaml")
	y := "rules:\n  - id: CPL-BLANK\n    title: 空白\n    severity: info\n    applies_to: [policy]\n    topic: placeholder\n    check: placeholder\n    patterns: [\"_{3,}\"]\n    message: 空白\n    basis: [{law: 消法, article: 第二十六条, level: P}]\n    examples: {bad: [\"____\"]}\n" +
		"  - id: USR-NEW\n    title: 新规则\n    severity: warning\n    applies_to: [policy]\n    topic: invoice\n    check: forbid\n    patterns: [\"开票.{0,4}加收\"]\n    message: 开票加收费用\n    basis: [{law: 发票管理办法, article: 第十九条, level: P}]\n    examples: {bad: [\"开票需加收税点\"]}\n"
	if err := os.WriteFile(p, []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	extra, err := rules.LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	nb := book.With(extra)
	if len(nb.Rules) != len(book.Rules)+1 || nb.Get("CPL-BLANK").Severity != "info" || nb.Get("USR-NEW") == nil || book.Get("CPL-BLANK").Severity == "info" {
		t.Errorf("merge: %d rules, CPL-BLANK %s", len(nb.Rules), nb.Get("CPL-BLANK").Severity)
	}
}

func TestCategoriesLoad(t *testing.T) {
	cats, err := rules.Categories()
	if err != nil {
		t.Fatal(err)
	}
	ids := rules.CategoryIDs(cats)
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

// The prefilter never hides a match: over every rule's examples and every
// line of the test documents, a rule that matches is a candidate.
func TestPrefilterNeverHidesAMatch(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, r := range book.Rules {
		texts = append(texts, r.Examples.Bad...)
		texts = append(texts, r.Examples.Good...)
	}
	files, _ := filepath.Glob("../testdata/policies/*")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	pre := book.Prefilter()
	matched, skipped := 0, 0
	for _, text := range texts {
		s := normalize.String(text)
		cand := pre.Candidates(s, nil)
		for i, r := range book.Rules {
			if len(rules.PatternSourcesOf(r)) == 0 {
				continue
			}
			if !cand[i] {
				skipped++
			}
			if r.Match(s) != nil {
				matched++
				if !cand[i] {
					t.Errorf("%s matches %q but the prefilter left it out", r.ID, s)
				}
			}
		}
	}
	if matched == 0 || skipped == 0 {
		t.Errorf("matched %d, skipped %d: the test shows nothing", matched, skipped)
	}
}

// TestCandidateSets: the vector numbered gives what Candidates gives, and
// equal sets get one number.
func TestCandidateSets(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	pre := book.Prefilter()
	sets := pre.Sets()
	texts := []string{"收货后七日内可退货。", "本店商品概不退换。", "收货后七日内可退货。", "", "天气很好。", "质保期为一年。"}
	var got []int32
	for _, text := range texts {
		got = append(got, sets.Index(normalize.String(text)))
	}
	for i, text := range texts {
		want := pre.Candidates(normalize.String(text), nil)
		if v := sets.Vectors[got[i]]; !slices.Equal(v, want) {
			t.Errorf("%q: vector %v, Candidates %v", text, v, want)
		}
	}
	if got[0] != got[2] {
		t.Error("the same clause twice got two numbers")
	}
	if len(sets.Vectors) < 2 || len(sets.Vectors) >= len(texts) {
		t.Errorf("%d vectors for %d clauses: want fewer, and more than one", len(sets.Vectors), len(texts))
	}
}
