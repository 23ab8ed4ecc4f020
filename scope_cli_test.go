package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shouhou/reports"
)

// A share below 100% or a condition is no firm commitment: compare does
// not count it as meeting a requirement (issue 14, pattern 2), and the
// audit's JSON carries the fact's scope.
func TestScopeNotFirm(t *testing.T) {
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
		out, stderr, _ := run(t, "", "compare", "--tender", tender, "-f", "json", bid)
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

	doc := write("commitment.txt", "投标文件\n接到报修后，北京2小时内到达现场，其他地区48小时内到达现场。\n90%的故障在8小时内排除。\n")
	out, _, _ := run(t, "", "audit", "-f", "json", "--fail-on", "none", doc)
	for _, want := range []string{`"scope": {`, `"region": "北京"`, `"region": "其他地区"`, `"share": 90`} {
		if !strings.Contains(out, want) {
			t.Errorf("audit JSON lacks %s", want)
		}
	}
}
