package compare

import (
	"strings"
	"testing"

	"shouhou/checker"
	"shouhou/lexicon/duration"
	"shouhou/lexicon/money"
	"shouhou/reports"
)

func f64(v float64) *float64 { return &v }

// tf is a duration or list fact as a test writes it: a Max makes a range.
type tf struct {
	Topic                          reports.Topic
	Item, Text, Section, Condition string
	Value, Max                     *float64
	Unit                           string
	Blank                          bool
	Line                           int
	Cell                           *checker.Cell
}

func (t tf) fact() checker.Fact {
	var f checker.Fact
	f.Topic, f.Item, f.Condition, f.Blank = t.Topic, t.Item, t.Condition, t.Blank
	f.Text, f.Section, f.Line, f.Cell = t.Text, t.Section, t.Line, t.Cell
	if t.Unit != "" {
		f.Op, f.Unit = duration.OpEqual, duration.Unit(t.Unit)
	}
	if t.Value != nil {
		f.Value = *t.Value
	}
	if t.Max != nil {
		f.Op, f.Max = duration.OpRange, *t.Max
	}
	return f
}

func all(ts []tf) []checker.Fact {
	out := make([]checker.Fact, len(ts))
	for i, t := range ts {
		out[i] = t.fact()
	}
	return out
}

// testDoc is what the audit read from a document, as a test writes it.
type testDoc struct {
	Facts []tf
	Cells []checker.CellText
}

func (d testDoc) reading() checker.Reading {
	return checker.Reading{Facts: all(d.Facts), Cells: d.Cells}
}

