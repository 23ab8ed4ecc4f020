// Package rules defines the rulebook: rules as YAML data over a handful of
// check kinds, embedded in the binary, validated on load. A new rule never
// needs Go code; a new check kind does.
package rules

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"shouhou/lexicon/duration"
	"shouhou/lexicon/normalize"
	"shouhou/reports"
)

//go:embed builtin/*.yaml
var builtin embed.FS

// Severity of a finding: the contract's type, so a rule's severity is
// its findings' without conversion.
type Severity = reports.Severity

const (
	Error   = reports.Error
	Warning = reports.Warning
	Info    = reports.Info
)

// Audiences: whom a document's terms are offered to.
const (
	Consumer = "consumer" // consumers: consumer-protection law applies
	B2B      = "b2b"      // businesses: a bid, a maintenance contract, industrial goods
)

// Jurisdictions whose law a document's terms are under.
const (
	Mainland = "mainland"
	HK       = "hk"
	Macau    = "macau"
	TW       = "tw"
)

// Jurisdictions lists the jurisdictions a document can be under.
var Jurisdictions = []string{Mainland, HK, Macau, TW}

// Basis is one legal source of a rule.
type Basis struct {
	Law     string `yaml:"law"`
	Article string `yaml:"article"`
	// Level is the evidence tag of ../shared/legal-facts.md: P (read in a
	// full primary text), M (a mirror of an official text), S (agreeing
	// secondary sources), U (unverified).
	Level string `yaml:"level"`
}

func (b Basis) String() string { return strings.TrimSpace(b.Law + " " + b.Article) }

// Limit is a threshold figure.
type Limit struct {
	Value float64       `yaml:"value"`
	Unit  duration.Unit `yaml:"unit"`
}

// Amount converts the limit for comparison.
func (l Limit) Amount() duration.Amount { return duration.Amount{Value: l.Value, Unit: l.Unit} }

// Examples are a rule's own tests: each bad text must trigger the rule,
// each good text must not.
type Examples struct {
	Bad  []string `yaml:"bad"`
	Good []string `yaml:"good"`
}

// Rule is one entry of a rulebook.
type Rule struct {
	ID        string         `yaml:"id"`
	Title     string         `yaml:"title"`
	Severity  Severity       `yaml:"severity"`
	AppliesTo []reports.Kind `yaml:"applies_to"`
	// Audience limits the rule to consumer or b2b terms; empty means both.
	// Consumer-protection rules never judge terms between businesses.
	Audience []string `yaml:"audience"`
	// Jurisdictions the rule's law governs; empty means mainland only.
	// Mainland law is not applied to Hong Kong, Macau or Taiwan shops.
	Jurisdictions []string      `yaml:"jurisdictions"`
	Topic         reports.Topic `yaml:"topic"`
	// Check is the rule's check kind (a name registered with RegisterKind:
	// threshold, forbid, require …).
	Check string `yaml:"check"`

	Message  string   `yaml:"message"`
	Basis    []Basis  `yaml:"basis"`
	Fix      string   `yaml:"fix"`
	Examples Examples `yaml:"examples"`

	// Params are the check kind's own parameters, read from the rule's
	// mapping by its Kind: a pointer to the struct Kind.Params returned.
	Params any       `yaml:"-"`
	pat    *Patterns // Params' patterns, if the kind has any
}

// Applies reports whether the rule runs on documents of kind k.
func (r *Rule) Applies(k reports.Kind) bool { return slices.Contains(r.AppliesTo, k) }

// Fits reports whether the rule judges terms for the given audience
// (consumer or b2b) under the given jurisdiction.
func (r *Rule) Fits(audience, jurisdiction string) bool {
	if len(r.Audience) > 0 && !slices.Contains(r.Audience, audience) {
		return false
	}
	if len(r.Jurisdictions) == 0 {
		return jurisdiction == Mainland || jurisdiction == ""
	}
	return slices.Contains(r.Jurisdictions, jurisdiction)
}

// Match returns the byte range of the first match in s of the rule's
// patterns that the with/without conditions allow, or nil. A rule whose
// kind takes no patterns matches nothing.
func (r *Rule) Match(s string) []int {
	if r.pat == nil {
		return nil
	}
	return r.pat.Match(s)
}

