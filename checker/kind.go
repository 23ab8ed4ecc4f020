package checker

import (
	"strings"

	"shouhou/checker/clause"
	"shouhou/checker/reader"
	"shouhou/lexicon/keywords"
	"shouhou/rules"
)

// Title words that name a document's kind when they stand in its first
// clauses (its title and heading).
var (
	tenderTitles = []string{"招标文件", "采购文件", "采购需求", "招标公告", "竞争性磋商文件", "竞争性谈判文件", "询价文件", "询价通知书", "磋商文件", "采购公告"}
	bidTitles    = []string{"投标文件", "响应文件", "投标书", "投标函", "磋商响应文件", "报价文件", "偏离表"}
	// Policy titles: a document so titled commits to after-sales terms.
	policyTitles = []string{"售后服务政策", "售后政策", "退换货政策", "退货政策", "换货政策", "服务承诺", "售后承诺", "售后服务承诺",
		"三包凭证", "保修条款", "保修政策", "质保承诺", "售后条款", "售后服务条款", "退换货说明", "售后服务说明", "保修说明",
		"售后保障", "三包服务", "退换货规则", "售后服务规定", "保修卡", "质保条款", "退换货须知", "售后须知",
		"店堂告示", "服务须知", "顾客须知", "购物须知"}
	// articleTitles mark writing about after-sales service, which commits to
	// nothing even when it quotes 7天无理由退货 and 15天换货.
	articleTitles = []string{"浅谈", "浅析", "论", "探讨", "研究", "如何", "概述", "思考", "启示"}
)

// headN is how many leading clauses count as the title area.
const headN = 4

// DetectKind tells tender, bid or policy from the title area, then from
// the whole text: tenders talk of 投标人 and 评标, bids of 我方 and 投标人名称.
// Words counted over a whole document when its title says nothing: one
// keyword pass per clause instead of eight strings.Count (7% of a batch's
// time before).
var (
	tenderWords = []string{"投标人须知", "评标", "招标人", "采购人"}
	bidWords    = []string{"我方", "投标人名称", "响应情况", "偏离"}
	kindWords   = keywords.New(append(append([]string{}, tenderWords...), bidWords...))
)

func DetectKind(cls []clause.Clause) string {
	head := joinHead(cls, headN)
	tIdx, bIdx := firstIndex(head, tenderTitles), firstIndex(head, bidTitles)
	switch {
	case tIdx >= 0 && (bIdx < 0 || tIdx < bIdx):
		return rules.Tender
	case bIdx >= 0:
		return rules.Bid
	case strings.Contains(head, "致") && firstIndex(head, []string{"采购人", "招标人", "采购中心", "招标代理"}) >= 0:
		return rules.Bid // a letter to the buyer: a bid's commitment (服务承诺书)
	case firstIndex(head, []string{"致:", "致："}) >= 0 && firstIndex(head, []string{"承诺书", "承诺函"}) >= 0 &&
		firstIndex(head, []string{"顾客", "消费者", "用户", "客户", "会员", "买家"}) < 0:
		return rules.Bid // a commitment letter to an institution (致：某市人民医院)
	}
	var tender, bid int
	for _, c := range cls {
		s := c.Text.S
		kindWords.Each(s, func(_, _, w int) bool {
			if w < len(tenderWords) {
				tender++
			} else {
				bid++
			}
			return true
		})
	}
	switch {
	case tender >= 3 && tender > bid:
		return rules.Tender
	case bid >= 3 && bid > tender:
		return rules.Bid
	}
	return rules.Policy
}

// isCommitment reports whether a policy document commits to after-sales
// terms: it has a policy title, or it states at least two of the core
// consumer terms. Articles about after-sales service (which quote the law
// or describe good practice) are neither, and are not faulted for missing
// terms they were never meant to state.
func isCommitment(cls []clause.Clause, topics map[string]bool) bool {
	if len(cls) > 0 && firstIndex(cls[0].Text.S, articleTitles) >= 0 {
		return false // an article's title, even if its text names policies
	}
	if firstIndex(joinHead(cls, headN), policyTitles) >= 0 {
		return true
	}
	for _, c := range cls {
		if c.Kind == reader.Heading && firstIndex(c.Text.S, policyTitles) >= 0 {
			return true
		}
	}
	n := 0
	for _, t := range []string{"return_window", "exchange_window", "warranty_period", "parts_warranty", "refund_time"} {
		if topics[t] {
			n++
		}
	}
	return n >= 2
}

func joinHead(cls []clause.Clause, n int) string {
	var b strings.Builder
	for i := 0; i < len(cls) && i < n; i++ {
		b.WriteString(cls[i].Text.S)
		b.WriteByte('\n')
	}
	return b.String()
}

func firstIndex(s string, words []string) int {
	best := -1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}
