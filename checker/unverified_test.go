package checker

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shouhou/checker/reader"
	"shouhou/rules"
)

// A rule resting on an unverified figure says so in every finding, and
// cannot be an error.
func TestUnverifiedRules(t *testing.T) {
	dir := t.TempDir()
	write := func(name, severity string) string {
		p := filepath.Join(dir, name)
		y := "rules:\n  - {id: USR-AIRCON, title: 空调主要部件, severity: " + severity + ", applies_to: [policy], topic: parts_warranty,\n" +
			"     check: forbid, patterns: ['压缩机保修(一|1)年'], message: 压缩机只保一年,\n" +
			"     basis: [{law: 部分商品修理更换退货责任规定, article: 附件, level: U}], examples: {bad: [压缩机保修一年。]}}\n"
		if err := os.WriteFile(p, []byte(y), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if _, err := rules.LoadFile(write("err.yaml", "error")); err == nil || !strings.Contains(err.Error(), "at most a warning") {
		t.Errorf("an error-level rule on a U figure was accepted: %v", err)
	}
	extra, err := rules.LoadFile(write("warn.yaml", "warning"))
	if err != nil {
		t.Fatal(err)
	}
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	src, err := reader.Parse("p.txt", []byte("空调售后：压缩机保修一年。\n"), "text", reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range New(book.With(extra)).Audit(src, "policy").Findings {
		if f.Rule == "USR-AIRCON" {
			found = true
			if !strings.HasSuffix(f.Message, rules.UnverifiedNote) || f.Severity != "warning" {
				t.Errorf("finding %q (%s) does not say its figure awaits verification", f.Message, f.Severity)
			}
		}
	}
	if !found {
		t.Error("the user rule did not run")
	}
}

// A category whose figures are unverified (household appliances) gives
// warnings that say so, never errors.
func TestUnverifiedCategory(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	src, err := reader.Parse("p.txt", []byte("冰箱三包：整机保修一年，压缩机保修两年。\n"), "text", reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := New(book).Audit(src, "policy")
	if doc.Category != "appliance" {
		t.Fatalf("category %q, want appliance", doc.Category)
	}
	for _, f := range doc.Findings {
		if f.Rule == "CPL-PARTS-CATEGORY" {
			if f.Severity != "warning" || !strings.Contains(f.Message, rules.UnverifiedNote) || !strings.Contains(f.Message, "压缩机") {
				t.Errorf("appliance finding: %s %q", f.Severity, f.Message)
			}
			return
		}
	}
	t.Errorf("压缩机 two years not flagged under the appliance profile: %+v", doc.Findings)
}
