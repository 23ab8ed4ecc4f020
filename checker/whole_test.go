package checker

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"shouhou/checker/reader"
	"shouhou/reports"
	"shouhou/rules"
)

func auditText(t *testing.T, a *Auditor, kind reports.Kind, text string) reports.Document {
	t.Helper()
	src, err := reader.Parse("t.txt", []byte(text), "text", reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a.Audit(src, kind)
}

// rulesOf lists the rules a document raised, "RULE@line", sorted.
func rulesOf(doc reports.Document) string {
	var out []string
	for _, f := range doc.Findings {
		out = append(out, fmt.Sprintf("%s@%d", f.Rule, f.Line))
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// ruleAt lists one rule's findings of a document, "RULE@line", in order.
func ruleAt(doc reports.Document, rule string) string {
	var out []string
	for _, f := range doc.Findings {
		if f.Rule == rule {
			out = append(out, fmt.Sprintf("%s@%d", f.Rule, f.Line))
		}
	}
	return strings.Join(out, " ")
}

func builtinAuditor(t *testing.T) *Auditor {
	t.Helper()
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return New(book)
}

// The 三包 staircase is one policy: the seven days where return is also
// allowed are no seven-day exchange window (issue 14, pattern 4). A
// shorter exchange window with no longer one is still reported.
func TestLadder(t *testing.T) {
	a := builtinAuditor(t)
	const tail = "\n整机保修一年。投诉电话：400-800-1234。\n"
	cases := []struct{ text, want string }{
		{"7日内可以退换货或修理；15日内可以换货或修理。", ""},
		{"7天包退换，15天包换。", ""},
		{"购买7日内出现质量问题可退换，15日内可换货。", ""},
		{"自售出之日起七日内可以退换货。\n自售出之日起十五日内，可以换货或修理。", ""},
		{"用户购机后出现性能故障，7日内可以选择退机、换机或修理，15日内可以选择换机或修理。", ""},
		// a shorter extra beside the full window: the document grants fifteen days
		{"7日内可退货，15日内可以换货或修理。\n增值服务：7天免费更换同型号商品。", ""},
		{"7日内可退货，十五日内可换货。\n以旧换新：3天内免费换新。", ""},
		// no ladder: the only exchange window is short
		{"自售出之日起7日内可退换货。", "CPL-EXCH-15D@1"},
		{"7日内可退货，10日内可换货。", "CPL-EXCH-15D@1"},
		// a ladder whose top step is still short
		{"7天包退换，10天包换。", "CPL-EXCH-15D@1"},
		// a step written as a span runs to its far end
		{"7日内可退货；自售出8天至15天内出现性能故障，可以换货或修理。", ""},
		{"签收7天内可退换，第8天到第15天可换货。", ""},
		{"7日内可退货；8日至15日内出现故障可换货。", ""},
		{"7日内可退货；8天至10天内出现故障可换货。", "CPL-EXCH-15D@1"},
	}
	for _, c := range cases {
		if got := rulesOf(auditText(t, a, "policy", c.text+tail)); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.text, got, c.want)
		}
	}
}

// A ladder's shorter step is still what the document says: it stays a
// fact (with its line), and neither a threshold nor CPL-CONFLICT judges it.
func TestLadderStepIsAFact(t *testing.T) {
	a := builtinAuditor(t)
	doc := auditText(t, a, "policy", "7日内可退换货。\n15日内可换货。\n整机保修一年。投诉电话：400-800-1234。\n")
	var exchange []string
	for _, f := range doc.Facts {
		if f.Topic == "exchange_window" {
			exchange = append(exchange, fmt.Sprintf("%v@%d", *f.Value, f.Line))
		}
	}
	if got := strings.Join(exchange, " "); got != "7@1 15@2" {
		t.Errorf("exchange facts %q, want the step and the top: 7@1 15@2", got)
	}
	if got := rulesOf(doc); got != "" {
		t.Errorf("findings %s, want none (CPL-CONFLICT and CPL-EXCH-15D read the ladder as one)", got)
	}
}

// Two figures conflict only in the same scope (pattern 2).
func TestConflictNeedsSameScope(t *testing.T) {
	a := builtinAuditor(t)
	cases := []struct{ text, want string }{
		{"北京地区接到报修后2小时内到达现场。\n其他地区接到报修后48小时内到达现场。", ""},
		{"一般故障4小时内修复。\n重大故障24小时内修复。", ""},
		{"合同客户：接到报修后1小时内响应。\n普通客户：接到报修后4小时内响应。", ""},
		{"90%的故障在24小时内修复。\n接到报修后48小时内修复。", ""},
		// a flattened table's bare figures have no subject of their own
		{"产品保修期对照表\n产品类别\n智能马桶\n质保期限\n3年\n产品类别\n脸盆\n质保期限\n10年", ""},
		// goods bought before and since a day are two tiers
		{"2020年1月1日前购买的设备，接到报修后4小时内响应。\n自2020年1月1日起购买的设备，接到报修后2小时内响应。", ""},
		{"2019年6月之前售出的产品，接到报修后8小时内到场。\n2019年6月以后售出的产品，接到报修后4小时内到场。", ""},
		// the same scope still conflicts
		{"北京地区2小时内到达现场。\n北京地区4小时内到达现场。", "CPL-CONFLICT@2"},
		{"接到报修后2小时内响应。\n接到报修后4小时内响应。", "CPL-CONFLICT@2"},
		{"一般故障4小时内修复。\n一般故障8小时内修复。", "CPL-CONFLICT@2"},
		{"2020年1月1日前购买的设备4小时内响应。\n2020年1月1日前购买的设备8小时内响应。", "CPL-CONFLICT@2"},
		// a day the promise takes effect is no tier of goods
		{"本承诺自2020年1月1日起生效，接到报修后2小时内响应。\n接到报修后4小时内响应。", "CPL-CONFLICT@2"},
	}
	for _, c := range cases {
		if got := rulesOf(auditText(t, a, "bid", c.text+"\n")); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.text, got, c.want)
		}
	}
}

