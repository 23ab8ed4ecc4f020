package reports

// CompareSchema names the compare report (CONTRACT.md).
const CompareSchema = "shouhou/compare/v1"

// Result statuses of a requirement in a bid.
const (
	Met       = "met"
	Unmet     = "unmet"
	NotStated = "not_stated"
	UnclearR  = "unclear"
)

// CompareReport is shouhou compare's report.
type CompareReport struct {
	Schema string       `json:"schema"`
	Tool   Tool         `json:"tool"`
	Tender TenderReport `json:"tender"`
	Bids   []BidReport  `json:"bids"`
}

// TenderReport is the tender and the requirements read from it.
type TenderReport struct {
	Path         string        `json:"path"`
	Requirements []Requirement `json:"requirements"`
	// Added fields: the tender's own findings under --audit-tender.
	Findings []Finding `json:"findings,omitempty"`
}

// Requirement is one demand of the tender: a duration with a direction,
// or a named item (insurance, certification) that must be provided.
type Requirement struct {
	ID    string   `json:"id"`
	Topic string   `json:"topic"`
	Op    string   `json:"op,omitempty"`
	Value *float64 `json:"value,omitempty"`
	Max   *float64 `json:"max,omitempty"`
	Unit  string   `json:"unit,omitempty"`
	Item  string   `json:"item,omitempty"`
	Text  string   `json:"text"`
	Line  int      `json:"line"`
	// Added fields:
	Column   int    `json:"column,omitempty"`
	Location string `json:"location,omitempty"`
}

// BidReport is one bid's answer to every requirement.
type BidReport struct {
	Path    string   `json:"path"`
	Error   *string  `json:"error"`
	Results []Result `json:"results"`
	// Added field: how many requirements are met, unmet, not stated, unclear.
	Counts map[string]int `json:"counts"`
}

// Result is one requirement's status in one bid.
type Result struct {
	Requirement string  `json:"requirement"`
	Status      string  `json:"status"`
	Stated      *Stated `json:"stated"`
	// Added field: why, where the status alone does not say (负偏离
	// declared, two figures that disagree).
	Note string `json:"note,omitempty"`
}

// Stated is what the bid says about a requirement, in its own words.
type Stated struct {
	Op    string   `json:"op,omitempty"`
	Value *float64 `json:"value,omitempty"`
	Max   *float64 `json:"max,omitempty"`
	Unit  string   `json:"unit,omitempty"`
	Item  string   `json:"item,omitempty"`
	Text  string   `json:"text"`
	Line  int      `json:"line"`
	// Added fields:
	Column   int    `json:"column,omitempty"`
	Location string `json:"location,omitempty"`
}
