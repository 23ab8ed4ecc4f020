package compare

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shouhou/cmd/cmdutil"
	"shouhou/cmd/iostreams"
	"shouhou/reports"
)

// chdirRoot makes the repository's root the working folder: the tests
// name testdata/ as a user there would, and messages read the same.
func chdirRoot(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
}

// execute runs the compare command over buffers as the root command
// would, and returns stdout, stderr and the exit code.
func execute(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	cmd := NewCmd(cmdutil.NewFactory(ios))
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	code := cmdutil.Exit(errOut, cmd.Execute())
	return out.String(), errOut.String(), code
}

// TestTenderErrors: no --tender, or a tender that cannot be read, is
// exit 2 with a line saying so.
func TestTenderErrors(t *testing.T) {
	chdirRoot(t)
	cases := []struct {
		args   []string
		stderr string
	}{
		{[]string{"testdata/compare/bid_a_meets.txt"}, `required flag(s) "tender" not set`},
		{[]string{"--tender", "testdata/inbox/07_empty.txt", "testdata/compare/bid_a_meets.txt"}, "shouhou: testdata/inbox/07_empty.txt: empty file"},
		{[]string{"--tender", "testdata/nope.txt", "testdata/compare/bid_a_meets.txt"}, "shouhou: testdata/nope.txt: "},
		{[]string{"--tender", "testdata/compare/tender_hospital.txt"}, "no bids"},
		{[]string{"--tender", "testdata/compare/tender_hospital.txt", "-f", "junit", "testdata/compare/bid_a_meets.txt"}, "compare writes table, json, xlsx, csv, sarif, html, not junit"},
		{[]string{"--tender", "testdata/compare/tender_hospital.txt", "--name", "x", "testdata/compare/bid_a_meets.txt"}, "give FILE=NAME"},
	}
	for _, c := range cases {
		if _, stderr, code := execute(t, c.args...); code != 2 || !strings.Contains(stderr, c.stderr) {
			t.Errorf("%v: exit %d, stderr %q lacks %q", c.args, code, stderr, c.stderr)
		}
	}
}

// TestCompareMarksEachRequirementPerBid is the compare issue's case: a
// hospital tender demanding 质保不少于五年, 1小时响应, 8小时到场, 48小时修复,
// ISO9001 + ISO14001 and 产品责任险; one bid that meets all, one that
// offers 三年, 2小时, 24小时, ISO9001 only, and a 偏离表 that declares a
// 负偏离 — the right mark in every cell, in JSON, the terminal and Excel.
func TestCompareMarksEachRequirementPerBid(t *testing.T) {
	chdirRoot(t)
	args := []string{"--tender", "testdata/compare/tender_hospital.txt",
		"testdata/compare/bid_a_meets.txt", "testdata/compare/bid_b_short.txt", "testdata/compare/bid_c_deviation.xlsx"}
	want := [][]string{ // requirement -> status per bid
		{"warranty_period >= 5 year", "met", "unmet", "met"},
		{"acceptance 验收合格起算", "met", "not_stated", "not_stated"}, // 自验收合格之日起计算
		{"response_time <= 1 hour", "met", "unmet", "met"},
		{"onsite_time <= 8 hour", "met", "unmet", "unmet"},
		{"resolution_time <= 48 hour", "met", "unmet", "met"},
		{"certification ISO9001", "met", "met", "met"},
		{"certification ISO14001", "met", "not_stated", "met"},
		{"insurance 产品责任险", "met", "not_stated", "met"},
	}
	out, stderr, code := execute(t, append([]string{"-f", "json"}, args...)...)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (unmet requirements): %s", code, stderr)
	}
	var r reports.CompareReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Schema != "shouhou/compare/v1" || len(r.Tender.Requirements) != len(want) || len(r.Bids) != 3 {
		t.Fatalf("schema %s, %d requirements, %d bids", r.Schema, len(r.Tender.Requirements), len(r.Bids))
	}
	for i, q := range r.Tender.Requirements {
		desc := string(q.Topic) + " " + q.Item
		if q.Value != nil {
			desc = string(q.Topic) + " " + q.Op + " " + strings.TrimSuffix(strings.TrimSuffix(jsonNum(*q.Value), ".0"), "") + " " + q.Unit
		}
		if desc != want[i][0] || q.Line == 0 || q.Text == "" {
			t.Errorf("R%d = %q (line %d), want %q", i+1, desc, q.Line, want[i][0])
		}
		for b := range r.Bids {
			res := r.Bids[b].Results[i]
			if res.Status != want[i][b+1] {
				t.Errorf("bid %d, %s: %s, want %s (%+v)", b+1, want[i][0], res.Status, want[i][b+1], res.Stated)
			}
			if res.Status != "not_stated" && (res.Stated == nil || res.Stated.Text == "" || res.Stated.Line == 0) {
				t.Errorf("bid %d, %s: no evidence with a place", b+1, want[i][0])
			}
		}
	}
	if n := r.Bids[2].Results[3].Note; !strings.Contains(n, "负偏离") {
		t.Errorf("the declared 负偏离 should be named: %q", n)
	}
	if r.Bids[0].Counts["met"] != 8 || r.Bids[1].Counts["unmet"] != 4 || r.Bids[1].Counts["not_stated"] != 3 {
		t.Errorf("counts %v %v", r.Bids[0].Counts, r.Bids[1].Counts)
	}

	// The terminal matrix: one row per requirement, a mark per bid.
	table, _, _ := execute(t, args...)
	for _, line := range []string{"保修期 ≥ 5年", "✓ 6年", "✗ 3年", "✗ 负偏离", "✓8 ✗0", "✓1 ✗4", "✓ 满足 met", "某某医疗科技有限公司"} {
		if !strings.Contains(table, line) {
			t.Errorf("matrix lacks %q:\n%s", line, table)
		}
	}

	// The workbook: marks and fills in the matrix, evidence per bid.
	xlsx := filepath.Join(t.TempDir(), "cmp.xlsx")
	if _, stderr, code := execute(t, append([]string{"-o", xlsx}, args...)...); code != 1 {
		t.Fatalf("xlsx run: exit %d %s", code, stderr)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "对比,1 某某医疗科技有限公司,2 某某设备有限公司,3 bid_c_deviation,招标文件问题" {
		t.Errorf("sheets %s", got)
	}
	fills := map[string]string{"met": "C6EFCE", "unmet": "FFC7CE", "not_stated": "EDEDED"}
	for i := range want {
		for b := 0; b < 3; b++ {
			cell, _ := excelize.CoordinatesToCellName(5+b, i+7)
			v, _ := f.GetCellValue("对比", cell)
			id, _ := f.GetCellStyle("对比", cell)
			st, _ := f.GetStyle(id)
			status := want[i][b+1]
			if !strings.HasPrefix(v, map[string]string{"met": "✓", "unmet": "✗", "not_stated": "–"}[status]) || st == nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != fills[status] {
				t.Errorf("对比!%s = %q (fill %v), want %s", cell, v, st, status)
			}
		}
	}
	if v, _ := f.GetCellValue("2 某某设备有限公司", "H4"); !strings.Contains(v, "整机免费质保三年") {
		t.Errorf("2 某某设备有限公司!H4 evidence = %q", v)
	}
}

