package facts

import (
	"fmt"
	"strings"
	"testing"

	"shouhou/checker/clause"
	"shouhou/lexicon/normalize"
)

// A figure is a topic's fact only when it times the topic's own event
// (issue 14, pattern 1).
func TestEvents(t *testing.T) {
	x := New()
	cases := []struct{ in, want string }{
		// a registration deadline is no warranty
		{"购机后10日内登录官网进行保修登记", ""},
		{"请于购买之日起15日内完成电子保修卡注册", ""},
		{"整机保修一年,需在购买后30天内激活保修", "warranty_period = 1 year"},
		// a support line is no warranty
		{"保修期内提供90天电话技术支持", ""},
		{"保修期内免费提供180天远程技术支持", ""},
		{"免费保修两年,另提供一年技术咨询服务", "warranty_period = 2 year"},
		// a service after the warranty is no warranty
		{"质保期满后,提供五年技术服务", ""},
		{"保修期满后,继续提供5年的技术咨询服务", ""},
		{"整机质保三年,保修期满后备件供应不少于5年", "warranty_period = 3 year; spare_parts_period >= 5 year"},
		{"质保期满后,提供5年技术服务及备件供应", "spare_parts_period = 5 year"},
		{"提供一年保修保养服务", "warranty_period = 1 year"},
		{"保修期外收费维修,保修期内免费,整机保修三年", "warranty_period = 3 year"},
		// a penalty's extension and a lifetime of service are no warranty
		// the event the count starts from yields to the one the time is for
		{"对到达现场后24个工作小时内不能解决的故障,须提供备用机", "resolution_time <= 24 workhour"},
		{"到达现场后2小时内修复", "resolution_time <= 2 hour"},
		{"接到报修后2小时内响应", "response_time <= 2 hour"},
		// a replacement of the same product is an exchange
		{"经检测证实有出厂缺陷的,顾客可于七天内更换相同产品", "exchange_window <= 7 day"},
		{"十五日内可更换全新同型号商品", "exchange_window <= 15 day"},
		{"延长保修期二天", ""},
		{"达不到开机率的,停机一天延长保修期二天", ""},
		{"整机保修一年,注册会员再延长保修一年", "warranty_period = 1 year"},
		// a lookback only where the word stands alone
		{"具有丰富的维保经验,近三年内无重大安全责任事故", ""},
		{"投标人近三年内具有同类设备维保业绩", ""},
		{"将近7天内完成维修", "resolution_time <= 7 day"},
		// less than a time is a window too
		{"签收不足3天且未拆封的商品可申请退货", "return_window = 3 day"},
		{"投标人近三年内具有同类设备维保业绩", ""},
		{"将近7天内完成维修", "resolution_time <= 7 day"},
		// less than a time is a window too
		{"签收不足3天且未拆封的商品可申请退货", "return_window = 3 day"},
		{"市区附近48小时内上门", "onsite_time <= 48 hour"},
		{"产品寄过去7天内维修完毕", "resolution_time <= 7 day"},
		{"设备故障停机4小时内到达现场", "onsite_time <= 4 hour"},
		{"若达不到开机率,按一赔二延长质保期", ""},
		{"整机保修两年,提供终身维护服务", "warranty_period = 2 year"},
		// the warranty of a repair or a replaced part is not the goods': it is
		// that part's, named by lexicon/terms (维修部位, 更换部件)
		{"非保修机维修后对原故障保修30日", "parts_warranty = 30 day 维修部位"},
		{"主要零部件修理或更换后,同一零部件包修30天", "parts_warranty = 30 day 更换部件"},
		{"整机保修一年,维修过的部位保修90天", "warranty_period = 1 year; parts_warranty = 90 day 维修部位"},
		{"乙方为甲方更换的部件在三个月保修期内损坏,乙方免费更换", "parts_warranty = 3 month 更换部件"},
		{"按故障修复日起6个月保修", "parts_warranty = 6 month 维修部位"},
		// …unless the figure's own phrase names the whole unit
		{"本店更换的配件均为原厂正品,整机保修1年", "warranty_period = 1 year"},
		{"维修后仍无法正常使用的可换新机,整机保修期为一年", "warranty_period = 1 year"},
		// the age of the goods is a condition, no window
		{"购买15日以上的商品出现故障,只提供维修", ""},
		{"签收7日以上的商品不予退货", ""},
		{"使用满90天以上出现的故障,按保修处理", ""},
		// dispatching a technician is the on-site time, not the resolution
		{"接到报修后24小时内派技术人员到现场解决", "onsite_time <= 24 hour"},
		{"接到报修后2小时内派工程师上门,8小时内修复", "onsite_time <= 2 hour; resolution_time <= 8 hour"},
		{"接到通知后4小时内派出技术人员赶到现场处理", "onsite_time <= 4 hour"},
		// a figure in a unit the topic is never stated in times something
		// else: no warranty lasts hours, no visit takes a lifetime
		{"保修期内,乙方接到甲方通知之日起48小时内修复", "resolution_time <= 48 hour"},
		{"质保期内出现故障,4小时内响应", "response_time <= 4 hour"},
		{"提供保修期内免费上门服务,终身提供技术支持", ""},
		{"备件到货后12小时内完成服务", ""},
		// how long handling takes is a service time, not a window
		{"换货手续需要约一周处理时间(由收到退货日起计算)", "resolution_time = 1 week"},
		// a holiday rule names a day or postpones a deadline: no period
		{"七日内可退货,如最后一日为法定节假日,顺延1天", "return_window <= 7 day"},
		{"退货期限的最后一日为节假日的,以节假日后的第一个工作日为期限的最后一日", ""},
		{"退款遇节假日顺延至下一个工作日", ""},
		{"七天无理由退货期间遇节假日顺延2日", "return_window = 7 day"},
		// keeping the box or the receipt for a time is no window
		{"请将鞋盒及购买票据保存三个月以上", ""},
		{"建议产品外包装自收货之日起保留15日,退换货时附原包装", ""},
		{"发票请妥善保管一年,保修时出示", ""},
		// a period named as it ends is a condition
		{"30天包修期满", ""},
		{"一年保修期届满后,维修收取成本费", ""},
		{"整机保修一年,保修期满后收费维修", "warranty_period = 1 year"},
		// years of repair are a warranty, not a repair time
		{"免费维修期限6年", "warranty_period = 6 year"},
		{"维修期限:3年", "warranty_period = 3 year"},
		{"修理期限为两个月", "repair_time = 2 month"},
		// 更换 beside 退货 is the exchange, alone a part's replacement
		{"可于收货日期的七(7)天内退货或更换", "return_window <= 7 day; exchange_window <= 7 day"},
		{"主板损坏的,保修期内免费更换", ""},
		// free repair within a time is a warranty; past a time, a condition
		{"主机如在一年内出现非人为损坏的性能故障,可享受免费维修服务", "warranty_period <= 1 year"},
		{"购物15天以外且在保修期内,免费维修", ""},
		// a time past which the return is refused ends the window
		{"签收超过7天的商品不予退货", "return_window <= 7 day"},
		{"商品签收超过15天,不再办理换货", "exchange_window <= 15 day"},
		{"超过三十日未修好的,可以换货", ""},
		{"自收到退货要求之日起超过十五日未办理退货手续,致使消费者无法退货的", ""},
		// a refusal of something else, or a failure to act, ends no window
		{"超过48小时仍无法发货的,买家可申请退货", ""},
		{"购买超过7天后,退货需扣除10%折旧费,不再赠送赠品", ""},
		// a lifetime names its own object: 终身服务 is no warranty
		{"三年内免费维修,终身服务", "warranty_period <= 3 year"},
		// a supply period is the spare parts'
		{"制造商在国内设零部件仓库,保证10年以上的供应期", "spare_parts_period >= 10 year"},
	}
	for _, c := range cases {
		if got := extract(x, normalize.String(c.in), ""); got != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.in, got, c.want)
		}
	}
}

