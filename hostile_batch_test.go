package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"shouhou/checker"
	"shouhou/checker/reader"
	"shouhou/internal/hostile"
	"shouhou/reports"
	"shouhou/rules"
)

// TestHostileBatch runs the whole hostile set (internal/hostile) through
// one batch, with a FIFO, a deep folder and many small files beside it:
// the batch must end, every document must end as a result or as one
// error line with the reason its case expects, and nothing may panic.
// -short leaves out the biggest cases.
func TestHostileBatch(t *testing.T) {
	dir := t.TempDir()
	small := testing.Short() || raceBuild
	cases, err := hostile.Write(dir, small)
	if err != nil {
		t.Fatal(err)
	}
	// Folder-walk cases: a FIFO (passed over, never opened), a folder 60
	// deep, and many small files.
	fifo := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644) == nil
	deep := dir
	for i := range 60 {
		deep = filepath.Join(deep, fmt.Sprint("d", i))
	}
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(deep, "deep.txt"), []byte("整机保修一年。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	many := 300
	if small {
		many = 30
	}
	for i := range many {
		if err := os.WriteFile(filepath.Join(dir, "many", fmt.Sprintf("%04d.txt", i)), []byte("七日内可退货。\n"), 0o644); err != nil {
			if err := os.MkdirAll(filepath.Join(dir, "many"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "many", fmt.Sprintf("%04d.txt", i)), []byte("七日内可退货。\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	out := filepath.Join(t.TempDir(), "r.jsonl")
	done := make(chan struct{})
	var stderr string
	var code int
	start := time.Now()
	go func() {
		defer close(done)
		// No --doc-timeout: every document must end by itself (the timer
		// below catches one that does not).
		_, stderr, code = run(t, "", "audit", "-q", "-j", "2", "--doc-timeout", "0", "-f", "jsonl", "-o", out, dir)
	}()
	select {
	case <-done:
	case <-time.After(240 * time.Second):
		t.Fatal("the batch did not end")
	}
	t.Logf("batch of %d hostile documents and %d small files: %v", len(cases), many+1, time.Since(start).Round(time.Millisecond))
	if code != 2 {
		t.Errorf("exit %d, want 2 (some documents are unreadable)", code)
	}
	for line := range strings.Lines(stderr) {
		if strings.Contains(line, "panic") || strings.Contains(line, "internal error") || strings.Contains(line, "goroutine ") {
			t.Errorf("stderr: %s", line)
		}
	}
	docs := map[string]reports.Document{}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for sc.Scan() {
		var l reports.DocumentLine
		if json.Unmarshal(sc.Bytes(), &l) == nil && l.Document.Path != "" {
			docs[filepath.Base(l.Document.Path)] = l.Document
		}
	}
	if got, want := len(docs), len(cases)+many+1; got != want {
		t.Errorf("%d documents reported, want %d (every file accounted for, the FIFO %v passed over)", got, want, fifo)
	}
	if _, ok := docs["pipe.txt"]; ok {
		t.Error("the FIFO in the folder was read")
	}
	if _, ok := docs["deep.txt"]; !ok {
		t.Error("the file 60 folders deep is missing")
	}
	for _, c := range cases {
		d, ok := docs[c.Name]
		switch {
		case !ok:
			t.Errorf("%q: not in the report", c.Name)
		case c.Want == "" && d.Error != nil:
			t.Errorf("%q: error %q, want it read", c.Name, *d.Error)
		case c.Want != "" && d.Error == nil:
			t.Errorf("%q: read, want an error containing %q", c.Name, c.Want)
		case c.Want != "" && !strings.Contains(*d.Error, c.Want):
			t.Errorf("%q: error %q, want one containing %q", c.Name, *d.Error, c.Want)
		case d.Error != nil && strings.ContainsAny(*d.Error, "\n\r"):
			t.Errorf("%q: error of more than one line: %q", c.Name, *d.Error)
		}
	}
	for _, name := range []string{"name\nwith newline.txt", "name\x1b[31mwith-escape.txt"} {
		if strings.Contains(stderr, name) {
			t.Errorf("raw file name %q on stderr", name)
		}
	}
}

// TestHostileScaling: the time for a document is linear in its size,
// measured as ratios within this test (never wall-clock limits). It is a
// measurement, so it runs from scripts/bench.sh (SHOUHOU_SCALING=1), not in
// the unit tests: a shared machine can make any timed test fail. A 2 MB
// one-line document against 1 MB, and the one-line text against the same
// text with line breaks; the same for the other generators whose output
// used to be quadratic. Times are the process's CPU time, the best of two
// runs, and each ratio is measured twice before it fails.
func TestHostileScaling(t *testing.T) {
	if os.Getenv("SHOUHOU_SCALING") == "" {
		t.Skip("a timing measurement: scripts/bench.sh runs it (SHOUHOU_SCALING=1)")
	}
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	a := checker.New(book)
	// CPU time of the process (user and system), not wall time: the
	// machine running the tests may be shared, and waiting for a CPU is
	// not the document's cost.
	cpu := func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			t.Fatal(err)
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	audit := func(name string, b []byte) time.Duration {
		best := time.Duration(1 << 62)
		for range 2 {
			runtime.GC()
			start := cpu()
			src, err := reader.Parse(name, b, reader.Sniff(name, b), reader.Options{})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			a.Audit(src, "")
			best = min(best, cpu()-start)
		}
		return best
	}
	size := 1 << 20
	if testing.Short() || raceBuild {
		size = 256 << 10
	}
	repeat := func(s string) func(int) []byte {
		return func(n int) []byte { return []byte(strings.Repeat(s, n/len(s)+1)) }
	}
	cases := []struct {
		name     string
		make     func(int) []byte
		baseline func(int) []byte // same size, the ordinary form; nil: the half size
		max      float64
	}{
		{"one-line.txt", hostile.OneLine, nil, 3},
		{"one-line-vs-lines.txt", hostile.OneLine, hostile.Lines, 2.5},
		{"comma-ended.txt", repeat("商品售出后7日内可退货，\n"), nil, 3},
		{"list-yinian.txt", repeat("一年、"), nil, 3},
		{"money-yiwan.txt", repeat("壹万"), nil, 3},
		{"money-nine.txt", repeat("9,"), nil, 3},
		{"brackets.txt", repeat("（（（（商品售出后7日内可退货）"), nil, 3},
	}
	for _, c := range cases {
		var ratio float64
		for try := 0; try < 2; try++ {
			var small, big time.Duration
			if c.baseline != nil {
				small, big = audit(c.name, c.baseline(2*size)), audit(c.name, c.make(2*size))
			} else {
				small, big = audit(c.name, c.make(size)), audit(c.name, c.make(2*size))
			}
			ratio = float64(big) / float64(max(small, time.Millisecond))
			t.Logf("%s: %v against %v, ratio %.2f", c.name, big.Round(time.Millisecond), small.Round(time.Millisecond), ratio)
			if ratio <= c.max {
				break
			}
		}
		if ratio > c.max {
			t.Errorf("%s: ratio %.2f, over %.1f: not linear", c.name, ratio, c.max)
		}
	}
}
