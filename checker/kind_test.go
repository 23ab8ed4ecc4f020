package checker

import (
	"testing"

	"shouhou/checker/clause"
	"shouhou/checker/reader"
)

func TestDetectKind(t *testing.T) {
	cases := []struct{ text, want string }{
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
		// a shop's help centre answers how-to questions: still its policy
		{"如何申请退款 - 帮助中心 - 某某商城\n\n1.如订单使用优惠券支付，订单取消后优惠券不予返还。", "policy"},
		{"怎样退换货？- 购物帮助\n\n签收后7天内可申请退货。", "policy"},
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