// Excepts reports whether s holds one of the rule's without conditions
// (false for a rule without patterns).
func (r *Rule) Excepts(s string) bool {
	return r.pat != nil && r.pat.Excepts(s)
}

// patternSources returns the rule's normalized expressions, uncompiled.
func (r *Rule) patternSources() []string {
	if r.pat == nil {
		return nil
	}
	return r.pat.patterns.sources()
}

// PatternSources returns the rule's patterns as written, or nil.
func (r *Rule) PatternSources() []string {
	if r.pat == nil {
		return nil
	}
	return r.pat.Patterns
}

// Unverified reports a rule resting on a figure the project's legal
// notes mark UNVERIFIED (level U): it is at most a warning, and its
// findings say the figure awaits verification.
func (r *Rule) Unverified() bool {
	for _, b := range r.Basis {
		if b.Level == "U" {
			return true
		}
	}
	return false
}

// UnverifiedNote ends the message of a finding that rests on an
// unverified figure.
const UnverifiedNote = "（依据的数字有待核实 / the figure awaits verification）"

// BasisStrings renders the basis as CONTRACT.md's list of strings.
func (r *Rule) BasisStrings() []string {
	out := make([]string, len(r.Basis))
	for i, b := range r.Basis {
		out[i] = b.String()
	}
	return out
}

// Book is a loaded rulebook, rules in id order.
type Book struct {
	Rules []*Rule
	// Version names the rulebook's contents: "builtin-" and the start of
	// the SHA-256 of its files, so two reports made with different rules
	// can be told apart.
	Version string
	byID    map[string]*Rule
	preMu   sync.Mutex
	pre     map[reports.Kind]*Prefilter // by document kind; "" for every rule
}

// Prefilter returns the book's literal index over its pattern rules,
// built on first use.
func (b *Book) Prefilter() *Prefilter { return b.PrefilterFor("") }

// PrefilterFor returns the literal index over the pattern rules that apply
// to documents of kind k (all rules for ""), built on first use. A tender
// is not scanned for the words of forty policy rules.
func (b *Book) PrefilterFor(k reports.Kind) *Prefilter {
	b.preMu.Lock()
	defer b.preMu.Unlock()
	if p, ok := b.pre[k]; ok {
		return p
	}
	if b.pre == nil {
		b.pre = map[reports.Kind]*Prefilter{}
	}
	p := newPrefilter(b.Rules, func(r *Rule) bool { return k == "" || r.Applies(k) })
	b.pre[k] = p
	return p
}

// Get returns the rule with the given id.
func (b *Book) Get(id string) *Rule { return b.byID[id] }

// Builtin loads the embedded rulebook. It comes prepared from the Go
// literals that go generate wrote (checker/check/builtin_gen.go, linked
// with the check kinds) when they were made from these very YAML files;
// otherwise, as after an edit to rules/builtin without go generate, the
// YAML is parsed, which is slower but gives the same book.
func Builtin() (*Book, error) {
	files, version, err := builtinFiles()
	if err != nil {
		return nil, err
	}
	if p := preparedBook; p != nil && p.Version == version {
		return p.book(), nil
	}
	return parseBuiltin(files, version)
}

// ParseBuiltin loads the embedded rulebook from its YAML, never from the
// prepared form: go generate and the test that the prepared form is
// current use it.
func ParseBuiltin() (*Book, error) {
	files, version, err := builtinFiles()
	if err != nil {
		return nil, err
	}
	return parseBuiltin(files, version)
}

type builtinFile struct {
	name string
	data []byte
}

// builtinFiles reads the embedded YAML files in name order and names
// their contents: "builtin-" and the start of their SHA-256.
func builtinFiles() ([]builtinFile, string, error) {
	names, err := fs.Glob(builtin, "builtin/*.yaml")
	if err != nil {
		return nil, "", err
	}
	sort.Strings(names)
	files := make([]builtinFile, 0, len(names))
	h := sha256.New()
	for _, f := range names {
		b, err := builtin.ReadFile(f)
		if err != nil {
			return nil, "", err
		}
		files = append(files, builtinFile{f, b})
		h.Write(b)
	}
	return files, fmt.Sprintf("builtin-%x", h.Sum(nil)[:6]), nil
}

