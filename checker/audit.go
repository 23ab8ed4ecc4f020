// Package checker runs the rulebook over a read document: it splits the
// document into clauses, extracts facts, applies every rule that fits the
// document's kind, and returns the finished report entry.
package checker

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"shouhou/checker/clause"
	"shouhou/checker/facts"
	"shouhou/checker/reader"
	"shouhou/lexicon/duration"
	"shouhou/lexicon/keywords"
	"shouhou/lexicon/money"
	"shouhou/reports"
	"shouhou/rules"
)

// Auditor applies one rulebook. It is safe for concurrent use.
type Auditor struct {
	book  *rules.Book
	x     *facts.Extractor
	index map[*rules.Rule]int // rule -> its place in book.Rules
	cats  []rules.Category
	// catWords finds every category's detection words in one pass;
	// catOf maps a word to its category's index.
	catWords *keywords.Set
	catOf    []int
	// productWords are the categories' detection words: a heading naming
	// one starts a product's own section.
	productWords []string
	// Category forces the product category (an id of rules.Categories);
	// empty detects it from the document's words.
	Category string
}

// New returns an auditor over book.
func New(book *rules.Book) *Auditor {
	index := map[*rules.Rule]int{}
	for i, r := range book.Rules {
		index[r] = i
	}
	cats, err := rules.Categories()
	if err != nil {
		panic("checker: embedded category profiles are invalid: " + err.Error()) // a build defect, caught by tests
	}
	var words []string
	var catOf []int
	for i, c := range cats {
		for _, w := range c.Detect {
			words = append(words, w)
			catOf = append(catOf, i)
		}
	}
	return &Auditor{book: book, x: facts.New(), index: index, cats: cats, catWords: keywords.New(words), catOf: catOf,
		productWords: slices.Concat(words, []string{"类", "系列", "型号"})}
}

// category is the product category the document's 三包 figures are judged
// by: the forced one, else the one whose words the document uses most,
// else general.
func (a *Auditor) category(d *doc) *rules.Category {
	for i, c := range a.cats {
		if c.ID == a.Category {
			return &a.cats[i]
		}
	}
	counts := make([]int, len(a.cats))
	for _, cl := range d.clauses {
		a.catWords.Each(cl.Text.S, func(_, _, w int) bool {
			counts[a.catOf[w]]++
			return true
		})
	}
	best, bestN := -1, 0
	for i, n := range counts {
		if n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		for i, c := range a.cats {
			if c.ID == "general" {
				return &a.cats[i]
			}
		}
		return nil
	}
	return &a.cats[best]
}

// mayMatch reports whether rule r's patterns may match clause i.
func (d *doc) mayMatch(r *rules.Rule, i int) bool {
	k, ok := d.index[r]
	return !ok || d.cand[i][k]
}

// located is a fact with the clause it came from.
type located struct {
	facts.Fact
	clause int
}

// doc is the working state of one audit.
type doc struct {
	src     *reader.Source
	clauses []clause.Clause
	facts   []located
	// cand[i][r] says rule r (index in the book) may match clause i: the
	// rulebook's literal prefilter, run once per clause.
	cand  [][]bool
	index map[*rules.Rule]int
	// ignored[clause][rule] is the reason a shouhou-ignore line gave for
	// not reporting rule on that clause.
	ignored map[int]map[string]string
	// whole caches each clause's evidence; "" for a clause over EvidenceMax.
	whole map[int]string
}

// MaxEntries bounds the facts, the findings and the table cells (each
// counted apart) of one document. Memory grows with them (each carries its evidence and place),
// and no real policy or tender comes near: a document past it is a
// generated or endlessly repeated file, and gets an error instead of
// taking the batch's memory.
const MaxEntries = 100_000

// Audit checks one document. kind forces the document kind; empty detects it.
func (a *Auditor) Audit(src *reader.Source, kind string) reports.Document {
	out, err := a.AuditContext(context.Background(), src, kind)
	if err != nil {
		msg := err.Error()
		return reports.Document{Path: src.Path, Facts: []reports.Fact{}, Findings: []reports.Finding{}, Error: &msg}
	}
	return out
}

