package rules

import (
	"io"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"

	"shouhou/reports"
	rb "shouhou/rules"
)

// ruleYAML is a rule as a rulebook file holds it: the keys every rule
// has, empty ones left out. The keys of the rule's check kind are its
// parameter struct's (checker/check), whose yaml tags say how each is
// written; toYAML puts them after check:. TestShowCoversEveryKey checks
// that ruleYAML has every key of rb.Rule.
type ruleYAML struct {
	ID        string         `yaml:"id"`
	Title     string         `yaml:"title"`
	Severity  string         `yaml:"severity"`
	AppliesTo []reports.Kind `yaml:"applies_to,flow"`
	Audience  []string       `yaml:"audience,omitempty,flow"`
	Juris     []string       `yaml:"jurisdictions,omitempty,flow"`
	Topic     string         `yaml:"topic,omitempty"`
	Check     string         `yaml:"check"`
	Message   string         `yaml:"message"`
	Basis     []basisYAML    `yaml:"basis,omitempty"`
	Fix       string         `yaml:"fix,omitempty"`
	Examples  *examples      `yaml:"examples,omitempty"`
}

type basisYAML struct {
	Law     string `yaml:"law"`
	Article string `yaml:"article,omitempty"`
	Level   string `yaml:"level,omitempty"`
}

type examples struct {
	Bad  []string `yaml:"bad,omitempty"`
	Good []string `yaml:"good,omitempty"`
}

func toYAML(r *rb.Rule) (*yaml.Node, error) {
	out := ruleYAML{ID: r.ID, Title: r.Title, Severity: string(r.Severity), AppliesTo: r.AppliesTo, Audience: r.Audience, Juris: r.Jurisdictions, Topic: string(r.Topic), Check: r.Check,
		Message: r.Message, Fix: r.Fix}
	for _, b := range r.Basis {
		out.Basis = append(out.Basis, basisYAML{b.Law, b.Article, b.Level})
	}
	if len(r.Examples.Bad)+len(r.Examples.Good) > 0 {
		out.Examples = &examples{r.Examples.Bad, r.Examples.Good}
	}
	rule, err := node(out)
	if err != nil {
		return nil, err
	}
	params, err := node(r.Params)
	if err != nil || params.Kind != yaml.MappingNode {
		return rule, err
	}
	for i := 0; i+1 < len(rule.Content); i += 2 {
		if rule.Content[i].Value == "check" {
			rule.Content = slices.Insert(rule.Content, i+2, params.Content...)
			break
		}
	}
	return rule, nil
}

// node is v as a YAML node, styled as yaml.Marshal writes it.
func node(v any) (*yaml.Node, error) {
	b, err := yaml.Marshal(v)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Load(b, &doc); err != nil {
		return nil, err
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		return doc.Content[0], nil
	}
	return &doc, nil
}

// showYAML writes rules as a rulebook file: saved as it is, it loads with
// --rules and each rule replaces the built-in one of its id.
func showYAML(w io.Writer, rules []*rb.Rule) error {
	var doc struct {
		Rules []*yaml.Node `yaml:"rules"`
	}
	var ids []string
	for _, r := range rules {
		n, err := toYAML(r)
		if err != nil {
			return err
		}
		doc.Rules = append(doc.Rules, n)
		ids = append(ids, r.ID)
	}
	b, err := yaml.Marshal(doc)
	if err != nil {
		return err
	}
	head := "# shouhou rules show " + strings.Join(ids, " ") + "\n" +
		"# A rulebook as it stands: save it, change it, and load it with\n" +
		"# shouhou audit --rules FILE (a rule of the same id replaces the built-in one).\n" +
		"# Basis levels: P primary text, M official mirror, S secondary sources, U unverified.\n"
	_, err = io.WriteString(w, head+string(b))
	return err
}
