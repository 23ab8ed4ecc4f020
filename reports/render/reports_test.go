package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/xuri/excelize/v2"

	"shouhou/reports"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden/reports")

func ptr[T any](v T) *T { return &v }

// fixture is a small report with every shape a renderer meets: a text
// document with an error, a warning and an info finding (one with
// characters XML cannot hold), a docx with a place in words, a missing
// finding, and an unreadable file.
func fixture() *reports.Report {
	r := &reports.Report{
		Schema: reports.AuditSchema, Tool: reports.Tool{Name: "shouhou", Version: "0.1.0"}, Rulebook: "builtin-test",
		Rules: []reports.RuleInfo{
			{ID: "CPL-EXCH-15D", Title: "换货期限不得短于 15 日", Severity: "error", Topic: "exchange_window", Kinds: []reports.Kind{reports.Policy},
				Basis: []string{"部分商品修理更换退货责任规定 第十条"}, Fix: "写明十五日内可换货。", Bad: []string{"十日内可换货"}, Good: []string{"十五日内可换货"}},
			{ID: "CPL-BLANK", Title: "模板空白未填写", Severity: "warning", Topic: "placeholder", Kinds: []reports.Kind{reports.Policy, reports.Tender},
				Basis: []string{"消费者权益保护法 第二十六条"}},
			{ID: "CPL-REQ-COMPLAINT", Title: "应写明投诉渠道", Severity: "warning", Topic: "complaint_channel", Kinds: []reports.Kind{reports.Policy},
				Basis: []string{"消费者权益保护法实施条例 第四十四条"}},
			{ID: "CPL-NOTE", Title: "提示", Severity: "info", Topic: "invoice", Kinds: []reports.Kind{reports.Policy}, Basis: []string{"x"}},
		},
		Documents: []reports.Document{
			{Path: "policies/a.txt", Kind: "policy", Encoding: "gb18030", Format: "text",
				Facts: []reports.Fact{{Topic: "exchange_window", Op: "<=", Value: ptr(10.0), Unit: "day", Text: "十日内可换货", Line: 3, Column: 5, Location: "line 3 col 5"}},
				Findings: []reports.Finding{
					{Rule: "CPL-EXCH-15D", Topic: "exchange_window", Severity: "error", Status: reports.Violation, Message: "换货期限 10日 短于法定 15日",
						Line: 3, Column: 5, Location: "line 3 col 5", Evidence: "收货后十日内可换货，", Basis: []string{"部分商品修理更换退货责任规定 第十条"}, Title: "换货期限不得短于 15 日", Fix: "写明十五日内可换货。",
						Related: []reports.Place{{Line: 1, Column: 1, Location: "line 1 col 1", Evidence: "换货政策"}}},
					{Rule: "CPL-BLANK", Topic: "placeholder", Severity: "warning", Status: reports.Unclear, Message: "模板空白未填写: ____",
						Line: 7, Column: 9, Location: "line 7 col 9", Evidence: "响应时间：____小时\x01\f|<b>", Basis: []string{"消费者权益保护法 第二十六条"}},
					{Rule: "CPL-NOTE", Topic: "invoice", Severity: "info", Status: reports.Violation, Message: "提示一条", Line: 8, Column: 1, Location: "line 8 col 1", Evidence: "发票", Basis: []string{"x"}},
				}},
			{Path: "bids/b.docx", Kind: "policy", Encoding: "utf-8", Format: "docx",
				Facts: []reports.Fact{{Topic: "warranty_period", Op: ">=", Value: ptr(3.0), Unit: "year", Text: "质保不少于三年", Line: 8, Column: 4, Location: "table 1 row 2 col 3"}},
				Findings: []reports.Finding{
					{Rule: "CPL-REQ-COMPLAINT", Topic: "complaint_channel", Severity: "warning", Status: reports.Missing, Message: "未写明投诉渠道", Basis: []string{"消费者权益保护法实施条例 第四十四条"}},
					{Rule: "CPL-EXCH-15D", Topic: "exchange_window", Severity: "error", Status: reports.Violation, Message: "换货期限 7日 短于法定 15日",
						Line: 12, Column: 3, Location: "table 2 row 4 col 2", Evidence: "7日内换货", Basis: []string{"部分商品修理更换退货责任规定 第十条"}},
				}},
			{Path: "bids/c.pdf", Facts: []reports.Fact{}, Findings: []reports.Finding{}, Error: ptr("no text layer (a scanned PDF?): run OCR on it first")},
		},
	}
	for _, d := range r.Documents {
		r.Summary.Add(d)
	}
	return r
}

