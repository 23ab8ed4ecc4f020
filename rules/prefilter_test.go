package rules

import (
	"regexp/syntax"
	"slices"
	"testing"
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
