// Package terms holds the project's domain vocabulary: which words tie a
// duration to a topic, which words only look like cues, and the negations
// and triggers that change what a phrase means. The data lives in
// topics.yaml so a linguist can change it without touching Go.
package terms

import (
	_ "embed"
	"fmt"
	"sort"
	"sync"

	"go.yaml.in/yaml/v4"
)

//go:embed topics.yaml
var topicsYAML []byte

// Kind tells whether a longer figure is better for the consumer (window) or
// worse (service).
type Kind string

const (
	Window  Kind = "window"
	Service Kind = "service"
)

// Topic is one CONTRACT.md topic with its cue words.
type Topic struct {
	Kind  Kind     `yaml:"kind"`
	Cues  []string `yaml:"cues"`
	Items []string `yaml:"items"`
}

// Lexicon is the parsed topics.yaml.
type Lexicon struct {
	Topics          map[string]Topic    `yaml:"topics"`
	Shared          map[string][]string `yaml:"shared"`
	Blockers        []string            `yaml:"blockers"`
	ServiceTriggers []string            `yaml:"service_triggers"`
	ServiceObjects  []string            `yaml:"service_objects"`
	ServiceVerbs    []string            `yaml:"service_verbs"`
	Negations       []string            `yaml:"negations"`
	NoReason        []string            `yaml:"no_reason"`
	Hedges          []string            `yaml:"hedges"`
	Paid            []string            `yaml:"paid"`
	WholeUnit       []string            `yaml:"whole_unit"`
	Words           []string            `yaml:"words"`
	// Lists: topic -> canonical item -> spellings (lower-case Latin, no spaces).
	Lists         map[string]map[string][]string `yaml:"lists"`
	ListNegations []string                       `yaml:"list_negations"`
	// Money: topic -> words that tie a sum or percentage to it;
	// MoneyBase: what percentages are taken of; MoneyOther: words that
	// own a sum of no money topic.
	Money      map[string][]string `yaml:"money"`
	MoneyBase  []string            `yaml:"money_base"`
	MoneyOther []string            `yaml:"money_other"`
	// Events: words of events other than a topic's own (see topics.yaml).
	Events Events `yaml:"events"`
	// Scope: words that limit a figure to some cases (see topics.yaml).
	Scope ScopeWords `yaml:"scope"`

	cueTopics map[string][]string
}

// Events are the words of events a figure may time that are none of its
// topic's: Other belongs to no topic, NotWarranty is a service that is no
// warranty, AfterWarranty places what follows after the warranty ended.
type Events struct {
	Other         []string `yaml:"other"`
	NotWarranty   []string `yaml:"not_warranty"`
	AfterWarranty []string `yaml:"after_warranty"`
	AfterRepair   []string `yaml:"after_repair"`
}

// ScopeWords are the qualifiers of a figure, by kind.
type ScopeWords struct {
	Region   []string `yaml:"region"`
	Tier     []string `yaml:"tier"`
	Severity []string `yaml:"severity"`
}

var (
	once sync.Once
	lex  *Lexicon
	err  error
)

// Load returns the embedded lexicon; it is parsed once.
func Load() *Lexicon {
	once.Do(func() {
		lex, err = parse(topicsYAML)
	})
	if err != nil {
		panic(fmt.Sprintf("terms: embedded topics.yaml is invalid: %v", err)) // a build defect, caught by tests
	}
	return lex
}

func parse(b []byte) (*Lexicon, error) {
	var l Lexicon
	if err := yaml.Load(b, &l, yaml.WithKnownFields()); err != nil {
		return nil, err
	}
	l.cueTopics = map[string][]string{}
	for name, t := range l.Topics {
		if t.Kind != Window && t.Kind != Service {
			return nil, fmt.Errorf("topic %s: kind must be window or service", name)
		}
		for _, c := range t.Cues {
			l.cueTopics[c] = append(l.cueTopics[c], name)
		}
	}
	for cue, topics := range l.Shared {
		for _, tp := range topics {
			if _, ok := l.Topics[tp]; !ok {
				return nil, fmt.Errorf("shared cue %s: unknown topic %s", cue, tp)
			}
		}
		l.cueTopics[cue] = topics
	}
	return &l, nil
}

// CueTopics maps every cue word to the topics it signals.
func (l *Lexicon) CueTopics() map[string][]string { return l.cueTopics }

// Cues lists every cue word, longest first (so longer cues are tried first).
func (l *Lexicon) Cues() []string {
	out := make([]string, 0, len(l.cueTopics))
	for c := range l.cueTopics {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// DictionaryWords lists every word the segmenter must know as a whole word.
func (l *Lexicon) DictionaryWords() []string {
	seen := map[string]bool{}
	var out []string
	add := func(ws ...string) {
		for _, w := range ws {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	add(l.Cues()...)
	for _, name := range sortedKeys(l.Topics) {
		add(l.Topics[name].Items...)
	}
	add(l.Blockers...)
	add(l.ServiceTriggers...)
	add(l.ServiceObjects...)
	add(l.ServiceVerbs...)
	add(l.Negations...)
	add(l.NoReason...)
	add(l.Paid...)
	add(l.WholeUnit...)
	add(l.Words...)
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
