package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFigureNear(t *testing.T) {
	lines := []string{
		"退换货说明",
		"签收后七日内可无理由退货",
		"整机保修一年，电池保修 6 个月",
		"预算金额：77.066万元",
		"",
		"十五日内可换货",
	}
	tests := []struct {
		line  int
		value float64
		want  bool
	}{
		{2, 7, true},      // Chinese numeral on the line itself
		{1, 7, true},      // on the next line
		{3, 6, true},      // digits among other figures
		{3, 1, true},      // 一年
		{4, 770660, true}, // 万 written out
		{2, 15, false},    // 十五 is four lines below line 2
		{3, 15, true},     // ...but three lines below line 3
		{2, 30, false},    // not there at all
		{9, 7, false},     // past the end
	}
	for _, tt := range tests {
		if got := figureNear(lines, tt.line, tt.value); got != tt.want {
			t.Errorf("figureNear(line %d, %v) = %v, want %v", tt.line, tt.value, got, tt.want)
		}
	}
}

func TestAlignReportsMisfitAndMissing(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("标题\n七日内退货\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	seven, thirty := 7.0, 30.0
	labels := []*Label{
		{ID: "a", File: "a.txt", Facts: []LFact{{Topic: "return_window", Value: &seven, Line: 2}}},
		{ID: "b", File: "a.txt", Facts: []LFact{{Topic: "return_window", Value: &thirty, Line: 2}}},
		{ID: "c", File: "gone.txt"},
	}
	var out bytes.Buffer
	if bad := align(&out, dir, labels, ""); bad != 2 {
		t.Errorf("align found %d bad documents, want 2 (b misfits, c missing):\n%s", bad, out.String())
	}
	for _, want := range []string{"a\tok\t1/1", "b\tMISFIT\t0/1", "c\tMISSING"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
