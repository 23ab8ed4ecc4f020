package rules

// Topic is one CONTRACT.md topic: its id (the JSON value), its names in
// messages and reports, and what its figures measure.
type Topic struct {
	ID, Zh, En string
	// Unit is the family of the topic's figures: "duration" (times and
	// periods), "money" (sums and percentages) or "" (no figure: a clause,
	// a certificate, a blank).
	Unit string
}

// Topics is the one topic registry: rules, renderers, kind detection and
// compare all name topics from it. No other Go file spells a topic's
// Chinese name.
var Topics = []Topic{
	{ID: "response_time", Zh: "响应时间", En: "response time", Unit: "duration"},
	{ID: "onsite_time", Zh: "到场时间", En: "on-site time", Unit: "duration"},
	{ID: "resolution_time", Zh: "解决时间", En: "resolution time", Unit: "duration"},
	{ID: "repair_time", Zh: "修理期限", En: "repair time", Unit: "duration"},
	{ID: "refund_time", Zh: "退款时限", En: "refund time", Unit: "duration"},
	{ID: "return_window", Zh: "退货期限", En: "return window", Unit: "duration"},
	{ID: "exchange_window", Zh: "换货期限", En: "exchange window", Unit: "duration"},
	{ID: "warranty_period", Zh: "保修期", En: "warranty period", Unit: "duration"},
	{ID: "parts_warranty", Zh: "部件保修期", En: "parts warranty", Unit: "duration"},
	{ID: "spare_parts_period", Zh: "备件供应期", En: "spare parts period", Unit: "duration"},
	{ID: "insurance", Zh: "保险", En: "insurance", Unit: ""},
	{ID: "certification", Zh: "认证", En: "certification", Unit: ""},
	{ID: "bid_deposit", Zh: "投标保证金", En: "bid deposit", Unit: "money"},
	{ID: "performance_bond", Zh: "履约保证金", En: "performance bond", Unit: "money"},
	{ID: "budget", Zh: "预算", En: "budget", Unit: "money"},
	{ID: "insured_amount", Zh: "保险金额", En: "insured amount", Unit: "money"},
	{ID: "interpretation_right", Zh: "解释权条款", En: "interpretation-right clause", Unit: ""},
	{ID: "no_return", Zh: "拒绝退换条款", En: "no-return clause", Unit: ""},
	{ID: "shipping_cost", Zh: "运费承担", En: "shipping cost", Unit: ""},
	{ID: "invoice", Zh: "发票", En: "invoice", Unit: ""},
	{ID: "placeholder", Zh: "未填写的模板空白", En: "unfilled template blank", Unit: ""},
	{ID: "complaint_channel", Zh: "投诉渠道", En: "complaint channel", Unit: ""},
	{ID: "privacy", Zh: "个人信息", En: "personal information", Unit: ""},
	{ID: "brand_restriction", Zh: "品牌限制", En: "brand restriction", Unit: ""},
	{ID: "scale_requirement", Zh: "规模要求", En: "scale requirement", Unit: ""},
	{ID: "locality_requirement", Zh: "地域限制", En: "locality requirement", Unit: ""},
	{ID: "jurisdiction", Zh: "适用法域", En: "governing jurisdiction", Unit: ""},
	{ID: "loaner", Zh: "备用机", En: "loaner", Unit: "duration"},
	{ID: "service_hours", Zh: "服务时间", En: "service hours", Unit: "duration"},
	{ID: "training", Zh: "培训", En: "training", Unit: "duration"},
	{ID: "upgrade_period", Zh: "免费升级期", En: "free upgrade period", Unit: "duration"},
	{ID: "acceptance", Zh: "验收与起算", En: "acceptance and start", Unit: ""},
}

// TopicNames gives every topic its Chinese name for messages.
var TopicNames = topicMap(func(t Topic) (string, bool) { return t.Zh, true })

// moneyTopics are the topics whose facts are sums or percentages.
var moneyTopics = topicMap(func(t Topic) (bool, bool) { return true, t.Unit == "money" })

// LookupTopic is the registered topic id.
func LookupTopic(id string) (Topic, bool) {
	for _, t := range Topics {
		if t.ID == id {
			return t, true
		}
	}
	return Topic{}, false
}

func topicMap[V any](f func(Topic) (V, bool)) map[string]V {
	m := map[string]V{}
	for _, t := range Topics {
		if v, ok := f(t); ok {
			m[t.ID] = v
		}
	}
	return m
}
