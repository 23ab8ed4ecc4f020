// Package reports holds the finished report: the plain types of the JSON
// contract (docs/contract.md), their JSON and JSONL writing and the
// baseline read back from them. It imports nothing of the engine and no
// renderer; the renderers are in reports/render.
package reports

import (
	"strconv"
	"strings"
)

// Schema names of the JSON reports.
const AuditSchema = "shouhou/report/v1"

// Report is the whole audit report.
type Report struct {
	Schema    string     `json:"schema"`
	Tool      Tool       `json:"tool"`
	Documents []Document `json:"documents"`
	Summary   Summary    `json:"summary"`
	// Added field: which rulebook made the findings (rules.Book.Version).
	Rulebook string `json:"rulebook,omitempty"`
	// Added field: the part of a sharded run (audit --shard I/N) this
	// report is; absent for a whole run.
	Shard *Shard `json:"shard,omitempty"`

	// Rules describes the rules of the rulebook, for formats that carry
	// rule help (SARIF). Not part of the JSON report.
	Rules []RuleInfo `json:"-"`
}

// Shard says which part of a sharded run a report is: shard Index of Of,
// cut from a run over Inputs inputs in all. shouhou merge checks that the
// parts it combines are one run's, every shard once.
type Shard struct {
	Index  int `json:"index"`
	Of     int `json:"of"`
	Inputs int `json:"inputs"`
}

// RuleInfo is what a renderer may say about a rule.
type RuleInfo struct {
	ID, Title, Severity, Fix string
	Topic                    Topic
	Kinds                    []Kind // document kinds the rule runs on
	Basis                    []string
	Bad, Good                []string // the rule's own examples
}

// Tool names the program that made the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Document is one audited file.
type Document struct {
	Path     string    `json:"path"`
	Kind     Kind      `json:"kind"`
	Encoding string    `json:"encoding"`
	Facts    []Fact    `json:"facts"`
	Findings []Finding `json:"findings"`
	Error    *string   `json:"error"`
	// Added fields: the reader used (text, markdown, docx, xlsx, html,
	// pdf), and what a person should know about how the file was read.
	Format   string   `json:"format,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
	// Added field: findings a shouhou-ignore line suppressed, listed with
	// --show-suppressed (counted in summary.suppressed either way).
	Suppressed []Finding `json:"suppressed,omitempty"`
	// Added field: the product category the 三包 figures were judged by
	// (mobile_phone, computer, tv_audio, appliance, general).
	Category string `json:"category,omitempty"`
	// Added field: the words that decided the category (empty when the
	// general profile applies for want of strong evidence).
	CategoryEvidence []string `json:"category_evidence,omitempty"`
	// Added fields: whether the terms are between businesses (consumer-law
	// rules do not judge them) and whose law governs them (mainland rules
	// judge mainland text only), each with the words that decided it.
	B2B                  bool     `json:"b2b"`
	B2BEvidence          []string `json:"b2b_evidence,omitempty"`
	Jurisdiction         string   `json:"jurisdiction,omitempty"`
	JurisdictionEvidence []string `json:"jurisdiction_evidence,omitempty"`
	// Added field: the parts of a composite document (an article, then a
	// policy), each with its own kind. Empty for a document of one kind.
	Sections []Section `json:"sections,omitempty"`

	// Added fields: some text was read by OCR (a scanned PDF), and how
	// sure OCR was of each page it read (mean word confidence, 0–100).
	OCR      bool      `json:"ocr,omitempty"`
	OCRPages []OCRPage `json:"ocr_pages,omitempty"`

	// Text is the document's extracted text, kept only when a renderer
	// shows findings on it (html, annotated .docx). Not in JSON.
	Text string `json:"-"`
}

// Section is one part of a composite document: its kind, its heading and
// the lines it spans in the original file.
type Section struct {
	Kind    Kind   `json:"kind"`
	Title   string `json:"title"`
	Line    int    `json:"line"`
	EndLine int    `json:"end_line"`
}

// OCRPage is one page read by OCR and its confidence.
type OCRPage struct {
	Page       int     `json:"page"`
	Confidence float64 `json:"confidence"`
}

// Fact is one figure the document states. Line and Column point at the
// figure in the original file. Value is null for lifetime and for blanks.
type Fact struct {
	Topic  Topic    `json:"topic"`
	Op     string   `json:"op"`
	Value  *float64 `json:"value"`
	Max    *float64 `json:"max,omitempty"`
	Unit   string   `json:"unit"`
	Item   string   `json:"item,omitempty"`
	Text   string   `json:"text"`
	Line   int      `json:"line"`
	Column int      `json:"column"`
	// Added fields (docs/contract.md allows additions):
	Blank   bool   `json:"blank,omitempty"`   // the figure is an unfilled template blank
	Section string `json:"section,omitempty"` // heading path, outermost first, joined by " › "
	// Location says where the figure is in words a person can look up:
	// "line 12 col 5", "paragraph 8", "table 1 row 3 col 2", "Sheet1!C4",
	// "page 2 line 5".
	Location string `json:"location,omitempty"`
	// Condition is the hedge that makes the figure a promise under a
	// condition (原则上, 节假日除外); compare does not count it as met.
	Condition string `json:"condition,omitempty"`
	// Scope holds the qualifiers that limit the figure to some cases
	// (CONTRACT.md "Added in v1"); nil for a firm promise for every case.
	Scope *Scope `json:"scope,omitempty"`
}

// Scope is what limits a fact to some cases: a region, a customer tier,
// a fault's severity, a share of the cases (percent), a condition, a part.
type Scope struct {
	Region    string  `json:"region,omitempty"`
	Tier      string  `json:"tier,omitempty"`
	Severity  string  `json:"severity,omitempty"`
	Share     float64 `json:"share,omitempty"`
	Condition string  `json:"condition,omitempty"`
	Part      string  `json:"part,omitempty"`
	// Product is the product or product line a table row names (柜机,
	// PMX系列): figures of different rows are different promises.
	Product string `json:"product,omitempty"`
}

// String is the scope in a few words, joined by ·: 柜机, 北京·重大故障,
// 合同客户·95%. The part is left out: it is the fact's item.
func (s *Scope) String() string {
	if s == nil {
		return ""
	}
	var ws []string
	for _, w := range []string{s.Product, s.Region, s.Tier, s.Severity} {
		if w != "" {
			ws = append(ws, w)
		}
	}
	if s.Share != 0 {
		ws = append(ws, strconv.FormatFloat(s.Share, 'f', -1, 64)+"%")
	}
	if s.Condition != "" {
		ws = append(ws, s.Condition)
	}
	return strings.Join(ws, "·")
}

// Finding is one rule result. A missing finding concerns the whole
// document and has line 0, column 0.
type Finding struct {
	Rule     string   `json:"rule"`
	Topic    Topic    `json:"topic"`
	Severity Severity `json:"severity"`
	Status   Status   `json:"status"`
	Message  string   `json:"message"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Evidence string   `json:"evidence"`
	Basis    []string `json:"basis"`
	// Added fields:
	Title    string `json:"title,omitempty"`
	Fix      string `json:"fix,omitempty"`
	Section  string `json:"section,omitempty"`
	Location string `json:"location,omitempty"` // as in Fact; empty for missing findings
	// Suppressed is the reason a shouhou-ignore line gave; such findings
	// are listed only under the document's suppressed (--show-suppressed).
	Suppressed string `json:"suppressed,omitempty"`
	// Added field: the finding is listed under suppressed because the
	// --baseline report already had it (suppressed then says "baseline").
	Baselined bool `json:"baselined,omitempty"`
	// Related are the other places the finding rests on: the budget a
	// deposit is measured against, the clause another one contradicts.
	Related []Place `json:"related,omitempty"`

	// Start and End are the byte offsets of the evidence in the
	// document's extracted text (Document.Text), for the renderers that
	// show findings on the text (html, annotated .docx). Not in JSON.
	Start, End int `json:"-"`
	// Occurrences are every location of the same rule and cause when the
	// document repeats it (CONTRACT.md "Added in v1"); the finding itself
	// is reported once, at the first.
	Occurrences []Place `json:"occurrences,omitempty"`
}

