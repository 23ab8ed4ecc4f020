package render

import (
	"testing"

	"shouhou/reports"
)

func TestAlsoAt(t *testing.T) {
	at := func(line int, loc string) reports.Place { return reports.Place{Line: line, Column: 1, Location: loc} }
	cases := []struct {
		f    reports.Finding
		want string
	}{
		{reports.Finding{Line: 7, Column: 1}, ""},
		{reports.Finding{Line: 7, Column: 1, Occurrences: []reports.Place{at(7, "line 7 col 1"), at(13, "line 13 col 1")}}, "另见 also: line 13 col 1"},
		{reports.Finding{Line: 2, Column: 1, Occurrences: []reports.Place{at(2, ""), at(4, ""), at(9, "")}}, "另见 also: line 4, line 9"},
		{reports.Finding{Line: 1, Column: 1, Occurrences: []reports.Place{at(1, ""), at(2, ""), at(3, ""), at(4, ""), at(5, ""), at(6, ""), at(7, ""), at(8, "")}},
			"另见 also: line 2, line 3, line 4, line 5, line 6, +2"},
	}
	for _, c := range cases {
		if got := AlsoAt(c.f); got != c.want {
			t.Errorf("AlsoAt(%+v) = %q, want %q", c.f.Occurrences, got, c.want)
		}
	}
}