// One problem stated many times is one finding, every place kept
// (pattern 9).
func TestOneProblemOneFinding(t *testing.T) {
	a := builtinAuditor(t)
	cases := []struct {
		text        string
		rule        string
		findings    int // of the rule
		occurrences []int
	}{
		{"特价商品概不退换。\n整机保修一年。\n特价商品概不退换。\n特价商品概不退换。\n", "CPL-NORET-BLANKET", 1, []int{1, 3, 4}},
		{"保修期为____年。\n响应时间____小时。\n", "CPL-BLANK", 2, nil}, // two topics: two causes
		{"退款将于15个工作日内退回。\n整机保修一年。\n退款将于15个工作日内原路退回。\n", "CPL-REFUND-7D", 1, []int{1, 3}},
		{"本店保留最终解释权。\n整机保修一年。\n本公司享有对本条款的解释权。\n", "CPL-INTERP-RIGHT", 1, []int{1, 3}},
		// different figures are different causes
		{"退款将于10日内退回。\n退款将于15日内退回。\n", "CPL-REFUND-7D", 2, nil},
	}
	for _, c := range cases {
		doc := auditText(t, a, "policy", c.text)
		var got []reports.Finding
		for _, f := range doc.Findings {
			if f.Rule == c.rule {
				got = append(got, f)
			}
		}
		if len(got) != c.findings {
			t.Errorf("%q: %d %s findings, want %d: %+v", c.text, len(got), c.rule, c.findings, got)
			continue
		}
		var lines []int
		for _, o := range got[0].Occurrences {
			lines = append(lines, o.Line)
			if o.Evidence == "" {
				t.Errorf("%q: occurrence without evidence", c.text)
			}
		}
		if fmt.Sprint(lines) != fmt.Sprint(c.occurrences) && !(len(lines) == 0 && len(c.occurrences) == 0) {
			t.Errorf("%q: occurrences at %v, want %v", c.text, lines, c.occurrences)
		}
	}
}

func parseMarkdown(text string) (*reader.Source, error) {
	return reader.Parse("t.md", []byte(text), "markdown", reader.Options{})
}

