// Package periods holds the words for comparing a document's statements
// of one period with each other: the common words every such statement
// uses, the words of a free-repair promise, and the qualifiers that make
// two statements two rights. The data lives in periods.yaml.
package periods

import (
	_ "embed"
	"fmt"
	"sync"

	"go.yaml.in/yaml/v4"
)

//go:embed periods.yaml
var periodsYAML []byte

// Lexicon is the parsed periods.yaml.
type Lexicon struct {
	CommonWords []string `yaml:"common_words"`
	FreeRepair  []string `yaml:"free_repair"`
	Qualifiers  struct {
		NoReason   []string `yaml:"no_reason"`
		NonQuality []string `yaml:"non_quality"`
		Quality    []string `yaml:"quality"`
	} `yaml:"qualifiers"`
}

var (
	once sync.Once
	lex  *Lexicon
	err  error
)

// Load returns the parsed lexicon; it is parsed once.
func Load() (*Lexicon, error) {
	once.Do(func() {
		var l Lexicon
		if err = yaml.Load(periodsYAML, &l, yaml.WithKnownFields()); err != nil {
			err = fmt.Errorf("lexicon/periods/periods.yaml: %w", err)
			return
		}
		lex = &l
	})
	return lex, err
}

// Must returns the lexicon or panics: the data is embedded, so an error is
// a build defect that the package's tests catch.
func Must() *Lexicon {
	l, err := Load()
	if err != nil {
		panic(err)
	}
	return l
}