func jsonNum(v float64) string { b, _ := json.Marshal(v); return string(b) }

// TestHedgedBidIsUnclear: a bid that hedges its promises (原则上,
// 节假日除外) does not meet the tender's figures unconditionally.
func TestHedgedBidIsUnclear(t *testing.T) {
	chdirRoot(t)
	bid := filepath.Join(t.TempDir(), "bid_hedged.txt")
	text := "售后服务承诺\n1. 整机免费质保六年。\n2. 原则上接到报修后30分钟内响应。\n3. 4小时内到达现场（节假日除外）。\n4. 维修时间视具体情况而定。\n"
	if err := os.WriteFile(bid, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, _ := execute(t, "-f", "json", "--tender", "testdata/compare/tender_hospital.txt", bid)
	var r reports.CompareReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	want := map[reports.Topic]string{"warranty_period": "met", "response_time": "unclear", "onsite_time": "unclear"}
	for i, q := range r.Tender.Requirements {
		w, ok := want[q.Topic]
		if !ok {
			continue
		}
		res := r.Bids[0].Results[i]
		if res.Status != w || w == "unclear" && !strings.Contains(res.Note, "附条件") {
			t.Errorf("%s: %s (%q), want %s with a note on the condition", q.Topic, res.Status, res.Note, w)
		}
	}
}

// TestScopedPromiseIsNotFirm: a share below 100% or a condition is no
// firm commitment; compare does not count it as meeting a requirement.
func TestScopedPromiseIsNotFirm(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tender := write("tender.txt", "采购需求\n一、售后服务要求\n接到报修后24小时内修复故障。\n")
	cases := []struct{ bid, status string }{
		{"投标文件\n售后服务承诺：90%的故障在24小时内修复。\n", reports.UnclearR},
		{"投标文件\n售后服务承诺：95%以上的故障接到报修后12小时内修复。\n", reports.UnclearR},
		{"投标文件\n售后服务承诺：根据用户需求，24小时内修复。\n", reports.UnclearR},
		{"投标文件\n售后服务承诺：接到报修后24小时内修复。\n", reports.Met},
	}
	for i, c := range cases {
		bid := write("bid"+string(rune('a'+i))+".txt", c.bid)
		out, stderr, _ := execute(t, "--tender", tender, "-f", "json", bid)
		var r reports.CompareReport
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("%v: %s", err, stderr)
		}
		if len(r.Bids) != 1 || len(r.Bids[0].Results) == 0 {
			t.Fatalf("%q: no results: %s", c.bid, out)
		}
		if got := r.Bids[0].Results[0].Status; got != c.status {
			t.Errorf("%q: %s, want %s", c.bid, got, c.status)
		}
	}
}
