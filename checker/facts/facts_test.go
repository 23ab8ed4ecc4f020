package facts

import (
	"fmt"
	"strings"
	"testing"

	"shouhou/checker/clause"
	"shouhou/checker/reader"
	"shouhou/lexicon/normalize"
)

// figure is a fact's figure and unit: a sum's or a duration's.
func figure(f Fact) (float64, string) {
	if f.Money != nil {
		if f.Unit != "" || f.Value != 0 {
			panic("a money fact with a duration figure")
		}
		return f.Money.Float(), string(f.Money.Unit)
	}
	return f.Value, string(f.Unit)
}

func extract(x *Extractor, s string, ctx string) string {
	c := clause.Clause{Text: normalize.Pieces(s, []normalize.Piece{{Start: 0, End: len(s)}}), Context: ctx}
	return describe(x.Extract(c))
}

// describe writes facts as "topic op value unit [item]", joined by "; ".
func describe(fs []Fact) string {
	var parts []string
	for _, f := range fs {
		value, unit := figure(f)
		v := fmt.Sprint(value)
		if f.Blank {
			v = "?"
		}
		if f.Op == "range" {
			v += fmt.Sprintf("-%v", f.Max)
		}
		p := fmt.Sprintf("%s %s %s %s", f.Topic, f.Op, v, unit)
		if f.Item != "" {
			p += " " + f.Item
		}
		if f.Scope.Product != "" {
			p += " (" + f.Scope.Product + ")"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

func TestExtract(t *testing.T) {
	x := New()
	cases := []struct{ in, ctx, want string }{
		{"自签收之日起七日内可退货", "", "return_window <= 7 day"},
		{"十日内可以换货", "", "exchange_window <= 10 day"},
		{"自签收之日起七日内可退货,十五日内可换货", "", "return_window <= 7 day; exchange_window <= 15 day"},
		{"整机保修一年", "", "warranty_period = 1 year"},
		{"整机保修一年,主要部件保修三年", "", "warranty_period = 1 year; parts_warranty = 3 year 主要部件"},
		{"电池保修6个月", "", "parts_warranty = 6 month 电池"},
		// an interval (how often), no period granted (pattern 1)
		{"滤网建议两个月清洗一次", "", ""},
		{"为保证效果,请六个月更换一次滤芯;整机保修一年", "", "warranty_period = 1 year"},
		{"净水器保修三年,滤芯每3个月更换一次", "", "warranty_period = 3 year"},
		{"一年内可免费换新一次", "", "exchange_window <= 1 year"},
		// a figure that bounds who pays carriage grants no window
		{"保修期内,收货后10天内出现故障的,来回运费由本店承担", "", ""},
		{"整机保修一年,签收后20日内发现质量问题的,往返运费由我司支付", "", "warranty_period = 1 year"},
		{"产品保修期内送修,6个月内,寄回运费由厂家承担", "", ""},
		// how often, a firm's age, a time counted back from an end
		{"每隔半年派工程师回访", "", ""},
		{"每隔3个月上门巡检维护", "", ""},
		{"供应商须成立5年以上,质保期不少于2年", "", "warranty_period >= 2 year"},
		{"质保期结束前15日内,乙方应对设备全面检修一次", "", ""},
		// a shift of the start date is no period
		{"无发票的,以出厂日期后推2个月作为保修起始日", "", ""},
		{"没有购机凭证时,按生产日期往后推90天起算保修期", "", ""},
		// parts in brackets after the whole unit (pattern 3)
		{"主机保修两年(CPU,内存保修一年)", "", "warranty_period = 2 year; parts_warranty = 1 year CPU; parts_warranty = 1 year 内存"},
		{"笔记本整机保修一年(电池,电源适配器保修半年)", "", "warranty_period = 1 year; parts_warranty = 0.5 year 电池; parts_warranty = 0.5 year 电源适配器"},
		{"台式机保修三年(风扇,光驱保修六个月)", "", "warranty_period = 3 year; parts_warranty = 6 month 风扇; parts_warranty = 6 month 光驱"},
		{"接到报修后2小时内响应", "", "response_time <= 2 hour"},
		{"接到报修后2小时内响应,24小时内到达现场,48小时内修复", "", "response_time <= 2 hour; onsite_time <= 24 hour; resolution_time <= 48 hour"},
		{"我们承诺接到维修请求后,48小时内响应", "", "response_time <= 48 hour"},
		{"收到退回商品后7日内退款", "", "refund_time <= 7 day"},
		{"退款将在15个工作日内原路退回", "", "refund_time <= 15 workday"},
		{"若产品存在质量问题,我们承诺在收到退货申请后7个工作日内完成审核并办理退换货", "", "resolution_time <= 7 workday"},
		// the no-reason exchange is an exchange term under its condition
		// (the threshold rule for fault exchanges does not judge it)
		{"支持7天无理由退换货", "", "return_window = 7 day; exchange_window = 7 day"},
		{"商品自售出之日起7日内可退换货", "", "return_window <= 7 day; exchange_window <= 7 day"},
		// 退、换货 folds 退货、换货 across a separator
		{"您签收商品之日起的7天之内申请退、换货", "", "return_window <= 7 day; exchange_window <= 7 day"},
		{"收货后15天内可以办理退/换货", "", "return_window <= 15 day; exchange_window <= 15 day"},
		{"七日内可申请退、换货服务", "", "return_window <= 7 day; exchange_window <= 7 day"},
		// a new unit of the same model for the faulty one is an exchange
		{"购买7天内出现性能故障，可免费更换同型号同规格的商品", "", "exchange_window <= 7 day"},
		{"验收后七天内有质量问题的，我司更换新机", "", "exchange_window <= 7 day"},
		{"十五日内可更换同款产品", "", "exchange_window <= 15 day"},
		// items with their figures share the cue after the last one
		{"整机12个月,主要附件6个月的保修服务", "", "warranty_period = 12 month; parts_warranty = 6 month 附件"},
		{"主机1年，电池6个月保修", "", "warranty_period = 1 year; parts_warranty = 6 month 电池"},
		{"整机三年、压缩机十年免费保修", "", "warranty_period = 3 year; parts_warranty = 10 year 压缩机"},
		{"签收7天，15天内可换货", "", "exchange_window <= 15 day"},
		// a definition of how a period is counted is no period
		{"买家需在签收之日起7天内（满168小时为7天）提出退货申请", "", "return_window <= 7 day"},
		{"签收后7天内（以签收时间后的168小时为7天）可以退货", "", "return_window <= 7 day"},
		{"15日内（360小时即为15日）可以换货", "", "exchange_window <= 15 day"},
		// 无理由 in the cue's phrase makes 退换货 the no-reason return only
		{"本店承诺七天无理由退换货,买家自签收商品之日起7天内可申请", "", "return_window = 7 day; exchange_window = 7 day; return_window <= 7 day; exchange_window <= 7 day"},
		// a call back to the customer is a response, a plan is no fix
		{"在线不能答复的,客服工程师会在4小时内联系客户告知解决方案。", "", "response_time <= 4 hour"},
		{"我们将在24小时内与您联系", "", "response_time <= 24 hour"},
		{"工程师2小时内联系用户", "", "response_time <= 2 hour"},
		// names before 分别为 take the figures after it in order
		{"包括电池、有线耳机、充电器、存储卡等附件的保修时间分别为6个月、3个月、1年、1年。", "", "parts_warranty = 6 month 电池; parts_warranty = 3 month 耳机; parts_warranty = 1 year 充电器; parts_warranty = 1 year 存储卡"},
		{"主机、电池、充电器的保修期分别为一年、六个月和一年", "", "warranty_period = 1 year; parts_warranty = 6 month 电池; parts_warranty = 1 year 充电器"},
		{"压缩机和电机的质保期依次为十年、五年", "", "parts_warranty = 10 year 压缩机; parts_warranty = 5 year 电机"},
		// counts that disagree pair nothing
		{"电池、充电器的保修期分别为6个月", "", "parts_warranty = 6 month 电池; parts_warranty = 6 month 充电器"},
		// service after the warranty has ended is no warranty
		{"保修期终止后,技术人员对该系统终身维护,但须适当收费。", "", ""},
		{"质保期届满后，提供五年技术支持", "", ""},
		{"保修期结束以后三年内提供备件", "", "spare_parts_period <= 3 year"},
		// cues joined by 或者/和/、 share the figure
		{"我们提供30天的退货或者换货政策。", "", "return_window = 30 day; exchange_window = 30 day"},
		{"签收后7天内可退货或换货", "", "return_window <= 7 day; exchange_window <= 7 day"},
		{"收货15日内支持退货和换货", "", "return_window <= 15 day; exchange_window <= 15 day"},
		// goods past a named warranty: the figure names the warranty
		{"整机超过一年免费保修期后的产品均需收取检修费", "", "warranty_period = 1 year"},
		{"超过一年免费保修期的产品需收费", "", "warranty_period = 1 year"},
		{"超出两年质保期的设备，维修按成本价收费", "", "warranty_period = 2 year"},
		// a return refused past a time: the time ends the window
		{"购买超过15天的商品不予退货", "", "return_window <= 15 day"},
		// Taiwan's working day
		{"退款約7～14個工作天入帳", "", "refund_time range 7-14 workday"},
		{"提供至少一年的产品保修服务", "", "warranty_period >= 1 year"},
		{"质保期不少于五年", "", "warranty_period >= 5 year"},
		{"备件供应期为产品停产后5年", "", "spare_parts_period = 5 year"},
		{"终身保修", "", "warranty_period = 0 lifetime"},
		{"3-5个工作日内退款", "", "refund_time range 3-5 workday"},
		{"维修时间不能超过15天", "", "repair_time <= 15 day"},
		{"接到报修后XX小时内响应", "", "response_time <= ? hour"},
		{"接到报修后 小时内上门", "", "onsite_time <= ? hour"},
		{"2小时", "响应时间", "response_time = 2 hour"},
		{"自售出之日起十五日内出现性能故障的,可选择换货或修理", "一、退换货", "exchange_window <= 15 day"},
		{"三年", "主要部件保修", "parts_warranty = 3 year 主要部件"},
		{"自签收之日起七日内,可退货,十五日内可换货", "", "return_window <= 7 day; exchange_window <= 15 day"},
		{"未能提供购买凭证的,保修期自出厂日期后三个月起计算", "", ""}, // an offset of the start, no period
		{"我们将在2个工作日内处理您的退货申请", "", "resolution_time <= 2 workday"},
		{"成功办理退课后,三十个工作日内原路到账", "", "refund_time <= 30 workday"}, // the refund arriving
		{"付款到账后15个工作日内安排发货", "", ""},                             // the buyer's payment arriving
		// travelling to the customer or sending a repairer is the visit
		{"无法解决问题的,本企业将在48小时内赶赴用户公司,现场处理", "", "onsite_time <= 48 hour"},
		{"供货方在接到用户电话后24-28小时派专业维修人员前往使用地解决", "", "onsite_time range 24-28 hour"},
		{"接到报修后4小时内派维修人员上门", "", "onsite_time <= 4 hour"},
		{"接到甲方通知之日起48小时内派人员维修", "", "onsite_time <= 48 hour"},
		{"故障时2小时内派出人员赶往现场", "", "onsite_time <= 2 hour"},
		{"于故障之问题点厘清后24小时内到厂服务", "", "onsite_time <= 24 hour"}, // the customer's plant
		{"3个日历天内解决故障", "", "resolution_time <= 3 day"},
		// a no-reason refund is asked for within the window (训练班, 眼镜店)
		{"自产品售出之日起2日内无理由退款", "", "return_window <= 2 day"},
		{"报名后7天内可申请无理由退款", "", "return_window <= 7 day"},
		{"退学审核通过后,15个工作日内完成退款", "", "refund_time <= 15 workday"},
		{"本店收到退回商品后15个工作日内无理由退款", "", "refund_time <= 15 workday"}, // after the seller's event: the refund
		// a course's or a prepaid card's refund (退费, 退卡): the window to ask, the time to pay
		{"转班指学员在试听期结束后至开课后两周内办理转班,试听期后恕不退费", "", ""}, // a transfer, not the refund
		{"所有课程退费期限为自报名日起一年内", "", "return_window <= 1 year"},
		{"本机构将在15个工作日内通过原支付渠道完成退费操作", "", "refund_time <= 15 workday"},
		// the maintenance booklet (保修手册) and a free service are no warranty
		{"车辆行驶1个月或里程3000公里内,持保修手册到就近的特约服务站享受首次免费保养服务", "", ""},
		// under a warranty heading, the sentence's own words say what its period is for
		{"车辆行驶3个月或里程7000公里内,到特约服务站享受第二次免费保养服务", "保修期限", ""},
		{"车辆行驶3个月或里程7000公里内,免费更换损坏的零件", "保修期限", "warranty_period = 3 month"},
		{"整机自购买之日起1年,期间免费提供电话技术支持", "保修期限", "warranty_period = 1 year"},
		{"自安装验收合格之日起24个月内,期间免费巡检、回访", "质保期", "acceptance = 0  验收合格起算; warranty_period <= 24 month"},
		{"签收后15天内可申请无理由退款", "", "return_window <= 15 day"}, // the buyer applies: a window, not the refund
		{"动力电池、驱动电机质量保修期为八年或十二万公里", "", "parts_warranty = 8 year 动力电池; parts_warranty = 8 year 驱动电机"},
		// who pays the carriage in which period, under a repair heading: no period
		{"30天内(商家承担运费)", "保修期", ""},
		{"30-90天内(运费AA)", "保修期", ""},
		{"90天以后(买家承担)", "保修期", ""},
		// a warranty with a note on the cost is still the warranty
		{"主机保修1年(运费由商家承担)", "", "warranty_period = 1 year"},
		{"外观件保修3个月(非人为因素)", "", "parts_warranty = 3 month 外观件"},
		{"合同签订后60日历天内交货到厂", "", ""}, // delivered to the plant: no visit
		// Hong Kong: 作更换 (exchange at the shop)
		{"如有破损请于收货日起三天内到本公司作更换", "", "exchange_window <= 3 day"},
		// taking a request in (受理) is no time to resolve it
		{"售后客服会在收到邮件后的1-3个工作日内受理您的请求", "", ""},
		{"我们在收到货品后,1-7个工作日受理退货服务", "", ""},
		{"收到退货后5个工作日内会受理您的申请", "", ""},
		{"收到退货后3个工作日内予以受理", "", ""},
		{"收到退货后5个工作日内受理并完成退换货", "", "resolution_time <= 5 workday"}, // taken in and settled
		{"收到退货后5个工作日内完成退换货", "", "resolution_time <= 5 workday"},
		{"电池属于易耗品,保修期为6个月", "", "parts_warranty = 6 month 电池"},
		{"保修期:整机三年,压缩机十年", "", "warranty_period = 3 year; parts_warranty = 10 year 压缩机"},
		{"显示器保修3年", "", "parts_warranty = 3 year 显示器"},
		{"7天包退,15天包换,一年保修", "", "return_window = 7 day; exchange_window = 15 day; warranty_period = 1 year"},
		{"商品签收后48小时内如发现质量问题,可联系客服办理退换", "", "return_window <= 48 hour; exchange_window <= 48 hour"},
		{"维修周期一般为7-15个工作日", "", "repair_time range 7-15 workday"},
		{"三包有效期:自开具发票之日起一年", "", "warranty_period = 1 year"},
		{"享有七天鉴赏期", "", "return_window = 7 day"},
		{"退款将在1-3个工作日内到账", "", "refund_time range 1-3 workday"},
		{"接到故障通知后,2小时内响应,4小时内到达现场,8小时内排除故障", "", "response_time <= 2 hour; onsite_time <= 4 hour; resolution_time <= 8 hour"},
		{"自售出之日起7日内,主机出现性能故障,消费者可选择退货、换货或修理", "", "return_window <= 7 day; exchange_window <= 7 day"},
		{"自售出之日起第8日至第15日内,主机出现性能故障,消费者可选择换货或修理", "", "exchange_window <= 15 day"},
		{"主机:一年", "三包有效期(自开具发票之日起计算):", "warranty_period = 1 year"},
		{"电池:六个月", "三包有效期(自开具发票之日起计算):", "parts_warranty = 6 month 电池"},
		// the buyer's time to apply for a refund after receiving the goods
		// is a return window; the seller's time to pay it is the refund time
		{"客户可在收货后14天内申请退款,前提是货品未经使用", "", "return_window <= 14 day"},
		{"退款申请期:自收货日期起7天内提出申请。", "退款", "return_window <= 7 day"},
		{"签收后7日内可申请退款", "", "return_window <= 7 day"},
		{"我们将在收到退货并验证后30个工作日内处理退款", "", "refund_time <= 30 workday"},
		// no visit takes months: a period counted from the arrival on site
		{"每6个月上门回访不少于一次", "", ""},
		{"货到现场18个月后保修期届满", "", ""},
		// not facts
		{"特价商品不参与7天无理由退货", "", ""},
		{"客服在线时间:工作日9:00-18:00", "", "service_hours = 45 hour"}, // a coverage, 5×9 (issue 15)
		{"下单后48小时内发货", "", ""},
		{"质保期满后提供终身有偿维修", "", ""},
		{"因本店原因超过三十日未修好的,免费调换同型号产品", "", ""},
		{"验收合格满一年后无息退还", "质保金", ""},
		{"在第一阶段,用一周的时间对当前投诉处理现状进行深入分析", "", ""},
		{"第三阶段:培训投诉处理人员(1个月)–组织培训课程", "", ""},
		{"定制商品不支持7天无理由退货", "", ""},
		// …but goods set apart from the rest are denied the policy's right
		{"下述商品不支持收货后7天无理由退货:", "", "return_window = 7 day"},
		{"以下商品不适用于15 天无理由退货;", "", "return_window = 15 day"},
		{"但根据法律规定,如下商品不享受7天无理由退货政策:", "", "return_window = 7 day"},
		{"质保金为合同金额的5%,验收合格满一年后无息退还", "", ""},
		{"提供7×24小时服务热线", "", "service_hours = 168 hour"}, // a coverage (issue 15), no 24-hour response time
		{"2024年3月1日起施行", "", ""},
		{"本公司成立于2010年,已有十五年历史", "", ""},
	}
	for _, c := range cases {
		if got := extract(x, c.in, c.ctx); got != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.in, got, c.want)
		}
	}
}

func TestListFacts(t *testing.T) {
	cases := []struct {
		text string
		want string // topic/item, comma-separated
	}{
		{"投标人须具备ISO 9001:2015质量管理体系认证及ISO14001认证。", "certification/ISO9001,certification/ISO14001"},
		{"我公司已通过GB/T 19001-2016认证，并投保产品责任保险。", "certification/ISO9001,insurance/产品责任险"},
		{"须提供iso45001或OHSAS 18001证书、CCC认证。", "certification/ISO45001,certification/CCC"},
		{"不要求提供检测报告。", ""},
		{"本项目需提供第三方检测报告和公众责任险保单", "certification/检测报告,insurance/公众责任险"},
		{"整机质保五年。", ""},
	}
	x := New()
	for _, c := range cases {
		var got []string
		cl := clauseOf(c.text)
		for _, f := range x.Extract(cl) {
			if f.Topic == "insurance" || f.Topic == "certification" {
				got = append(got, string(f.Topic)+"/"+f.Item)
				if f.Unit != "" || f.Blank {
					t.Errorf("%q: list fact %+v carries a figure", c.text, f)
				}
				if span := cl.Text.S[f.Start:f.End]; span == "" {
					t.Errorf("%q: empty span", c.text)
				}
			}
		}
		if strings.Join(got, ",") != c.want {
			t.Errorf("%q: got %v, want %s", c.text, got, c.want)
		}
	}
}

func clauseOf(s string) clause.Clause {
	return clause.Clause{Text: normalize.Pieces(s, []normalize.Piece{{Start: 0, End: len(s)}})}
}

// mayList lets through every spelling of every list item.
func TestMayListGuardsLists(t *testing.T) {
	for _, items := range New().lex.Lists {
		for _, spellings := range items {
			for _, w := range spellings {
				if !mayList(w) && !mayList(strings.ToUpper(w)) {
					t.Errorf("mayList(%q) = false", w)
				}
			}
		}
	}
	if mayList("整机质保五年") {
		t.Error("mayList lets through a clause with no anchor")
	}
}

func TestExtractMoney(t *testing.T) {
	x := New()
	cases := []struct{ in, ctx, want string }{
		{"采购预算:人民币100万元", "", "budget = 1e+06 yuan"},
		{"投标保证金:人民币贰万元整", "", "bid_deposit = 20000 yuan"},
		{"投标保证金为采购项目预算金额的2%", "", "bid_deposit = 2 percent"},
		{"履约保证金不超过合同金额的百分之十", "", "performance_bond <= 10 percent"},
		{"质保金为合同金额的5%", "", ""},                                      // retention money: no topic of CONTRACT.md
		{"履约保证金为中标金额的5%,质保金为3%", "", "performance_bond = 5 percent"}, // 3% is the 质保金's
		{"人民币5万元", "项目编号 投标保证金", "bid_deposit = 50000 yuan"},         // a 前附表 row
		{"最高限价48.5万元,超过的投标无效", "", "budget = 485000 yuan"},
		{"产品责任险保险金额不低于100万元", "", "insurance = 0  产品责任险; insured_amount >= 1e+06 yuan"},
		{"注册资本不低于5000万元", "", ""},
		{"三包有效期2年或5万公里", "", "warranty_period = 2 year"},
		// A notice's "label: number" record leaves the yuan unsaid.
		{"预算金额: 41000.00", "", "budget = 41000 yuan"},
		{"最高限价:1,320,000", "", "budget = 1.32e+06 yuan"},
		{"预算金额(万元):132", "", "budget = 1.32e+06 yuan"},
		{"投标保证金: 800。", "", "bid_deposit = 800 yuan"},
		{"投标保证金: 2", "", ""},                    // a small figure with no unit is no sum
		{"项目编号: 20261204", "", ""},              // no money word
		{"预算金额: 41000台", "", ""},                // a unit that is not money
		{"联行号: 304100011975", "项目编号 投标保证金", ""}, // a bank's number in a deposit's section
		{"投标保证金咨询电话:13800138000", "", ""},       // a telephone whose label holds a money word
		{"预算单位电话:057188888888", "", ""},
		{"预算项目编码:2024001234", "", ""}, // a code: the label ends in no money word
		{"投标保证金(万元):0.5", "", "bid_deposit = 5000 yuan"},
		// A table row flattened into text: each label before its number.
		{"预算金额(元) | 1320000 |", "", "budget = 1.32e+06 yuan"},
		{"采购方式: | 公开招标 | 预算金额 | 3950000.00 |", "", "budget = 3.95e+06 yuan"},
		{"项目编号 | 510118202100257 |", "", ""},
		{"预算金额:37.0 万元(人民币)", "", "budget = 370000 yuan"},
	}
	for _, c := range cases {
		if got := extract(x, normalize.String(c.in), c.ctx); got != c.want {
			t.Errorf("%q (ctx %q):\n got %q\nwant %q", c.in, c.ctx, got, c.want)
		}
	}
}

// A hedge in the clause makes its figures conditional promises.
func TestExtractCondition(t *testing.T) {
	x := New()
	cases := []struct{ in, want string }{
		{"原则上接到报修后2小时内响应", "原则上"},
		{"24小时内到达现场(节假日除外)", "节假日除外"},
		{"一般故障48小时内修复", ""}, // 一般故障 is a kind of fault, not a hedge
		{"整机保修一年", ""},
		{"尽量在3个工作日内退款", "尽量"},
	}
	for _, c := range cases {
		s := normalize.String(c.in)
		fs := x.Extract(clause.Clause{Text: normalize.Pieces(s, []normalize.Piece{{Start: 0, End: len(s)}})})
		if len(fs) == 0 {
			t.Errorf("%q: no fact", c.in)
			continue
		}
		if fs[0].Condition != c.want {
			t.Errorf("%q: condition %q, want %q", c.in, fs[0].Condition, c.want)
		}
	}
}

// The procurement topics (issue 15): a loaner time is no repair time, a
// coverage is hours a week and hides the 24小时 inside it, and every
// certification of a list is one fact.
func TestProcurementTopics(t *testing.T) {
	x := New()
	cases := []struct{ in, want string }{
		{"设备在现场不能修复的,48小时内提供同档次备用机", "loaner <= 48 hour"},
		{"维修期间72小时内提供周转机", "loaner <= 72 hour"},
		{"提供7×24小时技术支持服务,接到报修后30分钟内响应", "service_hours = 168 hour; response_time <= 30 minute"},
		{"提供5×8小时服务", "service_hours = 40 hour"},
		{"服务时间为7*24小时", "service_hours = 168 hour"},
		{"全年365天×24小时服务", "service_hours = 168 hour"},
		{"7天24小时热线", "service_hours = 168 hour"},
		{"服务时间为工作日8:00-16:00", "service_hours = 40 hour"},
		{"每天8:00至20:00提供现场支持", "service_hours = 84 hour"},
		{"周一至周六(节假日除外)8:30-17:30", "service_hours = 54 hour"},
		{"会议于9:00-18:00举行", ""},
		{"设备尺寸5×8mm", ""},
		{"提供不少于3天的免费现场培训", "training >= 3 day"},
		{"提供不少于三年的免费软件升级", "upgrade_period >= 3 year"},
		{"投标人须具备ISO9001、ISO20000认证", "certification = 0  ISO9001; certification = 0  ISO20000"},
		{"具备ISO 27001信息安全管理体系及CMMI5级证书", "certification = 0  ISO27001; certification = 0  CMMI5"},
		{"具备CMMI认证及ITSS运维二级资质", "certification = 0  CMMI; certification = 0  ITSS2"},
		{"通过CMMI ML3评估", "certification = 0  CMMI3"},
		{"质保期自验收合格之日起计算", "acceptance = 0  验收合格起算"},
	}
	for _, c := range cases {
		if got := extract(x, c.in, ""); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// TestMayCover: the byte scan answers as strings.ContainsAny does, on
// valid and broken UTF-8 alike.
func TestMayCover(t *testing.T) {
	for _, s := range []string{"", "7×24小时", "7x24", "7X24", "5*8", "服务时间:9点", "七日内可退货", "\xc3", "\xc3\x97", "\xe3\xc3\x97", "\xc3\x96", "×", "Ã—", "全国联保"} {
		if got, want := mayCover(s), strings.ContainsAny(s, "×*xX:"); got != want {
			t.Errorf("mayCover(%q) = %v, want %v", s, got, want)
		}
	}
}

// A table flattened to one cell per line (a scraped page): the part on
// the line before a bare period, the period's meaning in the column header
// above; the row's whole name is the item (pattern 5).
func TestFlattenedTableRows(t *testing.T) {
	cases := []struct {
		lines []string
		want  string
	}{
		{[]string{"部件名称", "保修期限", "备注", "压缩机", "5年", "非人为损坏", "遥控器", "6个月", "不含电池"},
			"parts_warranty = 5 year 压缩机; parts_warranty = 6 month 遥控器"},
		{[]string{"配件", "质保期", "电机轴承", "12个月", "锂电池", "24个月"},
			"parts_warranty = 12 month 电机轴承; parts_warranty = 24 month 锂电池"},
		{[]string{"名称", "包修期", "显示屏", "1年内", "主板", "2年内"},
			"parts_warranty <= 1 year 显示屏; parts_warranty <= 2 year 主板"},
		// no column header naming a warranty: a bare figure says nothing
		{[]string{"部件名称", "备注", "压缩机", "5年"}, ""},
		// a heading ends the table
		{[]string{"部件名称", "保修期限", "## 配送", "压缩机", "5年"}, ""},
		// rows that name products or series: each row's whole-unit period,
		// its product in the scope (a 2年 row does not contradict a 3年 one)
		{[]string{"产品系列", "保修期", "家用挂机", "3年", "商用风管机", "2年", "(商用)", "1年"},
			"warranty_period = 3 year (家用挂机); warranty_period = 2 year (商用风管机); warranty_period = 1 year ((商用))"},
		// the column header or a cue line is no row's name
		{[]string{"保修期", "3年"}, ""},
		// a numbered lead that opens another list ends the table too
		{[]string{"机型", "保修期", "* 3、配件明细:", "滤网", "三个月"}, ""},
		// a row number (• 01) does not
		{[]string{"部件名称", "保修期限", "* • 01", "电机", "36个月"}, "parts_warranty = 36 month 电机"},
		// no column header, each cell its own cue: a run of such rows is a
		// table, each row naming the product (a 2年 row does not contradict
		// a 5年 one) or the part
		{[]string{"柜门", "免漆类门板", "保修5年", "烤漆柜门", "保修2年"},
			"warranty_period = 5 year (免漆类门板); warranty_period = 2 year (烤漆柜门)"},
		{[]string{"锂电池", "质保期:1年", "压缩机", "质保期:10年"},
			"parts_warranty = 1 year 电池; parts_warranty = 10 year 压缩机"},
		{[]string{"沙发,床,床垫", "保修1年内", "台面", "保修2年"}, "warranty_period <= 1 year (沙发,床,床垫); warranty_period = 2 year (台面)"},
		// one such pair alone is a section's title over its period
		{[]string{"售后服务", "保修1年"}, "warranty_period = 1 year"},
		{[]string{"无线蓝牙耳机", "保修6个月"}, "warranty_period = 6 month"},
		// the whole unit or a line with a cue of its own is no row
		{[]string{"整机", "保修1年", "电池", "保修6个月"}, "warranty_period = 1 year; parts_warranty = 6 month 电池"},
		{[]string{"无线耳机", "整机保修6个月", "充电盒", "整机保修3个月"}, "warranty_period = 6 month; warranty_period = 3 month"},
		// a part row alone is the part's when the line is the part's name
		// (part names are a closed list), not a product named after one
		{[]string{"整机保修1年。", "电池", "保修6个月"}, "warranty_period = 1 year; parts_warranty = 6 month 电池"},
		{[]string{"整机保修1年。", "锂电池", "保修6个月"}, "warranty_period = 1 year; parts_warranty = 6 month 电池"},
		// numbered rows are rows; a chapter numeral (十一、) is a heading
		{[]string{"1. 柜体", "保修5年", "2. 台面", "保修1年"}, "warranty_period = 5 year (1. 柜体); warranty_period = 1 year (2. 台面)"},
		{[]string{"十一、柜体", "保修5年", "十二、台面", "保修1年"}, "warranty_period = 5 year; warranty_period = 1 year"},
		{[]string{"售后保修服务", "保修3年"}, "warranty_period = 3 year"},
		// a heading or a numbered or bracketed title is no row's name
		{[]string{"## 家具", "保修5年", "## 电器", "保修1年"}, "warranty_period = 5 year; warranty_period = 1 year"},
		{[]string{"一、柜体", "保修5年", "二、台面", "保修1年"}, "warranty_period = 5 year; warranty_period = 1 year"},
		{[]string{"【柜体】", "保修5年", "【台面】", "保修1年"}, "warranty_period = 5 year; warranty_period = 1 year"},
		// a sentence is no row's name
		{[]string{"本店商品均为正品。", "保修1年"}, "warranty_period = 1 year"},
	}
	x := New()
	for _, c := range cases {
		s := x.Session()
		var all []Fact
		var at []int
		for i, l := range c.lines {
			kind := reader.Paragraph
			if strings.HasPrefix(l, "## ") {
				l, kind = strings.TrimPrefix(l, "## "), reader.Heading
			}
			if strings.HasPrefix(l, "* ") { // as the reader marks a numbered line
				l, kind = strings.TrimPrefix(l, "* "), reader.ListItem
			}
			n := normalize.String(l)
			cl := clause.Clause{Text: normalize.Pieces(n, []normalize.Piece{{Start: 0, End: len(n)}}), Kind: kind}
			for _, f := range s.ExtractLead(cl, "") {
				all, at = append(all, f), append(at, i)
			}
		}
		ReadRows(all, func(i int) int { return at[i] })
		if g := describe(all); g != c.want {
			t.Errorf("%v\n got: %s\nwant: %s", c.lines, g, c.want)
		}
	}
}