func tooMany(n int, what string) error {
	return fmt.Errorf("more than %d %s: a generated or repeated file? split it to audit it", n, what)
}

// AuditContext is Audit abandoned with ctx's error once ctx is done
// (--doc-timeout): the loops over clauses and rules look at it as they go.
func (a *Auditor) AuditContext(ctx context.Context, src *reader.Source, kind string) (reports.Document, error) {
	d := &doc{src: src, clauses: clause.Split(src), index: a.index}
	d.ignored = ignores(src.Text, d.clauses)
	if kind == "" {
		kind = DetectKind(d.clauses)
	}
	pre := a.book.PrefilterFor(kind)
	d.cand = make([][]bool, len(d.clauses))
	for i, c := range d.clauses {
		d.cand[i] = pre.Candidates(c.Text.S, nil)
	}
	session := a.x.Session()
	for i, c := range d.clauses {
		if i%256 == 0 && ctx.Err() != nil {
			return reports.Document{}, ctx.Err()
		}
		for _, f := range session.Extract(c) {
			d.facts = append(d.facts, located{f, i})
		}
		if len(d.facts) > MaxEntries {
			return reports.Document{}, tooMany(MaxEntries, "figures found")
		}
	}
	out := reports.Document{Path: src.Path, Kind: kind, Encoding: src.Encoding, Format: src.Format, Warnings: src.Warnings, Facts: []reports.Fact{}, Findings: []reports.Finding{}}
	topics := map[string]bool{}
	for _, f := range d.facts {
		out.Facts = append(out.Facts, d.reportFact(f))
		topics[f.Topic] = true
	}
	for _, c := range d.clauses {
		if len(out.Cells) >= MaxEntries {
			return reports.Document{}, tooMany(MaxEntries, "table cells")
		}
		if c.Table > 0 {
			p := src.Locate(c.Text.Orig(0))
			out.Cells = append(out.Cells, reports.CellText{Cell: reports.Cell{Table: c.Table, Row: c.Row, Col: c.Col, Header: c.Header},
				Text: c.Text.S, Line: p.Line, Location: p.Location})
		}
	}
	commitment := kind == rules.Policy && isCommitment(d.clauses, topics)
	var cat *rules.Category
	if kind == rules.Policy {
		if cat = a.category(d); cat != nil {
			out.Category = cat.ID
		}
	}
	for _, r := range a.book.Rules {
		if ctx.Err() != nil {
			return reports.Document{}, ctx.Err()
		}
		if !r.Applies(kind) || cat != nil && !cat.Applies(r.ID) {
			continue
		}
		switch r.Check {
		case rules.Threshold:
			out.Findings = append(out.Findings, d.threshold(r)...)
		case rules.Forbid:
			out.Findings = append(out.Findings, d.forbid(r)...)
		case rules.Placeholder:
			out.Findings = append(out.Findings, d.placeholder(r)...)
		case rules.Require:
			if commitment {
				out.Findings = append(out.Findings, d.require(r, topics)...)
			}
		case rules.Consistent:
			out.Findings = append(out.Findings, d.consistent(r, a.productWords)...)
		case rules.Ratio:
			out.Findings = append(out.Findings, d.ratio(r)...)
		case rules.Profile:
			if cat != nil {
				out.Findings = append(out.Findings, d.profile(r, cat)...)
			}
		}
	}
	if len(out.Findings) > MaxEntries {
		return reports.Document{}, tooMany(MaxEntries, "findings")
	}
	kept := out.Findings[:0]
	for _, f := range out.Findings {
		if f.Suppressed != "" {
			out.Suppressed = append(out.Suppressed, f)
		} else {
			kept = append(kept, f)
		}
	}
	out.Findings = kept
	sort.SliceStable(out.Findings, func(i, j int) bool {
		fi, fj := out.Findings[i], out.Findings[j]
		if fi.Line != fj.Line {
			return fi.Line < fj.Line
		}
		if fi.Column != fj.Column {
			return fi.Column < fj.Column
		}
		return fi.Rule < fj.Rule
	})
	return out, nil
}

