package compare

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/xuri/excelize/v2"
)

// procureArgs: the procurement issue's tender (testdata/procure) and its
// three bids in 偏离表 form, the tender audited too.
var procureArgs = []string{"--audit-tender", "--tender", "testdata/procure/tender.txt",
	"testdata/procure/bid_a_meets.md", "testdata/procure/bid_b_negative.md", "testdata/procure/bid_c_false.md"}

func compareProcure(t *testing.T, extra ...string) (string, string, int) {
	t.Helper()
	return execute(t, append(extra, procureArgs...)...)
}

// The committee's workbook, read back: sheets, title, bidders, verdicts
// and their fills, ★ rows, the claim in a bid's sheet, the tender's
// finding, footers below the filter range, print setup.
func TestProcurementWorkbook(t *testing.T) {
	chdirRoot(t)
	xlsx := filepath.Join(t.TempDir(), "评审.xlsx")
	if _, stderr, code := compareProcure(t, "-q", "-o", xlsx); code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "对比,1 北京恒信科技有限公司,2 华远系统集成有限公司,3 瑞丰信息技术股份有限公司,招标文件问题" {
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
		id, _ := f.GetCellStyle(sheet, ref)
		st, err := f.GetStyle(id)
		if err != nil || st == nil || len(st.Fill.Color) == 0 {
			return ""
		}
		return st.Fill.Color[0]
	}
	for ref, want := range map[string]string{
		"A1": "某市数据中心运维设备采购项目 售后服务条款评审表",
		"E3": "北京恒信科技有限公司", "F3": "华远系统集成有限公司", "G3": "瑞丰信息技术股份有限公司",
		"D4": "评审结论 verdict", "E4": "满足", "F4": "可能无效", "G4": "可能无效",
		"A6": "编号 id", "E6": "北京恒信科技有限公司",
		"A7": "R1", "B7": "★", "C7": "保修期 ≥ 3年", "F7": "✗ 不满足 2年\n投标人称：负偏离",
		"B9": "★", "G9": "≠ 与声明矛盾 8小时\n投标人称：无偏离", "B11": "", "B21": "★",
	} {
		if got := cell("对比", ref); got != want {
			t.Errorf("对比!%s = %q, want %q", ref, got, want)
		}
	}
	if got := cell("对比", "A2"); !strings.Contains(got, "项目编号：SZCG-2026-0815") || !strings.Contains(got, "实质性 ★ 5 条") {
		t.Errorf("对比!A2 = %q", got)
	}
	for ref, want := range map[string]string{"E4": "C6EFCE", "F4": "FF7C80", "E7": "C6EFCE", "F7": "FFC7CE", "G9": "F4B084"} {
		if got := fill("对比", ref); got != want {
			t.Errorf("对比!%s fill %q, want %q", ref, got, want)
		}
	}
	// Filter range: the header row and the 15 requirements, nothing else;
	// print titles: the bidder, verdict, count and header rows.
	defined := map[string]string{}
	for _, n := range f.GetDefinedName() {
		defined[n.Scope+"|"+n.Name] = n.RefersTo
	}
	for key, want := range map[string]string{
		"对比|_xlnm._FilterDatabase": "'对比'!$A$6:$G$21",
		"对比|_xlnm.Print_Titles":    "'对比'!$3:$6",
	} {
		if got := defined[key]; got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	area := defined["对比|_xlnm.Print_Area"]
	if !strings.HasPrefix(area, "'对比'!$A$1:$G$") {
		t.Errorf("print area %q", area)
	}
	rows, _ := f.GetRows("对比")
	text := ""
	for _, r := range rows[21:] {
		text += strings.Join(r, " ") + "\n"
	}
	for _, s := range []string{"★ 实质性要求", "testdata/procure/bid_a_meets.md", "招标文件自身的问题 1 项", "评审人：", "日期："} {
		if !strings.Contains(text, s) {
			t.Errorf("below the matrix lacks %q:\n%s", s, text)
		}
	}
	layout, err := f.GetPageLayout("对比")
	if err != nil || layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 || layout.FitToHeight == nil || *layout.FitToHeight != 0 {
		t.Errorf("page layout %+v %v", layout, err)
	}
	props, _ := f.GetSheetProps("对比")
	if props.FitToPage == nil || !*props.FitToPage {
		t.Error("the matrix does not fit to the page width")
	}
	// A bid's sheet: status in Chinese and as an id, the claim, the evidence.
	const c3 = "3 瑞丰信息技术股份有限公司"
	for ref, want := range map[string]string{
		"A1": "瑞丰信息技术股份有限公司", "A3": "编号 id", "A6": "R3", "D6": "与声明矛盾", "E6": "contradicts",
		"F6": "8小时", "G6": "无偏离", "H6": "北京市内8小时内到达现场，其他地区24小时内到达现场",
	} {
		if got := cell(c3, ref); got != want {
			t.Errorf("%s!%s = %q, want %q", c3, ref, got, want)
		}
	}
	if defined[c3+"|_xlnm.Print_Titles"] != "'"+c3+"'!$3:$3" {
		t.Errorf("bid sheet print titles %q", defined[c3+"|_xlnm.Print_Titles"])
	}
	// The tender's own problem, in Chinese and by id.
	for ref, want := range map[string]string{"B4": "TND-DEPOSIT-2PCT", "C4": "错误", "D4": "error", "E4": "违规", "G4": "投标保证金"} {
		if got := cell("招标文件问题", ref); got != want {
			t.Errorf("招标文件问题!%s = %q, want %q", ref, got, want)
		}
	}
}

// SARIF: the tender's own finding and the bids' unmet or contradicted
// requirements, errors where substantive; valid against the 2.1.0 schema.
func TestProcurementSARIF(t *testing.T) {
	chdirRoot(t)
	out, stderr, code := compareProcure(t, "-f", "sarif")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	sf, err := os.Open(filepath.Join("testdata", "schema", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer sf.Close()
	doc, err := jsonschema.UnmarshalJSON(sf)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF does not validate: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
				Level  string `json:"level"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, r := range log.Runs[0].Results {
		got[r.RuleID+"/"+r.Level]++
	}
	// bid 2: the ★ warranty (error); 5×8 and three certifications (warnings);
	// bid 3: the ★ Beijing time contradicted (error); the tender's deposit.
	want := map[string]int{"TND-DEPOSIT-2PCT/error": 1, "CMP-UNMET/error": 1, "CMP-UNMET/warning": 4, "CMP-CONTRADICTS/error": 1}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d results, want %d (all: %v)", k, got[k], n, got)
		}
	}
}