// Every item of a list gets the figure; a part never stands for the whole
// unit (pattern 3).
func TestListedParts(t *testing.T) {
	x := New()
	cases := []struct{ in, want string }{
		{"电池、充电器保修时间均为1年", "parts_warranty = 1 year 电池; parts_warranty = 1 year 充电器"},
		{"电池、充电器、耳机保修六个月", "parts_warranty = 6 month 电池; parts_warranty = 6 month 充电器; parts_warranty = 6 month 耳机"},
		{"主机保修一年,电池和充电器保修6个月", "warranty_period = 1 year; parts_warranty = 6 month 电池; parts_warranty = 6 month 充电器"},
		{"存储卡保修3个月", "parts_warranty = 3 month 存储卡"},
		{"遥控器、数据线等配件质保半年", "parts_warranty = 0.5 year 遥控器; parts_warranty = 0.5 year 数据线; parts_warranty = 0.5 year 配件"},
		{"本产品保修一年,电池保修期为6个月", "warranty_period = 1 year; parts_warranty = 6 month 电池"},
		// a part the lexicon does not know, listed beside ones it knows
		{"主板、图像采集卡、电源自销售起免费保修二年", "parts_warranty = 2 year 主板; parts_warranty = 2 year 图像采集卡; parts_warranty = 2 year 电源"},
		// a list opened inside a bracket belongs to the bracket, not to the unit outside it
		{"CRT显示器免费保修三年(其中:高压包、偏转线圈免费保修一年)", "parts_warranty = 3 year 显示器; parts_warranty = 1 year 高压包; parts_warranty = 1 year 偏转线圈"},
		// an unknown name with no known part beside it is no parts list
		{"所投设备、配套软件质保五年", "warranty_period = 5 year"},
		// the third year is an ordinal: paid repair, no three-year warranty
		{"鼠标、键盘免费保修一年,第二、三年实行成本维修", "parts_warranty = 1 year 鼠标; parts_warranty = 1 year 键盘"},
		// entries with their figures, then the cue they all share
		{"整机1年,压缩机3年,免费保修及终身维护服务", "warranty_period = 1 year; parts_warranty = 3 year 压缩机"},
		{"主机一年,电池六个月,充电器一年,提供免费保修", "warranty_period = 1 year; parts_warranty = 6 month 电池; parts_warranty = 1 year 充电器"},
		// a phrase with its own figure before its cue is no entry of the list
		{"整机1年,压缩机3年,7天无理由退货", "return_window = 7 day"},
		// parts set apart in a bracket are the ones the figure is not about
		{"所有产品自签收之日起保修期为一年(耗材除外)", "warranty_period = 1 year"},
		{"整机保修三年(不含电池)", "warranty_period = 3 year"},
		{"设备原厂(含附件)免费保修期为【≥5】年", "warranty_period >= 5 year"},
		{"电池保修一年(含充电器)", "parts_warranty = 1 year 电池; parts_warranty = 1 year 充电器"},
		{"整机保修三年(电池除外),电池保修一年", "warranty_period = 3 year; parts_warranty = 1 year 电池"},
	}
	for _, c := range cases {
		if got := extract(x, normalize.String(c.in), ""); got != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.in, got, c.want)
		}
	}
}

