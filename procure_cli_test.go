package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shouhou/reports"
)

// The procurement issue's acceptance case: a tender (testdata/procure)
// with ★ items, on-site times by region, 7×24 service, a loaner clause,
// five certifications, an insurance whose absence voids the bid and a
// deposit of 2.67% of the budget; three bids in 偏离表 form: one meets
// everything (满足), one declares 负偏离 on the ★ warranty (可能无效), one
// claims 无偏离 on every row but offers 8 hours in Beijing against 4
// (可能无效, contradicts).
var procureArgs = []string{"--audit-tender", "--tender", "testdata/procure/tender.txt",
	"testdata/procure/bid_a_meets.md", "testdata/procure/bid_b_negative.md", "testdata/procure/bid_c_false.md"}

func compareProcure(t *testing.T, extra ...string) (string, string, int) {
	t.Helper()
	return run(t, "", append(append([]string{"compare"}, extra...), procureArgs...)...)
}

func TestProcurementVerdicts(t *testing.T) {
	out, stderr, code := compareProcure(t, "-f", "json")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (bids may be invalid, the tender's deposit is too high): %s", code, stderr)
	}
	checkGolden(t, filepath.Join("testdata", "golden", "procure.json"), out)
	var r reports.CompareReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	// The requirements: ★ ones substantive, on-site time one per region,
	// the coverage in hours a week, the loaner no repair time, all five
	// certifications, the insurance substantive by the tender's words.
	type req struct{ desc, scope, mark string }
	want := []req{
		{"warranty_period >= 3 year", "", "★"}, {"acceptance 验收合格起算", "", "★"},
		{"onsite_time <= 4 hour", "北京", "★"}, {"onsite_time <= 24 hour", "其他地区", "★"},
		{"service_hours >= 168 hour", "", ""}, {"response_time <= 30 minute", "", ""}, {"loaner <= 48 hour", "", ""},
		{"certification ISO9001", "", ""}, {"certification ISO14001", "", ""}, {"certification ISO45001", "", ""},
		{"certification ISO20000", "", ""}, {"certification ISO27001", "", ""},
		{"training >= 3 day", "", ""}, {"upgrade_period >= 3 year", "", ""}, {"insurance 产品责任险", "", "按无效投标处理"},
	}
	if len(r.Tender.Requirements) != len(want) {
		t.Fatalf("%d requirements, want %d", len(r.Tender.Requirements), len(want))
	}
	for i, q := range r.Tender.Requirements {
		desc := string(q.Topic) + " " + q.Item
		if q.Value != nil {
			desc = string(q.Topic) + " " + q.Op + " " + jsonNum(*q.Value) + " " + q.Unit
		}
		got := req{desc, q.Scope.String(), q.Mark}
		if got != want[i] || q.Substantive != (q.Mark != "") {
			t.Errorf("%s = %+v, want %+v", q.ID, got, want[i])
		}
	}
	if p := r.Tender.Project; p == nil || p.Name != "某市数据中心运维设备采购项目" || p.Number != "SZCG-2026-0815" {
		t.Errorf("project %+v", p)
	}
	if len(r.Tender.Findings) != 1 || r.Tender.Findings[0].Rule != "TND-DEPOSIT-2PCT" {
		t.Errorf("tender findings %+v", r.Tender.Findings)
	}
	// The bids: names from the bid, verdicts, the claims kept.
	type bid struct{ name, source, verdict string }
	bids := []bid{{"北京恒信科技有限公司", "label", "pass"}, {"华远系统集成有限公司", "label", "invalid"}, {"瑞丰信息技术股份有限公司", "label", "invalid"}}
	for i, b := range r.Bids {
		if got := (bid{b.Name, b.NameSource, b.Verdict}); got != bids[i] {
			t.Errorf("bid %d = %+v, want %+v", i+1, got, bids[i])
		}
	}
	res := func(bid int, id string) reports.Result {
		for _, x := range r.Bids[bid].Results {
			if x.Requirement == id {
				return x
			}
		}
		t.Fatalf("bid %d has no %s", bid+1, id)
		return reports.Result{}
	}
	if c := r.Bids[0].Counts; c["met"] != 15 || c["unmet"]+c["contradicts"]+c["unclear"]+c["not_stated"] != 0 {
		t.Errorf("bid 1 counts %v", c)
	}
	if x := res(1, "R1"); x.Status != "unmet" || x.Claim == nil || x.Claim.Deviation != "negative" {
		t.Errorf("bid 2 R1 (★ warranty, 负偏离): %+v", x)
	}
	if x := res(1, "R5"); x.Status != "unmet" || x.Stated == nil || *x.Stated.Value != 40 {
		t.Errorf("bid 2 R5 (5×8 against 7×24): %+v", x)
	}
	if x := res(1, "R10"); x.Status != "unmet" || !strings.Contains(x.Note, "负偏离") {
		t.Errorf("bid 2 R10 (ISO45001 missing, row declares 负偏离): %+v", x)
	}
	x := res(2, "R3")
	if x.Status != "contradicts" || x.Claim == nil || x.Claim.Text != "无偏离" || *x.Stated.Value != 8 || x.Stated.Scope.String() != "北京" ||
		!strings.Contains(x.Note, "声明无偏离，写明 8小时，要求 到场时间 ≤ 4小时（北京）") {
		t.Errorf("bid 3 R3 should contradict its claim: %+v %+v", x, x.Stated)
	}
	if x := res(2, "R4"); x.Status != "met" {
		t.Errorf("bid 3 R4 (24 hours elsewhere) %s", x.Status)
	}
	if c := r.Bids[2].Counts; c["contradicts"] != 1 {
		t.Errorf("bid 3 counts %v", c)
	}
	if b := r.Bids[2]; strings.Join(b.NotMet, " ") != "R3" || strings.Join(b.ToClarify, " ") != "R2" {
		t.Errorf("bid 3 lists not met %v, to clarify %v", b.NotMet, b.ToClarify)
	}
	if b := r.Bids[0]; len(b.NotMet)+len(b.ToClarify) != 0 {
		t.Errorf("bid 1 lists %v %v", b.NotMet, b.ToClarify)
	}

	// The table and csv: golden, with the tender's problem in both.
	table, _, code := compareProcure(t)
	checkGolden(t, filepath.Join("testdata", "golden", "procure.table.txt"), table)
	for _, s := range []string{"可能无效", "≠ 8小时（无偏离）", "★R3", "TND-DEPOSIT-2PCT", "北京恒信科技有限公司"} {
		if !strings.Contains(table, s) || code != 1 {
			t.Errorf("table lacks %q (exit %d)", s, code)
		}
	}
	csvOut, _, _ := compareProcure(t, "-f", "csv")
	checkGolden(t, filepath.Join("testdata", "golden", "procure.csv"), csvOut)
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(csvOut, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if last := rows[len(rows)-1]; last[8] != "tender_finding" || last[1] != "TND-DEPOSIT-2PCT" {
		t.Errorf("csv lacks the tender finding: %v", last)
	}

	// Bids are read at once; the order and content never change.
	one, _, _ := compareProcure(t, "-f", "json", "-j", "1")
	three, _, _ := compareProcure(t, "-f", "json", "-j", "3")
	if one != three {
		t.Error("--jobs changes the report")
	}
	// --name wins over the bid's own words.
	out, stderr, _ = compareProcure(t, "-f", "json", "--name", "./testdata/procure/bid_c_false.md=瑞丰", "--name", "bid_a_meets.md=恒信", "--name", "nope.md=X")
	if !strings.Contains(out, `"name": "瑞丰"`) || !strings.Contains(out, `"name": "恒信"`) || !strings.Contains(out, `"name_source": "flag"`) {
		t.Error("--name FILE=NAME is not used (by path or by file name)")
	}
	if !strings.Contains(stderr, "--name nope.md=X: no bid nope.md") {
		t.Errorf("a --name for no bid should be warned about: %q", stderr)
	}
	if _, stderr, code := compareProcure(t, "--name", "nonsense"); code != 2 || !strings.Contains(stderr, "FILE=NAME") {
		t.Errorf("a bad --name: exit %d %s", code, stderr)
	}
	// A commitment in prose: its overall 无负偏离 is contradicted by 二年.
	prose := filepath.Join(t.TempDir(), "commitment.txt")
	if err := os.WriteFile(prose, []byte("售后服务承诺书\n投标人：东方电子有限公司\n我公司对招标文件的售后服务要求无负偏离。\n整机免费质保二年。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ = run(t, "", "compare", "-f", "json", "--tender", "testdata/procure/tender.txt", prose)
	var p reports.CompareReport
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	if b := p.Bids[0]; b.Name != "东方电子有限公司" || b.Verdict != "invalid" || b.Results[0].Status != "contradicts" || b.Results[0].Claim == nil || b.Results[0].Claim.Line != 3 {
		t.Errorf("prose commitment: %s %s %+v %+v", b.Name, b.Verdict, b.Results[0], b.Results[0].Claim)
	}
	// Without --audit-tender the deposit does not count; the invalid bids do.
	if _, _, code := run(t, "", "compare", "--tender", "testdata/procure/tender.txt", "testdata/procure/bid_a_meets.md"); code != 0 {
		t.Errorf("the passing bid alone: exit %d, want 0", code)
	}
	if _, _, code := run(t, "", "compare", "--audit-tender", "--tender", "testdata/procure/tender.txt", "testdata/procure/bid_a_meets.md"); code != 1 {
		t.Errorf("the passing bid with the tender's deposit finding: exit %d, want 1", code)
	}
}

func jsonNum(v float64) string { b, _ := json.Marshal(v); return string(b) }
