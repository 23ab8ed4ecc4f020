package audit

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"shouhou/checker/reader"
	"shouhou/reports"
)

// TestInboxOfMixedFormats is the acceptance case of the real-world-inputs issues: one
// command over a folder holding a .docx tender (商务要求 in a table), an
// .xlsx 偏离表, a GBK .txt policy, an .html page, a text PDF, a corrupt
// .docx, an empty file, the tender saved as Word 97–2003 .doc, a
// commitment in WPS's Word-compatible .wps (with a footnote) and a scanned
// PDF of the text PDF's pages. The readable ones give their facts with
// places a person can find, the .doc and the scan the same facts as the
// files they were made from; the bad ones get one line each; exit 2. The
// scanned PDF is read where OCR is installed, and refused with the
// packages to install elsewhere.
func TestInboxOfMixedFormats(t *testing.T) {
	out, stderr, code := execute(t, "", "--format", "json", "testdata/inbox")
	if code != 2 {
		t.Errorf("exit %d, want 2 (unreadable files)", code)
	}
	var r reports.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	ocrErr := reader.OCRAvailable()
	if ocrErr != nil && os.Getenv("CI") == "true" {
		t.Errorf("CI must read the scanned PDF: %v", ocrErr)
	}
	failed := 2
	wantLines := []string{
		"shouhou: testdata/inbox/06_corrupt.docx: not a readable .docx file: the zip container is damaged or truncated",
		"shouhou: testdata/inbox/07_empty.txt: empty file",
	}
	if ocrErr != nil {
		t.Logf("the scanned PDF's facts are not checked: %v", ocrErr)
		failed++
		wantLines = append(wantLines, "shouhou: testdata/inbox/10_commitment_scan.pdf: no text layer (a scanned PDF?): OCR needs")
	}
	if r.Summary.Documents != 10 || r.Summary.Failed != failed {
		t.Errorf("summary %+v, want 10 documents, %d failed", r.Summary, failed)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(wantLines) {
		t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(wantLines), stderr)
	}
	for i, want := range wantLines {
		if i < len(lines) && !strings.HasPrefix(lines[i], want) {
			t.Errorf("stderr line %d = %q, want it to start %q", i+1, lines[i], want)
		}
	}

	type fact struct{ topic, value, location string }
	want := map[string]struct {
		format, encoding string
		facts            []fact
	}{
		"01_tender.docx": {"docx", "utf-8", []fact{
			{"acceptance", "=?", "table 1 row 2 col 3"}, // 自验收合格之日起计算 (issue 15)
			{"warranty_period", ">=3year", "table 1 row 2 col 3"},
			{"response_time", "<=2hour", "table 1 row 3 col 3"},
			{"onsite_time", "<=24hour", "table 1 row 3 col 3"},
			{"spare_parts_period", ">=5year", "table 1 row 4 col 3"},
			{"repair_time", "<=48hour", "paragraph 17"},
			{"service_hours", "=168hour", "paragraph 18"}, // 7×24小时服务热线 (issue 15)
			{"upgrade_period", "=3year", "paragraph 20"},  // 软件免费升级期：三年 (issue 15)
		}},
		"02_deviation.xlsx": {"xlsx", "utf-8", []fact{
			{"warranty_period", ">=3year", "商务偏离表!B3"},
			{"warranty_period", "=5year", "商务偏离表!C3"},
			{"response_time", "<=2hour", "商务偏离表!B4"},
			{"response_time", "<=1hour", "商务偏离表!C4"},
			{"onsite_time", "<=4hour", "商务偏离表!C4"},
			{"spare_parts_period", ">=5year", "商务偏离表!B5"},
			{"spare_parts_period", "=8year", "商务偏离表!C5"},
			{"repair_time", "<=24hour", "声明!A3"},
		}},
		"03_policy_gbk.txt": {"text", "gb18030", []fact{
			{"return_window", "<=7day", "line 2 col 9"},
			{"exchange_window", "<=15day", "line 2 col 16"},
			{"warranty_period", "=1year", "line 3 col 7"},
			{"parts_warranty", "=3year", "line 3 col 16"},
			{"refund_time", "<=7day", "line 4 col 10"},
		}},
		"04_policy.html": {"html", "utf-8", []fact{
			{"return_window", "<=7day", "line 14 col 18"},
			{"exchange_window", "<=10day", "line 15 col 20"},
			{"warranty_period", "=1year", "line 19 col 20"},
			{"parts_warranty", "=3year", "line 20 col 21"},
		}},
		"05_commitment.pdf": {"pdf", "pdf", []fact{
			{"return_window", "<=7day", "page 1 line 3"},
			{"exchange_window", "<=15day", "page 1 line 3"},
			{"warranty_period", "=1year", "page 1 line 6"},
			{"parts_warranty", "=3year", "page 1 line 6"},
			{"response_time", "<=24hour", "page 1 line 9"},
			{"onsite_time", "<=48hour", "page 1 line 9"},
			{"repair_time", "<=15workday", "page 1 line 10"},
		}},
		"08_tender.doc": {"doc", "utf-16le", []fact{ // 01_tender.docx saved as .doc: the same facts
			{"acceptance", "=?", "table 1 row 2 col 3"},
			{"warranty_period", ">=3year", "table 1 row 2 col 3"},
			{"response_time", "<=2hour", "table 1 row 3 col 3"},
			{"onsite_time", "<=24hour", "table 1 row 3 col 3"},
			{"spare_parts_period", ">=5year", "table 1 row 4 col 3"},
			{"repair_time", "<=48hour", "paragraph 17"},
			{"service_hours", "=168hour", "paragraph 18"},
			{"upgrade_period", "=3year", "paragraph 20"},
		}},
		"09_commitment.wps": {"doc", "utf-16le", []fact{
			{"return_window", "<=7day", "paragraph 3"},
			{"exchange_window", "<=15day", "paragraph 3"},
			{"warranty_period", "=1year", "paragraph 5"},
			{"response_time", "<=24hour", "table 1 row 2 col 2"},
			{"onsite_time", "<=48hour", "table 1 row 3 col 2"},
			{"repair_time", "<=15workday", "paragraph 14"},
			{"parts_warranty", "=3year", "footnote 1"}, // 压缩机等主要部件: each listed part (issue 14)
			{"parts_warranty", "=3year", "footnote 1"},
		}},
	}
	if ocrErr == nil {
		// The scan of 05_commitment.pdf: the same facts at the same places.
		want["10_commitment_scan.pdf"] = want["05_commitment.pdf"]
	}
	for _, d := range r.Documents {
		if scanned := filepath.Base(d.Path) == "10_commitment_scan.pdf" && ocrErr == nil; d.OCR != scanned || scanned && len(d.OCRPages) != 2 {
			t.Errorf("%s: ocr %v pages %+v", d.Path, d.OCR, d.OCRPages)
		}
	}
	for _, d := range r.Documents {
		name := filepath.Base(d.Path)
		w, ok := want[name]
		if !ok {
			if d.Error == nil {
				t.Errorf("%s: read, want an error", name)
			}
			continue
		}
		if d.Error != nil {
			t.Errorf("%s: %s", name, *d.Error)
			continue
		}
		if d.Format != w.format || d.Encoding != w.encoding {
			t.Errorf("%s: format %s encoding %s, want %s %s", name, d.Format, d.Encoding, w.format, w.encoding)
		}
		var got []fact
		for _, f := range d.Facts {
			v := "?"
			if f.Value != nil {
				v = strconv.FormatFloat(*f.Value, 'f', -1, 64)
			}
			got = append(got, fact{string(f.Topic), f.Op + v + f.Unit, f.Location})
			if f.Line <= 0 || f.Column <= 0 {
				t.Errorf("%s: fact %s has no line/column", name, f.Topic)
			}
		}
		if len(got) != len(w.facts) {
			t.Errorf("%s: %d facts, want %d:\n got %v\nwant %v", name, len(got), len(w.facts), got, w.facts)
			continue
		}
		for i := range got {
			if got[i] != w.facts[i] {
				t.Errorf("%s fact %d = %v, want %v", name, i+1, got[i], w.facts[i])
			}
		}
	}
}
