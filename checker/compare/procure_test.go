package compare

import (
	"strings"
	"testing"

	"shouhou/checker"
	"shouhou/reports"
)

// Figures by region or severity: the words before each figure decide, a
// figure joined without a comma shares the one before's scope.
func TestScopes(t *testing.T) {
	cases := []struct {
		text  string
		facts []tf
		want  []string
	}{
		{"北京市内接到报修后4小时内到达现场，其他地区24小时内到达现场。",
			[]tf{{Topic: "onsite_time", Value: f64(4), Unit: "hour"}, {Topic: "onsite_time", Value: f64(24), Unit: "hour"}},
			[]string{"北京", "其他地区"}},
		{"省内2小时响应、4小时到场；省外8小时响应。",
			[]tf{{Topic: "response_time", Value: f64(2), Unit: "hour"}, {Topic: "onsite_time", Value: f64(4), Unit: "hour"}, {Topic: "response_time", Value: f64(8), Unit: "hour"}},
			[]string{"省内", "省内", "省外"}},
		{"一般故障24小时内修复，重大故障4小时内修复。",
			[]tf{{Topic: "resolution_time", Value: f64(24), Unit: "hour"}, {Topic: "resolution_time", Value: f64(4), Unit: "hour"}},
			[]string{"一般故障", "重大故障"}},
		{"北京市内4小时到场，其他地区24小时到场，48小时内修复。",
			[]tf{{Topic: "onsite_time", Value: f64(4), Unit: "hour"}, {Topic: "onsite_time", Value: f64(24), Unit: "hour"}, {Topic: "resolution_time", Value: f64(48), Unit: "hour"}},
			[]string{"北京", "其他地区", ""}},
		{"接到报修后2小时内响应，4小时内到场。",
			[]tf{{Topic: "response_time", Value: f64(2), Unit: "hour"}, {Topic: "onsite_time", Value: f64(4), Unit: "hour"}},
			[]string{"", ""}},
	}
	s := newScoper()
	for _, c := range cases {
		for i := range c.facts {
			c.facts[i].Text, c.facts[i].Line = c.text, 1
		}
		got := s.Of(all(c.facts), nil)
		for i, sc := range got {
			if sc.String() != c.want[i] {
				t.Errorf("%s: figure %d scope %q, want %q", c.text, i+1, sc.String(), c.want[i])
			}
		}
	}
}

// A table row names the region in its first cell.
func TestScopeFromRow(t *testing.T) {
	cell := func(col int) *checker.Cell { return &checker.Cell{Table: 1, Row: 3, Col: col} }
	facts := []tf{{Topic: "onsite_time", Value: f64(4), Unit: "hour", Text: "4小时内", Line: 5, Cell: cell(2)}}
	cells := []checker.CellText{{Cell: *cell(1), Text: "北京地区"}, {Cell: *cell(2), Text: "4小时内"}}
	if got := newScoper().Of(all(facts), cells)[0].String(); got != "北京" {
		t.Errorf("scope %q, want 北京", got)
	}
	// A tender column's sentence lends no scope to the response beside it.
	cells[0].Text = "北京市内4小时内到场，其他地区24小时内到场"
	if got := newScoper().Of(all(facts), cells)[0]; got != nil {
		t.Errorf("scope %v from a sentence", got)
	}
}

// ★ in the clause, a ★ heading, ★ in the table row, or the tender's own
// words make a requirement substantive; a plain one is not.
func TestSubstantive(t *testing.T) {
	doc := testDoc{
		Facts: []tf{
			{Topic: "warranty_period", Value: f64(3), Unit: "year", Text: "★质保期不少于三年", Line: 1},
			{Topic: "response_time", Value: f64(1), Unit: "hour", Text: "1小时内响应", Line: 2, Section: "★三、售后服务要求"},
			{Topic: "onsite_time", Value: f64(4), Unit: "hour", Text: "4小时内到场", Line: 3, Cell: &checker.Cell{Table: 1, Row: 2, Col: 2}},
			{Topic: "loaner", Value: f64(48), Unit: "hour", Text: "48小时内提供备用机，不满足将导致投标无效", Line: 4},
			{Topic: "training", Value: f64(3), Unit: "day", Text: "培训时间不少于3天", Line: 5},
		},
		Cells: []checker.CellText{{Cell: checker.Cell{Table: 1, Row: 2, Col: 1}, Text: "▲2"}, {Cell: checker.Cell{Table: 1, Row: 2, Col: 2}, Text: "4小时内到场"}},
	}
	want := []string{"★", "★", "▲", "导致投标无效", ""}
	for i, q := range Requirements(doc.reading()) {
		if q.Mark != want[i] || q.Substantive != (want[i] != "") {
			t.Errorf("%s (%s): mark %q substantive %v, want %q", q.ID, q.Topic, q.Mark, q.Substantive, want[i])
		}
	}
}

