package rules

import (
	"embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v4"

	"shouhou/lexicon/duration"
)

//go:embed profiles/categories.yaml
var profileFS embed.FS

// Category is a product category's 三包 figures by part.
type Category struct {
	ID     string          `yaml:"id"`
	Name   string          `yaml:"name"`
	Detect []string        `yaml:"detect"`
	Basis  Basis           `yaml:"basis"`
	Parts  map[string]Part `yaml:"parts"`
	// Whole is the part a whole-product warranty is judged as: 主机 for a
	// phone, 整车 for a car. Empty means 主机.
	Whole string `yaml:"whole"`
	// NotApplicable lists rules that do not apply to goods of this
	// category: the 三包 rules to clothing or food, which the 三包 catalogue
	// does not list.
	NotApplicable []string `yaml:"not_applicable"`
}

// Part is one part's minimum 三包 period. Label names it in messages when
// "<part>三包有效期" would read wrong (包修期).
type Part struct {
	Value float64       `yaml:"value"`
	Unit  duration.Unit `yaml:"unit"`
	Label string        `yaml:"label"`
}

// Amount converts the figure for comparison.
func (p Part) Amount() duration.Amount { return duration.Amount{Value: p.Value, Unit: p.Unit} }

// Applies reports whether rule id applies to goods of the category.
func (c *Category) Applies(id string) bool { return !slices.Contains(c.NotApplicable, id) }

// WholePart returns the part a whole-product warranty figure is judged
// as. before is the text of its phrase up to the figure: a part key named
// there (包修期 in 包修期为三年) wins over the whole unit.
func (c *Category) WholePart(before string) string {
	best, at := "", -1
	for k := range c.Parts {
		if i := strings.LastIndex(before, k); i > at || (i == at && i >= 0 && len(k) > len(best)) {
			best, at = k, i
		}
	}
	if best != "" {
		return best
	}
	if c.Whole != "" {
		return c.Whole
	}
	return "主机"
}

// Categories returns the embedded product-category profiles, parsed once:
// the audit command's help, its --category check and every auditor ask
// for them. Callers must not modify what it returns.
var Categories = sync.OnceValues(loadCategories)

func loadCategories() ([]Category, error) {
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
			if l.Value <= 0 || !l.Unit.Valid() || l.Unit == duration.Lifetime {
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