// A table row's first cell reads its topic from the cells after it, and
// the part from the row's label (pattern 10).
func TestTableRows(t *testing.T) {
	a := builtinAuditor(t)
	cases := []struct{ text, want string }{
		{"| 期限 | 处理方式 |\n| --- | --- |\n| 签收后7日内出现质量问题 | 退货 |\n| 签收后15日内出现质量问题 | 换货 |\n",
			"return_window 7 @3; exchange_window 15 @4"},
		{"| 时限 | 服务 |\n| --- | --- |\n| 2小时 | 响应 |\n| 24小时 | 到达现场 |\n",
			"response_time 2 @3; onsite_time 24 @4"},
		{"| 部件 | 保修期 |\n| --- | --- |\n| 主机 | 3年 |\n| 电池 | 6个月 |\n",
			"warranty_period 3 @3; parts_warranty 6 电池 @4"},
		// the column header's cue wins over the row's other cells
		{"| 退货期限 | 说明 |\n| --- | --- |\n| 7天 | 上门取件 |\n", "return_window 7 @3"},
	}
	for _, c := range cases {
		src, err := parseMarkdown(c.text)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range a.Audit(src, "policy").Facts {
			s := fmt.Sprintf("%s %v", f.Topic, *f.Value)
			if f.Item != "" {
				s += " " + f.Item
			}
			got = append(got, fmt.Sprintf("%s @%d", s, f.Line))
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.text, g, c.want)
		}
	}
}

// Quality guarantee and free repair are two promises; a part is never the
// whole unit (pattern 3).
func TestWarrantyKindsApart(t *testing.T) {
	a := builtinAuditor(t)
	cases := []struct{ text, want string }{
		{"整机质保三年。\n免费维修期一年。", ""},
		{"质量保证期五年。\n其中免费保修一年。", ""},
		{"质保期五年。\n免费上门维修两年。", ""},
		{"本产品保修一年。\n电池保修半年。", ""},
		{"电池、充电器保修时间均为1年。\n整机保修两年。", ""},
		// the same promise twice still conflicts
		{"整机质保三年。\n整机质保一年。", "CPL-CONFLICT@2"},
		{"免费保修一年。\n免费保修两年。", "CPL-CONFLICT@2"},
	}
	for _, c := range cases {
		if got := rulesOf(auditText(t, a, "bid", c.text+"\n")); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.text, got, c.want)
		}
	}
}

// An item under a lead-in (以下商品不支持七天无理由退货：) is judged as if it
// stood in the lead's place; lawful items, the lead itself and the text
// after the list are not.
func TestListUnderLead(t *testing.T) {
	a := builtinAuditor(t)
	const tail = "\n整机保修一年，客服电话400-000-0000，可向12315投诉。\n"
	cases := []struct{ name, text, want string }{
		{"numbered items", "退货说明\n以下商品不支持七天无理由退货：\n1. 特价商品；\n2. 定制商品；\n3. 鲜活易腐商品。" + tail,
			"CPL-NORET-NOREASON@3"},
		{"bracketed items, 下列", "退换货\n下列几类商品不参与7天无理由退货:\n（1）清仓商品\n（2）报纸期刊\n（3）促销赠送的商品" + tail,
			"CPL-NORET-NOREASON@3"},
		{"bare lines", "须知\n如下商品不适用无理由退货：\n秒杀商品\n消费者定作的商品\n团购商品" + tail,
			"CPL-NORET-NOREASON@3 CPL-NORET-NOREASON@5"},
		{"what is said, then the goods", "退货说明\n不适用七天无理由退货的商品包括：\n1. 手表、珠宝；\n2. 消费者定作的商品；\n3. 已拆封的商品。" + tail,
			"CPL-NORET-NOREASON@3 CPL-NORET-NOREASON@5"},
		{"an item that is a statement of its own", "退货说明\n以下商品不支持七天无理由退货：\n1. 定制商品；\n2. 目前仅支持退货，不支持换货。" + tail,
			""},
		{"a paragraph after the list is no item", "退货说明\n以下商品不支持七天无理由退货：\n1. 定制商品；\n2. 鲜活商品。\n其余商品签收后七日内可申请无理由退货，商品须保持原有品质。" + tail,
			""},
		{"a lead that points at nothing", "退货说明\n退货时请注意：\n1. 特价商品请保留包装；\n2. 赠品一并退回。" + tail,
			""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := auditText(t, a, "policy", c.text)
			var got []string
			for _, f := range doc.Findings {
				if f.Rule == "CPL-NORET-NOREASON" {
					got = append(got, fmt.Sprintf("%s@%d", f.Rule, f.Line))
					for _, o := range f.Occurrences[min(1, len(f.Occurrences)):] {
						got = append(got, fmt.Sprintf("%s@%d", f.Rule, o.Line))
					}
				}
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("got %q, want %q", g, c.want)
			}
		})
	}
}

