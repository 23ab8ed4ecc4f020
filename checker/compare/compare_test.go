package compare

import (
	"strings"
	"testing"

	"shouhou/reports"
)

func f64(v float64) *float64 { return &v }

// Quantities compare across units, as CONTRACT.md and the issue ask.
func TestStatusAcrossUnits(t *testing.T) {
	cases := []struct {
		name string
		req  reports.Requirement
		fact reports.Fact
		want string
	}{
		{"30分钟 meets 1小时", reports.Requirement{Op: "<=", Value: f64(1), Unit: "hour"}, reports.Fact{Value: f64(30), Unit: "minute"}, reports.Met},
		{"2个工作日 does not meet 24小时", reports.Requirement{Op: "<=", Value: f64(24), Unit: "hour"}, reports.Fact{Value: f64(2), Unit: "workday"}, reports.Unmet},
		{"六年 meets 不少于五年", reports.Requirement{Op: ">=", Value: f64(5), Unit: "year"}, reports.Fact{Value: f64(6), Unit: "year"}, reports.Met},
		{"60个月 meets 五年", reports.Requirement{Op: ">=", Value: f64(5), Unit: "year"}, reports.Fact{Value: f64(60), Unit: "month"}, reports.Met},
		{"终身 meets any warranty", reports.Requirement{Op: ">=", Value: f64(10), Unit: "year"}, reports.Fact{Unit: "lifetime"}, reports.Met},
		{"三年 fails 五年", reports.Requirement{Op: ">=", Value: f64(5), Unit: "year"}, reports.Fact{Value: f64(3), Unit: "year"}, reports.Unmet},
		{"a range is judged by its top: 2-4小时 vs 3小时", reports.Requirement{Op: "<=", Value: f64(3), Unit: "hour"}, reports.Fact{Value: f64(2), Max: f64(4), Unit: "hour"}, reports.Unmet},
		{"a blank is unclear", reports.Requirement{Op: "<=", Value: f64(2), Unit: "hour"}, reports.Fact{Unit: "hour", Blank: true}, reports.UnclearR},
		{"1天 meets 24小时", reports.Requirement{Op: "<=", Value: f64(24), Unit: "hour"}, reports.Fact{Value: f64(1), Unit: "day"}, reports.Met},
	}
	for _, c := range cases {
		if got := status(c.req, c.fact); got != c.want {
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
	bid := reports.Document{Facts: []reports.Fact{
		{Topic: "response_time", Value: f64(1), Unit: "hour", Text: "1小时内响应", Line: 3},
		{Topic: "response_time", Value: f64(4), Unit: "hour", Text: "4小时内响应", Line: 9},
		{Topic: "resolution_time", Value: f64(36), Unit: "hour", Text: "36小时内修复", Line: 4},
		{Topic: "certification", Item: "ISO9001", Text: "ISO9001", Line: 5},
	}}
	got := Bid(reqs, bid)
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
	bid := reports.Document{Facts: []reports.Fact{
		{Topic: "response_time", Value: f64(1), Unit: "hour", Text: "原则上1小时内响应", Condition: "原则上"},
		{Topic: "onsite_time", Value: f64(48), Unit: "hour", Text: "48小时内到场（节假日除外）", Condition: "节假日除外"},
		{Topic: "warranty_period", Value: f64(3), Unit: "year", Text: "整机质保三年"},
	}}
	got := Bid(reqs, bid)
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
