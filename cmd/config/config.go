// Package config reads .shouhou.yaml: a project's settings for audit, found
// from the working folder upward or named with --config. Command-line
// flags win over it.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"

	"shouhou/internal/bounded"
	"shouhou/rules"
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
	// Lines are the lines of the entries of rules.disable and
	// rules.severity ("rules.disable.CPL-BLANK"), for messages.
	Lines map[string]int `yaml:"-"`
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

// Load reads path. A mistake is an error that names the file, the line,
// the key and what it may be: an unknown key with the valid ones (and the
// nearest), a value that is not one of the choices.
func Load(path string) (*Config, error) {
	b, err := bounded.ReadFile(path, 4<<20)
	if err != nil {
		return nil, fmt.Errorf("cannot read config %s: %v", path, err)
	}
	c := &Config{Path: path, Lines: map[string]int{}}
	var root yaml.Node
	if err := yaml.Load(b, &root); err != nil {
		return nil, fmt.Errorf("%s: not valid YAML: %v", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if err := c.check(&root); err != nil {
		return nil, err
	}
	if err := yaml.Load(b, c); err != nil {
		return nil, fmt.Errorf("%s: %v", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	for i, f := range c.Rules.Files {
		if !filepath.IsAbs(f) {
			c.Rules.Files[i] = filepath.Join(filepath.Dir(path), f)
		}
	}
	return c, nil
}

// The keys of the file and the values they take.
var (
	topKeys    = []string{"rules", "category", "kind", "fail_on", "exclude"}
	ruleKeys   = []string{"files", "disable", "severity"}
	failOns    = []string{"error", "warning", "info", "none"}
	kinds      = []string{"policy", "tender", "bid"}
	severities = []string{"error", "warning", "info"}
)

// check walks the file's nodes before decoding, so each mistake is told
// with its line in the file's own terms.
func (c *Config) check(root *yaml.Node) error {
	errf := func(n *yaml.Node, format string, a ...any) error {
		return fmt.Errorf("%s:%d: %s (see docs/contract.md, \"Settings file\")", c.Path, n.Line, fmt.Sprintf(format, a...))
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil // an empty file
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return errf(top, "the file must be a mapping of keys (%s)", strings.Join(topKeys, ", "))
	}
	seq := func(key string, n *yaml.Node) error {
		if n.Kind != yaml.SequenceNode {
			return errf(n, "%s: a list is expected, e.g. %s: [a, b]", key, key)
		}
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode {
				return errf(item, "%s: each entry is a single value", key)
			}
			c.Lines[key+"."+item.Value] = item.Line
		}
		return nil
	}
	choice := func(key string, n *yaml.Node, valid []string) error {
		if n.Kind != yaml.ScalarNode || !slices.Contains(valid, n.Value) {
			return errf(n, "%s: %q is not one of %s%s", key, n.Value, strings.Join(valid, ", "), nearest(n.Value, valid))
		}
		return nil
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "rules":
			if v.Kind != yaml.MappingNode {
				return errf(v, "rules: a mapping is expected (%s)", strings.Join(ruleKeys, ", "))
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				rk, rv := v.Content[j], v.Content[j+1]
				switch rk.Value {
				case "files", "disable":
					if err := seq("rules."+rk.Value, rv); err != nil {
						return err
					}
				case "severity":
					if rv.Kind != yaml.MappingNode {
						return errf(rv, "rules.severity: a mapping of rule ids to %s is expected", strings.Join(severities, ", "))
					}
					for m := 0; m+1 < len(rv.Content); m += 2 {
						c.Lines["rules.severity."+rv.Content[m].Value] = rv.Content[m].Line
						if err := choice("rules.severity."+rv.Content[m].Value, rv.Content[m+1], severities); err != nil {
							return err
						}
					}
				default:
					return errf(rk, "unknown key %q under rules (valid: %s)%s", rk.Value, strings.Join(ruleKeys, ", "), nearest(rk.Value, ruleKeys))
				}
			}
		case "fail_on":
			if err := choice("fail_on", v, failOns); err != nil {
				return err
			}
		case "kind":
			if err := choice("kind", v, kinds); err != nil {
				return err
			}
		case "category":
			cats, err := rules.Categories()
			if err != nil {
				return err
			}
			if err := choice("category", v, rules.CategoryIDs(cats)); err != nil {
				return err
			}
		case "exclude":
			if err := seq("exclude", v); err != nil {
				return err
			}
		default:
			return errf(k, "unknown key %q (valid: %s)%s", k.Value, strings.Join(topKeys, ", "), nearest(k.Value, topKeys))
		}
	}
	return nil
}

func nearest(got string, valid []string) string {
	known := map[string]bool{}
	for _, v := range valid {
		known[v] = true
	}
	// fail-on and fail_on are one typo apart.
	return rules.Nearest(strings.ReplaceAll(got, "-", "_"), known)
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