// A figure for goods put to business use is no consumer's term: the
// consumer thresholds leave it alone, and still judge the same figure
// without the qualifier.
func TestBusinessUseNotJudgedAsConsumer(t *testing.T) {
	a := builtinAuditor(t)
	const head = "家电保修政策\n七日内可退货，十五日内可换货。投诉电话：400-800-1234。\n"
	cases := []struct{ text, want string }{
		{"注：家用产品用于商业用途的整机包修半年。", ""},
		{"家用机器在经营性使用时，整机保修六个月。", ""},
		{"集体用户购买的整机保修半年。", ""},
		{"整机包修半年。", "CPL-WARR-1Y@3"},
		// a use denied is no use: the consumer's term is judged
		{"本产品仅限家庭使用，不得用于商业用途，整机保修3个月。", "CPL-WARR-1Y@3"},
		{"家庭非经营性使用的，整机保修3个月。", "CPL-WARR-1Y@3"},
	}
	for _, c := range cases {
		if g := ruleAt(auditText(t, a, "", head+c.text+"\n"), "CPL-WARR-1Y"); g != c.want {
			t.Errorf("%s: got %q, want %q", c.text, g, c.want)
		}
	}
}

// A refusal past a time shorter than a window granted elsewhere takes the
// grant back: one CPL-CONFLICT, on the refusal. A refusal past the granted
// time, or of another right, contradicts nothing.
func TestRefusalBeforeGrant(t *testing.T) {
	a := builtinAuditor(t)
	const head = "退货政策\n整机保修一年。投诉电话：400-800-1234。\n"
	cases := []struct{ text, want string }{
		{"自签收之日起30日内可退换货。\n以下情况不予办理退换货：\n1. 商品购买超过15天的；", "CPL-CONFLICT@5"},
		{"收到商品30日内可申请退货。\n签收超过10天的商品不予退货。", "CPL-CONFLICT@4"},
		{"七日内可退货，十五日内可换货。\n签收超过15天的商品不予退换。", ""},
		{"10日内可无条件退换货;30日内如有质量问题可申请退换货。\n以下情况不予办理退换货:\n1. 超过10天无质量问题。", ""},
		{"30日内可退换货。\n七天无理由退货,超过7天不予无理由退货。", ""},
	}
	for _, c := range cases {
		if g := ruleAt(auditText(t, a, "", head+c.text+"\n"), "CPL-CONFLICT"); g != c.want {
			t.Errorf("%s: got %q, want %q", c.text, g, c.want)
		}
	}
}

