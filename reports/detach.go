package reports

import (
	"slices"
	"strings"
)

// Detach gives d its own copies of the strings that may be cut from the
// document's normalized text (heading paths and titles, items,
// conditions, scope words, table headers, evidence words, cell texts).
// Such a string keeps its whole backing array alive: a document kept for
// a whole-report format (json, sarif, xlsx …) would hold its entire
// normalized text for a heading of ten characters. Equal strings share
// one copy. The values are unchanged.
func (d *Document) Detach() {
	seen := map[string]string{}
	own := func(s *string) {
		if *s == "" {
			return
		}
		if c, ok := seen[*s]; ok {
			*s = c
			return
		}
		c := strings.Clone(*s)
		seen[c] = c
		*s = c
	}
	for i := range d.Facts {
		f := &d.Facts[i]
		own(&f.Item)
		own(&f.Section)
		own(&f.Condition)
		if f.Scope != nil {
			s := *f.Scope // shared with the auditor? copy before changing
			own(&s.Region)
			own(&s.Tier)
			own(&s.Condition)
			own(&s.Part)
			own(&s.Product)
			f.Scope = &s
		}
	}
	for _, fs := range [][]Finding{d.Findings, d.Suppressed} {
		for i := range fs {
			own(&fs[i].Section)
		}
	}
	for i := range d.Sections {
		own(&d.Sections[i].Title)
	}
	for _, l := range []*[]string{&d.CategoryEvidence, &d.B2BEvidence, &d.JurisdictionEvidence} {
		if len(*l) == 0 {
			continue
		}
		*l = slices.Clone(*l) // the auditor's may be shared
		for i := range *l {
			own(&(*l)[i])
		}
	}
}