// The bidder's claim beside the tool's status: 无偏离 with a failing figure
// contradicts, 负偏离 without a figure is unmet, 负偏离 with a figure that
// meets is unclear; the verdict follows the worst substantive result.
func TestClaimsAndVerdict(t *testing.T) {
	reqs := []reports.Requirement{
		{ID: "R1", Topic: "onsite_time", Op: "<=", Value: f64(4), Unit: "hour", Substantive: true},
		{ID: "R2", Topic: "warranty_period", Op: ">=", Value: f64(3), Unit: "year"},
		{ID: "R3", Topic: "response_time", Op: "<=", Value: f64(1), Unit: "hour"},
	}
	cell := func(row, col int, header string) *checker.Cell {
		return &checker.Cell{Table: 1, Row: row, Col: col, Header: header}
	}
	bid := testDoc{
		Facts: []tf{
			{Topic: "onsite_time", Value: f64(4), Unit: "hour", Text: "4小时内到场", Line: 2, Cell: cell(2, 1, "招标要求")},
			{Topic: "onsite_time", Value: f64(8), Unit: "hour", Text: "8小时内到场", Line: 2, Cell: cell(2, 2, "投标响应")},
			{Topic: "warranty_period", Value: f64(3), Unit: "year", Text: "质保不少于三年", Line: 3, Cell: cell(3, 1, "招标要求")},
			{Topic: "response_time", Value: f64(30), Unit: "minute", Text: "30分钟内响应", Line: 4, Cell: cell(4, 2, "投标响应")},
		},
		Cells: []checker.CellText{
			{Cell: *cell(2, 3, "偏离情况"), Text: "无偏离", Line: 2},
			{Cell: *cell(3, 3, "偏离情况"), Text: "负偏离", Line: 3},
			{Cell: *cell(4, 3, "偏离情况"), Text: "负偏离", Line: 4},
		},
	}
	got := Bid(reqs, bid.reading())
	want := []string{reports.Contradicts, reports.Unmet, reports.UnclearR}
	for i, r := range got {
		if r.Status != want[i] || r.Claim == nil {
			t.Errorf("%s: %s (%+v), want %s with the claim", r.Requirement, r.Status, r.Claim, want[i])
		}
	}
	if !strings.Contains(got[0].Note, "声明无偏离，写明 8小时") {
		t.Errorf("the contradiction should be spelled out: %q", got[0].Note)
	}
	if v := Verdict(reqs, got); v != reports.VerdictInvalid {
		t.Errorf("verdict %s, want invalid (the substantive R1 is contradicted)", v)
	}
	if notMet, clarify := Open(got); strings.Join(notMet, " ") != "R1 R2" || strings.Join(clarify, " ") != "R3" {
		t.Errorf("open items: not met %v, to clarify %v", notMet, clarify)
	}
	for _, c := range []struct {
		statuses []string
		want     string
	}{
		{[]string{"met", "met", "met"}, "pass"},
		{[]string{"met", "not_stated", "unclear"}, "clarify"},
		{[]string{"met", "unmet", "not_stated"}, "fail"},
		{[]string{"met", "contradicts", "met"}, "fail"},
		{[]string{"not_stated", "met", "met"}, "clarify"},
		{[]string{"unmet", "met", "met"}, "invalid"},
	} {
		var res []reports.Result
		for _, s := range c.statuses {
			res = append(res, reports.Result{Status: s})
		}
		if v := Verdict(reqs, res); v != c.want {
			t.Errorf("%v: %s, want %s", c.statuses, v, c.want)
		}
	}
}

// A requirement for every region is unmet where one region's figure fails.
func TestScopedFiguresAgainstOneRequirement(t *testing.T) {
	reqs := []reports.Requirement{{ID: "R1", Topic: "onsite_time", Op: "<=", Value: f64(24), Unit: "hour"}}
	text := "北京市内4小时内到场，其他地区48小时内到场"
	bid := testDoc{Facts: []tf{
		{Topic: "onsite_time", Value: f64(4), Unit: "hour", Text: text, Line: 1},
		{Topic: "onsite_time", Value: f64(48), Unit: "hour", Text: text, Line: 1},
	}}
	got := Bid(reqs, bid.reading())[0]
	if got.Status != reports.Unmet || *got.Stated.Value != 48 || got.Stated.Scope.String() != "其他地区" {
		t.Errorf("%+v %+v", got, got.Stated)
	}
}

