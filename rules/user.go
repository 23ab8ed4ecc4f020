package rules

import (
	"errors"
	"fmt"
	"sort"

	"go.yaml.in/yaml/v4"

	"shouhou/internal/bounded"
)

// LoadFile reads a user rulebook (the same YAML as the built-in ones) and
// returns its rules, each validated by the loader the built-in ones go
// through. Every
// problem is reported as file:line:column: what is wrong, at the field
// that is wrong where there is one, so a typo is found in seconds.
func LoadFile(path string) ([]*Rule, error) {
	b, err := bounded.ReadFile(path, 16<<20)
	if err != nil {
		return nil, fmt.Errorf("cannot read rulebook %s: %v", path, err)
	}
	return parse(path, b)
}

// parse is the one rulebook loader, for the built-in rulebooks and the
// user's alike: it reads the rules of the YAML b (named path in errors)
// and validates each, reporting every problem as path:line:column.
func parse(path string, b []byte) ([]*Rule, error) {
	var doc yaml.Node
	if err := yaml.Load(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	at := func(n *yaml.Node, format string, a ...any) error {
		return fmt.Errorf("%s:%d:%d: %s", path, n.Line, n.Column, fmt.Sprintf(format, a...))
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, at(root, "a rulebook is a mapping with a rules: list")
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		switch k := root.Content[i]; k.Value {
		case "rules":
			list = root.Content[i+1]
		default:
			return nil, at(k, "unknown key %q (a rulebook has only rules:)", k.Value)
		}
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, at(root, "no rules: list")
	}
	if len(kinds) == 0 {
		return nil, fmt.Errorf("%s: no check kinds are registered: a program that reads rulebooks links shouhou/checker/check", path)
	}
	known := allKeys()
	var (
		out  []*Rule
		errs []error
		seen = map[string]*yaml.Node{}
	)
	for _, item := range list.Content {
		if item.Kind != yaml.MappingNode {
			errs = append(errs, at(item, "a rule is a mapping (id:, title:, …)"))
			continue
		}
		keys := map[string]*yaml.Node{}
		var given []string
		bad := false
		// The keys every rule has are read into Rule, the rest into the
		// kind's parameters.
		common := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: item.Line, Column: item.Column}
		own := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: item.Line, Column: item.Column}
		for i := 0; i+1 < len(item.Content); i += 2 {
			k := item.Content[i]
			keys[k.Value] = k
			given = append(given, k.Value)
			if !known[k.Value] {
				errs = append(errs, at(k, "unknown field %q%s", k.Value, suggest(k.Value, known)))
				bad = true
			}
			to := own
			if commonKeys[k.Value] {
				to = common
			}
			to.Content = append(to.Content, k, item.Content[i+1])
		}
		if bad {
			continue
		}
		r := &Rule{}
		if err := common.Load(r, yaml.WithKnownFields()); err != nil {
			errs = append(errs, at(item, "%v", err))
			continue
		}
		if k, ok := kinds[r.Check]; ok {
			// Keys of other kinds are left out here; validate names them.
			r.Params = k.Params()
			if err := own.Load(r.Params); err != nil {
				errs = append(errs, at(item, "%v", err))
				continue
			}
		}
		if problems := r.validate(given); len(problems) > 0 {
			for _, p := range problems {
				n := item
				if k, ok := keys[p.Field]; ok {
					n = k
				}
				errs = append(errs, at(n, "rule %s: %s", r.ID, p.Msg))
			}
			continue
		}
		if prev, dup := seen[r.ID]; dup {
			errs = append(errs, at(item, "rule %s is defined twice (first at line %d)", r.ID, prev.Line))
			continue
		}
		seen[r.ID] = item
		out = append(out, r)
	}
	return out, errors.Join(errs...)
}

// suggest offers the known key nearest to a misspelt one.
func suggest(got string, known map[string]bool) string {
	best, dist := "", 3
	var keys []string
	for k := range known {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if d := editDistance(got, k); d < dist {
			best, dist = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// With returns a new book: b's rules, with extra rules added or replacing
// the rule of the same id. b is not changed.
func (b *Book) With(extra []*Rule) *Book {
	nb := &Book{byID: map[string]*Rule{}, Version: b.Version}
	for _, r := range b.Rules {
		nb.byID[r.ID] = r
	}
	for _, r := range extra {
		nb.byID[r.ID] = r
	}
	for _, r := range nb.byID {
		nb.Rules = append(nb.Rules, r)
	}
	nb.sort()
	if len(extra) > 0 {
		nb.Version = b.Version + "+user"
	}
	return nb
}

// Configure returns a new book without the disabled rules and with the
// given severities; unknown ids and severities are errors, and a rule on
// an unverified figure cannot be raised to error.
func (b *Book) Configure(disable []string, severity map[string]string) (*Book, error) {
	off := map[string]bool{}
	for _, id := range disable {
		if b.Get(id) == nil {
			return nil, fmt.Errorf("rules.disable: no rule %s", id)
		}
		off[id] = true
	}
	var kept []*Rule
	for _, r := range b.Rules {
		if off[r.ID] {
			continue
		}
		if s, ok := severity[r.ID]; ok {
			sv := Severity(s)
			if sv.Rank() == 0 {
				return nil, fmt.Errorf("rules.severity: %s: %q must be error, warning or info", r.ID, s)
			}
			if sv == Error && r.Unverified() {
				return nil, fmt.Errorf("rules.severity: %s rests on an unverified figure and stays at most a warning", r.ID)
			}
			c := *r
			c.Severity = sv
			r = &c
		}
		kept = append(kept, r)
	}
	for id := range severity {
		if b.Get(id) == nil {
			return nil, fmt.Errorf("rules.severity: no rule %s", id)
		}
	}
	nb := &Book{byID: map[string]*Rule{}, Version: b.Version, Rules: kept}
	for _, r := range kept {
		nb.byID[r.ID] = r
	}
	if len(disable)+len(severity) > 0 {
		nb.Version += "+config"
	}
	return nb, nil
}

// Nearest offers the known name nearest to a misspelt one, as
// " (did you mean X?)", or "".
func Nearest(got string, known map[string]bool) string { return suggest(got, known) }
