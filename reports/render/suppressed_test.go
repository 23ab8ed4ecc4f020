package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shouhou/reports"
)

// withSuppressed is the fixture with one finding suppressed by a
// shouhou-ignore line and one left out by the baseline, as the audit
// lists them under --show-suppressed.
func withSuppressed() *reports.Report {
	r := fixture()
	d := &r.Documents[0]
	in := d.Findings[2]
	in.Suppressed = "法务已确认"
	base := d.Findings[1]
	d.Findings = d.Findings[:1]
	d.Suppressed = []reports.Finding{in}
	b := reports.BaselineOf([]reports.Document{{Path: d.Path, Findings: []reports.Finding{base}}})
	d.Findings = append(d.Findings, base)
	r.Summary = reports.Summary{}
	r.Summary.Baselined += b.Filter(d)
	for _, d := range r.Documents {
		r.Summary.Add(d)
	}
	return r
}

// TestSuppressedEverywhere: the summary counts suppressed and baselined
// findings apart; SARIF marks them inSource and external; csv and xlsx
// list them with the reason; the terminal and Markdown summaries count
// them.
func TestSuppressedEverywhere(t *testing.T) {
	r := withSuppressed()
	if r.Summary.Suppressed != 1 || r.Summary.Baselined != 1 || r.Summary.Findings.Warning != 1 {
		t.Fatalf("summary %+v", r.Summary)
	}

	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []struct {
					Kind          string `json:"kind"`
					Justification string `json:"justification"`
				} `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, "sarif", r), &log); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, res := range log.Runs[0].Results {
		for _, s := range res.Suppressions {
			kinds[res.RuleID] = s.Kind + ":" + s.Justification
		}
	}
	if kinds["CPL-NOTE"] != "inSource:法务已确认" || !strings.HasPrefix(kinds["CPL-BLANK"], "external:") || len(kinds) != 2 {
		t.Errorf("SARIF suppressions %v", kinds)
	}

	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(render(t, "csv", r), []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, row := range rows[1:] {
		got[row[2]] += row[13] + ";"
	}
	if got["CPL-NOTE"] != "suppressed: 法务已确认;" || got["CPL-BLANK"] != "baselined;" || rows[0][13] != "suppressed" {
		t.Errorf("csv suppressed column %v", got)
	}

	f, err := excelize.OpenReader(bytes.NewReader(render(t, "xlsx", r)))
	if err != nil {
		t.Fatal(err)
	}
	xrows, _ := f.GetRows(SheetFindings)
	var statuses []string
	for _, row := range xrows[1:] {
		if len(row) > 12 && row[0] == "policies/a.txt" {
			statuses = append(statuses, row[2]+"="+row[12]+"/"+row[4]) // status id, and in Chinese
		}
	}
	if strings.Join(statuses, ",") != "CPL-EXCH-15D=violation/违规,CPL-NOTE=suppressed: 法务已确认/已忽略：法务已确认,CPL-BLANK=baselined/基线已有" {
		t.Errorf("xlsx findings of a.txt: %v", statuses)
	}

	for _, format := range []FormatName{"stylish", "table"} {
		if out := string(render(t, format, r)); !strings.Contains(out, "1 个已忽略，1 个基线已有") || !strings.Contains(out, "1 suppressed, 1 baselined") {
			t.Errorf("%s summary lacks the counts:\n%s", format, out)
		}
	}
	if md := string(render(t, "markdown", r)); !strings.Contains(md, "1 findings are suppressed") || !strings.Contains(md, "1 findings already in the baseline") {
		t.Errorf("markdown summary lacks the counts:\n%s", md)
	}
}

// TestHTMLListsSuppressed: with --show-suppressed the page lists them
// apart from the findings, with the reason, and never highlights them.
func TestHTMLListsSuppressed(t *testing.T) {
	r := withSuppressed()
	page := string(render(t, "html", r))
	if n := strings.Count(page, `<li class="suppressed"`); n != 2 {
		t.Errorf("%d suppressed items, want 2", n)
	}
	if !strings.Contains(page, "理由：法务已确认") || !strings.Contains(page, "基线中已有") {
		t.Errorf("the reasons are not on the page")
	}
	want := r.Summary.Findings.Error + r.Summary.Findings.Warning + r.Summary.Findings.Info
	if n := strings.Count(page, `<li class="finding`); n != want {
		t.Errorf("%d findings listed, want %d", n, want)
	}
}
