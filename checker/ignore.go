package checker

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"shouhou/checker/clause"
	"shouhou/checker/reader"
	"shouhou/rules"
)

// directiveRe is an inline suppression, on a line of its own (in
// Markdown and HTML inside a comment):
//
//	shouhou-ignore RULE-A, RULE-B: reason       the next clause
//	shouhou-ignore-start RULE-A: reason         every clause up to
//	shouhou-ignore-end                          the end line
//
// Ids are separated by commas, 、 or spaces; the reason follows a colon.
var directiveRe = regexp.MustCompile(`shouhou-ignore(-start|-end)?\b([^\n:：]*?)(?:[:：][ \t]*([^\n]*?))?[ \t]*(?:-->|\n|$)`)

var idRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$`)

// allRules is the key of a block that names no rule: it suppresses all.
const allRules = "*"

// ignores reads the suppression directives of text: for each clause, the
// rules not to report on it and why; and warnings about directives that
// name an unknown rule, give no reason, or open a block never closed.
// known says whether a rule id exists.
func ignores(src *reader.Source, text string, cls []clause.Clause, known func(string) bool) (map[int]map[string]string, []string) {
	out := map[int]map[string]string{}
	var warnings []string
	add := func(ci int, ids []string, reason string) {
		if out[ci] == nil {
			out[ci] = map[string]string{}
		}
		for _, id := range ids {
			out[ci][id] = reason
		}
	}
	type block struct {
		ids    []string
		reason string
		end    int // offset after the start line
		line   int
		where  string
	}
	// after(off) is the first clause starting at or after off that is not
	// itself a directive. Clauses start in text order (but for what a
	// reader puts first, such as Word headers): then a binary search and
	// a table of the next plain clause keep a file of many directives
	// linear in its length, not directives × clauses.
	ordered := true
	for i := 1; i < len(cls) && ordered; i++ {
		ordered = cls[i].Text.Orig(0) >= cls[i-1].Text.Orig(0)
	}
	plain := make([]int, len(cls)+1)
	plain[len(cls)] = len(cls)
	for i := len(cls) - 1; i >= 0; i-- {
		plain[i] = i
		if strings.Contains(cls[i].Text.S, "shouhou-ignore") {
			plain[i] = plain[i+1]
		}
	}
	after := func(off int) int {
		if ordered {
			return plain[sort.Search(len(cls), func(k int) bool { return cls[k].Text.Orig(0) >= off })]
		}
		for i, c := range cls {
			if c.Text.Orig(0) >= off && !strings.Contains(c.Text.S, "shouhou-ignore") {
				return i
			}
		}
		return len(cls)
	}
	var open *block
	for _, m := range directiveRe.FindAllStringSubmatchIndex(text, -1) {
		p := src.Locate(m[0])
		line, where := p.Line, p.Location
		kind := ""
		if m[2] >= 0 {
			kind = text[m[2]:m[3]]
		}
		var ids []string
		var bad []string
		for _, f := range strings.FieldsFunc(text[m[4]:m[5]], func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' || r == '\t' }) {
			id := strings.ToUpper(f)
			switch {
			case !idRe.MatchString(id):
				bad = append(bad, f)
			case known != nil && !known(id):
				warnings = append(warnings, fmt.Sprintf("%s: shouhou-ignore%s names no rule %s%s", where, kind, id, nearestRule(id, known)))
				ids = append(ids, id) // kept: a user rule may load later
			default:
				ids = append(ids, id)
			}
		}
		if len(bad) > 0 {
			warnings = append(warnings, fmt.Sprintf("%s: shouhou-ignore%s: %q is not a rule id (write ids such as CPL-EXCH-15D, separated by commas)", where, kind, strings.Join(bad, " ")))
		}
		reason := ""
		if m[6] >= 0 {
			reason = strings.TrimSpace(text[m[6]:m[7]])
		}
		if kind == "-end" {
			if open == nil {
				warnings = append(warnings, where+": shouhou-ignore-end without a shouhou-ignore-start")
				continue
			}
			for i, c := range cls {
				if at := c.Text.Orig(0); at >= open.end && at < m[0] && !strings.Contains(c.Text.S, "shouhou-ignore") {
					add(i, open.ids, open.reason)
				}
			}
			open = nil
			continue
		}
		if reason == "" {
			warnings = append(warnings, fmt.Sprintf("%s: shouhou-ignore%s without a reason (write shouhou-ignore%s RULE-ID: why)", where, kind, kind))
			reason = "(no reason given)"
		}
		if kind == "-start" {
			if open != nil {
				warnings = append(warnings, fmt.Sprintf("%s: shouhou-ignore-start inside the block opened at %s", where, open.where))
			}
			if len(ids) == 0 {
				ids = []string{allRules}
			}
			open = &block{ids: ids, reason: reason, end: m[1], line: line, where: where}
			continue
		}
		if len(ids) == 0 {
			warnings = append(warnings, where+": shouhou-ignore names no rule (write shouhou-ignore RULE-ID: why)")
			continue
		}
		if i := after(m[1]); i < len(cls) {
			add(i, ids, reason)
		}
	}
	if open != nil {
		warnings = append(warnings, open.where+": shouhou-ignore-start is never ended: it suppresses to the end of the document")
		for i, c := range cls {
			if c.Text.Orig(0) >= open.end && !strings.Contains(c.Text.S, "shouhou-ignore") {
				add(i, open.ids, open.reason)
			}
		}
	}
	return out, warnings
}

func nearestRule(id string, known func(string) bool) string {
	book, err := rules.Builtin()
	if err != nil {
		return ""
	}
	ids := map[string]bool{}
	for _, r := range book.Rules {
		if known(r.ID) {
			ids[r.ID] = true
		}
	}
	return rules.Nearest(id, ids)
}

// ignoredFor is the reason clause ci is not to report rule id, or "".
func (d *doc) ignoredFor(ci int, id string) string {
	if r := d.ignored[ci][id]; r != "" {
		return r
	}
	return d.ignored[ci][allRules]
}
