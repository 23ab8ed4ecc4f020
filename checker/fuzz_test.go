package checker

import (
	"strings"
	"testing"

	"shouhou/checker/reader"
	"shouhou/rules"
)

// FuzzAudit runs the whole pipeline (clauses, facts, every rule) on
// arbitrary text: no panic, and every fact and finding points at a real
// line of the input.
func FuzzAudit(f *testing.F) {
	for _, s := range []string{
		"售后服务政策\n自签收之日起七日内可退货，十日内可以换货。\n特价商品概不退换。",
		"接到报修后XX小时内响应，接到报修后 小时内到达现场。保修期为____年。",
		"| 项目 | 承诺 |\n| --- | --- |\n| 主要部件保修 | 三年 |",
		"3-5个工作日内退款，一个半月，7×24小时，2024年3月1日，第8日至第15日",
		"執(zhí)行三包：整機保修壹年。",
		"协商不成的；由本店所在地法院管辖。\n商品开封后；恕不退换。",
		"| 包号 | 预算金额(元) | 投标保证金(元) |\n| --- | --- | --- |\n| 1 | 1320000 | 30000 |",
		"服务热线：400-____-____\n质保期为一 (1) 年，不少于X年，保修期为   年。",
		"电池、充电器保修时间均为1年；北京2小时，其他地区48小时；90%的故障8小时内排除。",
		"预算金额: 41000.00\n投标保证金：人民币贰仟元整\n采购方式: | 公开招标 | 预算金额 | 3950000.00 |\n预算金额：37.0 万元",
		"以下情况不予退换货\n1. 定制商品\n2. 签收超过15天的\n• 閣下的申請在確認收貨超過14天後提出",
		"设备原厂(含附件)免费保修期为【≥5】年；保修期为一年(耗材除外)；整機1年,壓縮機3年,免費保修",
		"我(wo)公司(si)產品驗收(shou)合格12個(ge)月；更换的部件在三个月保修期内损坏；近三年内",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	book, err := rules.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	a := New(book)
	f.Fuzz(func(t *testing.T, text string, markdown bool) {
		format := "text"
		if markdown {
			format = "markdown"
		}
		src, err := reader.Parse("f", []byte(text), format, reader.Options{})
		if err != nil {
			return
		}
		lines := strings.Count(src.Text, "\n") + 1
		d := a.Audit(src, "")
		for _, fa := range d.Facts {
			if fa.Line < 1 || fa.Line > lines || fa.Column < 1 {
				t.Fatalf("fact at %d:%d, text has %d lines: %+v", fa.Line, fa.Column, lines, fa)
			}
		}
		for _, fi := range d.Findings {
			// a missing term and a document's notice (NOTE-JURISDICTION) have no line
			if fi.Line > lines || (fi.Status != "missing" && fi.Status != "notice" && (fi.Line < 1 || fi.Column < 1)) {
				t.Fatalf("finding at %d:%d, text has %d lines: %+v", fi.Line, fi.Column, lines, fi)
			}
		}
	})
}
