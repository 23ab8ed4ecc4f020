package render

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCodeClimate: one Code Quality issue per finding and per unreadable
// document, each with the fields GitLab requires, a line of 1 or more,
// distinct fingerprints that do not depend on the line.
func TestCodeClimate(t *testing.T) {
	r := fixture()
	var issues []map[string]any
	if err := json.Unmarshal(render(t, "codeclimate", r), &issues); err != nil {
		t.Fatal(err)
	}
	want := r.Summary.Failed + r.Summary.Findings.Error + r.Summary.Findings.Warning + r.Summary.Findings.Info
	if len(issues) != want {
		t.Fatalf("%d issues, want %d", len(issues), want)
	}
	fps := map[string]bool{}
	for _, is := range issues {
		for _, k := range []string{"description", "check_name", "fingerprint", "severity", "location"} {
			if is[k] == nil || is[k] == "" {
				t.Errorf("issue lacks %s: %v", k, is)
			}
		}
		switch is["severity"] {
		case "info", "minor", "major", "critical", "blocker":
		default:
			t.Errorf("severity %v is not one of GitLab's", is["severity"])
		}
		loc := is["location"].(map[string]any)
		if begin := loc["lines"].(map[string]any)["begin"].(float64); begin < 1 {
			t.Errorf("line %v", begin)
		}
		fps[is["fingerprint"].(string)] = true
	}
	if len(fps) != len(issues) {
		t.Errorf("fingerprints not distinct")
	}
	first := issues[0]
	if first["check_name"] != "CPL-EXCH-15D" || first["severity"] != "critical" || first["location"].(map[string]any)["lines"].(map[string]any)["begin"].(float64) != 3 {
		t.Errorf("first issue %v", first)
	}
	// The docx finding names its place in words, not as a line.
	found := false
	for _, is := range issues {
		if strings.Contains(is["description"].(string), "table 2 row 4 col 2") {
			found = true
		}
	}
	if !found {
		t.Errorf("the docx finding's place is not in its description")
	}
	// Moving a finding down a line keeps its fingerprint.
	r.Documents[0].Findings[0].Line = 30
	var moved []map[string]any
	if err := json.Unmarshal(render(t, "codeclimate", r), &moved); err != nil {
		t.Fatal(err)
	}
	if moved[0]["fingerprint"] != first["fingerprint"] {
		t.Errorf("the fingerprint follows the line")
	}
}
