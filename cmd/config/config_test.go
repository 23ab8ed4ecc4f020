package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindAndLoad(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := "rules:\n  files: [mine.yaml]\n  disable: [CPL-BLANK]\n  severity: {CPL-REQ-COMPLAINT: info}\ncategory: mobile_phone\nfail_on: warning\nexclude: [\"草稿*\"]\n"
	if err := os.WriteFile(filepath.Join(root, Name), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	p := Find(deep)
	if p != filepath.Join(root, Name) {
		t.Fatalf("Find = %q", p)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Category != "mobile_phone" || c.FailOn != "warning" || c.Rules.Files[0] != filepath.Join(root, "mine.yaml") || c.Rules.Severity["CPL-REQ-COMPLAINT"] != "info" {
		t.Errorf("config %+v", c)
	}
	if err := os.WriteFile(filepath.Join(root, Name), []byte("fail-on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), p+":1:") || !strings.Contains(err.Error(), "fail-on") {
		t.Errorf("an unknown key should name its line: %v", err)
	}
}

// TestConfigErrors: every mistake is one line naming the file, the line,
// the key and the valid choices, never a Go type.
func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, Name)
	for _, c := range []struct{ text, want string }{
		{"rules:\n  disabel: [CPL-BLANK]\n", `:2: unknown key "disabel" under rules (valid: files, disable, severity) (did you mean disable?)`},
		{"fail_on: warnings\n", `:1: fail_on: "warnings" is not one of error, warning, info, none (did you mean warning?)`},
		{"exclude: [a]\nfail-on: warning\n", `:2: unknown key "fail-on" (valid: rules, category, kind, fail_on, exclude) (did you mean fail_on?)`},
		{"kind: polcy\n", `:1: kind: "polcy" is not one of policy, tender, bid (did you mean policy?)`},
		{"rules:\n  severity:\n    CPL-BLANK: high\n", `:3: rules.severity.CPL-BLANK: "high" is not one of error, warning, info`},
		{"category: phone\n", `:1: category: "phone" is not one of appliance,`},
		{"rules: [a]\n", `:1: rules: a mapping is expected (files, disable, severity)`},
		{"exclude: 草稿\n", `:1: exclude: a list is expected`},
		{"x: [\n", `: not valid YAML:`},
	} {
		if err := os.WriteFile(p, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(p)
		if err == nil || !strings.HasPrefix(err.Error(), p) || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "struct") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: %v\nwant %s%s", c.text, err, p, c.want)
		}
	}
	if err := os.WriteFile(p, []byte("rules:\n  disable:\n    - CPL-BLANK\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil || c.Lines["rules.disable.CPL-BLANK"] != 3 {
		t.Errorf("lines of rule ids: %v %v", c, err)
	}
}