func render(t *testing.T, format FormatName, r *reports.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, r, Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Golden files for the text formats people read: markdown, csv, github.
func TestGolden(t *testing.T) {
	for _, c := range []struct {
		format FormatName
		file   string
	}{
		{"markdown", "report.md"}, {"csv", "report.csv"}, {"github", "report.github.txt"}, {"table", "report.table.txt"}, {"jsonl", "report.jsonl"},
	} {
		t.Run(string(c.format), func(t *testing.T) {
			got := render(t, c.format, fixture())
			golden := filepath.Join("..", "..", "testdata", "golden", "reports", c.file)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./reports/render -args -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s; run go test ./reports/render -args -update and review the diff\ngot:\n%s", c.format, golden, got)
			}
		})
	}
}

func TestXLSX(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(render(t, "xlsx", fixture())))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "概览,问题清单,事实" {
		t.Fatalf("sheets %s", got)
	}
	cell := func(sheet, ref string) string {
		t.Helper()
		v, err := f.GetCellValue(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	fill := func(sheet, ref string) string {
		t.Helper()
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Fill.Color) == 0 {
			return ""
		}
		return st.Fill.Color[0]
	}
	// 概览: a row per document, counts by severity and status, the reason
	// for an unreadable one, totals and the rulebook.
	for ref, want := range map[string]string{
		"A1": "文件 file", "A2": "policies/a.txt", "E2": "1", "F2": "1", "G2": "1", "H2": "2", "J2": "1",
		"A3": "bids/b.docx", "I3": "1", "A4": "bids/c.pdf", "L4": "no text layer (a scanned PDF?): run OCR on it first",
		"E5": "2", "F5": "2", "L5": "1 个无法读取 unreadable", "A8": "规则库 rulebook: builtin-test",
	} {
		if got := cell(SheetOverview, ref); got != want {
			t.Errorf("概览!%s = %q, want %q", ref, got, want)
		}
	}
	if fill(SheetOverview, "A4") != "FFC7CE" {
		t.Errorf("an unreadable document's row should be filled red")
	}
	// 问题清单: one row per finding with everything a lawyer filters on.
	for ref, want := range map[string]string{
		"A2": "policies/a.txt", "B2": "line 3 col 5", "C2": "CPL-EXCH-15D", "D2": "错误", "E2": "违规", "L2": "error", "M2": "violation", "N2": "exchange_window", "K2": "换货期限",
		"F2": "换货期限 10日 短于法定 15日", "G2": "收货后十日内可换货，", "H2": "部分商品修理更换退货责任规定 第十条", "I2": "写明十五日内可换货。",
		"D3": "警告", "D4": "提示", "B5": "全文 whole document", "E5": "缺失", "M5": "missing", "B6": "table 2 row 4 col 2",
	} {
		if got := cell(SheetFindings, ref); got != want {
			t.Errorf("问题清单!%s = %q, want %q", ref, got, want)
		}
	}
	for ref, want := range map[string]string{"D2": "FFC7CE", "D3": "FFEB9C", "D4": "DDEBF7"} {
		if got := fill(SheetFindings, ref); got != want {
			t.Errorf("问题清单!%s fill %q, want %q", ref, got, want)
		}
	}
	if id, _ := f.GetCellStyle(SheetFindings, "G2"); true {
		if st, _ := f.GetStyle(id); st == nil || st.Alignment == nil || !st.Alignment.WrapText {
			t.Error("evidence should wrap")
		}
	}
	ok, link, err := f.GetCellHyperLink(SheetFindings, "A2")
	if err != nil || !ok || !strings.HasPrefix(link, "file:///") || !strings.HasSuffix(link, "/policies/a.txt") {
		t.Errorf("file hyperlink: %v %q %v", ok, link, err)
	}
	panes, err := f.GetPanes(SheetFindings)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header row should be frozen: %+v %v", panes, err)
	}
	// The autofilter is a defined name Excel writes for it.
	names := f.GetDefinedName()
	filtered := map[string]bool{}
	for _, n := range names {
		if n.Name == "_xlnm._FilterDatabase" {
			filtered[n.Scope] = true
		}
	}
	for _, s := range []string{SheetOverview, SheetFindings, SheetFacts} {
		if !filtered[s] {
			t.Errorf("sheet %s has no autofilter (defined names %+v)", s, names)
		}
	}
	// Printing: the header row on every page, A4 landscape, one page wide.
	titles := ""
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == SheetFindings {
			titles = n.RefersTo
		}
	}
	if titles != "'问题清单'!$1:$1" {
		t.Errorf("问题清单 print titles %q", titles)
	}
	if l, err := f.GetPageLayout(SheetFindings); err != nil || l.Orientation == nil || *l.Orientation != "landscape" || l.FitToWidth == nil || *l.FitToWidth != 1 {
		t.Errorf("问题清单 page layout %+v %v", l, err)
	}
	// 事实: every fact with its place and value.
	for ref, want := range map[string]string{"C2": "换货期限", "K2": "exchange_window", "D2": "<=", "E2": "10", "G2": "day", "B3": "table 1 row 2 col 3", "E3": "3"} {
		if got := cell(SheetFacts, ref); got != want {
			t.Errorf("事实!%s = %q, want %q", ref, got, want)
		}
	}
}