// Quantities compare across units, as CONTRACT.md and the issue ask.
func TestStatusAcrossUnits(t *testing.T) {
	cases := []struct {
		name string
		req  reports.Requirement
		fact tf
		want string
	}{
		{"30分钟 meets 1小时", reports.Requirement{Op: "<=", Value: f64(1), Unit: "hour"}, tf{Value: f64(30), Unit: "minute"}, reports.Met},
		{"2个工作日 does not meet 24小时", reports.Requirement{Op: "<=", Value: f64(24), Unit: "hour"}, tf{Value: f64(2), Unit: "workday"}, reports.Unmet},
		{"六年 meets 不少于五年", reports.Requirement{Op: ">=", Value: f64(5), Unit: "year"}, tf{Value: f64(6), Unit: "year"}, reports.Met},
		{"60个月 meets 五年", reports.Requirement{Op: ">=", Value: f64(5), Unit: "year"}, tf{Value: f64(60), Unit: "month"}, reports.Met},
		{"终身 meets any warranty", reports.Requirement{Op: ">=", Value: f64(10), Unit: "year"}, tf{Unit: "lifetime"}, reports.Met},
		{"三年 fails 五年", reports.Requirement{Op: ">=", Value: f64(5), Unit: "year"}, tf{Value: f64(3), Unit: "year"}, reports.Unmet},
		{"a range is judged by its top: 2-4小时 vs 3小时", reports.Requirement{Op: "<=", Value: f64(3), Unit: "hour"}, tf{Value: f64(2), Max: f64(4), Unit: "hour"}, reports.Unmet},
		{"a blank is unclear", reports.Requirement{Op: "<=", Value: f64(2), Unit: "hour"}, tf{Unit: "hour", Blank: true}, reports.UnclearR},
		{"1天 meets 24小时", reports.Requirement{Op: "<=", Value: f64(24), Unit: "hour"}, tf{Value: f64(1), Unit: "day"}, reports.Met},
	}
	for _, c := range cases {
		if got := status(c.req, c.fact.fact()); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// Two figures for one requirement that disagree make it unclear, and a
// repair-time requirement is answered by a resolution time.
func TestBidJudgement(t *testing.T) {
	reqs := []reports.Requirement{
		{ID: "R1", Topic: "response_time", Op: "<=", Value: f64(2), Unit: "hour"},
		{ID: "R2", Topic: "repair_time", Op: "<=", Value: f64(48), Unit: "hour"},
		{ID: "R3", Topic: "certification", Item: "ISO14001"},
	}
	bid := testDoc{Facts: []tf{
		{Topic: "response_time", Value: f64(1), Unit: "hour", Text: "1小时内响应", Line: 3},
		{Topic: "response_time", Value: f64(4), Unit: "hour", Text: "4小时内响应", Line: 9},
		{Topic: "resolution_time", Value: f64(36), Unit: "hour", Text: "36小时内修复", Line: 4},
		{Topic: "certification", Item: "ISO9001", Text: "ISO9001", Line: 5},
	}}
	got := Bid(reqs, bid.reading())
	want := []string{reports.UnclearR, reports.Met, reports.NotStated}
	for i, r := range got {
		if r.Status != want[i] {
			t.Errorf("%s: %s (%s), want %s", r.Requirement, r.Status, r.Note, want[i])
		}
	}
	if got[0].Note == "" {
		t.Error("disagreeing figures should say so")
	}
}

// A promise under a condition (原则上, 节假日除外) is not read as
// unconditional: a figure that would meet the requirement is unclear.
func TestConditionalPromise(t *testing.T) {
	reqs := []reports.Requirement{
		{ID: "R1", Topic: "response_time", Op: "<=", Value: f64(2), Unit: "hour"},
		{ID: "R2", Topic: "onsite_time", Op: "<=", Value: f64(24), Unit: "hour"},
		{ID: "R3", Topic: "warranty_period", Op: ">=", Value: f64(3), Unit: "year"},
	}
	bid := testDoc{Facts: []tf{
		{Topic: "response_time", Value: f64(1), Unit: "hour", Text: "原则上1小时内响应", Condition: "原则上"},
		{Topic: "onsite_time", Value: f64(48), Unit: "hour", Text: "48小时内到场（节假日除外）", Condition: "节假日除外"},
		{Topic: "warranty_period", Value: f64(3), Unit: "year", Text: "整机质保三年"},
	}}
	got := Bid(reqs, bid.reading())
	want := []string{reports.UnclearR, reports.Unmet, reports.Met}
	for i, r := range got {
		if r.Status != want[i] {
			t.Errorf("%s: %s (%s), want %s", r.Requirement, r.Status, r.Note, want[i])
		}
	}
	if got[0].Note == "" || !strings.Contains(got[0].Note, "原则上") {
		t.Errorf("the note should name the hedge: %q", got[0].Note)
	}
}

// A sum is judged exactly against a requirement of its unit (one a
// requirements file names), unclear against any other: never as a
// duration.
func TestMoneyStatus(t *testing.T) {
	sum := func(v float64, u money.Unit) checker.Fact {
		a, _ := money.Of(v, u)
		var f checker.Fact
		f.Topic, f.Money = "bid_deposit", &money.Quantity{Amount: a, Op: duration.OpEqual}
		return f
	}
	cases := []struct {
		name string
		req  reports.Requirement
		fact checker.Fact
		want string
	}{
		{"2万元 within 2万元", reports.Requirement{Op: "<=", Value: f64(20000), Unit: "yuan"}, sum(20000, money.Yuan), reports.Met},
		{"20000.01元 over 2万元", reports.Requirement{Op: "<=", Value: f64(20000), Unit: "yuan"}, sum(20000.01, money.Yuan), reports.Unmet},
		{"2% reaches 2%", reports.Requirement{Op: ">=", Value: f64(2), Unit: "percent"}, sum(2, money.Percent), reports.Met},
		{"a sum against a share", reports.Requirement{Op: "<=", Value: f64(2), Unit: "percent"}, sum(20000, money.Yuan), reports.UnclearR},
		{"a sum against a duration", reports.Requirement{Op: "<=", Value: f64(2), Unit: "hour"}, sum(20000, money.Yuan), reports.UnclearR},
	}
	for _, c := range cases {
		if got := status(c.req, c.fact); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	// and a tender's sums are no after-sales requirement
	tender := checker.Reading{Facts: []checker.Fact{sum(20000, money.Yuan)}}
	if reqs := Requirements(tender); len(reqs) != 0 {
		t.Errorf("requirements from a deposit: %+v", reqs)
	}
}
