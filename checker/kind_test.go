package checker

import (
	"testing"

	"shouhou/checker/clause"
	"shouhou/checker/reader"
	"shouhou/reports"
)

func TestDetectKind(t *testing.T) {
	cases := []struct {
		text string
		want reports.Kind
	}{
		{"售后服务政策\n七日内可退货。", "policy"},
		{"某医院设备采购项目\n招标文件\n第一章 投标人须知", "tender"},
		{"投标文件\n投标人名称：某公司\n我方承诺质保五年。", "bid"},
		{"服务承诺书\n致：____（采购人名称）\n我公司承诺2小时内响应。", "bid"},
		{"售后服务的内容与作用\n售后服务是企业的重要工作。", "policy"},
		{"项目说明\n投标人须知见第二章。评标采用综合评分法。采购人将组织验收。", "tender"},
		// a scraped page's breadcrumb stands before its own title
		{"首页 家电百科 常识 您的位置: 首页 > 常识 >\n\n手机多久包退多久包换\n\n购买后7天内可以选择退货。", "article"},
		{"当前位置：首页 › 生活常识\n\n冰箱保修期是多久？\n\n冰箱整机保修一年。", "article"},
		{"您的位置：首页 > 服务支持\n\n售后服务政策\n\n七日内可退货。", "policy"},
		// a judicial interpretation is law, however it is named
		{"最高人民法院关于审理网络消费纠纷案件适用法律若干问题的规定（一）\n\n为正确审理网络消费纠纷案件，制定本规定。\n\n电子商务经营者不得以格式条款排除消费者七日无理由退货的权利。", "law"},
		{"关于审理买卖合同纠纷案件适用法律问题的解释\n\n出卖人应当按照约定的质量要求交付标的物。", "law"},
		// a keyword title of a spam mirror (甲_乙_丙) stands before the real one
		{"免费影院_在线播放_高清视频_最新电影\n\n手机三包有效期是多久\n\n三包是包修、包换、包退的简称。一般来讲，主机保修一年。", "article"},
		// an explainer that quotes the law and advises the consumer
		{"根据消费者权益保护法的规定，消费者享有七日无理由退货的权利。\n\n若商家以已激活为由拒绝退货，需结合购买时是否告知综合判断。\n\n遇到问题可先与商家协商。", "article"},
		// a question over a statute's articles quoted at length is the statute
		{"微型计算机三包规定是否有法律效力？\n\n第一条 为保护消费者合法权益，制定本规定。\n\n第九条 在三包有效期内，修理者应当提供修理服务。\n\n第十条 修理后的产品应当能够正常使用30日以上。", "law"},
		// blanks to fill in are no keyword title; (试行) is no series number
		{"______有限公司售后服务政策\n\n怎样申请退货？\n\n签收后7天内可申请退货。", "policy"},
		{"某商城退换货管理办法（试行）\n\n签收后7天内可申请退货。\n\n本店承诺保修一年。", "policy"},
		// a bid's cover names the project, then itself
		{"某医院设备采购项目\n投标方案\n目录\n第一章 售后服务 5", "bid"},
		{"某医院设备采购项目\n投标文件\n我方承诺质保三年。", "bid"},
		{"某医院设备采购项目\n一、项目概况\n采购预算100万元。", "tender"},
		// a login bar before the title asks no article's question
		{"会员 密码 验证码 您忘记密码了吗?\n\n退货政策\n\n签收后7日内可退货。", "policy"},
		// a public body's order record on a procurement mall is procurement
		{"计划编号 | 0001 | 项目编号 | 0002\n采购单位 | 某局 | 供应商名称 | 某公司\n成交金额 | 12000元\n柜式空调 5台，质保6年。", "tender"},
		// a shop's help centre answers how-to questions: still its policy
		{"如何申请退款 - 帮助中心 - 某某商城\n\n1.如订单使用优惠券支付，订单取消后优惠券不予返还。", "policy"},
		{"怎样退换货？- 购物帮助\n\n签收后7天内可申请退货。", "policy"},
		// a commitment letter of a supplier to a contract party or about a
		// bid is a bid; a maker's standing commitment is its policy
		{"售后服务承诺书\n乙方向甲方承诺：甲方报修后，乙方2小时内响应。乙方按甲方要求上门。项目验收后甲方付款。", "bid"},
		{"设备售后服务承诺书\n按贵公司投标邀请的要求，我公司承诺质保三年。", "bid"},
		{"某某电器售后服务承诺书\n本公司产品自购买之日起七天包退，一年保修。消费者凭发票享受服务。", "policy"},
		// someone speaking of its own bid to a business, no title at all
		{"我们对此次投标的设备提供三年质保。接到用户通知后工程师2小时内响应，对投标产品进行安装调试和验收，设备故障由工程师上门排除，并负责技术培训。", "bid"},
		// an award notice is the procurement's, not the winner's bid
		{"五、中标(成交)信息 供应商名称：某公司 中标(成交)金额：100万元\n七、评审委员会成员名单 张三\n八、代理服务费 本项目不收取\n九、公告期限 三个工作日", "tender"},
		// notices of a procurement, whoever they name, are the buyer's
		{"某学院教学设备采购成交公告\n成交供应商：某公司。我公司承诺如下事项已在响应文件中写明。项目名称：教学设备。本项目已完成。", "tender"},
		{"公开询价公告\n一、询价内容：水泵两台。\n二、资格要求：供应商须具备相关资质。", "tender"},
		{"办公家具比选公告\n参加比选的供应商应于截止时间前递交报价。", "tender"},
		// a supplier's after-sales measures are written for a bid
		{"售后服务及质量保证措施\n我公司在全国设有十个服务中心。接到用户报修后30分钟内电话响应，24小时内到达现场。", "bid"},
		// a tender's qualification list asks for letters; it writes none
		{"公告内容\n二、供应商资格条件\n1.1 提供法定代表人授权书；\n1.2 提供具有良好商业信誉的承诺函；\n1.3 提供依法纳税的承诺函。", "tender"},
		// a maker's user guide page holds its 三包 terms
		{"使用指南\n电动车三包内容\n整车三包期一年，电池三包期一年。", "policy"},
		// a service contract between two parties holds the parties' terms,
		// however many words it shares with a bid (法定代表人, 乙方承诺)
		{"设备维修服务协议\n甲方：________\n法定代表人：________\n乙方：________\n法定代表人：________\n乙方承诺接到报修后8小时内到达现场。", "policy"},
		{"合同编号：AB-2026 电 梯 保 养 合 同 甲方（盖章）： 乙方（盖章）：\n乙方每月保养两次，故障30分钟内到场。", "policy"},
		// a contract named in a sentence of a letter to a hospital is no title
		{"售后服务承诺书\n致某某人民医院：\n我公司郑重承诺，在维保合同期内提供7×24小时服务。", "bid"},
		// a shop's notice of a changed policy is no tender, its 承诺说明 no bid
		{"退换货政策变更公告\n本店商品签收后7天内可无理由退货。", "policy"},
		{"售后服务承诺说明\n本店商品签收后7天内可无理由退货，整机保修一年。", "policy"},
		// a buyer's clarification of its request for quotations
		{"某医院电梯维保询价情况补充说明\n一、中标方需交纳中标金额的10%作为履约保证金。", "tender"},
		{"某医院设备需求公示\n一、项目编号：GL2015013\n二、报名人资格：具有相关经营资质。", "tender"},
		// a breadcrumb's 您 (您所在的位置) is the site's word, not a consumer's
		{"您所在的位置：首页 > 医疗信息化 > 售后服务承诺书\n\n售后服务承诺书\n\n投标产品质保三年，设备故障时维修人员两小时内到达现场。", "bid"},
		{"您现在的位置：首页 > 招标信息 > 售后服务承诺函\n\n售后服务承诺函\n\n我公司对本次投标设备提供五年质保，工程师24小时内到场。", "bid"},
		// a site's banner standing twice is not the title under it
		{"某某之家网—你身边的文案专家\n\n某某之家网—你身边的文案专家\n\n冰箱保修期是多久\n\n冰箱整机保修一年，压缩机保修三年。", "article"},
		// a statute's title standing twice is still its title
		{"部分商品修理更换退货责任规定\n\n部分商品修理更换退货责任规定\n\n第一条 为保护消费者的合法权益，制定本规定。\n\n第二条 本规定所称三包，是指包修、包换、包退。", "law"},
		// numbered articles between a seller and a buyer are a contract's
		{"第七条 包装\n所供设备由卖方妥善包装。\n第八条 检验\n买方收到设备后开箱清点，缺件由卖方负责。\n第九条 保修\n卖方对设备保修一年，接到买方报修后48小时内上门。", "policy"},
		{"第一条 为规范买卖行为，制定本办法。\n第二条 卖方应当如实告知商品信息。\n第三条 买方有权查验商品。\n第四条 卖方不得拒绝买方的合理要求。", "law"},
		// a correction notice of a tender names the project it buys for
		{"一、项目基本情况\n原公告的采购项目编号:GP-001\n原公告的采购项目名称:某市学校课桌椅采购项目\n二、更正信息\n更正事项:采购文件\n本项目质保期修改为三年。", "tender"},
		// a shop announcing a change of its policy is no notice of a tender
		{"退换货政策变更公告\n本店商品签收后7天内可无理由退货。", "policy"},
		// a shop that calls itself 我方, speaking to consumers: its policy
		{"商品說明\n消費者享有商品到貨七天鑑賞期，請聯繫我方客服申請退貨。\n七天內申請退貨，取貨費用由我方負擔。\n會員購物滿三千元免運，您可至門市取貨。\n顧客的退款由我方於七個工作天內完成。", "policy"},
		// a bid for household goods speaks of 家用, 个人, 快递 but to no consumer
		{"一、质量保证\n我方承诺所投家用空调均为原厂全新正品，整机保修3年。\n二、服务响应\n接到报修后我方2小时内响应，24小时内上门。\n三、备件\n备件由我方通过快递寄送至采购人指定地点，由使用单位签收。\n四、安装\n教职工个人宿舍的家用空调由我方免费安装。", "bid"},
		// a statute names 本单位 as the party it regulates, not as its author
		{"第四十六条 评标委员会由采购人代表和评审专家组成。\n第四十七条 采购人代表不得以评审专家身份参加本部门或者本单位采购项目的评标。采购代理机构工作人员不得参加由本机构代理的政府采购项目的评标。\n第四十八条 评标委员会成员应当在评标报告上签字。\n第四十九条 投标保证金不得超过采购项目预算金额的2%。", "law"},
		// a question title answered by the shop itself, to its customers: its FAQ
		{"如何退卡？丽人美容院解答您的疑问\n您办理的会员卡未消费部分，可在30日内申请退卡。\n我们将在3个工作日内退款给您。\n会员卡余额请您在有效期内使用，如有疑问请联系本店客服。", "policy"},
		// the same title over a writer's piece about shops stays an article
		{"如何退卡？\n很多消费者办了会员卡后想退卡。\n律师提醒，商家不得以格式条款拒绝退还余额。", "article"},
		// a legal Q&A site's answer (法律主观 / 法律客观) about the 三包 rules
		{"手机三包的法律规定\n法律主观：\n手机自售出之日起7日内出现性能故障，可以选择退货。\n法律客观：\n《移动电话机商品修理更换退货责任规定》第十条", "article"},
		// a bid's conditional (如我公司成为中标供应商) stays a bid
		{"如我公司成为中标供应商，将严格按照以下要求提供售后服务：\n1、中标供应商提供整机3年免费保修。\n2、中标供应商接到报修后2小时内响应。\n3、中标供应商在质保期内每半年巡检一次。\n4、我公司保证所供设备为原厂全新产品。", "bid"},
		// a shop's numbered rules naming itself (本店) are its policy
		{"第一条 本规定适用于本店销售的全部商品。\n第二条 本店商品自签收之日起5日内可退货。\n第三条 质量问题退换货运费由本店承担。\n第四条 本规定自公布之日起施行。", "policy"},
		// a statute telling bodies to make their own rules (制定本单位…) is a statute
		{"第十一条 采购人应当加强政府采购管理。\n第十二条 采购人应当结合本单位实际，制定政府采购内部控制制度。\n第十三条 采购代理机构应当依法开展代理活动。\n第十四条 本办法自公布之日起施行。", "law"},
		// a Q&A answer addressing the asker is no shop's page
		{"美容院会员卡过期了能退吗？\n您好，这个要看您办卡时的约定。\n一般美容院会规定已经过期的会员卡不可办理退卡。\n也有的美容院规定办卡后恕不退款。\n建议您办卡前问清楚客服，保留好凭证，会员权益受损可以拨打12315。", "article"},
		// a shop that says 我方 to consumers is a shop
		{"退换货说明\n签收后7天内可申请无理由退货，请联系我方客服。\n质量问题退货的运费由我方承担。\n下单后48小时内发货，快递到门店自提。\n我方收到退货后3日内退款。\n如有疑问请致电客服。", "policy"},
		// a tender notice whose buyer speaks as 我单位 and invites bids
		{"一、项目基本情况\n1.项目名称:电梯的维护保养\n2.项目预算金额:人民币8.41万元\n采购人:某区中心医院\n3.项目内容:我单位拟实施2026年度电梯的维护保养项目，特邀请具备条件的企业参加投标报价。", "tender"},
		// a shop's notice that a sale ends is no tender's notice
		{"关于双十一促销活动的终止公告\n尊敬的顾客：本店原定的满减活动提前终止。签收后3日内可无理由退货。\n如有疑问请联系客服。", "policy"},
		// an organisation's own numbered rules, naming itself: its policy
		{"为规范收费行为，特制定本收费退费管理规定。\n第一条 本规定适用于在本机构学习的学员。\n第二条 学员于开课前7日内可申请全额退费。\n第三条 退费在15个工作日内办理。\n第四条 本规定自发布之日起施行，由本机构负责解释。", "policy"},
		{"第一条 本店商品自签收之日起7日内可退货。\n第二条 本规定由本公司制定。\n第三条 质量问题退换货运费由本店承担。\n第四条 本规定自公布之日起施行。", "policy"},
		// a statute names no author of itself (本法, not 本机构)
		{"第一条 为保护消费者合法权益，制定本规定。\n第二条 经营者应当自收到退回商品之日起七日内返还价款。\n第三条 本规定由国务院市场监督管理部门负责解释。\n第四条 本规定自公布之日起施行。", "law"},
		// a breadcrumb closing the head: the title is the line after it
		{"某某网\n\n科技频道\n\n硬件应用\n\n当前位置 /首页/科技/硬件应用/列表\n\n手机保修期多长\n\n根据规定，手机整机保修一年，电池保修六个月。", "article"},
		// the site's section name before a breadcrumb is no title
		{"硬件应用\n\n当前位置 /首页/科技/硬件应用/列表\n\n手机保修期多长\n\n根据规定，手机整机保修一年，电池保修六个月。", "article"},
		// a notice's qualification list and an enterprise's inquiry terms
		{"对合格供应商的要求：1、具有独立法人资格；注册资金不低于50万元；2、参加本次政府采购活动前三年内无重大违法记录；3、本次采购不接受联合体投标。", "tender"},
		{"商务条款\n报价要求：所报价格应含税。\n资质要求：请上传营业执照。\n中选方案：按项一家中选。", "tender"},
		// a spam mirror's keyword title joined by hyphens stands before the real one
		{"免费影院-在线播放-高清视频-最新电影-热门剧集\n\n电动车保修期多长时间?\n\n电动车整车一般保修一年，电池保修半年。", "article"},
		// a front matter's date and slug are no keyword title
		{"---\ntitle: 售后服务政策\ndate: 2015-04-12\nslug: 2015-04-12-shop-policy-page\n---\n\n售后服务政策\n\n七日内可退货。", "policy"},
		// 中标人 is a tender's word; the 中标 inside it is no bid's
		{"一、项目实施要求\n二、相关标准\n1)、中标人负责产品到施工地点的全部运输。\n2)、中标人负责产品的保管，直至项目验收合格。\n3)、整体项目质保期要求三年，由中标人免费维护。\n4)、中标人需提供承诺函。", "tender"},
		// a question-and-answer page about a brand's warranty is an article
		{"某品牌冰柜保修信息\n发布网友\n我来回答\n共1个回答\n热心网友\n该产品整机保修一年，压缩机保修三年。", "article"},
	}
	for _, c := range cases {
		src, err := reader.Parse("x.txt", []byte(c.text), "text", reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectKind(clause.Split(src)); got != c.want {
			t.Errorf("DetectKind(%q) = %s, want %s", c.text, got, c.want)
		}
	}
}

// A page whose title names one part of the after-sales terms is asked
// only for that part's topics; a general title, a long first line or a
// title naming no part asks for all (nil).
func TestUnaskedTopics(t *testing.T) {
	cases := []struct {
		text    string
		asked   []reports.Topic // must not be unasked
		unasked []reports.Topic // nil: everything asked
	}{
		{"退款说明\n取消订单后24小时内原路退款。", []reports.Topic{reports.RefundTime}, []reports.Topic{reports.WarrantyPeriod, reports.ExchangeWindow, reports.ReturnWindow}},
		{"首页 > 帮助中心 > 保修政策\n\n保修政策\n\n整机保修一年。", []reports.Topic{reports.WarrantyPeriod, reports.PartsWarranty}, []reports.Topic{reports.ReturnWindow, reports.ExchangeWindow, reports.RefundTime}},
		{"购物须知与退换货\n签收后7天内可退货。", nil, nil}, // 购物须知: a general title
		{"退换货须知\n签收后7天内可退货。", []reports.Topic{reports.ReturnWindow}, []reports.Topic{reports.WarrantyPeriod}},
		{"7天无理由退货须知\n\n签收后7天内可申请退货。", []reports.Topic{reports.ReturnWindow}, []reports.Topic{reports.WarrantyPeriod}}, // a right named by its figure
		{"退换货流程\n签收后7天内可申请退货。", []reports.Topic{reports.ReturnWindow, reports.ExchangeWindow, reports.RefundTime}, []reports.Topic{reports.WarrantyPeriod}},
		{"维修服务\n送修后七日内修复。", []reports.Topic{reports.RepairTime}, []reports.Topic{reports.ReturnWindow}},
		{"售后服务政策\n七日内可退货。", nil, nil},
		{"三包及退货说明\n七日内可退货。", nil, nil},
		{"正品保障\n假一赔三。", nil, nil},
		{"关于我们\n本店成立于2010年。", nil, nil},                            // no part named
		{"本店所有商品签收后七日内可以申请退货，退款在收到退货后三个工作日内原路退回\n保修一年。", nil, nil}, // a sentence, no title
		{"质量问题可在7天内退货。\n保修一年。", nil, nil},                          // a short term, no title
	}
	for _, c := range cases {
		src, err := reader.Parse("x.txt", []byte(c.text), "text", reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := unaskedTopics(clause.Split(src))
		if c.unasked == nil {
			if got != nil {
				t.Errorf("unaskedTopics(%q) = %v, want nil (all asked)", c.text, got)
			}
			continue
		}
		for _, tp := range c.unasked {
			if !got[tp] {
				t.Errorf("unaskedTopics(%q): %s is asked, want unasked", c.text, tp)
			}
		}
		for _, tp := range c.asked {
			if got[tp] {
				t.Errorf("unaskedTopics(%q): %s is unasked, want asked", c.text, tp)
			}
		}
	}
}

// A statute's chapter about returns or warranties, under a heading a
// shop could use (退货规定, 售后规定), is still the statute: its numbered
// articles say so, and no section of it is judged as a policy.
func TestStatuteChaptersStayLaw(t *testing.T) {
	chapters := []string{"第二章 退货规定", "第二章 保修规定", "第二章 关于售后"}
	for _, ch := range chapters {
		text := "# 某类商品退货管理办法\n\n## 第一章 总则\n\n第一条 为规范网络交易中的退货，制定本办法。\n\n第二条 本办法适用于网络交易经营者。\n\n" +
			"## " + ch + "\n\n第三条 消费者有权自收到商品之日起七日内退货。\n\n第四条 经营者应当自收到退回商品之日起七日内退款。\n\n第五条 本店承诺的期限长于本办法的，从其承诺。\n\n" +
			"## 第三章 附则\n\n第六条 本办法自公布之日起施行。\n\n第七条 违反本办法的，依法予以处罚。"
		src, err := reader.Parse("law.md", []byte(text), "markdown", reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		u := understand(src, clause.Split(src), "", "", "")
		if u.Kind != "law" {
			t.Errorf("%s: kind %s, want law", ch, u.Kind)
		}
		for _, s := range u.Sections {
			if s.Kind != "law" {
				t.Errorf("%s: section %q is %s, want law", ch, s.Title, s.Kind)
			}
		}
	}
}

// The after-sales section of a bid or a tender (二、免费质保条款) reads like a
// shop's terms under a policy title, yet it is the bid's promise or the
// tender's demand: no section of its own, and no consumer rule.
func TestProcurementAfterSalesSectionsStay(t *testing.T) {
	for _, tc := range []struct {
		text string
		want reports.Kind
	}{
		{"# 医院信息系统售后服务方案\n\n## 一、服务体系\n\n我公司设有驻地工程师，为贵单位提供服务。\n\n本方案适用于本项目全部设备。\n\n" +
			"## 二、免费质保条款\n\n硬件质保五年。\n\n软件质保五年。\n\n服务器和存储设备质保五年。\n\n您可拨打服务热线报修。", reports.Bid},
		{"# 某学校设备采购项目招标公告\n\n## 一、项目概况\n\n采购预算100万元，投标人须知见第二章。\n\n评标采用综合评分法。\n\n开标时间另行通知。\n\n" +
			"## 二、售后服务条款\n\n整机质保三年。\n\n七日内可退货。\n\n接到报修后2小时内响应。", reports.Tender},
	} {
		src, err := reader.Parse("x.md", []byte(tc.text), "markdown", reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		u := understand(src, clause.Split(src), "", "", "")
		if u.Kind != tc.want {
			t.Errorf("kind %s, want %s (sections %+v)", u.Kind, tc.want, u.Sections)
		}
		for _, s := range u.Sections {
			if s.Kind != tc.want {
				t.Errorf("section %q is %s, want %s", s.Title, s.Kind, tc.want)
			}
		}
	}
}

// Whose law: Hong Kong and Taiwan wording places a shop outside the
// mainland even with no place name, while a mainland page shown in
// Traditional script stays mainland.
func TestJurisdiction(t *testing.T) {
	cases := []struct{ text, want string }{
		{"退貨須知\n貨品如有損壞，請於收貨後3個工作天內通知門市，本公司保留最終決定權。", "hk"},
		{"退換貨說明\n請於到貨7日內來信客服信箱，退款將於10個工作天內匯入帳戶。", "tw"},
		{"售後服務\n如有問題請於收貨後5個工作天內以電郵聯絡我們，可至門市辦理換貨。", "hk"},
		{"退貨政策\n貨物出門，恕不退換。如運送途中引致損壞，請自行聯絡順豐速遞。", "hk"},
		{"退換條款\n訂購前請細閱產品的退換政策，所有出售的貨品一律不設退款服務。", "hk"},
		{"退貨政策\n如顧客於指定期限內並未申請退換，本公司毋須承擔任何責任。", "hk"},
		{"退货条款\n本公司毋须承担任何责任。", "mainland"},                         // simplified: one word is not enough
		{"購物須知\n為維護您的權益，請仔細閱讀下述說明。\n本須知得隨時修訂並公告於本站中。", "mainland"}, // 仔细阅读 is no 细阅
		{"保養方式\n請勿將眼鏡放在三溫暖等高溫環境，鏡片請以面紙輕輕擦乾。", "tw"},
		{"退货条款\n请细阅以下条款。签收后3天内可退货。", "mainland"}, // simplified, one word
		{"保固說明\n保固期內發生自然性功能故障，提供到府收送或現場服務。", "tw"},
		{"保固期间过后\n人员维修费用包含基本费用NT:3000元起以及工时费用NT:1500元/小时。", "tw"},
		{"售后服务\n保修期内提供上门服务，费用1500元/小时。", "mainland"},
		{"退货说明\n收到退货后安排退款，顺丰速递寄回，运费自理。", "mainland"}, // simplified: one word is not enough
		{"售後服務政策\n本公司產品整機保修一年，請撥打全國服務熱線400-000-0000，或向12315投訴。", "mainland"},
		{"退货须知\n签收后7日内可申请退货，退款在3个工作日内原路退回。", "mainland"},
	}
	for _, c := range cases {
		src, err := reader.Parse("x.txt", []byte(c.text), "text", reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if u := understand(src, clause.Split(src), "", "", ""); u.Jurisdiction != c.want {
			t.Errorf("%q: jurisdiction %s (%v), want %s", c.text, u.Jurisdiction, u.JurisdictionEvidence, c.want)
		}
	}
}
