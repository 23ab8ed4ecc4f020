// Package checker runs the rulebook over a read document: it splits the
// document into clauses, extracts facts, applies every rule that fits the
// document's kind, and returns the finished report entry.
package checker

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"shouhou/checker/check"
	"shouhou/checker/clause"
	"shouhou/checker/facts"
	"shouhou/checker/reader"
	"shouhou/lexicon/keywords"
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
	// Audience forces consumer or b2b terms; empty detects it.
	Audience string
	// Jurisdiction forces mainland, hk, macau or tw; empty detects it.
	Jurisdiction string
	// Known says whether a rule id exists, for the warnings about
	// shouhou-ignore directives (rules disabled by configuration still
	// exist); nil: the rules of the book.
	Known func(id string) bool
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
// by: the forced one; else the one the document names where it matters —
// in its title or a heading (3), in its first clauses (2), in a clause
// about its 三包, warranty or returns (1 more) — scoring 3 or more; else
// general. A word in passing (a phone
// number, a car park) is no evidence. It returns the words that decided.
func (a *Auditor) category(d *doc) (*rules.Category, []string) {
	for i, c := range a.cats {
		if c.ID == a.Category {
			return &a.cats[i], []string{"--category"}
		}
	}
	counts := make([]int, len(a.cats))
	words := make([][]string, len(a.cats))
	for i, cl := range d.clauses {
		weight := 0
		switch {
		case i == 0 || cl.Kind == reader.Heading:
			weight = 3 // a title naming the product: 手机售后服务政策
		case i < headN:
			weight = 2
		}
		if categoryCues().Contains(cl.Text.S) {
			weight++
		}
		if weight == 0 || d.u.other[i] || d.u.clauseKind[i] != reports.Policy {
			continue
		}
		a.catWords.Each(cl.Text.S, func(start, end, w int) bool {
			if notTheProduct(cl.Text.S, start, end) {
				return true
			}
			c := a.catOf[w]
			counts[c] += weight
			if word := a.catWords.Word(w); !slices.Contains(words[c], word) {
				words[c] = append(words[c], word)
			}
			return true
		})
	}
	best, bestN := -1, 2 // the title and a 三包 clause, or three 三包 clauses
	for i, n := range counts {
		if n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		if i, ws := a.onlyNonDurable(d); i >= 0 {
			return &a.cats[i], ws
		}
	}
	if best < 0 {
		for i, c := range a.cats {
			if c.ID == "general" {
				return &a.cats[i], nil
			}
		}
		return nil, nil
	}
	return &a.cats[best], words[best]
}

// onlyNonDurable finds a shop whose goods are all of the non-三包 kind
// (fruit, clothes, food): their words in two or more of its clauses,
// anywhere, and no word of any durable goods category. Such goods owe no
// warranty and no 三包 exchange, whether or not the title names them.
func (a *Auditor) onlyNonDurable(d *doc) (int, []string) {
	nd := -1
	for i, c := range a.cats {
		if c.ID == "non_sanbao" {
			nd = i
		}
	}
	if nd < 0 {
		return -1, nil
	}
	clauses, durable := 0, false
	var words []string
	for i, cl := range d.clauses {
		if d.u.other[i] || d.u.clauseKind[i] != reports.Policy || catalogue(cl.Text.S) {
			continue
		}
		hit := false
		a.catWords.Each(cl.Text.S, func(start, end, w int) bool {
			if notTheProduct(cl.Text.S, start, end) {
				return true
			}
			c := a.catOf[w]
			switch {
			case c == nd:
				hit = true
				if word := a.catWords.Word(w); !slices.Contains(words, word) {
					words = append(words, word)
				}
			case a.cats[c].ID != "general" && a.cats[c].ID != "used_goods":
				durable = true
			}
			return !durable
		})
		if durable {
			return -1, nil
		}
		if hit {
			clauses++
		}
	}
	if clauses < 2 {
		return -1, nil
	}
	return nd, words
}

// catalogue reports a clause that lists many kinds of goods (食品/饮料/酒水、
// 奶粉、钻石/黄金): a general shop's list of exclusions, not what it sells.
func catalogue(s string) bool {
	return strings.Count(s, "、")+strings.Count(s, "/") >= 4
}

