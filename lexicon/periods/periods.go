// Package periods holds the words for comparing a document's statements
// of one period with each other: the common words every such statement
// uses, the words of a free-repair promise, and the qualifiers that make
// two statements two rights. The data lives in periods.yaml.
package periods

import (
	_ "embed"

	"shouhou/lexicon/embedded"
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

var file = embedded.New[Lexicon]("lexicon/periods/periods.yaml", periodsYAML, nil)

// Load returns the parsed lexicon; it is parsed once.
func Load() (*Lexicon, error) { return file.Load() }

// Must returns the lexicon or panics (see package lexicon/embedded).
func Must() *Lexicon { return file.Must() }
