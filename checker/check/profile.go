package check

import (
	"shouhou/lexicon/duration"
	"shouhou/reports"
	"shouhou/rules"
)

// Profile: a part's warranty must reach its product category's figure.
const Profile = "profile"

// ProfileParams: a profile rule takes no parameters of its own; the
// figures are the category's (rules/profiles).
type ProfileParams struct{}

type profile struct{}

func (profile) Name() string { return Profile }
func (profile) Params() any  { return &ProfileParams{} }

func (profile) Validate(r *rules.Rule, bad rules.Bad) {
	if r.Topic != reports.PartsWarranty && r.Topic != reports.WarrantyPeriod {
		bad("topic", "profile rules judge parts_warranty or warranty_period, not %q", r.Topic)
	}
}

// Run judges warranties by the document's product category: each part
// the category names must be covered at least as long as its rules say.
// A document of no known category is not judged.
func (profile) Run(d Doc, r *rules.Rule) []reports.Finding {
	cat := d.Context().Category
	if cat == nil {
		return nil
	}
	clauses := d.Clauses()
	var out []reports.Finding
	for _, f := range d.Facts() {
		if f.Topic != r.Topic || f.Blank || f.Unit == "" {
			continue
		}
		item := f.Item
		if f.Topic == reports.WarrantyPeriod {
			s := clauses[f.Clause].Text.S
			item = cat.WholePart(s[phraseStart(s, f.Start):f.Start])
		}
		limit, ok := cat.Parts[item]
		if !ok || duration.AtLeast(f.Amount(), limit.Amount()) {
			continue
		}
		label := limit.Label
		if label == "" {
			label = item + "三包有效期"
		}
		msg := expand(r.Message, map[string]string{"item": label, "stated": f.Amount().String(), "limit": limit.Amount().String(), "category": cat.Name})
		fd := d.Finding(r, reports.Violation, msg, f.Clause, f.NumStart)
		fd.Basis = append(fd.Basis, cat.Basis.String())
		if cat.Basis.Level == "U" && fd.Severity == rules.Error {
			fd.Severity = rules.Warning
			fd.Message += rules.UnverifiedNote
		}
		out = append(out, fd)
	}
	return out
}
