package rules_test

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"shouhou/internal/bookgen"
	"shouhou/rules"
)

// TestPreparedRulebook: checker/check/builtin_gen.go is what go generate
// writes from today's rules/builtin/*.yaml and check kinds, and Builtin
// uses it; the book it gives is the one parsed from the YAML, down to the
// normalized patterns and what they match.
func TestPreparedRulebook(t *testing.T) {
	parsed, err := rules.ParseBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	want, err := bookgen.Source(parsed)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../checker/check/builtin_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("checker/check/builtin_gen.go is stale (rules/builtin or a check kind changed): run go generate ./rules/...")
	}
	old := rules.SwapPrepared(nil)
	rules.SwapPrepared(old)
	if old == nil || old.Version != parsed.Version {
		t.Fatalf("the prepared rulebook is not linked or not current: %v", old)
	}
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	samePrepared(t, book, parsed)
}

// TestStalePreparedRulebook: prepared rules made from other YAML are not
// used; the YAML is parsed instead.
func TestStalePreparedRulebook(t *testing.T) {
	old := rules.SwapPrepared(&rules.Prepared{Version: "builtin-000000000000", Rules: []*rules.Rule{{ID: "STALE-RULE"}}})
	defer rules.SwapPrepared(old)
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if book.Get("STALE-RULE") != nil {
		t.Fatal("a stale prepared rulebook was used")
	}
	parsed, err := rules.ParseBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	samePrepared(t, book, parsed)
}

func samePrepared(t *testing.T, book, parsed *rules.Book) {
	t.Helper()
	if book.Version != parsed.Version || len(book.Rules) != len(parsed.Rules) {
		t.Fatalf("book %s of %d rules, parsed %s of %d", book.Version, len(book.Rules), parsed.Version, len(parsed.Rules))
	}
	a, err := bookgen.Source(book)
	if err != nil {
		t.Fatal(err)
	}
	b, err := bookgen.Source(parsed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("the prepared book's rules differ from the parsed ones")
	}
	for i, r := range book.Rules {
		p := parsed.Rules[i]
		if book.Get(r.ID) != r {
			t.Errorf("rule %s: not found by its id", r.ID)
		}
		if !slices.Equal(rules.PatternSourcesOf(r), rules.PatternSourcesOf(p)) {
			t.Errorf("rule %s: normalized patterns %q, parsed %q", r.ID, rules.PatternSourcesOf(r), rules.PatternSourcesOf(p))
		}
		for _, s := range slices.Concat(r.Examples.Bad, r.Examples.Good) {
			if got, want := r.Match(s), p.Match(s); !slices.Equal(got, want) {
				t.Errorf("rule %s on %q: match %v, parsed %v", r.ID, s, got, want)
			}
		}
	}
}
