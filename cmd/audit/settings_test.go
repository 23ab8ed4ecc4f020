package audit

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shouhou/reports"
)

// .shouhou.yaml and inline suppression (part of the rulebook issue).
func TestSettingsFileAndSuppression(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "policy.txt")
	if err := os.WriteFile(doc, []byte("售后服务政策\n七日内可退货，十五日内可换货，整机保修一年。\nshouhou-ignore CPL-INTERP-RIGHT: 法务已确认\n本店保留最终解释权。\n本活动最终解释权归本店所有。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := execute(t, "", "-f", "json", doc)
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
	out, _, _ = execute(t, "", "-f", "json", "--show-suppressed", doc)
	if !strings.Contains(out, `"suppressed": "法务已确认"`) {
		t.Errorf("--show-suppressed does not list it:\n%s", out)
	}

	cfg := filepath.Join(dir, ".shouhou.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  disable: [CPL-INTERP-RIGHT]\n  severity: {CPL-REQ-COMPLAINT: info}\nfail_on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code = execute(t, "", "-f", "json", "--config", cfg, doc)
	if strings.Contains(out, "CPL-INTERP-RIGHT") || !strings.Contains(out, `"severity": "info"`) || code != 0 {
		t.Errorf("config not applied (exit %d):\n%s", code, out)
	}
	// A flag wins over the file.
	if _, _, code := execute(t, "", "--config", cfg, "--fail-on", "info", doc); code != 1 {
		t.Errorf("--fail-on info should fail on the info finding: exit %d", code)
	}
	if err := os.WriteFile(cfg, []byte("rules:\n  disable: [NOPE-1]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := execute(t, "", "--config", cfg, doc); code != 2 || !strings.Contains(stderr, cfg+":2: rules.disable: no rule NOPE-1") {
		t.Errorf("bad config: exit %d %s", code, stderr)
	}
}

// The rulebook issue's phone case: a charger given six months is flagged
// under the phone profile, detected or forced; under --category general
// nothing holds a charger figure.
func TestCategoryProfileFlagsCharger(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "phone.txt")
	if err := os.WriteFile(doc, []byte("手机售后服务政策\n三包有效期：主机一年，电池六个月，充电器六个月。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ := execute(t, "", "-f", "json", doc)
	if !strings.Contains(out, `"rule": "CPL-PARTS-CATEGORY"`) || !strings.Contains(out, "充电器三包有效期 6个月 短于移动电话机三包规定的 1年") || !strings.Contains(out, `"category": "mobile_phone"`) {
		t.Errorf("phone profile:\n%s", out)
	}
	if strings.Contains(out, "电池三包有效期") {
		t.Error("a battery's six months meet the phone rules")
	}
	out, _, _ = execute(t, "", "-f", "json", "--category", "general", doc)
	if strings.Contains(out, "CPL-PARTS-CATEGORY") {
		t.Errorf("general has no charger figure:\n%s", out)
	}
}

// TestUserRulebook: a user rule runs beside the built-in ones and is
// marked +user; a typo in a user rulebook is exit 2 naming file:line:col;
// the built-in tender rules flag 注册资本不低于5000万元 and 西门子品牌 once each.
func TestUserRulebook(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	typo := write("mine.yaml", "rules:\n  - id: USR-FEE\n    title: 开票加收费用\n    severity: warning\n    applies_to: [policy]\n    topic: invoice\n    check: forbid\n    paterns: [\"开票.{0,4}加收\"]\n")
	if _, stderr, code := execute(t, "", "--rules", typo, "testdata/policies/bad_policy.txt"); code != 2 || !strings.Contains(stderr, typo+":8:5: unknown field \"paterns\" (did you mean patterns?)") {
		t.Errorf("typo: exit %d, stderr %q", code, stderr)
	}
	good := write("good.yaml", "rules:\n  - id: USR-FEE\n    title: 开票加收费用\n    severity: warning\n    applies_to: [policy]\n    topic: invoice\n    check: forbid\n    patterns: [\"开票.{0,4}加收\"]\n    message: \"开票另收费用：{match}\"\n    basis: [{law: 中华人民共和国发票管理办法, article: 第十九条, level: P}]\n    examples: {bad: [\"开票需加收6%税点。\"], good: [\"可开具增值税发票。\"]}\n")
	doc := write("p.txt", "售后服务政策\n开票需加收6%税点。\n")
	out, _, _ := execute(t, "", "-f", "json", "--rules", good, doc)
	if !strings.Contains(out, `"rule": "USR-FEE"`) || !strings.Contains(out, `+user`) {
		t.Errorf("a user rule does not run:\n%s", out)
	}
	out, _, _ = execute(t, "", "-f", "json", "testdata/policies/tender_restrictive.txt")
	for _, id := range []string{"TND-SCALE", "TND-BRAND"} {
		if strings.Count(out, `"rule": "`+id+`"`) != 1 {
			t.Errorf("%s should be flagged once:\n%s", id, out)
		}
	}
}

// TestHedgedTimeIsVague: a time left to 视具体情况 is flagged, and a
// figure under a condition (原则上) carries it in the JSON.
func TestHedgedTimeIsVague(t *testing.T) {
	bid := filepath.Join(t.TempDir(), "bid_hedged.txt")
	text := "售后服务承诺\n1. 整机免费质保六年。\n2. 原则上接到报修后30分钟内响应。\n3. 4小时内到达现场（节假日除外）。\n4. 维修时间视具体情况而定。\n"
	if err := os.WriteFile(bid, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ := execute(t, "", "-f", "json", "--fail-on", "none", bid)
	if !strings.Contains(out, `"rule": "CPL-VAGUE"`) || !strings.Contains(out, `"status": "unclear"`) || !strings.Contains(out, `"condition": "原则上"`) {
		t.Errorf("audit of the hedged bid: no CPL-VAGUE finding or no condition on the fact:\n%s", out)
	}
}

// TestScopeInJSON: the audit's JSON carries a fact's scope: the region
// of each of two promises, the share of a partial one.
func TestScopeInJSON(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "commitment.txt")
	if err := os.WriteFile(doc, []byte("投标文件\n接到报修后，北京2小时内到达现场，其他地区48小时内到达现场。\n90%的故障在8小时内排除。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ := execute(t, "", "-f", "json", "--fail-on", "none", doc)
	for _, want := range []string{`"scope": {`, `"region": "北京"`, `"region": "其他地区"`, `"share": 90`} {
		if !strings.Contains(out, want) {
			t.Errorf("audit JSON lacks %s", want)
		}
	}
}