// A condition sentence and the sentence after it on the same line read as
// one: the cost named in the second is the cost of the quality case named
// in the first. On separate lines, or after a sentence that is no
// condition, they stay apart.
func TestConditionSentenceReadsOn(t *testing.T) {
	a := builtinAuditor(t)
	const head = "退换货服务\n签收后7日内可退货，15日内可换货，投诉电话：400-800-1234。\n"
	cases := []struct{ text, want string }{
		{"如果发现产品有质量问题，请尽快联系我们。退货来回运费由买家承担。", "CPL-SHIP-QUALITY@3"},
		{"若商品存在质量问题，请在签收后联系客服。寄回的运费由顾客自理。", "CPL-SHIP-QUALITY@3"},
		{"如出现性能故障，请先拍照留证。返修快递费由客户承担。", "CPL-SHIP-QUALITY@3"},
		{"1. 收到货后，如果发现产品有质量问题，请尽快联系我们。退货来回运费由买家承担。", "CPL-SHIP-QUALITY@3"},
		{"本店赠送若干小礼品，质量问题包退包换。退货来回运费由买家承担。", ""},      // 若干 opens nothing
		{"如果发现产品有质量问题，请尽快联系我们。\n退货来回运费由买家承担。", ""},   // another line
		{"本店商品均经质检。退货来回运费由买家承担。", ""},                // no condition opened
		{"如果不喜欢商品，可七天无理由退货。退货来回运费由买家承担。", ""},        // the condition is no quality case
		{"如果发现产品有质量问题，请尽快联系我们。非质量问题退货的运费由买家承担。", ""}, // the second says otherwise
	}
	for _, c := range cases {
		if g := ruleAt(auditText(t, a, "", head+c.text+"\n"), "CPL-SHIP-QUALITY"); g != c.want {
			t.Errorf("%s: got %q, want %q", c.text, g, c.want)
		}
	}
}

// Only a policy document is a whole set of terms: the policy section of
// an explainer is judged, but never asked for the terms it leaves out.
func TestMissingOnlyForPolicyDocuments(t *testing.T) {
	a := builtinAuditor(t)
	cases := []struct {
		text       string
		wantKind   reports.Kind
		wantMissed bool
	}{
		{"手机三包是多久\n\n手机三包期限根据消费者权益保护法的规定，主要分为以下内容：\n\n一、基础保修期限\n\n国家规定手机整机保修期为1年，自购买之日起计算。\n\n二、退换货政策\n\n7天无条件退换\n\n购买后7天内，若手机出现非人为损坏的性能故障，可无条件退货或更换。\n\n15天换货\n\n购买后15天内，可更换同款手机。\n\n三、注意事项\n\n人为损坏不在三包范围内。\n", reports.Article, false},
		{"售后服务政策\n\n本店商品整机保修一年。\n", reports.Policy, true},
	}
	for _, c := range cases {
		doc := auditText(t, a, "", c.text)
		missed := false
		for _, f := range doc.Findings {
			if f.Status == reports.Missing {
				missed = true
			}
		}
		if doc.Kind != c.wantKind || missed != c.wantMissed {
			t.Errorf("%.30q: kind %s, missing findings %v (%s); want %s, %v", c.text, doc.Kind, missed, rulesOf(doc), c.wantKind, c.wantMissed)
		}
	}
}

// Under a refusal lead, an item that names a class of goods is refused
// wholesale (a blanket refusal); an item that names a ground (the box
// scratched, the tag cut off) is a condition, and no blanket refusal.
func TestBlanketRefusalNamesGoods(t *testing.T) {
	a := builtinAuditor(t)
	const head = "退换货说明\n签收后7日内可退货，15日内可换货，投诉电话：400-800-1234。\n以下情况不予退换：\n"
	cases := []struct{ item, want string }{
		{"1. 特价商品；", "CPL-NORET-BLANKET@4"},
		{"1. 清仓处理的贴身内衣类；", "CPL-NORET-BLANKET@4"},
		{"1. 外包装有明显划痕的；", ""},
		{"1. 吊牌已经剪掉；", ""},
		{"1. 收到后超过七天才提出；", ""},
		{"1. 清仓商品（限时）；", "CPL-NORET-BLANKET@4"}, // a bracket after the goods aside
	}
	for _, c := range cases {
		if g := ruleAt(auditText(t, a, "", head+c.item+"\n"), "CPL-NORET-BLANKET"); g != c.want {
			t.Errorf("%s: got %q, want %q", c.item, g, c.want)
		}
	}
}

