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
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "line 1") || !strings.Contains(err.Error(), "fail-on") {
		t.Errorf("an unknown key should name its line: %v", err)
	}
}
