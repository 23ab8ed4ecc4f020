package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"shouhou/cmd"
)

// TestMain lets a test run this test binary as the shouhou command
// (SHOUHOU_RUN_MAIN=1), for what only a separate process shows: signals,
// a blocked open.
func TestMain(m *testing.M) {
	if os.Getenv("SHOUHOU_RUN_MAIN") == "1" {
		os.Exit(cmd.Execute())
	}
	os.Exit(m.Run())
}

// shouhou starts the command in a process of its own.
func shouhou(args ...string) *exec.Cmd {
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), "SHOUHOU_RUN_MAIN=1")
	return c
}

// TestOneOutputFailing: a report that cannot be written (a full disk)
// does not stop the others; the run says which and exits 2.
func TestOneOutputFailing(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	dir := t.TempDir()
	csv := filepath.Join(dir, "r.csv")
	_, stderr, code := run(t, "", "audit", "-o", "json:/dev/full", "-o", csv, "testdata/policies/bad_policy.txt")
	if code != 2 || !strings.Contains(stderr, "/dev/full") {
		t.Errorf("exit %d, stderr %q; want 2 naming /dev/full", code, stderr)
	}
	if b, err := os.ReadFile(csv); err != nil || !strings.Contains(string(b), "bad_policy.txt") {
		t.Errorf("csv report not written beside the failing one: %v", err)
	}
}

