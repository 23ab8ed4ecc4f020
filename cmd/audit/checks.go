package audit

import (
	"fmt"
	"slices"

	"shouhou/cmd/cmdutil"
	"shouhou/cmd/config"
	"shouhou/reports"
	"shouhou/rules"
)

// checkRuleIDs names the line of a rule id in .shouhou.yaml that no rule
// of book has.
func checkRuleIDs(cfg *config.Config, book *rules.Book) error {
	ids := map[string]bool{}
	for _, r := range book.Rules {
		ids[r.ID] = true
	}
	type entry struct{ key, id string }
	var entries []entry
	for _, id := range cfg.Rules.Disable {
		entries = append(entries, entry{"rules.disable", id})
	}
	var sev []string
	for id := range cfg.Rules.Severity {
		sev = append(sev, id)
	}
	slices.Sort(sev)
	for _, id := range sev {
		entries = append(entries, entry{"rules.severity", id})
	}
	for _, e := range entries {
		if !ids[e.id] {
			return cmdutil.UsageError(fmt.Errorf("%s:%d: %s: no rule %s%s (shouhou rules list names them all)",
				cfg.Path, cfg.Lines[e.key+"."+e.id], e.key, e.id, rules.Nearest(e.id, ids)))
		}
	}
	return nil
}

// atLeast keeps the findings at or above severity min.
func atLeast(fs []reports.Finding, min string) []reports.Finding {
	out := fs[:0:0]
	for _, f := range fs {
		if rules.Severity(f.Severity).Rank() >= rules.Severity(min).Rank() {
			out = append(out, f)
		}
	}
	if fs != nil && out == nil {
		out = []reports.Finding{}
	}
	return out
}