func TestBidderAndProject(t *testing.T) {
	cases := []struct{ text, name, source string }{
		{"投标文件\n投标人：北京恒信科技有限公司\n", "北京恒信科技有限公司", NameLabel},
		{"| 供应商名称 | 华远系统集成有限公司 |\n", "华远系统集成有限公司", NameLabel},
		{"投标人（盖章）：瑞丰信息技术股份有限公司\n", "瑞丰信息技术股份有限公司", NameLabel},
		{"投标人：（盖章）\n承诺如下……\n承诺单位（公章）  东方电子有限公司\n", "东方电子有限公司", NameSignature},
		{"某某设备有限公司\n投标文件\n", "某某设备有限公司", NameLine},
		{"投标人：________\n", "bid_7", NameFile},
	}
	for _, c := range cases {
		name, source := BidderName(c.text, "bids/bid_7.docx")
		if name != c.name || source != c.source {
			t.Errorf("%q: %q (%s), want %q (%s)", c.text, name, source, c.name, c.source)
		}
	}
	p := Project("招标文件\n项目名称：某医院设备采购\n项目编号：HX-2026-01（分包一）\n")
	if p == nil || p.Name != "某医院设备采购" || p.Number != "HX-2026-01" {
		t.Errorf("project %+v", p)
	}
	if Project("售后服务政策\n") != nil {
		t.Error("a text without a project names one")
	}
}

// Graded certifications: CMMI5 meets CMMI3, CMMI2 does not, a bare CMMI
// is unclear; ITSS grades run the other way (一级 is the best).
func TestGradedCertifications(t *testing.T) {
	reqs := []reports.Requirement{
		{ID: "R1", Topic: "certification", Item: "CMMI3"},
		{ID: "R2", Topic: "certification", Item: "ITSS2"},
	}
	cases := []struct {
		items []string
		want  []string
	}{
		{[]string{"CMMI5", "ITSS1"}, []string{reports.Met, reports.Met}},
		{[]string{"CMMI3", "ITSS2"}, []string{reports.Met, reports.Met}},
		{[]string{"CMMI2", "ITSS3"}, []string{reports.Unmet, reports.Unmet}},
		{[]string{"CMMI", "ITSS"}, []string{reports.UnclearR, reports.UnclearR}},
		{[]string{"ISO9001"}, []string{reports.NotStated, reports.NotStated}},
	}
	for _, c := range cases {
		var bid testDoc
		for i, it := range c.items {
			bid.Facts = append(bid.Facts, tf{Topic: "certification", Item: it, Text: it, Line: i + 1})
		}
		for i, r := range Bid(reqs, bid.reading()) {
			if r.Status != c.want[i] {
				t.Errorf("%v against %s: %s, want %s", c.items, reqs[i].Item, r.Status, c.want[i])
			}
		}
	}
}

// A commitment's overall statement (对招标文件的要求无负偏离) stands for
// every requirement no row claims; a claim in a figure's own clause
// (五年（正偏离）) is that figure's.
func TestOverallAndClauseClaims(t *testing.T) {
	lines := func(off int) (int, string) { return 1 + strings.Count(commitmentText[:off], "\n"), "" }
	if c := OverallClaim(commitmentText, lines); c == nil || c.Deviation != reports.ClaimNone || c.Line != 2 {
		t.Fatalf("overall claim %+v", c)
	}
	for _, s := range []string{"| 1 | 招标文件要求 | 无偏离 |\n", "本项目无偏离表。\n", "我公司对招标文件存在负偏离。\n"} {
		if c := OverallClaim(s, lines); c != nil {
			t.Errorf("%q: overall claim %+v", s, c)
		}
	}
	reqs := []reports.Requirement{
		{ID: "R1", Topic: "warranty_period", Op: ">=", Value: f64(3), Unit: "year", Substantive: true},
		{ID: "R2", Topic: "response_time", Op: "<=", Value: f64(1), Unit: "hour"},
	}
	bid := testDoc{Facts: []tf{
		{Topic: "warranty_period", Value: f64(2), Unit: "year", Text: "整机质保二年", Line: 3},
		{Topic: "response_time", Value: f64(2), Unit: "hour", Text: "2小时内响应（负偏离）", Line: 4},
	}}
	res := Bid(reqs, bid.reading())
	if res[1].Status != reports.Unmet || res[1].Claim == nil || res[1].Claim.Deviation != reports.ClaimNegative {
		t.Errorf("clause claim: %+v", res[1])
	}
	ApplyOverallClaim(reqs, res, OverallClaim(commitmentText, lines))
	if res[0].Status != reports.Contradicts || res[0].Claim.Line != 2 || !strings.Contains(res[0].Note, "声明无偏离，写明 2年") {
		t.Errorf("overall claim against 二年: %+v", res[0])
	}
	if res[1].Status != reports.Unmet || res[1].Claim.Deviation != reports.ClaimNegative {
		t.Errorf("the clause's own claim should stay: %+v", res[1])
	}
	if v := Verdict(reqs, res); v != reports.VerdictInvalid {
		t.Errorf("verdict %s", v)
	}
}

const commitmentText = "售后服务承诺书\n我公司对招标文件的售后服务要求无负偏离，承诺如下：\n整机质保二年。\n2小时内响应（负偏离）。\n"
