package rules

import (
	"os"
	"path/filepath"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"shouhou/lexicon/normalize"
)

func TestRequiredLiterals(t *testing.T) {
	cases := []struct {
		re   string
		want []string // nil: no literal known
	}{
		{`最终解释权`, []string{"最终解释权"}},
		{`(最终)?解释权归`, []string{"解释权归"}},
		{`概不退换|不退不换`, []string{"概不退换", "不退不换"}},
		{`拆封.{0,6}不(予|能)?退`, []string{"拆封"}},
		{`[至到]现场`, []string{"至现场", "到现场"}},
		{`运费.*(买家|顾客)承担`, []string{"买家承担", "顾客承担"}},
		{`(a|b)x`, []string{"ax", "bx"}},
		{`(须|应)[^,]{0,6}(本市|本地|本省|当地)`, []string{"本市", "本地", "本省", "当地"}},
		{`(消费者协会|消协|12315)`, []string{"消费者协会", "消协", "12315"}},
		{`_{3,}`, []string{"__"}},
		{`\d+小时`, []string{"小时"}},
		{`.*`, nil},
		{`(?i)final`, nil},
		{`(退|\d)`, nil},
	}
	for _, c := range cases {
		re, err := syntax.Parse(c.re, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := requiredLiterals(re.Simplify())
		// Order does not matter; the parser's factoring sorts classes.
		got, want := slices.Clone(got), slices.Clone(c.want)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("requiredLiterals(%s) = %q, want %q", c.re, got, c.want)
		}
	}
}

// The prefilter never hides a match: over every rule's examples and every
// line of the test documents, a rule that matches is a candidate.
func TestPrefilterNeverHidesAMatch(t *testing.T) {
	book, err := Builtin()
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
			if len(r.patterns.sources()) == 0 {
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
	book, err := Builtin()
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
