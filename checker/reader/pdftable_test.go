package reader

import (
	"strings"
	"testing"
)

// A 偏离表 printed to PDF (reportlab, no ruling lines) reads as a table:
// header row 1, each cell its own block, placed by page, table, row and
// column; the title above and the line below stay paragraphs.
func TestPDFTable(t *testing.T) {
	src, err := Parse("d.pdf", readTestdata(t, "formats/deviation_printed.pdf"), "pdf", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"paragraph|商务条款偏离表|page 1 line 1"}
	rows := [][]string{
		{"序号", "招标文件要求", "投标文件响应", "偏离情况"},
		{"1", "整机免费质保不少于三年", "整机免费质保五年", "正偏离"},
		{"2", "2小时内响应", "接到通知后1小时内响应", "正偏离"},
		{"3", "备件供应期不少于五年", "停产后备件供应期八年", "正偏离"},
	}
	for r, row := range rows {
		for c, text := range row {
			want = append(want, "cell 1."+itoa(r+1)+"."+itoa(c+1)+"|"+text+"|page 1 table 1 row "+itoa(r+1)+" col "+itoa(c+1))
		}
	}
	want = append(want, "paragraph|投标人：某某医疗科技有限公司|page 1 line 6")
	equalLines(t, describe(src), want)
}

// The tender .docx printed to PDF by LibreOffice: its table's cells come
// back with the wrapped lines of a cell joined in that cell, and the
// paragraphs after the table are lines of their own.
func TestPDFTablePrintedFromWord(t *testing.T) {
	src, err := Parse("t.pdf", readTestdata(t, "formats/tender_printed.pdf"), "pdf", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(describe(src), "\n")
	for _, want := range []string{
		"cell 1.1.3|要求|page 1 table 1 row 1 col 3",
		"cell 1.2.3|整机免费质保不少于三年，/自验收合格之日起计算。|page 1 table 1 row 2 col 3",
		"cell 1.3.3|接到故障通知后2小时内响/应/24小时内到达现场。|page 1 table 1 row 3 col 3",
		"cell 1.4.2|备件供应|page 1 table 1 row 4 col 2",
		"paragraph|质保期内免费上门维修，修复时间不超过48小时。|page 1 line 13",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
}

func itoa(n int) string { return string(rune('0' + n)) }

// FuzzFindTables feeds findTables rows of cells at arbitrary positions:
// every table it finds has at least two rows, one cell per column, and
// rows within the page.
func FuzzFindTables(f *testing.F) {
	f.Add([]byte{3, 10, 50, 90, 3, 10, 50, 90, 1, 50, 2, 10, 90, 1, 10})
	f.Fuzz(func(t *testing.T, b []byte) {
		var rows []pdfRow
		for i := 0; i < len(b); {
			n := int(b[i]%5) + 1
			i++
			row := pdfRow{size: 10}
			for k := 0; k < n && i < len(b); k++ {
				row.cells = append(row.cells, pdfCell{x: float64(b[i]), text: "x"})
				i++
			}
			if len(row.cells) > 0 {
				rows = append(rows, row)
			}
		}
		for _, tb := range findTables(rows) {
			if len(tb.cells) < 2 || tb.first < 0 || tb.last >= len(rows) || tb.first > tb.last || len(tb.lines) != len(tb.cells) {
				t.Fatalf("table %+v over %d rows", tb, len(rows))
			}
			for _, r := range tb.cells {
				if len(r) != len(tb.cells[0]) {
					t.Fatalf("ragged table %+v", tb)
				}
			}
		}
	})
}