// A figure keeps its region, tier, severity and share (pattern 2).
func TestScope(t *testing.T) {
	x := New()
	cases := []struct{ in, ctx, want string }{
		{"接到报修后,北京2小时到达现场,河北4小时,其他地区48小时", "", "2 北京///0; 4 河北///0; 48 其他地区///0"},
		{"市区2小时内上门,郊县24小时内上门", "", "2 市区///0; 24 郊县///0"},
		{"24小时", "上海 到场时间", "24 上海///0"},
		{"合同客户:接到报修后1小时内响应,普通客户4小时内响应", "", "1 /合同客户//0; 4 /普通客户//0"},
		{"对VIP客户,接到报修后30分钟内响应", "", "30 /VIP客户//0"},
		{"签约客户享受2小时上门服务", "", "2 /签约客户//0"},
		{"一般故障0.5小时内解决,重大故障1个工作日内解决", "", "0.5 //一般故障/0; 1 //重大故障/0"},
		{"紧急故障2小时内到场,一般故障24小时内到场", "", "2 //紧急故障/0; 24 //一般故障/0"},
		{"系统瘫痪时1小时内响应", "", "1 //系统瘫痪/0"},
		{"90%的故障在24小时内修复", "", "24 ///90"},
		{"95%以上的故障在4小时内排除故障", "", "4 ///95"},
		{"保证85%的报修2小时内响应", "", "2 ///85"},
		// no scope: a company's place name, 北京时间, a rate that is no share
		{"北京某某科技有限公司承诺接到报修后2小时内响应", "", "2 ///0"},
		{"服务时间为北京时间9点,接到报修后2小时内响应", "", "2 ///0"},
		{"接到报修后2小时内响应,满意率100%", "", "2 ///0"},
		{"服务地址:上海市浦东新区,接到报修后2小时内响应", "", "2 ///0"},
		{"服务网点遍布北京、上海,接到报修后2小时内上门", "", "2 ///0"},
		{"上海总部统一调度,全国其他城市48小时内到场", "", "48 其他城市///0"},
		{"对于北京地区的用户,2小时内上门", "", "2 北京///0"},
		// a list of places is the scope whole, however far it runs
		{"山西、陕西、甘肃范围内,我们保证12小时内到场", "", "12 山西、陕西、甘肃///0"},
		{"上海、江苏、浙江的客户,接到报修后4小时内上门", "", "4 上海、江苏、浙江///0"},
		{"长三角、珠三角地区,工程师6小时内抵达", "", "6 长三角、珠三角///0"},
		// a paragraph's lead-in (its clause context) names the tier
		{"北京地区,1小时内到场", "对于签订年度服务合约的客户", "1 北京/合约的客户//0"},
		{"其余地区,24小时内到场", "签约用户", "24 其余地区/签约用户//0"},
		{"一般故障4小时内排除", "持有合同的客户", "4 /合同的客户/一般故障/0"},
	}
	for _, c := range cases {
		s := normalize.String(c.in)
		var got string
		for i, f := range x.Extract(clause.Clause{Text: normalize.Pieces(s, []normalize.Piece{{Start: 0, End: len(s)}}), Context: c.ctx}) {
			if i > 0 {
				got += "; "
			}
			got += fmt.Sprintf("%v %s/%s/%s/%g", f.Value, f.Scope.Region, f.Scope.Tier, f.Scope.Severity, f.Scope.Share)
		}
		if got != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.in, got, c.want)
		}
	}
}