// Place is a spot in a document a finding refers to besides its own.
type Place struct {
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Location string `json:"location,omitempty"`
	Evidence string `json:"evidence"`
}

// Status is a finding's status, as CONTRACT.md names it.
type Status string

// Finding statuses.
const (
	Violation Status = "violation"
	Missing   Status = "missing"
	Unclear   Status = "unclear"
	// Notice says how a document was judged (an info finding): mainland
	// rules not run on a Hong Kong shop's terms.
	Notice Status = "notice"
)

// Severity is a finding's severity, as CONTRACT.md names it: error,
// warning, info (rules.Severity is this type).
type Severity string

// Finding severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank orders severities: error 3, warning 2, info 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Kind is a document's kind, as CONTRACT.md names it.
type Kind string

// Document kinds.
const (
	Policy  Kind = "policy"  // a seller's after-sales policy or commitment
	Tender  Kind = "tender"  // 招标文件, 采购需求
	Bid     Kind = "bid"     // 投标文件, a supplier's commitment to a buyer
	Law     Kind = "law"     // a statute or regulation, or its articles quoted
	Article Kind = "article" // an explainer, news or how-to text: commits to nothing
)

// Kinds lists the document kinds in the order help texts name them.
var Kinds = []Kind{Policy, Tender, Bid, Law, Article}

// KindNames lists the document kinds as strings, in the order of Kinds,
// for help texts, messages and shell completion.
func KindNames() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = string(k)
	}
	return out
}

// Summary counts the batch.
type Summary struct {
	Documents int            `json:"documents"`
	Failed    int            `json:"failed"`
	Findings  SeverityCounts `json:"findings"`
	// Added fields: findings left out because --baseline already had them,
	// and findings suppressed by shouhou-ignore lines.
	Baselined  int `json:"baselined,omitempty"`
	Suppressed int `json:"suppressed,omitempty"`
}

// SeverityCounts counts findings by severity.
type SeverityCounts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// Add counts one document into the summary.
func (s *Summary) Add(d Document) {
	s.Documents++
	if d.Error != nil {
		s.Failed++
	}
	for _, f := range d.Suppressed {
		if !f.Baselined {
			s.Suppressed++ // baselined ones are counted by the caller
		}
	}
	for _, f := range d.Findings {
		switch f.Severity {
		case "error":
			s.Findings.Error++
		case "warning":
			s.Findings.Warning++
		case "info":
			s.Findings.Info++
		}
	}
}