// In an explainer, a chapter on the rules (二、商家退换货规则揭秘) is a
// shop's policy only when someone speaks for the shop; described rules
// are not judged as the author's terms.
func TestArticleChapterOnRules(t *testing.T) {
	a := builtinAuditor(t)
	const intro = "电脑退换货要注意什么\n随着网购普及，消费者常常遇到退换货的难题，本文整理了常见问题。\n一、常见问题\n- 消费者在购买电脑后可能遇到质量问题。\n- 商品与描述不符等情况。\n"
	const outro = "三、维权建议\n- 消费者应保留好购物凭证。\n- 遇到纠纷可向12315投诉。\n"
	cases := []struct {
		chapter string
		want    string
	}{
		{"二、商家退换货规则揭秘\n- 一般情况下，电脑的退换货时间为自购买之日起7日内。\n- 退换货需保持商品完好。\n- 如有质量问题需提供相关证明。\n", ""},
		{"二、退换货规则解读\n- 通常电脑的换货期限为购买后7日内。\n- 退换货需保持商品完好。\n- 如有质量问题需提供相关证明。\n", ""},
		{"二、退换货政策\n- 本店电脑自签收之日起7日内可退换货。\n- 我们承担质量问题的来回运费。\n- 如有疑问请联系我们的客服。\n", "CPL-EXCH-15D@7"},
	}
	for _, c := range cases {
		if got := ruleAt(auditText(t, a, "", intro+c.chapter+outro), "CPL-EXCH-15D"); got != c.want {
			t.Errorf("%.20q: got %q, want %q", c.chapter, got, c.want)
		}
	}
}

// A list whose lead says its items are goods (以下商品不予退换：) refuses
// each item wholesale, whatever the item's last word.
func TestGoodsLeadNamesItems(t *testing.T) {
	a := builtinAuditor(t)
	const head = "退换货说明\n签收后7日内可退货，15日内可换货，投诉电话：400-800-1234。\n以下商品不予退换：\n"
	for _, item := range []string{"1. 特价手机；", "1. 打折服装；"} {
		if g := ruleAt(auditText(t, a, "", head+item+"\n"), "CPL-NORET-BLANKET"); g != "CPL-NORET-BLANKET@4" {
			t.Errorf("%s: got %q, want CPL-NORET-BLANKET@4", item, g)
		}
	}
}

// A table cell is read with its row: | 样式、尺码等个人原因 | 不支持退换货 |
// refuses a no-reason case, no blanket refusal; | 特价商品 | 不支持退换货 |
// still is one.
func TestCellReadWithItsRow(t *testing.T) {
	a := builtinAuditor(t)
	cases := []struct{ row, want string }{
		{"| 样式、尺码等个人原因 | 不支持退换货 |", ""},
		{"| 人为损坏 | 不支持退换货 |", ""},
		{"| 特价商品 | 不支持退换货 |", "CPL-NORET-BLANKET@5"},
	}
	for _, c := range cases {
		text := "# 退换货说明\n\n| 情形 | 处理 |\n| --- | --- |\n" + c.row + "\n"
		src, err := reader.Parse("t.md", []byte(text), "markdown", reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if g := ruleAt(a.Audit(src, ""), "CPL-NORET-BLANKET"); g != c.want {
			t.Errorf("%s: got %q, want %q", c.row, g, c.want)
		}
	}
}

// A lead naming cases of goods (以下情况的商品不予退换：) lists grounds:
// only a lead saying its items are goods (以下商品) makes every item goods.
// A table row's other cells except a match only through the rule's
// exceptions: an authorisation demand in a row is still one.
func TestLeadsAndRowsReadRight(t *testing.T) {
	a := builtinAuditor(t)
	const head = "退换货说明\n签收后7日内可退货，15日内可换货，投诉电话：400-800-1234。\n"
	for _, lead := range []string{"以下情况的商品不予退换：", "有下列情形之一的商品，不予退换："} {
		if g := ruleAt(auditText(t, a, "", head+lead+"\n1. 吊牌已经剪掉；\n"), "CPL-NORET-BLANKET"); g != "" {
			t.Errorf("%s / 吊牌已经剪掉: got %q, want none", lead, g)
		}
	}
	src, err := reader.Parse("t.md", []byte("# 资格要求\n\n| 序号 | 要求 |\n| --- | --- |\n| 一 | 5.提供产品厂家授权书 |\n"), "markdown", reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g := ruleAt(a.Audit(src, "tender"), "TND-AUTH"); g == "" {
		t.Errorf("an authorisation demand in a table row: no TND-AUTH")
	}
}
