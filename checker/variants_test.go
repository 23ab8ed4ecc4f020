package checker

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"shouhou/rules"
)

func TestVariants(t *testing.T) {
	cases := []struct {
		ex       string
		synonyms [][]string
		want     []string // among the variants
		notWant  []string
	}{
		{"一经拆封，不予退货。", [][]string{{"不予", "恕不", "概不"}},
			[]string{"一经拆封,不予退货.", "一經拆封，不予退貨。", "　一经拆封， 不予退货。", "一经拆封 不予退货。", "一经拆封，恕不退货。", "一经拆封，概不退货。"},
			[]string{"一经拆封，不予退货。"}},
		{"协商不成的;由本店所在地法院管辖.", nil,
			[]string{"协商不成的；由本店所在地法院管辖.", "\u3000协商不成的; 由本店所在地法院管辖.", "協商不成的;由本店所在地法院管轄."}, nil},
		{"本店保留最终解释权。", [][]string{{"保留", "享有"}, {"最终", "最后"}},
			[]string{"本店享有最终解释权。", "本店保留最后解释权。", "本店保留最終解釋權。"}, nil},
		// a synonym that contains the word is not swapped in (一律不 for 不)
		{"概不退换", [][]string{{"不", "一律不"}}, nil, []string{"概一律不退换"}},
	}
	for _, c := range cases {
		got := Variants(c.ex, c.synonyms)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: no variant %q among %q", c.ex, w, got)
			}
		}
		for _, w := range c.notWant {
			if slices.Contains(got, w) {
				t.Errorf("%q: variant %q should not be generated", c.ex, w)
			}
		}
	}
}

// A rule that holds only for the wording of its examples fails rules test
// on the variants: a pattern that needs the comma, a synonym it forgot.
func TestVariantsCatchFragileRules(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "fragile.yaml")
	const book = `rules:
  - id: USR-FRAGILE
    title: fragile
    severity: warning
    applies_to: [policy]
    topic: no_return
    check: forbid
    patterns: ["拆封后,不予退货"]
    synonyms: [[不予, 恕不]]
    message: "{match}"
    basis: [{law: 中华人民共和国消费者权益保护法, article: 第二十四条, level: P}]
    examples:
      bad: ["拆封后，不予退货。"]
`
	if err := os.WriteFile(path, []byte(book), 0o644); err != nil {
		t.Fatal(err)
	}
	user, err := rules.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	failures, ran, generated := RunExamples(&rules.Book{Rules: user})
	if generated == 0 || ran != generated+1 {
		t.Fatalf("ran %d, generated %d", ran, generated)
	}
	var failed []string
	for _, f := range failures {
		if !f.Variant || !f.Bad {
			t.Errorf("unexpected failure %s", f)
		}
		failed = append(failed, f.Example)
	}
	for _, want := range []string{"拆封后 不予退货。", "拆封后，恕不退货。"} {
		if !slices.Contains(failed, want) {
			t.Errorf("variant %q passed; failures: %s", want, strings.Join(failed, " | "))
		}
	}
}