// sellsGoods reports clauses that speak of goods sold.
func sellsGoods(cls []clause.Clause) bool {
	for _, c := range cls {
		if vocab().goods.Contains(c.Text.S) {
			return true
		}
	}
	return false
}

// notTheProduct tells a category word that does not name the goods sold:
// part of an accessory's name (手机壳, 电脑包) or denied (不销售手机).
func notTheProduct(s string, start, end int) bool {
	rest := s[end:]
	for _, w := range vocab().lex.Accessories {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	before := s[max(0, start-len("不销售")):start]
	return strings.Contains(before, "不") || strings.Contains(before, "非")
}

// categoryCues is kinds.yaml's category_cues as a set.
var categoryCues = sync.OnceValue(func() *keywords.Set {
	return keywords.New(vocab().lex.CategoryCues)
})

// mayMatch reports whether rule r's patterns may match clause i.
func (d *doc) mayMatch(r *rules.Rule, i int) bool {
	k, ok := d.index[r]
	return !ok || d.candSets[d.cand[i]][k]
}

// located is a fact with the clause it came from: the check kinds' Fact.
type located = check.Fact

// doc is the working state of one audit.
type doc struct {
	src     *reader.Source
	clauses []clause.Clause
	facts   []located
	// candSets[cand[i]][r] says rule r (index in the book) may match
	// clause i: the rulebook's literal prefilter, run once per clause;
	// clauses with the same candidates share a vector.
	cand     []int32
	candSets [][]bool
	index    map[*rules.Rule]int
	// pre is the prefilter cand came from; joined holds its verdicts on
	// clauses joined across a semicolon (whole.go's matchAt).
	pre    *rules.Prefilter
	joined map[int][]bool
	// leads[i] is the lead-in clause of list item i or -1 (whole.go's
	// leadOf); leadCand the prefilter's verdicts on items read with it.
	leads    map[int]int
	leadCand map[int][]bool
	// opens caches whether clause i opens a condition sentence (1 yes,
	// -1 no, 0 not yet asked): matchAt asks it once per rule.
	opens []int8
	// rows indexes table cells by (table, row): whole.go's rowText.
	rows map[[2]int][]int
	// ignored[clause][rule] is the reason a shouhou-ignore line gave for
	// not reporting rule on that clause.
	ignored map[int]map[string]string
	// whole caches each clause's evidence; "" for a clause over EvidenceMax.
	whole map[int]string
	// u is what the document is: kinds of its clauses, whose voice.
	u *Understanding
}

// judges reports whether rule r may judge clause ci: the clause's section
// is of a kind the rule applies to, and the clause is the document's own
// word — not a statement of the law, of the consumer's rights or of
// another party's duty (blanks are blanks whoever speaks).
func (d *doc) judges(r *rules.Rule, ci int) bool {
	if !r.Applies(d.u.clauseKind[ci]) {
		return false
	}
	return r.Check == check.Placeholder || !d.u.other[ci]
}

// MaxEntries bounds the facts, the findings and the table cells (each
// counted apart) of one document. Memory grows with them (each carries its evidence and place),
// and no real policy or tender comes near: a document past it is a
// generated or endlessly repeated file, and gets an error instead of
// taking the batch's memory.
const MaxEntries = 100_000

// Audit checks one document. kind forces the document kind; empty detects it.
func (a *Auditor) Audit(src *reader.Source, kind reports.Kind) reports.Document {
	out, err := a.AuditContext(context.Background(), src, kind)
	if err != nil {
		msg := err.Error()
		return reports.Document{Path: src.Path, Facts: []reports.Fact{}, Findings: []reports.Finding{}, Error: &msg}
	}
	return out
}

// sameCell reports two clauses outside any table, or in the same cell of
// one (a cell holding a heading and its paragraph).
func sameCell(a, b clause.Clause) bool {
	return a.Table == b.Table && a.Row == b.Row && a.Col == b.Col
}

func tooMany(n int, what string) error {
	return fmt.Errorf("more than %d %s: a generated or repeated file? split it to audit it", n, what)
}

// AuditContext is Audit abandoned with ctx's error once ctx is done
// (--doc-timeout): the loops over clauses and rules look at it as they go.
func (a *Auditor) AuditContext(ctx context.Context, src *reader.Source, kind reports.Kind) (reports.Document, error) {
	return a.audit(ctx, src, kind, nil)
}

// audit is AuditContext that also fills keep, when given, with the facts
// and table cells (Read).
func (a *Auditor) audit(ctx context.Context, src *reader.Source, kind reports.Kind, keep *Reading) (reports.Document, error) {
	d := &doc{src: src, clauses: clause.Split(src), index: a.index}
	src.Blocks = nil // read only by Split: a huge document's blocks go now
	rowContext(d.clauses)
	known := a.Known
	if known == nil {
		known = func(id string) bool { return a.book.Get(id) != nil }
	}
	var ignoreWarnings []string
	d.ignored, ignoreWarnings = ignores(src, src.Text, d.clauses, known)
	d.u = understand(src, d.clauses, kind, a.Audience, a.Jurisdiction)
	kind = d.u.Kind
	kindsHere := []reports.Kind{kind}
	for _, s := range d.u.Sections {
		if !slices.Contains(kindsHere, s.Kind) {
			kindsHere = append(kindsHere, s.Kind)
		}
	}
	preKind := kind
	if len(kindsHere) > 1 {
		preKind = ""
	}
	pre := a.book.PrefilterFor(preKind)
	d.pre = pre
	d.cand = make([]int32, len(d.clauses))
	sets := pre.Sets() // clauses with the same candidates share a vector
	for i, c := range d.clauses {
		d.cand[i] = sets.Index(c.Text.S)
	}
	d.candSets = sets.Vectors
	session := a.x.Session()
	for i, c := range d.clauses {
		if i%256 == 0 && ctx.Err() != nil {
			return reports.Document{}, ctx.Err()
		}
		next := ""
		if i+1 < len(d.clauses) && d.clauses[i+1].Kind != reader.Heading && sameCell(c, d.clauses[i+1]) {
			next = d.clauses[i+1].Text.S
		}
		for _, f := range session.ExtractLead(c, next) {
			d.facts = append(d.facts, located{Fact: f, Clause: i})
		}
		if len(d.facts) > MaxEntries {
			return reports.Document{}, tooMany(MaxEntries, "figures found")
		}
	}
	readRows(d.facts)
	d.facts = readLadders(d.facts)
	out := reports.Document{Path: src.Path, Kind: kind, Encoding: src.Encoding, Format: src.Format, Warnings: src.Warnings, Facts: []reports.Fact{}, Findings: []reports.Finding{},
		B2B: d.u.B2B, B2BEvidence: d.u.B2BEvidence, Jurisdiction: d.u.Jurisdiction, JurisdictionEvidence: d.u.JurisdictionEvidence}
	if len(ignoreWarnings) > 0 {
		out.Warnings = append(slices.Clip(src.Warnings), ignoreWarnings...)
	}
	for _, s := range d.u.Sections {
		first := src.Locate(d.clauses[s.First].Text.Orig(0))
		c := d.clauses[s.Last]
		last := src.Locate(c.Text.Orig(len(c.Text.S)))
		out.Sections = append(out.Sections, reports.Section{Kind: s.Kind, Title: s.Title, Line: first.Line, EndLine: last.Line})
	}
	topics := map[reports.Topic]bool{}
	out.Facts = make([]reports.Fact, 0, len(d.facts))
	for _, f := range d.facts {
		pf := d.placed(f)
		out.Facts = append(out.Facts, reportFact(pf))
		if keep != nil {
			keep.Facts = append(keep.Facts, pf)
		}
		topics[f.Topic] = true
	}
	cells := 0
	for _, c := range d.clauses {
		if cells >= MaxEntries {
			return reports.Document{}, tooMany(MaxEntries, "table cells")
		}
		if c.Table > 0 {
			cells++
			if keep != nil {
				p := src.Locate(c.Text.Orig(0))
				keep.Cells = append(keep.Cells, CellText{Cell: Cell{Table: c.Table, Row: c.Row, Col: c.Col, Header: c.Header},
					Text: c.Text.S, Line: p.Line, Location: p.Location})
			}
		}
	}
	policy := d.policyClauses()
	// A policy section of an article or a tender page (国家规定的退换货政策
	// quoted in an explainer) is judged, but not asked for the terms it
	// leaves out: only a policy document is a whole set of terms.
	commitment := d.u.Kind == reports.Policy && len(policy) > 0 && isCommitment(policy, topics)
	var cat *rules.Category
	if slices.Contains(kindsHere, reports.Policy) {
		if cat, out.CategoryEvidence = a.category(d); cat != nil {
			out.Category = cat.ID
		}
	}
	audience := rules.Consumer
	if d.u.B2B {
		audience = rules.B2B
	}
	here := &checkDoc{doc: d, ctx: check.Context{Topics: topics, Commitment: commitment, Unasked: unaskedTopics(policy), SellsGoods: func() bool { return sellsGoods(policy) },
		Category: cat, ProductWords: a.productWords, Jurisdiction: d.u.Jurisdiction, JurisdictionEvidence: d.u.JurisdictionEvidence}}
	for _, r := range a.book.Rules {
		if ctx.Err() != nil {
			return reports.Document{}, ctx.Err()
		}
		if !slices.ContainsFunc(kindsHere, r.Applies) || !r.Fits(audience, d.u.Jurisdiction) || cat != nil && !cat.Applies(r.ID) {
			continue
		}
		out.Findings = append(out.Findings, check.Get(r.Check).Run(here, r)...)
	}
	if len(out.Findings) > MaxEntries {
		return reports.Document{}, tooMany(MaxEntries, "findings")
	}
	markOCR(&out, src)
	kept := out.Findings[:0]
	for _, f := range out.Findings {
		if f.Status == "" {
			continue // a clause the rule may not judge (see judges)
		}
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
	out.Findings = groupFindings(out.Findings)
	return out, nil
}

// place is clause ci's spot at byte off of its normalized text, with the
// clause as evidence.
func (d *doc) place(ci, off int) reports.Place {
	p := d.src.Locate(d.clauses[ci].Text.Orig(off))
	return reports.Place{Line: p.Line, Column: p.Column, Location: p.Location, Evidence: d.originalText(ci, off)}
}

// policyClauses are the clauses of the document's policy sections (all of
// them for a policy of one kind).
func (d *doc) policyClauses() []clause.Clause {
	if len(d.u.Sections) == 0 {
		if d.u.Kind == reports.Policy {
			return d.clauses
		}
		return nil
	}
	var out []clause.Clause
	for _, s := range d.u.Sections {
		if s.Kind == reports.Policy {
			out = append(out, d.clauses[s.First:s.Last+1]...)
		}
	}
	return out
}

// finding builds a finding located at byte off of clause ci's normalized
// text. A clause the rule may not judge gives a finding without a status,
// which Audit drops.
func (d *doc) finding(r *rules.Rule, status reports.Status, msg string, ci, off int) reports.Finding {
	if !d.judges(r, ci) {
		return reports.Finding{}
	}
	c := d.clauses[ci]
	p := d.src.Locate(c.Text.Orig(off))
	if r.Unverified() {
		msg += rules.UnverifiedNote
	}
	return reports.Finding{
		Rule: r.ID, Topic: r.Topic, Severity: r.Severity, Status: status, Message: msg,
		Line: p.Line, Column: p.Column, Evidence: d.originalText(ci, off), Basis: r.BasisStrings(),
		Title: r.Title, Fix: r.Fix, Section: strings.Join(c.Section, " › "), Location: p.Location,
		Suppressed: d.ignoredFor(ci, r.ID),
		Start:      c.Text.Orig(0), End: c.Text.Orig(len(c.Text.S)),
	}
}

// placed is fact f with its place in the file.
func (d *doc) placed(f located) Fact {
	c := d.clauses[f.Clause]
	p := d.src.Locate(c.Text.Orig(f.NumStart))
	pf := Fact{Fact: f.Fact, Text: d.originalText(f.Clause, f.NumStart), Line: p.Line, Column: p.Column,
		Location: p.Location, Section: strings.Join(c.Section, " › ")}
	if c.Table > 0 {
		pf.Cell = &Cell{Table: c.Table, Row: c.Row, Col: c.Col, Header: c.Header}
	}
	return pf
}

// reportFact is fact f as the JSON report writes it.
func reportFact(f Fact) reports.Fact {
	rf := reports.Fact{
		Topic: f.Topic, Op: string(f.Op), Item: f.Item, Text: f.Text, Line: f.Line, Column: f.Column, Blank: f.Blank,
		Section: f.Section, Location: f.Location, Condition: f.Condition, Scope: reportScope(f.Scope),
	}
	rf.Value, rf.Max, rf.Unit = f.Figure()
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