func parseBuiltin(files []builtinFile, version string) (*Book, error) {
	book := &Book{byID: map[string]*Rule{}}
	for _, f := range files {
		if err := book.add(f.name, f.data); err != nil {
			return nil, err
		}
	}
	book.Version = version
	book.sort()
	return book, nil
}

func (book *Book) add(name string, b []byte) error {
	rules, err := parse(name, b)
	if err != nil {
		return err
	}
	var errs []error
	for _, r := range rules {
		if _, dup := book.byID[r.ID]; dup {
			errs = append(errs, fmt.Errorf("%s: rule %s: defined twice", name, r.ID))
			continue
		}
		book.byID[r.ID] = r
		book.Rules = append(book.Rules, r)
	}
	return errors.Join(errs...)
}

func (book *Book) sort() {
	sort.Slice(book.Rules, func(i, j int) bool { return book.Rules[i].ID < book.Rules[j].ID })
}

var idRe = regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$`)

// validate checks a rule and its kind's parameters and compiles its
// patterns, returning each problem with the field it is about. given are
// the keys the rule's mapping has.
func (r *Rule) validate(given []string) []Problem {
	var problems []Problem
	bad := func(field, f string, a ...any) {
		problems = append(problems, Problem{Field: field, Msg: fmt.Sprintf(f, a...)})
	}
	if !idRe.MatchString(r.ID) {
		bad("id", "id %q must look like CPL-EXCH-15D (capitals, digits, dashes)", r.ID)
	}
	if r.Title == "" {
		bad("title", "title is empty")
	}
	if r.Severity.Rank() == 0 {
		bad("severity", "severity %q must be error, warning or info", r.Severity)
	}
	if len(r.AppliesTo) == 0 {
		bad("applies_to", "applies_to is empty")
	}
	for _, k := range r.AppliesTo {
		if !slices.Contains(reports.Kinds, k) {
			bad("applies_to", "applies_to %q must be one of %s", k, strings.Join(reports.KindNames(), ", "))
		}
	}
	for _, a := range r.Audience {
		if a != Consumer && a != B2B {
			bad("audience", "audience %q must be consumer or b2b", a)
		}
	}
	for _, j := range r.Jurisdictions {
		if !slices.Contains(Jurisdictions, j) {
			bad("jurisdictions", "jurisdictions %q must be one of %s", j, strings.Join(Jurisdictions, ", "))
		}
	}
	if _, ok := TopicNames[r.Topic]; !ok {
		bad("topic", "topic %q is not a topic of docs/contract.md", r.Topic)
	}
	if len(r.Basis) == 0 {
		bad("basis", "basis is empty: every rule cites its law")
	}
	for _, b := range r.Basis {
		if b.Law == "" || !strings.Contains("PMSU", b.Level) || b.Level == "" {
			bad("basis", "basis needs law and level (P, M, S or U): %+v", b)
		}
		if b.Level == "U" && r.Severity == Error {
			bad("severity", "a rule on an unverified figure is at most a warning")
		}
	}
	kind, known := kinds[r.Check]
	if known {
		for _, k := range given {
			if !commonKeys[k] && !kindKeys[r.Check][k] {
				bad(k, "%s: only %s rules take %s", k, strings.Join(kindsOwning(k), " and "), k)
			}
		}
	}
	if r.Message == "" {
		bad("message", "message is empty")
	}
	if len(r.Examples.Bad) == 0 {
		bad("examples", "examples.bad is empty: a rule carries its own tests")
	}
	if !known {
		bad("check", "check %q must be one of %s", r.Check, strings.Join(kindNames, ", "))
		return problems
	}
	kind.Validate(r, bad)
	if ps, ok := r.Params.(patternSet); ok {
		r.pat = ps.PatternSet()
		r.pat.compile(bad)
	}
	return problems
}

func normalizePattern(p string) string {
	var b bytes.Buffer
	for _, r := range p {
		if r > 127 {
			b.WriteString(normalize.String(string(r)))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sortedKeys lists m's keys as strings, sorted.
func sortedKeys[K ~string, V any](m map[K]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, string(k))
	}
	sort.Strings(out)
	return out
}
