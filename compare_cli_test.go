package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shouhou/reports"
	"shouhou/rules"
)

// TestCompareDoneMeans is the acceptance case of the compare issue: a
// hospital tender demanding 质保不少于五年, 1小时响应, 8小时到场, 48小时修复,
// ISO9001 + ISO14001 and 产品责任险; one bid that meets all, one that
// offers 三年, 2小时, 24小时, ISO9001 only, and a 偏离表 that declares a
// 负偏离 — the right mark in every cell, in JSON, the terminal and Excel.
func TestCompareDoneMeans(t *testing.T) {
	args := []string{"compare", "--tender", "testdata/compare/tender_hospital.txt",
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
	out, stderr, code := run(t, "", append(args[:1], append([]string{"-f", "json"}, args[1:]...)...)...)
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
		desc := q.Topic + " " + q.Item
		if q.Value != nil {
			desc = q.Topic + " " + q.Op + " " + strings.TrimSuffix(strings.TrimSuffix(jsonNum(*q.Value), ".0"), "") + " " + q.Unit
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
	table, _, _ := run(t, "", args...)
	for _, line := range []string{"保修期 ≥ 5年", "✓ 6年", "✗ 3年", "✗ 负偏离", "✓8 ✗0", "✓1 ✗4", "✓ 满足 met", "某某医疗科技有限公司"} {
		if !strings.Contains(table, line) {
			t.Errorf("matrix lacks %q:\n%s", line, table)
		}
	}

	// The workbook: marks and fills in the matrix, evidence per bid.
	xlsx := filepath.Join(t.TempDir(), "cmp.xlsx")
	if _, stderr, code := run(t, "", append(args[:1], append([]string{"-o", xlsx}, args[1:]...)...)...); code != 1 {
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

// Golden compare reports for the text pair and for the docx tender (商务要求
// in a table) against the xlsx 偏离表. Regenerate with go test -update .
func TestCompareGolden(t *testing.T) {
	cases := map[string][]string{
		"compare_hospital.json":  {"--tender", "testdata/compare/tender_hospital.txt", "testdata/compare"},
		"compare_docx_xlsx.json": {"--tender", "testdata/formats/tender.docx", "testdata/formats/deviation.xlsx", "testdata/compare/bid_c_deviation.xlsx"},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			out, stderr, code := run(t, "", append([]string{"compare", "-f", "json"}, args...)...)
			if code == 2 {
				t.Fatalf("exit 2: %s", stderr)
			}
			checkGolden(t, filepath.Join("testdata", "golden", name), out)
		})
	}
	if _, stderr, code := run(t, "", "compare", "testdata/compare/bid_a_meets.txt"); code != 2 || !strings.Contains(stderr, "tender") {
		t.Errorf("no --tender: exit %d %s", code, stderr)
	}
	if _, stderr, code := run(t, "", "compare", "--tender", "testdata/inbox/07_empty.txt", "testdata/compare/bid_a_meets.txt"); code != 2 || !strings.Contains(stderr, "empty file") {
		t.Errorf("unreadable tender: exit %d %s", code, stderr)
	}
}

// The rulebook commands and user rulebooks (part of the rulebook issue).
func TestRulesCommands(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	n := len(book.Rules)
	out, _, code := run(t, "", "rules", "list")
	for _, id := range []string{"CPL-EXCH-15D", "CPL-PARTS-CATEGORY", "TND-BRAND", "TND-SCALE", "TND-LOCAL", strconv.Itoa(n) + " rules"} {
		if code != 0 || !strings.Contains(out, id) {
			t.Errorf("rules list lacks %s (exit %d)", id, code)
		}
	}
	out, _, code = run(t, "", "rules", "test")
	if code != 0 || !strings.Contains(out, "0 failed") {
		t.Errorf("rules test: exit %d\n%s", code, out)
	}
	out, _, code = run(t, "", "rules", "show", "TND-SCALE")
	if code != 0 || !strings.Contains(out, "article: 第十七条\n          level: S") || !strings.Contains(out, "- 投标人注册资本不低于5000万元。") {
		t.Errorf("rules show: exit %d\n%s", code, out)
	}
	if _, stderr, code := run(t, "", "rules", "show", "NOPE-1"); code != 2 || !strings.Contains(stderr, "no rule NOPE-1") {
		t.Errorf("unknown rule: exit %d %s", code, stderr)
	}

	dir := t.TempDir()
	typo := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(typo, []byte("rules:\n  - id: USR-FEE\n    title: 开票加收费用\n    severity: warning\n    applies_to: [policy]\n    topic: invoice\n    check: forbid\n    paterns: [\"开票.{0,4}加收\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"rules", "test", typo}, {"audit", "--rules", typo, "testdata/policies/bad_policy.txt"}} {
		if _, stderr, code := run(t, "", args...); code != 2 || !strings.Contains(stderr, typo+":8:5: unknown field \"paterns\" (did you mean patterns?)") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte("rules:\n  - id: USR-FEE\n    title: 开票加收费用\n    severity: warning\n    applies_to: [policy]\n    topic: invoice\n    check: forbid\n    patterns: [\"开票.{0,4}加收\"]\n    message: \"开票另收费用：{match}\"\n    basis: [{law: 中华人民共和国发票管理办法, article: 第十九条, level: P}]\n    examples: {bad: [\"开票需加收6%税点。\"], good: [\"可开具增值税发票。\"]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "p.txt")
	if err := os.WriteFile(doc, []byte("售后服务政策\n开票需加收6%税点。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ = run(t, "", "audit", "-f", "json", "--rules", good, doc)
	if !strings.Contains(out, `"rule": "USR-FEE"`) || !strings.Contains(out, `+user`) {
		t.Errorf("a user rule does not run:\n%s", out)
	}
	if out, _, code := run(t, "", "rules", "test", good); code != 0 || !strings.Contains(out, strconv.Itoa(n+1)+" rules") {
		t.Errorf("rules test FILE: exit %d %s", code, out)
	}

	// The rulebook issue's tender: 注册资本不低于5000万元 and 西门子品牌, each flagged.
	out, _, _ = run(t, "", "audit", "-f", "json", "testdata/policies/tender_restrictive.txt")
	for _, id := range []string{"TND-SCALE", "TND-BRAND"} {
		if strings.Count(out, `"rule": "`+id+`"`) != 1 {
			t.Errorf("%s should be flagged once:\n%s", id, out)
		}
	}
}

// The rulebook issue's phone case: a charger given six months is flagged
// under the phone profile, detected or forced; under --category general
// nothing holds a charger figure.
func TestPhoneChargerProfile(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "phone.txt")
	if err := os.WriteFile(doc, []byte("手机售后服务政策\n三包有效期：主机一年，电池六个月，充电器六个月。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ := run(t, "", "audit", "-f", "json", doc)
	if !strings.Contains(out, `"rule": "CPL-PARTS-CATEGORY"`) || !strings.Contains(out, "充电器三包有效期 6个月 短于移动电话机三包规定的 1年") || !strings.Contains(out, `"category": "mobile_phone"`) {
		t.Errorf("phone profile:\n%s", out)
	}
	if strings.Contains(out, "电池三包有效期") {
		t.Error("a battery's six months meet the phone rules")
	}
	out, _, _ = run(t, "", "audit", "-f", "json", "--category", "general", doc)
	if strings.Contains(out, "CPL-PARTS-CATEGORY") {
		t.Errorf("general has no charger figure:\n%s", out)
	}
}

// .shouhou.yaml and inline suppression (part of the rulebook issue).
func TestConfigAndSuppression(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "policy.txt")
	if err := os.WriteFile(doc, []byte("售后服务政策\n七日内可退货，十五日内可换货，整机保修一年。\nshouhou-ignore CPL-INTERP-RIGHT: 法务已确认\n本店保留最终解释权。\n本活动最终解释权归本店所有。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "", "audit", "-f", "json", doc)
	var r reports.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	d := r.Documents[0]
	if code != 1 || r.Summary.Suppressed != 1 || len(d.Suppressed) != 0 {
		t.Errorf("exit %d, suppressed %d, listed %d", code, r.Summary.Suppressed, len(d.Suppressed))
	}
	for _, f := range d.Findings {
		if f.Rule == "CPL-INTERP-RIGHT" && f.Line != 5 {
			t.Errorf("the line after the directive should be suppressed, not line %d", f.Line)
		}
	}
	out, _, _ = run(t, "", "audit", "-f", "json", "--show-suppressed", doc)
	if !strings.Contains(out, `"suppressed": "法务已确认"`) {
		t.Errorf("--show-suppressed does not list it:\n%s", out)
	}

	cfg := filepath.Join(dir, ".shouhou.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  disable: [CPL-INTERP-RIGHT]\n  severity: {CPL-REQ-COMPLAINT: info}\nfail_on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code = run(t, "", "audit", "-f", "json", "--config", cfg, doc)
	if strings.Contains(out, "CPL-INTERP-RIGHT") || !strings.Contains(out, `"severity": "info"`) || code != 0 {
		t.Errorf("config not applied (exit %d):\n%s", code, out)
	}
	// A flag wins over the file.
	if _, _, code := run(t, "", "audit", "--config", cfg, "--fail-on", "info", doc); code != 1 {
		t.Errorf("--fail-on info should fail on the info finding: exit %d", code)
	}
	if err := os.WriteFile(cfg, []byte("rules:\n  disable: [NOPE-1]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, "", "audit", "--config", cfg, doc); code != 2 || !strings.Contains(stderr, cfg+":2: rules.disable: no rule NOPE-1") {
		t.Errorf("bad config: exit %d %s", code, stderr)
	}
}

// A bid that hedges its promises (原则上, 节假日除外) does not meet the
// tender's figures unconditionally, and a time left to 视具体情况 is
// flagged when the bid is audited.
func TestCompareConditionalBid(t *testing.T) {
	bid := filepath.Join(t.TempDir(), "bid_hedged.txt")
	text := "售后服务承诺\n1. 整机免费质保六年。\n2. 原则上接到报修后30分钟内响应。\n3. 4小时内到达现场（节假日除外）。\n4. 维修时间视具体情况而定。\n"
	if err := os.WriteFile(bid, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, _ := run(t, "", "compare", "-f", "json", "--tender", "testdata/compare/tender_hospital.txt", bid)
	var r reports.CompareReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	want := map[string]string{"warranty_period": "met", "response_time": "unclear", "onsite_time": "unclear"}
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
	out, _, _ = run(t, "", "audit", "-f", "json", "--fail-on", "none", bid)
	if !strings.Contains(out, `"rule": "CPL-VAGUE"`) || !strings.Contains(out, `"status": "unclear"`) || !strings.Contains(out, `"condition": "原则上"`) {
		t.Errorf("audit of the hedged bid: no CPL-VAGUE finding or no condition on the fact:\n%s", out)
	}
}

// docs/rules.md maps the legal notes to rules: it must name every
// built-in rule, and only rules that exist.
func TestRulesDoc(t *testing.T) {
	b, err := os.ReadFile("docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{}
	for _, id := range regexp.MustCompile(`\b(?:CPL|TND|NOTE)-[A-Z0-9-]*[A-Z0-9]\b`).FindAllString(string(b), -1) {
		named[id] = true
		if book.Get(id) == nil {
			t.Errorf("docs/rules.md names %s, which is no rule", id)
		}
	}
	for _, r := range book.Rules {
		if !named[r.ID] {
			t.Errorf("docs/rules.md does not say what %s checks", r.ID)
		}
	}
}
