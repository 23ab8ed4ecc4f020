package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The CI examples in docs/ and the pre-commit hook run shouhou with flags
// that exist: each audit command line they hold is run here, on a shipped
// policy, and must not be a usage error.
func TestCIExamplesRun(t *testing.T) {
	dir := t.TempDir()
	for _, file := range []string{"docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml", ".pre-commit-hooks.yaml"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(string(b), "\\\n", " ")
		found := 0
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
			i := strings.Index(line, "shouhou audit")
			if strings.HasPrefix(line, "#") || i < 0 {
				if j := strings.Index(line, `shouhou" audit`); j >= 0 && !strings.HasPrefix(line, "#") {
					i, line = j, strings.Replace(line, `shouhou" audit`, "shouhou audit", 1)
				} else {
					continue
				}
			}
			found++
			args := strings.Fields(line[i+len("shouhou "):])
			for k, a := range args {
				a = strings.Trim(a, `"`)
				a = strings.ReplaceAll(a, "$GITHUB_STEP_SUMMARY", filepath.Join(dir, "summary.md"))
				if a == "$DOCS" {
					a = "testdata/policies/bad_policy.txt"
				}
				if strings.Contains(a, ":") && !strings.Contains(a, ":-") || strings.HasSuffix(a, ".sarif") || strings.HasSuffix(a, ".xlsx") || strings.HasSuffix(a, ".md") && !strings.HasPrefix(a, "testdata") {
					if f, p, ok := strings.Cut(a, ":"); ok {
						a = f + ":" + filepath.Join(dir, filepath.Base(p))
					} else {
						a = filepath.Join(dir, a)
					}
				}
				args[k] = a
			}
			if args[len(args)-1] == "--quiet" { // the pre-commit entry: files are appended
				args = append(args, "testdata/policies/bad_policy.txt")
			}
			_, stderr, code := run(t, "", args...)
			if code != 1 {
				t.Errorf("%s: %v: exit %d, want 1 (findings): %s", file, args, code, stderr)
			}
		}
		if found == 0 {
			t.Errorf("%s runs no shouhou audit", file)
		}
	}
}

// TestCIExamplesSay: the GitHub example grants what SARIF upload needs on
// a private repository; the GitLab one writes a Code Quality report and no
// GitHub annotations; none pins a tag that does not exist.
func TestCIExamplesSay(t *testing.T) {
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	gh, gl, pc, readme := read("docs/ci/github-actions.yml"), read("docs/ci/gitlab-ci.yml"), read(".pre-commit-hooks.yaml"), read("README.md")
	for _, want := range []string{"actions: read", "security-events: write", "contents: read"} {
		if !strings.Contains(gh, want) {
			t.Errorf("github-actions.yml lacks %q", want)
		}
	}
	if !strings.Contains(gl, "-o codeclimate:gl-code-quality-report.json") || !strings.Contains(gl, "codequality: gl-code-quality-report.json") || strings.Contains(gl, "github:") {
		t.Errorf("gitlab-ci.yml: want a Code Quality report and no GitHub annotations:\n%s", gl)
	}
	for name, s := range map[string]string{".pre-commit-hooks.yaml": pc, "README.md": readme} {
		if strings.Contains(s, "rev: v0.1.0") {
			t.Errorf("%s pins rev v0.1.0, a tag that does not exist", name)
		}
	}
}