// A share below 100% or a hedge makes a figure no firm promise.
func TestScopeFirm(t *testing.T) {
	x := New()
	cases := []struct {
		in   string
		firm bool
	}{
		{"90%的故障在24小时内修复", false},
		{"根据用户需求,48小时内到达现场", false},
		{"原则上2小时内响应", false},
		{"接到报修后2小时内响应", true},
		{"北京2小时到达现场", true},
	}
	for _, c := range cases {
		fs := x.Extract(clauseOf(normalize.String(c.in)))
		if len(fs) == 0 {
			t.Errorf("%s: no fact", c.in)
			continue
		}
		if fs[0].Scope.Firm() != c.firm {
			t.Errorf("%s: firm %v, want %v (scope %+v)", c.in, fs[0].Scope.Firm(), c.firm, fs[0].Scope)
		}
	}
}

// Taiwan and Hong Kong wording, a figure repeated in brackets, a topic
// word in the heading (pattern 8).
func TestWording(t *testing.T) {
	x := New()
	cases := []struct{ in, ctx, want string }{
		{"商品到貨7日內發現瑕疵,可申請退換貨", "", "return_window <= 7 day; exchange_window <= 7 day"},
		{"消費者得於收受商品後七日內解除契約", "", "return_window <= 7 day"},
		{"整機十年內保用", "", "warranty_period <= 10 year"},
		{"貨品享有一年保養期", "", "warranty_period = 1 year"},
		{"質保期為一 (1) 年", "", "warranty_period = 1 year"},
		{"免费保修期为贰(2)年", "", "warranty_period = 2 year"},
		{"接到报修后二(2)小时内响应", "", "response_time <= 2 hour"},
		{"一年", "保修期:", "warranty_period = 1 year"},
		{"主机一年,电池六个月", "三包有效期", "warranty_period = 1 year; parts_warranty = 6 month 电池"},
		{"2小时内", "售后服务响应时间", "response_time <= 2 hour"},
		{"我们保证设备在168小时内恢复运行", "", "resolution_time <= 168 hour"},
		// maintenance is no warranty
		{"提供一年免费保养服务", "", ""},
	}
	for _, c := range cases {
		if got := extract(x, normalize.String(c.in), c.ctx); got != c.want {
			t.Errorf("%s (ctx %q)\n got: %s\nwant: %s", c.in, c.ctx, got, c.want)
		}
	}
}

