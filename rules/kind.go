package rules

import (
	"reflect"
	"regexp"
	"slices"
	"strings"

	"shouhou/reports"
)

// Kind is what the rulebook needs of a check kind: a parameter struct to
// read the kind's own YAML keys into, and their validation. The kinds
// live in shouhou/checker/check, one file each with its run, and register
// here when that package is linked: rules names no kind, and a new kind
// changes nothing in this package.
type Kind interface {
	// Params returns a new, empty parameter struct (a pointer). Its yaml
	// tags are the kind's keys, read from the rule's own mapping beside
	// the keys every rule has (id, title, check …). A struct that embeds
	// Patterns (yaml:",inline") matches clause text: its patterns are
	// checked and compiled by the loader, and Rule.Match uses them.
	Params() any
	// Validate checks rule r, whose Params have been read, reporting each
	// problem with the YAML field it is about.
	Validate(r *Rule, bad Bad)
}

// Bad reports one problem of a rule: the YAML field it is about ("" or a
// field the rule does not have: the rule itself) and what is wrong. The
// loader reports it at that field's line and column.
type Bad func(field, format string, a ...any)

// Problem is one validation problem of a rule, with its field.
type Problem struct {
	Field, Msg string
}

var (
	kinds     = map[string]Kind{}
	kindNames []string                       // in registration order, for messages
	kindKeys  = map[string]map[string]bool{} // kind -> its own keys
)

// RegisterKind adds check kind k under name. It is called by
// shouhou/checker/check at init; registering a name twice is a build
// defect and panics.
func RegisterKind(name string, k Kind) {
	if _, dup := kinds[name]; dup {
		panic("rules: check kind " + name + " registered twice")
	}
	kinds[name] = k
	kindNames = append(kindNames, name)
	kindKeys[name] = yamlKeys(reflect.TypeOf(k.Params()))
}

// KindNames lists the registered check kinds in registration order.
func KindNames() []string { return slices.Clone(kindNames) }

// yamlKeys are the YAML keys of struct type t (or a pointer to one),
// inline structs' keys included.
func yamlKeys(t reflect.Type) map[string]bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	keys := map[string]bool{}
	if t.Kind() != reflect.Struct {
		return keys
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		parts := strings.Split(f.Tag.Get("yaml"), ",")
		if slices.Contains(parts[1:], "inline") {
			for k := range yamlKeys(f.Type) {
				keys[k] = true
			}
			continue
		}
		if parts[0] != "" && parts[0] != "-" {
			keys[parts[0]] = true
		}
	}
	return keys
}

// commonKeys are the keys every rule has: the fields of Rule.
var commonKeys = yamlKeys(reflect.TypeOf(Rule{}))

func allKeys() map[string]bool {
	keys := map[string]bool{}
	for k := range commonKeys {
		keys[k] = true
	}
	for _, ks := range kindKeys {
		for k := range ks {
			keys[k] = true
		}
	}
	return keys
}

// kindsOwning names the kinds that take key, for an error message.
func kindsOwning(key string) []string {
	var out []string
	for _, n := range kindNames {
		if kindKeys[n][key] {
			out = append(out, n)
		}
	}
	return out
}

// Patterns are the regular expressions of a kind that matches clause
// text, over normalized (simplified, half-width) clause text. A kind's
// parameter struct embeds them with yaml:",inline".
type Patterns struct {
	Patterns []string `yaml:"patterns,omitempty"`
	With     []string `yaml:"with,omitempty"`    // at least one must also match the clause
	Without  []string `yaml:"without,omitempty"` // none may match the clause

	patterns, with, without *lazyRes // compiled on first use
}

// PatternSet returns p: the loader finds a kind's patterns through it.
func (p *Patterns) PatternSet() *Patterns { return p }

// compile normalizes and checks the expressions; they compile on first
// use.
func (p *Patterns) compile(bad Bad) {
	var err error
	if p.patterns, err = parseAll(p.Patterns); err != nil {
		bad("patterns", "patterns: %v", err)
	}
	if p.with, err = parseAll(p.With); err != nil {
		bad("with", "with: %v", err)
	}
	if p.without, err = parseAll(p.Without); err != nil {
		bad("without", "without: %v", err)
	}
}

// Normalized returns the normalized Patterns, With and Without, as they
// are matched (for the prepared rulebook).
func (p *Patterns) Normalized() [3][]string {
	return [3][]string{p.patterns.sources(), p.with.sources(), p.without.sources()}
}

// prepare sets expressions that were checked and normalized when the
// rulebook was prepared (go generate): n are their normalized forms, or
// nil when each is its own. They compile on first use.
func (p *Patterns) prepare(n *[3][]string) {
	if n == nil {
		n = &[3][]string{p.Patterns, p.With, p.Without}
	}
	p.patterns, p.with, p.without = prepared(n[0]), prepared(n[1]), prepared(n[2])
}

// Match returns the byte range of the first pattern match in s that the
// with/without conditions allow, or nil.
func (p *Patterns) Match(s string) []int {
	// Patterns first: they are what the prefilter vouches for, and most
	// clauses fail them.
	var loc []int
	for _, re := range p.patterns.get() {
		if loc = re.FindStringIndex(s); loc != nil {
			break
		}
	}
	if loc == nil || len(p.With) > 0 && !anyMatch(p.with.get(), s) || anyMatch(p.without.get(), s) {
		return nil
	}
	return loc
}

// Excepts reports whether s holds one of the without conditions: words
// (another cell of a table row) that except a match elsewhere.
func (p *Patterns) Excepts(s string) bool {
	return anyMatch(p.without.get(), s)
}

func anyMatch(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// patternSet is what the loader looks for in a kind's parameters.
type patternSet interface{ PatternSet() *Patterns }

// Synonymous is implemented by the parameters of kinds whose examples
// are also tried reworded (shouhou rules test): SynonymGroups are the
// groups of words the rule's wording treats alike.
type Synonymous interface{ SynonymGroups() [][]string }

// IsMoneyTopic reports a topic whose facts are sums or percentages.
func IsMoneyTopic(t reports.Topic) bool { return moneyTopics[t] }

// MoneyTopicList lists the money topics, sorted, for messages.
func MoneyTopicList() []string { return sortedKeys(moneyTopics) }