// TestSignalRemovesTemps: SIGTERM while reports are being written leaves
// the earlier reports as they were and no temporary files.
func TestSignalRemovesTemps(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	policy, err := os.ReadFile("testdata/policies/bad_policy.txt")
	if err != nil {
		t.Fatal(err)
	}
	// Enough documents that the run is still auditing when the signal comes.
	for i := range 400 {
		if err := os.WriteFile(filepath.Join(docs, strings.Repeat("p", 1+i%7)+string(rune('a'+i%26))+strings.Repeat("x", i/26)+".txt"), policy, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := filepath.Join(dir, "r.json")
	if err := os.WriteFile(old, []byte("old report"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := shouhou("audit", "-j", "1", "-q", "-o", old, "-o", filepath.Join(dir, "r.xlsx"), docs)
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait for the temporary files, then interrupt.
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(filepath.Join(dir, ".r.*.tmp")); len(m) > 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	_ = c.Process.Signal(syscall.SIGTERM)
	err = c.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 143 {
		t.Logf("exit: %v (the run may have finished first)", err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
	if b, _ := os.ReadFile(old); string(b) != "old report" && !strings.HasPrefix(string(b), "{") {
		t.Errorf("old report damaged: %.40q", b)
	}
}

// TestDocTimeout: a document over --doc-timeout is one error line naming
// the flag, and the batch goes on to the next.
func TestDocTimeout(t *testing.T) {
	out, stderr, code := run(t, "", "audit", "-f", "json", "--doc-timeout", "1ns", "testdata/policies/bad_policy.txt", "testdata/policies/clean_policy.md")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if n := strings.Count(stderr, "took longer than 1ns; raise --doc-timeout"); n != 2 {
		t.Errorf("%d timeout lines in %q, want 2", n, stderr)
	}
	if !strings.Contains(out, "clean_policy.md") {
		t.Error("the batch did not go on to the second document")
	}
	// The default leaves ordinary documents alone.
	if _, stderr, code := run(t, "", "audit", "-q", "--fail-on", "none", "testdata/policies/bad_policy.txt"); code != 0 {
		t.Errorf("default --doc-timeout: exit %d: %s", code, stderr)
	}
}

// TestMergeChecksShards: parts record their shard and the run's input
// count; merge refuses shards of different runs and an incomplete set,
// naming what is missing, unless --allow-partial.
func TestMergeChecksShards(t *testing.T) {
	dir := t.TempDir()
	part := func(shard string) string {
		p := filepath.Join(dir, strings.ReplaceAll(shard, "/", "of")+".jsonl")
		if _, stderr, code := run(t, "", "audit", "-q", "--fail-on", "none", "--shard", shard, "-f", "jsonl", "-o", p, "testdata/policies"); code != 0 {
			t.Fatalf("shard %s: exit %d: %s", shard, code, stderr)
		}
		return p
	}
	b, _ := os.ReadFile(part("1/2"))
	if !strings.Contains(string(b), `"shard":{"index":1,"of":2,"inputs":`) {
		t.Errorf("no shard record in the header: %.200s", b)
	}
	cases := []struct {
		parts []string
		want  string
	}{
		{[]string{part("1/2"), part("2/8")}, "parts of different runs"},
		{[]string{part("1/4"), part("2/4"), part("4/4")}, "incomplete set of shards: 3/4 missing"},
	}
	for _, c := range cases {
		if _, stderr, code := run(t, "", append([]string{"merge", "--fail-on", "none"}, c.parts...)...); code != 2 || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "--allow-partial") {
			t.Errorf("merge %v: exit %d, %q; want 2 and %q", c.parts, code, stderr, c.want)
		}
		if _, stderr, code := run(t, "", append([]string{"merge", "--fail-on", "none", "--allow-partial"}, c.parts...)...); code != 0 || !strings.Contains(stderr, "warning: ") || !strings.Contains(stderr, c.want) {
			t.Errorf("merge --allow-partial %v: exit %d, %q", c.parts, code, stderr)
		}
	}
	all := []string{part("1/3"), part("2/3"), part("3/3")}
	if _, stderr, code := run(t, "", append([]string{"merge", "--fail-on", "none"}, all...)...); code != 0 {
		t.Errorf("complete set: exit %d: %s", code, stderr)
	}
	if _, stderr, code := run(t, "", "merge", "/dev/zero"); code != 2 || !strings.Contains(stderr, "not a regular file") {
		t.Errorf("merge /dev/zero: exit %d, %q", code, stderr)
	}
}

// TestSpecialFilesForSettings: /dev/zero given where a settings file, a
// rulebook or a baseline goes is one clear error, not a read without end.
func TestSpecialFilesForSettings(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	for _, flag := range []string{"--config", "--rules", "--baseline"} {
		_, stderr, code := run(t, "", "audit", flag, "/dev/zero", "testdata/policies/bad_policy.txt")
		if code != 2 || !strings.Contains(stderr, "/dev/zero") || !strings.Contains(stderr, "not a regular file") {
			t.Errorf("%s /dev/zero: exit %d, %q", flag, code, stderr)
		}
	}
}

// TestSpecialFilesNamed: a named pipe (which would block the open) and a
// device named on the command line are refused without being read, and
// the batch goes on.
func TestSpecialFilesNamed(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	args := []string{"audit", "-f", "json", fifo}
	if _, err := os.Stat("/dev/zero"); err == nil {
		args = append(args, "/dev/zero")
	}
	args = append(args, "testdata/policies/bad_policy.txt")
	done := make(chan struct{})
	var out, stderr string
	go func() {
		out, stderr, _ = run(t, "", args...)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("blocked on a named pipe")
	}
	if !strings.Contains(stderr, "a named pipe (FIFO), not a regular file: refused") || !strings.Contains(out, "bad_policy.txt") {
		t.Errorf("stderr %q", stderr)
	}
	if len(args) == 6 && !strings.Contains(stderr, "/dev/zero: a device, not a regular file: refused") {
		t.Errorf("/dev/zero: %q", stderr)
	}
}

// TestMaxSizeOverflow: a --max-size whose arithmetic would overflow is a
// usage error naming the largest size, never "empty file" or a silent
// default.
func TestMaxSizeOverflow(t *testing.T) {
	for _, size := range []string{"9223372036854775807", "8589934592G", "2GB"} {
		_, stderr, code := run(t, "", "audit", "--max-size", size, "testdata/policies/bad_policy.txt")
		if code != 2 || !strings.Contains(stderr, "over the largest size shouhou reads, 1024 MB") {
			t.Errorf("--max-size %s: exit %d, %q", size, code, stderr)
		}
	}
	if _, stderr, code := run(t, "", "audit", "-q", "--fail-on", "none", "--max-size", "1GB", "testdata/policies/bad_policy.txt"); code != 0 {
		t.Errorf("--max-size 1GB: exit %d, %q", code, stderr)
	}
}

// TestOutputToDevice: -o naming a device writes into it; renaming the
// temporary report over it (as root) would replace /dev/null with a file.
func TestOutputToDevice(t *testing.T) {
	st, err := os.Stat("/dev/null")
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Skip("no /dev/null device")
	}
	if _, stderr, code := run(t, "", "audit", "-q", "--fail-on", "none", "-o", "json:/dev/null", "testdata/policies/bad_policy.txt"); code != 0 {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if st, err := os.Stat("/dev/null"); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", st.Mode(), err)
	}
}