// A column header gives a bare number its unit (pattern 10).
func TestHeaderUnit(t *testing.T) {
	x := New()
	cases := []struct{ cell, header, ctx, want string }{
		{"1320000", "预算金额(元)", "预算金额(元) 服务器", "budget = 1.32e+06 yuan"},
		{"140", "最高限价(万元)", "最高限价(万元) 服务器", "budget = 1.4e+06 yuan"},
		{"26,400", "投标保证金(元)", "投标保证金(元) 第一包", "bid_deposit = 26400 yuan"},
		{"2", "投标保证金比例(%)", "投标保证金比例(%)", "bid_deposit = 2 percent"},
		// no unit in the header, or no bare number: nothing
		{"1320000", "预算金额", "预算金额", ""},
		{"1320000", "数量(台)", "数量(台)", ""},
		{"约1320000", "预算金额(元)", "预算金额(元)", ""},
	}
	for _, c := range cases {
		s := normalize.String(c.cell)
		cl := clause.Clause{Text: normalize.Pieces(s, []normalize.Piece{{Start: 0, End: len(s)}}), Header: normalize.String(c.header), Context: normalize.String(c.ctx), Table: 1, Row: 2, Col: 2}
		var got []string
		for _, f := range x.Extract(cl) {
			v, unit := figure(f)
			got = append(got, fmt.Sprintf("%s %s %v %s", f.Topic, f.Op, v, unit))
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("%s under %s: got %q, want %q", c.cell, c.header, g, c.want)
		}
	}
}

// A short line holding a period and no cue takes its meaning from the line
// below it (签收之日起7日内 / 出现性能故障，可以选择退货); a sentence, a
// line with its own cue, or a next line with its own figure lends nothing.
func TestLeadLine(t *testing.T) {
	x := New()
	cases := []struct{ line, next, want string }{
		{"签收之日起7日内", "出现性能故障,可以选择退货、换货或修理。", "return_window <= 7 day"},
		{"自收货次日起15日内", "商品有质量问题的,可以换货或者修理。", "exchange_window <= 15 day"},
		{"一年内", "享受免费保修服务。", "warranty_period <= 1 year"},
		{"三十日内:", "可申请调换同型号商品", "exchange_window <= 30 day"},
		// the line's own cue wins over the next line's
		{"保修期一年", "出现故障可退货。", "warranty_period = 1 year"},
		// a sentence is no lead
		{"我们将在7日内处理。", "退货请寄回原地址。", ""},
		// the next line's figure owns its cue
		{"签收之日起7日内", "30日内可换货", ""},
		// a long line is no lead
		{"本店所有商品均在签收之日起的7日内享受本店提供的各项售后服务内容说明及其他有关事项的具体规定", "可以退货", ""},
	}
	for _, c := range cases {
		line := normalize.String(c.line)
		cl := clause.Clause{Text: normalize.Pieces(line, []normalize.Piece{{Start: 0, End: len(line)}})}
		var parts []string
		for _, f := range x.Session().ExtractLead(cl, normalize.String(c.next)) {
			v, unit := figure(f)
			parts = append(parts, fmt.Sprintf("%s %s %v %s", f.Topic, f.Op, v, unit))
		}
		if got := strings.Join(parts, "; "); got != c.want {
			t.Errorf("%s / %s\n got: %s\nwant: %s", c.line, c.next, got, c.want)
		}
	}
}

// A refund arriving in an account is a refund time, not somebody arriving
// on site.
func TestMoneyArrives(t *testing.T) {
	x := New()
	cases := []struct{ in, want string }{
		{"退款将在15个工作日内到达您的支付账户", "refund_time <= 15 workday"},
		{"审核通过后,款项7个工作日内原路退回并到达您的银行卡", "refund_time <= 7 workday"},
		{"货款将于10个工作日内原路到达您的付款账户", "refund_time <= 10 workday"},
		{"接到报修后24小时内到达现场", "onsite_time <= 24 hour"},
		{"工程师4小时内抵达用户现场", "onsite_time <= 4 hour"},
	}
	for _, c := range cases {
		if got := extract(x, normalize.String(c.in), ""); got != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.in, got, c.want)
		}
	}
}