func TestSARIFValidates(t *testing.T) {
	out := render(t, "sarif", fixture())
	schemaFile := filepath.Join("..", "..", "testdata", "schema", "sarif-schema-2.1.0.json")
	sf, err := os.Open(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer sf.Close()
	doc, err := jsonschema.UnmarshalJSON(sf)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF does not validate: %v", err)
	}
	// A schema accepts much; check what code scanning needs.
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID   string `json:"id"`
						Help struct {
							Text string `json:"text"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
					Logical []struct {
						Name string `json:"fullyQualifiedName"`
					} `json:"logicalLocations"`
				} `json:"locations"`
				Fingerprints map[string]string `json:"partialFingerprints"`
				Related      []struct {
					ID       int `json:"id"`
					Physical struct {
						Region *struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"relatedLocations"`
			} `json:"results"`
			Invocations []struct {
				Success       bool `json:"executionSuccessful"`
				Notifications []struct {
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if log.Version != "2.1.0" || len(run.Tool.Driver.Rules) != 4 || !strings.Contains(run.Tool.Driver.Rules[0].Help.Text, "依据 basis: 部分商品修理更换退货责任规定 第十条") {
		t.Errorf("rules: %+v", run.Tool.Driver.Rules)
	}
	if len(run.Results) != 5 {
		t.Fatalf("%d results, want 5", len(run.Results))
	}
	first := run.Results[0]
	if first.RuleID != "CPL-EXCH-15D" || first.Level != "error" || first.Locations[0].Physical.Artifact.URI != "policies/a.txt" ||
		first.Locations[0].Physical.Region == nil || first.Locations[0].Physical.Region.StartLine != 3 || first.Locations[0].Physical.Region.StartColumn != 5 ||
		first.Fingerprints["shouhou/v1"] == "" {
		t.Errorf("first result: %+v", first)
	}
	if len(first.Related) != 1 || first.Related[0].ID != 1 || first.Related[0].Physical.Region == nil ||
		first.Related[0].Physical.Region.StartLine != 1 || first.Related[0].Message.Text != "换货政策" {
		t.Errorf("first result's related locations: %+v", first.Related)
	}
	if run.Results[2].Level != "note" {
		t.Errorf("info should be a note, got %s", run.Results[2].Level)
	}
	docx := run.Results[4]
	if docx.Locations[0].Logical[0].Name != "table 2 row 4 col 2" || run.Tool.Driver.Rules[docx.RuleIndex].ID != docx.RuleID {
		t.Errorf("docx result: %+v", docx)
	}
	inv := run.Invocations[0]
	if inv.Success || len(inv.Notifications) != 1 || !strings.Contains(inv.Notifications[0].Message.Text, "bids/c.pdf: no text layer") {
		t.Errorf("invocation: %+v", inv)
	}
}

func TestJUnitParsesBack(t *testing.T) {
	out := render(t, "junit", fixture())
	var suites junitSuites
	if err := xml.Unmarshal(out, &suites); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, out)
	}
	// a.txt: 4 policy rules, 2 failing (the info finding passes);
	// b.docx: 4 rules, 2 failing; c.pdf: one error.
	if suites.Tests != 9 || suites.Failures != 4 || suites.Errors != 1 || len(suites.Suites) != 3 {
		t.Errorf("tests %d failures %d errors %d suites %d", suites.Tests, suites.Failures, suites.Errors, len(suites.Suites))
	}
	a := suites.Suites[0]
	byName := map[string]junitCase{}
	for _, c := range a.Cases {
		byName[c.Name] = c
	}
	blank := byName["CPL-BLANK 模板空白未填写"]
	if blank.Failure == nil || blank.Failure.Type != "warning" || strings.ContainsAny(blank.Failure.Text, "\x01\f") || !strings.Contains(blank.Failure.Text, "|<b>") {
		t.Errorf("blank case: %+v", blank.Failure)
	}
	if c := byName["CPL-NOTE 提示"]; c.Failure != nil || !strings.Contains(c.SystemOut, "提示一条") {
		t.Errorf("info case should pass with its note: %+v", c)
	}
	if c := suites.Suites[2].Cases[0]; c.Name != "read" || c.Error == nil || c.Error.Type != "unreadable" {
		t.Errorf("unreadable case: %+v", c)
	}
}

