package rules

import "shouhou/reports"

// Topic is one CONTRACT.md topic: its id (the JSON value), its names in
// messages and reports, and what its figures measure.
type Topic struct {
	ID     reports.Topic
	Zh, En string
	// Unit is the family of the topic's figures: "duration" (times and
	// periods), "money" (sums and percentages) or "" (no figure: a clause,
	// a certificate, a blank).
	Unit string
}

// Topics is the one topic registry: rules, renderers, kind detection and
// compare all name topics from it. No other Go file spells a topic's
// Chinese name; the ids are the constants of reports.Topic.
var Topics = []Topic{
	{ID: reports.ResponseTime, Zh: "响应时间", En: "response time", Unit: "duration"},
	{ID: reports.OnsiteTime, Zh: "到场时间", En: "on-site time", Unit: "duration"},
	{ID: reports.ResolutionTime, Zh: "解决时间", En: "resolution time", Unit: "duration"},
	{ID: reports.RepairTime, Zh: "修理期限", En: "repair time", Unit: "duration"},
	{ID: reports.RefundTime, Zh: "退款时限", En: "refund time", Unit: "duration"},
	{ID: reports.ReturnWindow, Zh: "退货期限", En: "return window", Unit: "duration"},
	{ID: reports.ExchangeWindow, Zh: "换货期限", En: "exchange window", Unit: "duration"},
	{ID: reports.WarrantyPeriod, Zh: "保修期", En: "warranty period", Unit: "duration"},
	{ID: reports.PartsWarranty, Zh: "部件保修期", En: "parts warranty", Unit: "duration"},
	{ID: reports.SparePartsPeriod, Zh: "备件供应期", En: "spare parts period", Unit: "duration"},
	{ID: reports.Insurance, Zh: "保险", En: "insurance", Unit: ""},
	{ID: reports.Certification, Zh: "认证", En: "certification", Unit: ""},
	{ID: reports.BidDeposit, Zh: "投标保证金", En: "bid deposit", Unit: "money"},
	{ID: reports.PerformanceBond, Zh: "履约保证金", En: "performance bond", Unit: "money"},
	{ID: reports.Budget, Zh: "预算", En: "budget", Unit: "money"},
	{ID: reports.InsuredAmount, Zh: "保险金额", En: "insured amount", Unit: "money"},
	{ID: reports.InterpretationRight, Zh: "解释权条款", En: "interpretation-right clause", Unit: ""},
	{ID: reports.NoReturn, Zh: "拒绝退换条款", En: "no-return clause", Unit: ""},
	{ID: reports.ShippingCost, Zh: "运费承担", En: "shipping cost", Unit: ""},
	{ID: reports.Invoice, Zh: "发票", En: "invoice", Unit: ""},
	{ID: reports.Placeholder, Zh: "未填写的模板空白", En: "unfilled template blank", Unit: ""},
	{ID: reports.ComplaintChannel, Zh: "投诉渠道", En: "complaint channel", Unit: ""},
	{ID: reports.Privacy, Zh: "个人信息", En: "personal information", Unit: ""},
	{ID: reports.BrandRestriction, Zh: "品牌限制", En: "brand restriction", Unit: ""},
	{ID: reports.ScaleRequirement, Zh: "规模要求", En: "scale requirement", Unit: ""},
	{ID: reports.LocalityRequirement, Zh: "地域限制", En: "locality requirement", Unit: ""},
	{ID: reports.Jurisdiction, Zh: "适用法域", En: "governing jurisdiction", Unit: ""},
	{ID: reports.Loaner, Zh: "备用机", En: "loaner", Unit: "duration"},
	{ID: reports.ServiceHours, Zh: "服务时间", En: "service hours", Unit: "duration"},
	{ID: reports.Training, Zh: "培训", En: "training", Unit: "duration"},
	{ID: reports.UpgradePeriod, Zh: "免费升级期", En: "free upgrade period", Unit: "duration"},
	{ID: reports.Acceptance, Zh: "验收与起算", En: "acceptance and start", Unit: ""},
}

// TopicNames gives every topic its Chinese name for messages.
var TopicNames = topicMap(func(t Topic) (string, bool) { return t.Zh, true })

// moneyTopics are the topics whose facts are sums or percentages.
var moneyTopics = topicMap(func(t Topic) (bool, bool) { return true, t.Unit == "money" })

// LookupTopic is the registered topic id.
func LookupTopic(id reports.Topic) (Topic, bool) {
	for _, t := range Topics {
		if t.ID == id {
			return t, true
		}
	}
	return Topic{}, false
}

func topicMap[V any](f func(Topic) (V, bool)) map[reports.Topic]V {
	m := map[reports.Topic]V{}
	for _, t := range Topics {
		if v, ok := f(t); ok {
			m[t.ID] = v
		}
	}
	return m
}
