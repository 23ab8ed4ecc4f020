package render

import (
	"shouhou/reports"

	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXOnePass checks the workbook's one-pass parts against excelize's
// own: links spliced at zip time against SetCellHyperLink on every cell,
// the extent recorded while writing against GetCols and GetRows.
func TestXLSXOnePass(t *testing.T) {
	many := fixture()
	base := many.Documents[0]
	for i := range 40 {
		d := base
		d.Path = fmt.Sprintf("docs/文件 %02d & 'x'.txt", i)
		many.Documents = append(many.Documents, d)
	}
	empty := fixture()
	empty.Documents = nil
	for name, r := range map[string]*reports.Report{"fixture": fixture(), "many": many, "empty": empty} {
		t.Run(name, func(t *testing.T) {
			// excelize's way: every link through SetCellHyperLink.
			f := excelize.NewFile()
			x := &book{f: f}
			x.overview(r)
			x.findings(r)
			x.facts(r)
			for sheet, l := range x.links {
				for i, cell := range l.cells {
					if err := f.SetCellHyperLink(sheet, cell, l.urls[i], "External"); err != nil {
						t.Fatal(err)
					}
				}
			}
			for _, sheet := range []string{SheetOverview, SheetFindings, SheetFacts} {
				cols, _ := f.GetCols(sheet)
				rows, _ := f.GetRows(sheet)
				if got, want := x.extent[sheet], [2]int{len(cols), len(rows)}; got != want {
					t.Errorf("%s: extent %v, excelize counts %v", sheet, got, want)
				}
				e := x.extent[sheet]
				x.printSetup(sheet, 1, 1, max(e[0], 1), max(e[1], 1))
			}
			f.SetActiveSheet(0)
			var want bytes.Buffer
			if err := f.Write(&want); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := WriteXLSX(&got, r); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("workbook differs from excelize's own hyperlinks (%d vs %d bytes)", got.Len(), want.Len())
			}
		})
	}
}
