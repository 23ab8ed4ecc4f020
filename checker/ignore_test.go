package checker

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"shouhou/checker/reader"
	"shouhou/rules"
)

// TestIgnoreDirectives: several ids in one directive, a block, and the
// warnings for an unknown id, a missing reason, an end without a start
// and a block never ended. Each case lists the findings left (rule@line),
// those suppressed (rule@line=reason) and warning fragments.
func TestIgnoreDirectives(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	a := New(book)
	head := "售后服务政策\n七日内可退货，十五日内可换货，整机保修一年。投诉电话12315。\n"
	cases := []struct {
		name, text           string
		kept, suppressed     []string
		warnings, noWarnings []string
	}{
		{"two ids, comma", "shouhou-ignore CPL-INTERP-RIGHT, CPL-NORET-BLANKET: 法务已确认\n本店保留最终解释权，特价商品概不退换。\n本活动最终解释权归本店所有。\n",
			[]string{"CPL-INTERP-RIGHT@5"}, []string{"CPL-INTERP-RIGHT@4=法务已确认", "CPL-NORET-BLANKET@4=法务已确认"}, nil, []string{"shouhou-ignore"}},
		{"two ids, 、 and full-width colon", "shouhou-ignore CPL-INTERP-RIGHT、CPL-NORET-BLANKET：已确认\n本店保留最终解释权，特价商品概不退换。\n",
			nil, []string{"CPL-INTERP-RIGHT@4=已确认", "CPL-NORET-BLANKET@4=已确认"}, nil, []string{"shouhou-ignore"}},
		{"misspelt id", "shouhou-ignore CPL-INTERP-RIHGT: 拼错\n本活动最终解释权归本店所有。\n",
			[]string{"CPL-INTERP-RIGHT@4"}, nil, []string{"line 3 col 1: shouhou-ignore names no rule CPL-INTERP-RIHGT (did you mean CPL-INTERP-RIGHT?)"}, nil},
		{"no reason", "shouhou-ignore CPL-NORET-BLANKET\n清仓商品概不退换。\n",
			nil, []string{"CPL-NORET-BLANKET@4=(no reason given)"}, []string{"line 3 col 1: shouhou-ignore without a reason"}, nil},
		{"block of all rules", "shouhou-ignore-start: 旧版条款\n赠品概不退换。\n本公告最终解释权归本公司所有。\nshouhou-ignore-end\n本说明最终解释权归本公司所有。\n",
			[]string{"CPL-INTERP-RIGHT@7"}, []string{"CPL-INTERP-RIGHT@5=旧版条款", "CPL-NORET-BLANKET@4=旧版条款"}, nil, []string{"shouhou-ignore"}},
		{"block of one rule", "shouhou-ignore-start CPL-NORET-BLANKET: 旧版\n赠品概不退换。\n本公告最终解释权归本公司所有。\nshouhou-ignore-end\n",
			[]string{"CPL-INTERP-RIGHT@5"}, []string{"CPL-NORET-BLANKET@4=旧版"}, nil, []string{"shouhou-ignore"}},
		{"block never ended", "shouhou-ignore-start CPL-NORET-BLANKET: 旧版\n赠品概不退换。\n",
			nil, []string{"CPL-NORET-BLANKET@4=旧版"}, []string{"line 3 col 1: shouhou-ignore-start is never ended"}, nil},
		{"end without start", "shouhou-ignore-end\n赠品概不退换。\n",
			[]string{"CPL-NORET-BLANKET@4"}, nil, []string{"line 3 col 1: shouhou-ignore-end without a shouhou-ignore-start"}, nil},
		{"a word that is no id", "shouhou-ignore 这条: 理由\n赠品概不退换。\n",
			[]string{"CPL-NORET-BLANKET@4"}, nil, []string{`"这条" is not a rule id`, "names no rule"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, err := reader.Parse("t.txt", []byte(head+c.text), "text", reader.Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := a.Audit(src, "policy")
			var kept, sup []string
			for _, f := range d.Findings {
				if strings.HasPrefix(f.Rule, "CPL-INTERP") || strings.HasPrefix(f.Rule, "CPL-NORET") {
					kept = append(kept, fmt.Sprintf("%s@%d", f.Rule, f.Line))
				}
			}
			for _, f := range d.Suppressed {
				sup = append(sup, fmt.Sprintf("%s@%d=%s", f.Rule, f.Line, f.Suppressed))
			}
			slices.Sort(kept)
			slices.Sort(sup)
			if !slices.Equal(kept, c.kept) || !slices.Equal(sup, c.suppressed) {
				t.Errorf("kept %v suppressed %v, want %v and %v", kept, sup, c.kept, c.suppressed)
			}
			all := strings.Join(d.Warnings, "\n")
			for _, w := range c.warnings {
				if !strings.Contains(all, w) {
					t.Errorf("warnings lack %q:\n%s", w, all)
				}
			}
			for _, w := range c.noWarnings {
				if strings.Contains(all, w) {
					t.Errorf("unexpected warning:\n%s", all)
				}
			}
		})
	}
}
