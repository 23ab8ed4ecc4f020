// Package config reads .shouhou.yaml: a project's settings for audit, found
// from the working folder upward or named with --config. Command-line
// flags win over it.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v4"

	"shouhou/internal/bounded"
)

// Name is the file searched for.
const Name = ".shouhou.yaml"

// Config is the file's content.
type Config struct {
	Rules struct {
		Files    []string          `yaml:"files"`    // user rulebooks, relative to the config file
		Disable  []string          `yaml:"disable"`  // rule ids not to run
		Severity map[string]string `yaml:"severity"` // rule id -> error, warning, info
	} `yaml:"rules"`
	Category string   `yaml:"category"`
	Kind     string   `yaml:"kind"`
	FailOn   string   `yaml:"fail_on"`
	Exclude  []string `yaml:"exclude"`

	// Path is where the file was found.
	Path string `yaml:"-"`
}

// Find returns the nearest .shouhou.yaml from dir upward, or "".
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, Name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load reads path; unknown keys are errors that name the line.
func Load(path string) (*Config, error) {
	b, err := bounded.ReadFile(path, 4<<20)
	if err != nil {
		return nil, fmt.Errorf("cannot read config %s: %v", path, err)
	}
	c := &Config{Path: path}
	if err := yaml.Load(b, c, yaml.WithKnownFields()); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	for i, f := range c.Rules.Files {
		if !filepath.IsAbs(f) {
			c.Rules.Files[i] = filepath.Join(filepath.Dir(path), f)
		}
	}
	return c, nil
}

// For returns the config to use: the file named (which must exist), else
// the one found from the working folder, else nil.
func For(named string) (*Config, error) {
	if named != "" {
		return Load(named)
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, errors.New("cannot tell the working folder to look for " + Name)
	}
	if p := Find(wd); p != "" {
		return Load(p)
	}
	return nil, nil
}
