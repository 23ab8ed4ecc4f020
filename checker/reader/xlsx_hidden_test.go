package reader

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A hidden sheet (an old version, workings) is left out, with a warning,
// unless --hidden-sheets asks for it; the visible sheet keeps its table
// number either way.
func TestXlsxHiddenSheets(t *testing.T) {
	wb := excelize.NewFile()
	if err := wb.SetSheetName("Sheet1", "旧版"); err != nil {
		t.Fatal(err)
	}
	if _, err := wb.NewSheet("偏离表"); err != nil {
		t.Fatal(err)
	}
	for cell, v := range map[string]string{"旧版!A1": "项目", "旧版!B1": "响应", "旧版!A2": "质保", "旧版!B2": "质保一年",
		"偏离表!A1": "项目", "偏离表!B1": "响应", "偏离表!A2": "质保", "偏离表!B2": "质保五年"} {
		sheet, ref, _ := strings.Cut(cell, "!")
		if err := wb.SetCellStr(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	wb.SetActiveSheet(1)
	if err := wb.SetSheetVisible("旧版", false); err != nil {
		t.Fatal(err)
	}
	buf, err := wb.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	src, err := Parse("b.xlsx", buf.Bytes(), "xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	equalLines(t, describe(src), []string{"cell 2.1.1|项目|偏离表!A1", "cell 2.1.2|响应|偏离表!B1", "cell 2.2.1|质保|偏离表!A2", "cell 2.2.2|质保五年|偏离表!B2"})
	if len(src.Warnings) != 1 || !strings.Contains(src.Warnings[0], `hidden sheet "旧版" left out (read it with --hidden-sheets)`) {
		t.Errorf("warnings %q", src.Warnings)
	}
	all, err := Parse("b.xlsx", buf.Bytes(), "xlsx", Options{HiddenSheets: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := describe(all); len(got) != 8 || got[3] != "cell 1.2.2|质保一年|旧版!B2" {
		t.Errorf("with hidden sheets: %q", got)
	}
}
