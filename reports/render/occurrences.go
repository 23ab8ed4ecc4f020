package render

import (
	"strconv"
	"strings"

	"shouhou/reports"
)

// AlsoAt names the other places of a finding stated more than once, for
// the views a person reads: "另见 also: line 13, line 20", at most five,
// then how many more. "" when the finding has no other place.
func AlsoAt(f reports.Finding) string {
	if len(f.Occurrences) < 2 {
		return ""
	}
	var places []string
	for _, p := range f.Occurrences {
		if p.Line == f.Line && p.Column == f.Column {
			continue // the finding's own place
		}
		if len(places) == 5 {
			places = append(places, "+"+strconv.Itoa(len(f.Occurrences)-1-5))
			break
		}
		s := p.Location
		if s == "" {
			s = "line " + strconv.Itoa(p.Line)
		}
		places = append(places, s)
	}
	if len(places) == 0 {
		return ""
	}
	return "另见 also: " + strings.Join(places, ", ")
}
