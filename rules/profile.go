package rules

import (
	"embed"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"
)

//go:embed profiles/categories.yaml
var profileFS embed.FS

// Category is a product category's 三包 figures by part.
type Category struct {
	ID     string           `yaml:"id"`
	Name   string           `yaml:"name"`
	Detect []string         `yaml:"detect"`
	Basis  Basis            `yaml:"basis"`
	Parts  map[string]Limit `yaml:"parts"`
}

// Categories returns the embedded product-category profiles, general last.
func Categories() ([]Category, error) {
	b, err := profileFS.ReadFile("profiles/categories.yaml")
	if err != nil {
		return nil, err
	}
	var f struct {
		Categories []Category `yaml:"categories"`
	}
	if err := yaml.Load(b, &f, yaml.WithKnownFields()); err != nil {
		return nil, fmt.Errorf("profiles/categories.yaml: %v", err)
	}
	for _, c := range f.Categories {
		for part, l := range c.Parts {
			if l.Value <= 0 || !l.Unit.Valid() {
				return nil, fmt.Errorf("profiles/categories.yaml: %s %s: %v %s is not a positive duration", c.ID, part, l.Value, l.Unit)
			}
		}
		if c.Basis.Law == "" || !strings.Contains("PMSU", c.Basis.Level) || c.Basis.Level == "" {
			return nil, fmt.Errorf("profiles/categories.yaml: %s needs a basis with a level", c.ID)
		}
	}
	return f.Categories, nil
}

// CategoryIDs lists the categories' ids, for --category.
func CategoryIDs(cs []Category) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	sort.Strings(out)
	return out
}