func TestCSVReadsBack(t *testing.T) {
	out := render(t, "csv", fixture())
	if !bytes.HasPrefix(out, []byte("\ufeff")) {
		t.Error("csv should start with a BOM for Excel")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+5+1 || rows[1][2] != "CPL-EXCH-15D" || rows[6][4] != "error" {
		t.Errorf("rows: %q", rows)
	}
}

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	old := fixture()
	path := filepath.Join(dir, "old.json")
	if err := os.WriteFile(path, render(t, "json", old), 0o644); err != nil {
		t.Fatal(err)
	}
	jsonl := filepath.Join(dir, "old.jsonl")
	if err := os.WriteFile(jsonl, render(t, "jsonl", old), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, jsonl} {
		base, err := reports.LoadBaseline(p)
		if err != nil {
			t.Fatal(err)
		}
		now := fixture()
		d := now.Documents[0]
		// The document was edited: everything moved down two lines, the
		// blank's evidence changed only in spacing and punctuation, and a
		// new finding appeared.
		for i := range d.Findings {
			d.Findings[i].Line += 2
		}
		d.Findings[1].Evidence = "响应时间:  ____ 小时\x01\f|<b>"
		d.Findings = append(d.Findings, reports.Finding{Rule: "CPL-EXCH-15D", Severity: "error", Evidence: "五日内可换货", Line: 20})
		if n := base.Filter(&d); n != 3 || len(d.Findings) != 1 || d.Findings[0].Evidence != "五日内可换货" {
			t.Errorf("%s: filtered %d, left %+v", filepath.Base(p), n, d.Findings)
		}
		// The same finding twice is only excused once.
		again := now.Documents[0]
		again.Findings = []reports.Finding{now.Documents[0].Findings[0], now.Documents[0].Findings[0]}
		if n := base.Filter(&again); n != 0 || len(again.Findings) != 2 {
			t.Errorf("a known finding is excused once: filtered %d", n)
		}
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := reports.LoadBaseline(bad); err == nil || !strings.Contains(err.Error(), "is not a shouhou JSON or JSONL report") {
		t.Errorf("bad baseline: %v", err)
	}
	if _, err := reports.LoadBaseline(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "cannot read baseline") {
		t.Errorf("missing baseline: %v", err)
	}
}

func TestTableColour(t *testing.T) {
	var plain, colour bytes.Buffer
	if err := WriteTable(&plain, fixture(), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteTable(&colour, fixture(), Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain.Bytes(), []byte("\x1b[")) {
		t.Error("colour without Color")
	}
	for _, want := range []string{"\x1b[31m错误 error\x1b[0m", "\x1b[33m警告 warning\x1b[0m", "\x1b[36m提示 info\x1b[0m"} {
		if !strings.Contains(colour.String(), want) {
			t.Errorf("coloured table lacks %q", want)
		}
	}
}

func TestGitHubEscapes(t *testing.T) {
	if got := ghProperty("a:b,c%d\ne"); got != "a%3Ab%2Cc%25d%0Ae" {
		t.Errorf("property %q", got)
	}
	if got := ghData("50%\r\nx:y"); got != "50%25%0D%0Ax:y" {
		t.Errorf("data %q", got)
	}
}

func TestTerminalSafe(t *testing.T) {
	for in, want := range map[string]string{
		"售后/政策.txt":         "售后/政策.txt",
		"a\nb.txt":          `a\nb.txt`,
		"\x1b[31mred.txt":   `\x1b[31mred.txt`,
		"x\u202etxt.exe":    `x\u202etxt.exe`,
		"del\x7f\u0085.txt": `del\x7f\x85.txt`,
	} {
		if got := TerminalSafe(in); got != want {
			t.Errorf("TerminalSafe(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestXLSXPastHyperlinkLimit: a workbook with more rows than a worksheet
// may hold links is still written, its file names plain text.
func TestXLSXPastHyperlinkLimit(t *testing.T) {
	defer func(n int) { linkLimit = n }(linkLimit)
	linkLimit = 5
	r := &reports.Report{Schema: reports.AuditSchema}
	msg := "empty file"
	for i := range linkLimit + 1 {
		r.Documents = append(r.Documents, reports.Document{Path: fmt.Sprintf("d/%d.txt", i), Error: &msg})
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r); err != nil {
		t.Fatalf("past the hyperlink limit: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(SheetOverview, "A2"); v != "d/0.txt" {
		t.Errorf("A2 = %q", v)
	}
	if ok, _, _ := f.GetCellHyperLink(SheetOverview, "A2"); ok {
		t.Error("A2 is a link past the limit")
	}
	r.Documents = r.Documents[:linkLimit]
	buf.Reset()
	if err := WriteXLSX(&buf, r); err != nil {
		t.Fatal(err)
	}
	if f, err = excelize.OpenReader(&buf); err != nil {
		t.Fatal(err)
	}
	if ok, _, _ := f.GetCellHyperLink(SheetOverview, "A2"); !ok {
		t.Error("A2 is no link at the limit")
	}
}
