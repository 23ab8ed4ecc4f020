package check

import (
	"strings"

	"shouhou/reports"
	"shouhou/rules"
)

// Notice says once how a document was judged (mainland law not applied
// to a Hong Kong shop).
const Notice = "notice"

// NoticeParams: a notice takes no parameters of its own.
type NoticeParams struct{}

type notice struct{}

func (notice) Name() string { return Notice }
func (notice) Params() any  { return &NoticeParams{} }

func (notice) Validate(r *rules.Rule, bad rules.Bad) {
	if r.Severity != rules.Info {
		bad("severity", "a notice is information: severity info")
	}
}

// Run says once, of a document not under mainland law, which
// jurisdiction it is under and the words that told.
func (notice) Run(d Doc, r *rules.Rule) []reports.Finding {
	c := d.Context()
	if c.Jurisdiction == rules.Mainland {
		return nil
	}
	names := map[string]string{rules.HK: "香港", rules.Macau: "澳门", rules.TW: "台湾"}
	msg := expand(r.Message, map[string]string{"jurisdiction": names[c.Jurisdiction], "evidence": strings.Join(c.JurisdictionEvidence, "、")})
	return []reports.Finding{{Rule: r.ID, Topic: r.Topic, Severity: r.Severity, Status: reports.Notice, Message: msg,
		Basis: r.BasisStrings(), Title: r.Title, Fix: r.Fix}}
}
