package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"shouhou/reports"
)

// TestEvaluation measures the rulebook against testdata/eval: documents in
// the shapes of real ones and, in expected.yaml, the findings a careful
// reader of the law expects (rule and line). Precision and recall of the
// findings must both reach 0.95; every miss and every false alarm is
// listed.
func TestEvaluation(t *testing.T) {
	b, err := os.ReadFile("testdata/eval/expected.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Profiles map[string]struct {
			Kind         reports.Kind `yaml:"kind"`
			B2B          bool         `yaml:"b2b"`
			Jurisdiction string       `yaml:"jurisdiction"`
			Sections     []string     `yaml:"sections"`
			Category     string       `yaml:"category"`
		} `yaml:"profiles"`
		Documents map[string][]struct {
			Rule string `yaml:"rule"`
			Line int    `yaml:"line"`
		} `yaml:"documents"`
	}
	if err := yaml.Load(b, &want, yaml.WithKnownFields()); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/eval/*")
	tp, fp, fn, profiled := 0, 0, 0, 0
	var misses []string
	for _, f := range files {
		name := filepath.Base(f)
		if name == "expected.yaml" {
			continue
		}
		exp, ok := want.Documents[name]
		if !ok {
			t.Errorf("%s has no entry in expected.yaml", name)
			continue
		}
		out, stderr, code := run(t, "", "audit", "-f", "json", "--fail-on", "none", f)
		if code != 0 {
			t.Fatalf("%s: exit %d %s", name, code, stderr)
		}
		var r reports.Report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		if p, ok := want.Profiles[name]; ok {
			d := r.Documents[0]
			var sections []string
			for _, s := range d.Sections {
				sections = append(sections, string(s.Kind))
			}
			if d.Kind != p.Kind || d.B2B != p.B2B || d.Jurisdiction != p.Jurisdiction || strings.Join(sections, ",") != strings.Join(p.Sections, ",") ||
				p.Category != "" && d.Category != p.Category {
				t.Errorf("%s read as %s b2b=%v %s sections %v category %s; want %s b2b=%v %s sections %v category %s", name,
					d.Kind, d.B2B, d.Jurisdiction, sections, d.Category, p.Kind, p.B2B, p.Jurisdiction, p.Sections, p.Category)
			}
			profiled++
		}
		expected := map[string]int{}
		for _, e := range exp {
			expected[fmt.Sprintf("%s@%d", e.Rule, e.Line)]++
		}
		for _, fd := range r.Documents[0].Findings {
			k := fmt.Sprintf("%s@%d", fd.Rule, fd.Line)
			if expected[k] > 0 {
				expected[k]--
				tp++
				continue
			}
			fp++
			misses = append(misses, fmt.Sprintf("false alarm %s %s: %s", name, k, fd.Message))
		}
		for k, n := range expected {
			for ; n > 0; n-- {
				fn++
				misses = append(misses, fmt.Sprintf("missed %s %s", name, k))
			}
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	sort.Strings(misses)
	for _, m := range misses {
		t.Log(m)
	}
	t.Logf("evaluation: %d expected findings, %d found right, %d false alarms, %d missed: precision %.3f, recall %.3f", tp+fn, tp, fp, fn, precision, recall)
	t.Logf("%d documents, %d with their kind, audience and jurisdiction checked", len(files)-1, profiled)
	if profiled != len(want.Profiles) {
		t.Errorf("expected.yaml profiles %d documents, %d found", len(want.Profiles), profiled)
	}
	if precision < 0.95 || recall < 0.95 || tp == 0 {
		t.Errorf("precision %.3f, recall %.3f: both must reach 0.95", precision, recall)
	}
}
