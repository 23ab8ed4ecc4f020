// Package procure holds the words of procurement documents that compare
// and extract read: substantive marks, region and severity scopes, the
// deviation column's claims, bidder and project labels. The data lives in
// procure.yaml.
package procure

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"shouhou/lexicon/embedded"
)

//go:embed procure.yaml
var procureYAML []byte

// Words is the parsed procure.yaml.
type Words struct {
	SubstantiveMarks    []string            `yaml:"substantive_marks"`
	SubstantiveWords    []string            `yaml:"substantive_words"`
	Regions             map[string][]string `yaml:"regions"`
	Severities          map[string][]string `yaml:"severities"`
	Claims              []ClaimWords        `yaml:"claims"`
	BidderLabels        []string            `yaml:"bidder_labels"`
	CompanySuffixes     []string            `yaml:"company_suffixes"`
	LegalForms          []string            `yaml:"legal_forms"`
	SealWords           []string            `yaml:"seal_words"`
	ProjectNameLabels   []string            `yaml:"project_name_labels"`
	ProjectNumberLabels []string            `yaml:"project_number_labels"`
	CertLevels          map[string]string   `yaml:"cert_levels"`
	ClauseClaims        []string            `yaml:"clause_claims"`
	OverallClaims       []string            `yaml:"overall_claims"`
	OverallScope        []string            `yaml:"overall_scope"`
}

// ClaimWords are the spellings of one deviation claim.
type ClaimWords struct {
	Deviation string   `yaml:"deviation"`
	Words     []string `yaml:"words"`
}

var file = embedded.New("lexicon/procure/procure.yaml", procureYAML, (*Words).prepare)

// Load returns the embedded words, parsed once (a parse error is a build
// defect: see package lexicon/embedded).
func Load() *Words { return file.Must() }

// parse parses procure.yaml from b (tests feed it bad data).
func parse(b []byte) (*Words, error) { return embedded.Parse(b, (*Words).prepare) }

// prepare checks the certificate directions and the claim deviations.
func (w *Words) prepare() error {
	for fam, dir := range w.CertLevels {
		if dir != "up" && dir != "down" {
			return fmt.Errorf("cert_levels %s: %q must be up or down", fam, dir)
		}
	}
	for _, c := range w.Claims {
		switch c.Deviation {
		case "none", "positive", "negative", "meets":
		default:
			return fmt.Errorf("claim %q: deviation must be none, positive, negative or meets", c.Deviation)
		}
	}
	return nil
}

// Claim reads a deviation cell: the claim's deviation, or "".
func (w *Words) Claim(cell string) string {
	for _, c := range w.Claims {
		for _, word := range c.Words {
			if strings.Contains(cell, word) {
				return c.Deviation
			}
		}
	}
	return ""
}

// Spelling is one way of writing a canonical name.
type Spelling struct{ Word, Name string }

// Spellings lists a name map's spellings, longest first.
func Spellings(m map[string][]string) []Spelling {
	var out []Spelling
	for name, ws := range m {
		for _, w := range ws {
			out = append(out, Spelling{w, name})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].Word) != len(out[j].Word) {
			return len(out[i].Word) > len(out[j].Word)
		}
		return out[i].Word < out[j].Word
	})
	return out
}

// Grade splits a graded certification item (CMMI3, ITSS2) into its family
// and level; ok is false for other items.
func (w *Words) Grade(item string) (family string, level int, ok bool) {
	for fam := range w.CertLevels {
		if rest, found := strings.CutPrefix(item, fam); found && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
			return fam, int(rest[0] - '0'), true
		}
	}
	return "", 0, false
}

// Meets reports whether a stated grade meets a required one of family.
func (w *Words) Meets(family string, stated, required int) bool {
	if w.CertLevels[family] == "down" {
		return stated <= required
	}
	return stated >= required
}
