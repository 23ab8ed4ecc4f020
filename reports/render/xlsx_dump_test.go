package render

import (
	"shouhou/reports"

	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shouhou/internal/xlsxdump"
)

// TestXLSXDump compares what the audit workbook shows, cell by cell
// (values, fills, fonts, alignment, links, heights, widths, panes, filters,
// print settings), with the golden dump: the workbook is written as a
// stream, and this is what says it still looks as it did when excelize
// held it all in memory (the golden was made by that writer).
func TestXLSXDump(t *testing.T) {
	many := fixture()
	base := many.Documents[0]
	for i := range 40 {
		d := base
		d.Path = fmt.Sprintf("docs/文件 %02d & 'x'.txt", i)
		many.Documents = append(many.Documents, d)
	}
	many.Summary = reports.Summary{}
	for _, d := range many.Documents {
		many.Summary.Add(d)
	}
	empty := fixture()
	empty.Documents = nil
	empty.Summary = reports.Summary{}
	for _, c := range []struct {
		name string
		r    *reports.Report
	}{{"fixture", fixture()}, {"many", many}, {"empty", empty}} {
		t.Run(c.name, func(t *testing.T) {
			var wb bytes.Buffer
			if err := WriteXLSX(&wb, c.r); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := xlsxdump.Dump(&got, wb.Bytes()); err != nil {
				t.Fatal(err)
			}
			// The links are absolute: the checkout's place is not the golden's.
			here := strings.TrimSuffix(fileURL("x"), "x")
			dump := bytes.ReplaceAll(got.Bytes(), []byte(here), []byte("file:///CHECKOUT/"))
			golden := filepath.Join("..", "..", "testdata", "golden", "reports", "xlsx-"+c.name+".dump.txt")
			if *update {
				if err := os.WriteFile(golden, dump, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(dump, want) {
				t.Errorf("the workbook shows something else than %s; run go test ./reports/render -args -update and review the diff\ngot:\n%s", golden, dump)
			}
		})
	}
}
