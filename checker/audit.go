// Package checker runs the rulebook over a read document: it splits the
// document into clauses, extracts facts, applies every rule that fits the
// document's kind, and returns the finished report entry.
package checker

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

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
}

// Audit checks one document. kind forces the document kind; empty detects it.
func (a *Auditor) Audit(src *reader.Source, kind string) reports.Document {
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
		for _, f := range session.Extract(c) {
			d.facts = append(d.facts, located{f, i})
		}
	}
	out := reports.Document{Path: src.Path, Kind: kind, Encoding: src.Encoding, Format: src.Format, Warnings: src.Warnings, Facts: []reports.Fact{}, Findings: []reports.Finding{}}
	topics := map[string]bool{}
	for _, f := range d.facts {
		out.Facts = append(out.Facts, d.reportFact(f))
		topics[f.Topic] = true
	}
	for _, c := range d.clauses {
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
	markOCR(&out, src)
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
	return out
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
	return reports.Place{Line: p.Line, Column: p.Column, Location: p.Location, Evidence: d.originalText(ci)}
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
		Line: p.Line, Column: p.Column, Evidence: d.originalText(ci), Basis: r.BasisStrings(),
		Title: r.Title, Fix: r.Fix, Section: strings.Join(c.Section, " › "), Location: p.Location,
		Suppressed: d.ignored[ci][r.ID],
	}
}

// ignoreRe is an inline suppression: a line "shouhou-ignore RULE-ID: reason",
// in Markdown inside an HTML comment.
var ignoreRe = regexp.MustCompile(`shouhou-ignore\s+([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)\s*[:：]\s*([^\n]*?)\s*(?:-->|\n|$)`)

// ignores maps each shouhou-ignore line to the clause after it: the first
// clause that starts past the line and is not itself a directive.
func ignores(text string, cls []clause.Clause) map[int]map[string]string {
	out := map[int]map[string]string{}
	for _, m := range ignoreRe.FindAllStringSubmatchIndex(text, -1) {
		end := m[1]
		rule, reason := strings.ToUpper(text[m[2]:m[3]]), text[m[4]:m[5]]
		if reason == "" {
			reason = "(no reason given)"
		}
		for i, c := range cls {
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
		Text: d.originalText(f.clause), Line: p.Line, Column: p.Column, Blank: f.Blank,
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

// originalText is the clause as the file has it, line breaks removed, so a
// person can search the file for it.
func (d *doc) originalText(ci int) string {
	c := d.clauses[ci]
	s := d.src.Text[c.Text.Orig(0):c.Text.Orig(len(c.Text.S))]
	return collapseSpace(s)
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
