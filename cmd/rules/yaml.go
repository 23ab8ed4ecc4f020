package rules

import (
	"io"
	"strings"

	"go.yaml.in/yaml/v4"

	"shouhou/lexicon/duration"
	rb "shouhou/rules"
)

// ruleYAML is a rule as a rulebook file holds it: the fields of rb.Rule
// with their YAML keys, empty ones left out. TestShowRoundTrip checks the
// two list the same keys.
type ruleYAML struct {
	ID        string      `yaml:"id"`
	Title     string      `yaml:"title"`
	Severity  string      `yaml:"severity"`
	AppliesTo []string    `yaml:"applies_to,flow"`
	Audience  []string    `yaml:"audience,omitempty,flow"`
	Juris     []string    `yaml:"jurisdictions,omitempty,flow"`
	Topic     string      `yaml:"topic,omitempty"`
	Check     string      `yaml:"check"`
	Min       *limitYAML  `yaml:"min,omitempty,flow"`
	Max       *limitYAML  `yaml:"max,omitempty,flow"`
	Patterns  []string    `yaml:"patterns,omitempty"`
	With      []string    `yaml:"with,omitempty"`
	Without   []string    `yaml:"without,omitempty"`
	Synonyms  [][]string  `yaml:"synonyms,omitempty,flow"`
	ListItems bool        `yaml:"list_items,omitempty"`
	Status    string      `yaml:"status,omitempty"`
	Topics    []string    `yaml:"topics,omitempty,flow"`
	Of        string      `yaml:"of,omitempty"`
	Message   string      `yaml:"message"`
	Basis     []basisYAML `yaml:"basis,omitempty"`
	Fix       string      `yaml:"fix,omitempty"`
	Examples  *examples   `yaml:"examples,omitempty"`
}

type limitYAML struct {
	Value float64       `yaml:"value"`
	Unit  duration.Unit `yaml:"unit"`
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

func toYAML(r *rb.Rule) ruleYAML {
	out := ruleYAML{ID: r.ID, Title: r.Title, Severity: string(r.Severity), AppliesTo: r.AppliesTo, Audience: r.Audience, Juris: r.Jurisdictions, Topic: r.Topic, Check: r.Check,
		Message: r.Message, Fix: r.Fix}
	// The kind's parameters (min, patterns, topics …) go to their keys: a
	// kind's parameter struct names its keys as ruleYAML does.
	if b, err := yaml.Marshal(r.Params); err == nil {
		_ = yaml.Unmarshal(b, &out)
	}
	for _, b := range r.Basis {
		out.Basis = append(out.Basis, basisYAML{b.Law, b.Article, b.Level})
	}
	if len(r.Examples.Bad)+len(r.Examples.Good) > 0 {
		out.Examples = &examples{r.Examples.Bad, r.Examples.Good}
	}
	return out
}

// showYAML writes rules as a rulebook file: saved as it is, it loads with
// --rules and each rule replaces the built-in one of its id.
func showYAML(w io.Writer, rules []*rb.Rule) error {
	var doc struct {
		Rules []ruleYAML `yaml:"rules"`
	}
	var ids []string
	for _, r := range rules {
		doc.Rules = append(doc.Rules, toYAML(r))
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
