package bounded

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(small, []byte("fail_on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadFile(small, 1<<20); err != nil || string(b) != "fail_on: warning\n" {
		t.Errorf("small file: %q %v", b, err)
	}
	if _, err := ReadFile(small, 4); err == nil || !strings.Contains(err.Error(), "over the") {
		t.Errorf("over the limit: %v", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		if _, err := ReadFile(fifo, 1<<20); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("fifo: %v", err)
		}
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := ReadFile("/dev/zero", 1<<20); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("/dev/zero: %v", err)
		}
	}
}