func (d *doc) threshold(r *rules.Rule) []reports.Finding {
	var out []reports.Finding
	for _, f := range d.facts {
		if f.Topic != r.Topic || f.Blank {
			continue
		}
		var stated, limit duration.Amount
		var ok bool
		if r.Min != nil {
			stated, limit = f.Amount(), r.Min.Amount()
			ok = duration.AtLeast(stated, limit)
		} else {
			stated, limit = f.Upper(), r.Max.Amount()
			ok = duration.AtMost(stated, limit)
		}
		if ok {
			continue
		}
		msg := expand(r.Message, map[string]string{"stated": stated.String(), "limit": limit.String(), "topic": rules.TopicNames[r.Topic]})
		out = append(out, d.finding(r, reports.Violation, msg, f.clause, f.NumStart))
	}
	return out
}

// profile judges warranties by the document's product category: each part
// the category names must be covered at least as long as its rules say.
func (d *doc) profile(r *rules.Rule, cat *rules.Category) []reports.Finding {
	var out []reports.Finding
	for _, f := range d.facts {
		if f.Topic != r.Topic || f.Blank || f.Unit == "" {
			continue
		}
		item := f.Item
		if f.Topic == "warranty_period" {
			s := d.clauses[f.clause].Text.S
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
		fd := d.finding(r, reports.Violation, msg, f.clause, f.NumStart)
		fd.Basis = append(fd.Basis, cat.Basis.String())
		if cat.Basis.Level == "U" && fd.Severity == string(rules.Error) {
			fd.Severity = string(rules.Warning)
			fd.Message += rules.UnverifiedNote
		}
		out = append(out, fd)
	}
	return out
}

// ratio judges a money fact as a share of another topic's sum: a
// percentage as it stands, a sum against the largest base the document
// states (a deposit of 5万元 against a budget of 100万元). With no base
// stated a sum cannot be judged. The largest base is the kindest reading
// when a tender states several (lots, or a budget and a ceiling price),
// and a contract never exceeds its budget, so a bond over 10% of the
// budget is over 10% of the contract too.
func (d *doc) ratio(r *rules.Rule) []reports.Finding {
	var base *located
	for i, f := range d.facts {
		if f.Topic == r.Of && f.Unit == money.Yuan && !f.Blank && f.Value > 0 && (base == nil || f.Value > base.Value) {
			base = &d.facts[i]
		}
	}
	var out []reports.Finding
	for _, f := range d.facts {
		if f.Topic != r.Topic || f.Blank {
			continue
		}
		value := f.Upper().Value
		share, stated := value, money.String(value, f.Unit)
		var related []reports.Place
		switch f.Unit {
		case money.Percent:
		case money.Yuan:
			if base == nil {
				continue
			}
			share = value / base.Value * 100
			bp := d.place(base.clause, base.NumStart)
			stated = fmt.Sprintf("%s（为%s %s 的 %s，%s）", stated, rules.TopicNames[r.Of], money.String(base.Value, money.Yuan),
				money.String(math.Round(share*100)/100, money.Percent), bp.Location)
			related = append(related, bp)
		default:
			continue
		}
		if share <= r.Max.Value+1e-9 {
			continue
		}
		msg := expand(r.Message, map[string]string{
			"stated": stated, "limit": money.String(r.Max.Value, money.Percent), "topic": rules.TopicNames[r.Topic],
		})
		fd := d.finding(r, reports.Violation, msg, f.clause, f.NumStart)
		fd.Related = related
		out = append(out, fd)
	}
	return out
}

// place is clause ci's spot at byte off of its normalized text, with the
// clause as evidence.
func (d *doc) place(ci, off int) reports.Place {
	p := d.src.Locate(d.clauses[ci].Text.Orig(off))
	return reports.Place{Line: p.Line, Column: p.Column, Location: p.Location, Evidence: d.originalText(ci, off)}
}

// phraseStart is where the phrase holding byte off of s begins: after the
// last comma or semicolon before it.
func phraseStart(s string, off int) int {
	return strings.LastIndexAny(s[:off], ",;") + 1
}

func (d *doc) forbid(r *rules.Rule) []reports.Finding {
	status := reports.Violation
	if r.Status == reports.Unclear {
		status = reports.Unclear
	}
	return d.matches(r, status, rules.TopicNames[r.Topic], nil)
}

// placeholder reports blank figures (XX小时内响应, 在 小时内) by the topic
// they belong to, then pattern matches (____, （  ）) in other clauses; one
// finding per clause.
func (d *doc) placeholder(r *rules.Rule) []reports.Finding {
	var out []reports.Finding
	done := map[int]bool{}
	for _, f := range d.facts {
		if !f.Blank || done[f.clause] {
			continue
		}
		done[f.clause] = true
		s := d.clauses[f.clause].Text.S
		msg := expand(r.Message, map[string]string{"topic": rules.TopicNames[f.Topic], "match": s[f.Start:f.End]})
		out = append(out, d.finding(r, reports.Unclear, msg, f.clause, f.NumStart))
	}
	return append(out, d.matches(r, reports.Unclear, "条款", done)...)
}

// matches reports each clause (but those in skip) where r's patterns match.
func (d *doc) matches(r *rules.Rule, status, topic string, skip map[int]bool) []reports.Finding {
	var out []reports.Finding
	for i, c := range d.clauses {
		if skip[i] || !d.mayMatch(r, i) {
			continue
		}
		loc := r.Match(c.Text.S)
		if loc == nil {
			continue
		}
		msg := expand(r.Message, map[string]string{"match": c.Text.S[loc[0]:loc[1]], "topic": topic})
		out = append(out, d.finding(r, status, msg, i, loc[0]))
	}
	return out
}

func (d *doc) require(r *rules.Rule, topics map[string]bool) []reports.Finding {
	for _, t := range r.Topics {
		if topics[t] {
			return nil
		}
	}
	for i, c := range d.clauses {
		if len(r.Patterns) > 0 && d.mayMatch(r, i) && r.Match(c.Text.S) != nil {
			return nil
		}
	}
	msg := expand(r.Message, map[string]string{"topic": rules.TopicNames[r.Topic]})
	if r.Unverified() {
		msg += rules.UnverifiedNote
	}
	return []reports.Finding{{
		Rule: r.ID, Topic: r.Topic, Severity: string(r.Severity), Status: reports.Missing, Message: msg,
		Basis: r.BasisStrings(), Title: r.Title, Fix: r.Fix,
	}}
}

// finding builds a finding located at byte off of clause ci's normalized text.
func (d *doc) finding(r *rules.Rule, status, msg string, ci, off int) reports.Finding {
	c := d.clauses[ci]
	p := d.src.Locate(c.Text.Orig(off))
	if r.Unverified() {
		msg += rules.UnverifiedNote
	}
	return reports.Finding{
		Rule: r.ID, Topic: r.Topic, Severity: string(r.Severity), Status: status, Message: msg,
		Line: p.Line, Column: p.Column, Evidence: d.originalText(ci, off), Basis: r.BasisStrings(),
		Title: r.Title, Fix: r.Fix, Section: strings.Join(c.Section, " › "), Location: p.Location,
		Suppressed: d.ignored[ci][r.ID],
	}
}

// ignoreRe is an inline suppression: a line "shouhou-ignore RULE-ID: reason",
// in Markdown inside an HTML comment.
var ignoreRe = regexp.MustCompile(`shouhou-ignore\s+([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)\s*[:：]\s*([^\n]*?)\s*(?:-->|\n|$)`)

// ignores maps each shouhou-ignore line to the clause after it: the first
// clause that starts past the line and is not itself a directive.
//
// Matches come in text order; where the clauses start in text order too
// (always, but for what a reader puts first, such as Word headers), the
// search resumes where the last one ended, so a file of many directives
// costs time linear in its length, not directives × clauses.
func ignores(text string, cls []clause.Clause) map[int]map[string]string {
	out := map[int]map[string]string{}
	ordered := true
	for i := 1; i < len(cls) && ordered; i++ {
		ordered = cls[i].Text.Orig(0) >= cls[i-1].Text.Orig(0)
	}
	matches := ignoreRe.FindAllStringSubmatchIndex(text, -1)
	if len(matches) == 0 {
		return out
	}
	// plain[i] is the first clause from i on that is not a directive.
	plain := make([]int, len(cls)+1)
	plain[len(cls)] = len(cls)
	for i := len(cls) - 1; i >= 0; i-- {
		plain[i] = i
		if strings.Contains(cls[i].Text.S, "shouhou-ignore") {
			plain[i] = plain[i+1]
		}
	}
	from := 0
	for _, m := range matches {
		end := m[1]
		rule, reason := strings.ToUpper(text[m[2]:m[3]]), text[m[4]:m[5]]
		if reason == "" {
			reason = "(no reason given)"
		}
		if ordered {
			from += sort.Search(len(cls)-from, func(k int) bool { return cls[from+k].Text.Orig(0) >= end })
			if i := plain[from]; i < len(cls) {
				if out[i] == nil {
					out[i] = map[string]string{}
				}
				out[i][rule] = reason
			}
			continue
		}
		for i := from; i < len(cls); i++ {
			c := cls[i]
			if c.Text.Orig(0) >= end && !strings.Contains(c.Text.S, "shouhou-ignore") {
				if out[i] == nil {
					out[i] = map[string]string{}
				}
				out[i][rule] = reason
				break
			}
		}
	}
	return out
}

func (d *doc) reportFact(f located) reports.Fact {
	c := d.clauses[f.clause]
	p := d.src.Locate(c.Text.Orig(f.NumStart))
	rf := reports.Fact{
		Topic: f.Topic, Op: string(f.Op), Unit: string(f.Unit), Item: f.Item,
		Text: d.originalText(f.clause, f.NumStart), Line: p.Line, Column: p.Column, Blank: f.Blank,
		Section: strings.Join(c.Section, " › "), Location: p.Location, Condition: f.Condition,
	}
	if c.Table > 0 {
		rf.Cell = &reports.Cell{Table: c.Table, Row: c.Row, Col: c.Col, Header: c.Header}
	}
	if !f.Blank && f.Unit != duration.Lifetime && f.Unit != "" { // list facts have an item, no figure
		v := f.Value
		rf.Value = &v
		if f.Op == duration.OpRange {
			m := f.Max
			rf.Max = &m
		}
	}
	return rf
}

// EvidenceMax bounds the evidence a fact or finding carries, in
// characters. A clause longer than that (scraped text with no sentence
// ends) is quoted as the EvidenceWindow characters around the place,
// marked with … where cut: a document whose every phrase holds a figure
// would otherwise report its whole text once per figure, output growing
// with the square of the input.
const (
	EvidenceMax    = 300
	EvidenceWindow = 120
)

// originalText is the clause as the file has it, line breaks removed, so a
// person can search the file for it; for a clause over EvidenceMax
// characters, the part around byte off of its normalized text.
func (d *doc) originalText(ci, off int) string {
	c := d.clauses[ci]
	a, b := c.Text.Orig(0), c.Text.Orig(len(c.Text.S))
	if d.whole == nil {
		d.whole = map[int]string{}
	}
	whole, seen := d.whole[ci]
	if !seen {
		whole = collapseSpace(d.src.Text[a:b])
		if utf8.RuneCountInString(whole) > EvidenceMax {
			whole = ""
		}
		d.whole[ci] = whole
	}
	if whole != "" || a == b {
		return whole
	}
	text := d.src.Text
	at := min(max(c.Text.Orig(off), a), b)
	start, end := at, at
	for n := 0; n < EvidenceWindow/3 && start > a; n++ {
		_, w := utf8.DecodeLastRuneInString(text[a:start])
		start -= w
	}
	for n := 0; n < EvidenceWindow-EvidenceWindow/3 && end < b; n++ {
		_, w := utf8.DecodeRuneInString(text[end:b])
		end += w
	}
	s := collapseSpace(text[start:end])
	if start > a {
		s = "…" + s
	}
	if end < b {
		s += "…"
	}
	return s
}

func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case '\n', '\r':
			continue
		case ' ', '\t', '\u3000':
			if !space {
				b.WriteRune(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

func expand(tmpl string, vars map[string]string) string {
	for k, v := range vars {
		tmpl = strings.ReplaceAll(tmpl, "{"+k+"}", v)
	}
	return tmpl
}
