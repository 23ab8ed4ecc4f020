package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"shouhou/lexicon/cnnum"
)

// align checks that the saved documents are the ones the labels were
// written on: every labelled fact's figure must appear on its line or
// within the few lines after it (as digits or Chinese numerals). The texts
// are not in the repository, so a fresh machine gathers them again from
// each label's source; this is how the gatherer knows the lines still fit.
// It returns the number of documents that do not fit.
func align(w io.Writer, docs string, labels []*Label, only string) int {
	bad := 0
	for _, l := range labels {
		if only != "" && l.ID != only {
			continue
		}
		p := filepath.Join(docs, l.File)
		lines, err := readLines(p)
		if err != nil {
			fmt.Fprintf(w, "%s\tMISSING\t%s (gather it from %s)\n", l.ID, p, l.Source)
			bad++
			continue
		}
		var misses []string
		fitted := 0
		for _, f := range l.Facts {
			if f.Line == 0 || f.Value == nil {
				continue
			}
			if figureNear(lines, f.Line, *f.Value) {
				fitted++
				continue
			}
			got := ""
			if f.Line-1 < len(lines) {
				got = clip(lines[f.Line-1])
			}
			misses = append(misses, fmt.Sprintf("    line %d: no %s (%s) near; the line reads %q", f.Line, num(f.Value), f.Topic, got))
		}
		maxLine := 0
		for _, group := range [][]LFind{l.Findings, l.Acceptable, l.Uncovered} {
			for _, f := range group {
				maxLine = max(maxLine, f.Line)
			}
		}
		if maxLine > len(lines) {
			misses = append(misses, fmt.Sprintf("    a finding is labelled at line %d but the document has %d lines", maxLine, len(lines)))
		}
		status := "ok"
		if len(misses) > 0 {
			status = "MISFIT"
			bad++
		}
		fmt.Fprintf(w, "%s\t%s\t%d/%d figures on their lines, %d lines\n", l.ID, status, fitted, fitted+len(misses), len(lines))
		for _, m := range misses {
			fmt.Fprintln(w, m)
		}
	}
	return bad
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out, sc.Err()
}

// figureNear tells whether value is written on line (1-based) or on one of
// the three lines after it.
func figureNear(lines []string, line int, value float64) bool {
	for i := line - 1; i < line+3 && i < len(lines); i++ {
		if i < 0 {
			continue
		}
		rs := []rune(strings.ReplaceAll(lines[i], ",", ""))
		for j := 0; j < len(rs); j++ {
			if !cnnum.IsNumeralRune(rs[j]) {
				continue
			}
			v, n := cnnum.Scan(rs[j:])
			if n > 0 && (math.Abs(v-value) < 1e-6 || math.Abs(v*10000-value) < 1e-6) {
				return true
			}
		}
	}
	return false
}
