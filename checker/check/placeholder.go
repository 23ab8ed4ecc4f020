package check

import (
	"shouhou/reports"
	"shouhou/rules"
)

// Placeholder: template blanks, blank figures and pattern matches.
const Placeholder = "placeholder"

// PlaceholderParams are the patterns of blanks beyond blank figures.
type PlaceholderParams struct {
	rules.Patterns `yaml:",inline"`
	// Synonyms are as ForbidParams'.
	Synonyms [][]string `yaml:"synonyms,omitempty,flow"`
}

// SynonymGroups makes placeholder examples be tried reworded.
func (p *PlaceholderParams) SynonymGroups() [][]string { return p.Synonyms }

type placeholder struct{}

func (placeholder) Name() string { return Placeholder }
func (placeholder) Params() any  { return &PlaceholderParams{} }

func (placeholder) Validate(r *rules.Rule, bad rules.Bad) {
	validSynonyms(params[PlaceholderParams](r).Synonyms, bad)
}

// Run reports blank figures (XX小时内响应, 在 小时内) by the topic they
// belong to, then pattern matches (____, （  ）) in other clauses; one
// finding per clause.
func (placeholder) Run(d Doc, r *rules.Rule) []reports.Finding {
	var out []reports.Finding
	done := map[int]bool{}
	clauses := d.Clauses()
	for _, f := range d.Facts() {
		if !f.Blank || done[f.Clause] {
			continue
		}
		done[f.Clause] = true
		s := clauses[f.Clause].Text.S
		msg := expand(r.Message, map[string]string{"topic": rules.TopicNames[f.Topic], "match": s[f.Start:f.End]})
		out = append(out, d.Finding(r, reports.Unclear, msg, f.Clause, f.NumStart))
	}
	return append(out, matches(d, r, reports.Unclear, "条款", done)...)
}
