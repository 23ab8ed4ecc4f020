package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The corpus is deterministic for a seed, reaches its size, and mixes
// formats and encodings.
func TestCorpusIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the generator")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "gencorpus")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	gen := func(out string) map[string][]byte {
		cmd := exec.Command(bin, "-out", out, "-mb", "0.3", "-testdata", "../../testdata/policies", "-filler", "../../testdata/bench")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("gencorpus: %v\n%s", err, b)
		}
		files := map[string][]byte{}
		_ = filepath.Walk(out, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				b, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(out, p)
				files[rel] = b
			}
			return nil
		})
		return files
	}
	a, b := gen(filepath.Join(dir, "a")), gen(filepath.Join(dir, "b"))
	total, md, gbk := 0, 0, 0
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs with one seed", name)
		}
		total += len(data)
		switch filepath.Ext(name) {
		case ".md":
			md++
		}
		if !isUTF8(data) {
			gbk++
		}
	}
	if total < 300_000 || md == 0 || gbk == 0 || len(a) != len(b) {
		t.Errorf("%d files, %d bytes, %d markdown, %d GB18030", len(a), total, md, gbk)
	}
}

func isUTF8(b []byte) bool { return bytes.Equal([]byte(string([]rune(string(b)))), b) }
