package reports

// CompareSchema names the compare report (CONTRACT.md).
const CompareSchema = "shouhou/compare/v1"

// Result statuses of a requirement in a bid.
const (
	Met       = "met"
	Unmet     = "unmet"
	NotStated = "not_stated"
	UnclearR  = "unclear"
	// Contradicts: the bidder's own deviation claim (无偏离, 满足) disagrees
	// with the figure it states.
	Contradicts = "contradicts"
)

// Verdicts of a bid as a whole.
const (
	VerdictPass    = "pass"    // 满足: every requirement met
	VerdictClarify = "clarify" // 需澄清: some unclear or not stated, none unmet
	VerdictFail    = "fail"    // 不满足: some unmet or contradicted, none substantive
	VerdictInvalid = "invalid" // 可能无效: a substantive requirement unmet or contradicted
)

// Deviation claims a bidder makes in its 偏离表.
const (
	ClaimNone     = "none"     // 无偏离, 完全响应
	ClaimPositive = "positive" // 正偏离 (better than required)
	ClaimNegative = "negative" // 负偏离, 不满足
	ClaimMeets    = "meets"    // 满足, 响应 (no word on deviation)
)

// CompareReport is shouhou compare's report.
type CompareReport struct {
	Schema string       `json:"schema"`
	Tool   Tool         `json:"tool"`
	Tender TenderReport `json:"tender"`
	Bids   []BidReport  `json:"bids"`
}

// Project is what the tender says of itself: 项目名称, 项目编号.
type Project struct {
	Name   string `json:"name,omitempty"`
	Number string `json:"number,omitempty"`
}

// TenderReport is the tender and the requirements read from it.
type TenderReport struct {
	Path         string        `json:"path"`
	Requirements []Requirement `json:"requirements"`
	// Added fields: the tender's own findings under --audit-tender.
	Findings []Finding `json:"findings,omitempty"`
	// Added field: the project's name and number, as the tender states them.
	Project *Project `json:"project,omitempty"`
	// Added field: the requirements file given with --requirements, when the
	// requirements were not read from the tender.
	RequirementsFile string `json:"requirements_file,omitempty"`
}

// RequirementScope narrows a requirement or a figure to a region (北京, 省内, 其他地区)
// or a fault severity (一般故障, 重大故障). A figure without a scope applies
// everywhere.
type RequirementScope struct {
	Region   string `json:"region,omitempty"`
	Severity string `json:"severity,omitempty"`
}

// String is the scope in a few words: 北京, 重大故障, 北京·重大故障.
func (s *RequirementScope) String() string {
	if s == nil {
		return ""
	}
	switch {
	case s.Region != "" && s.Severity != "":
		return s.Region + "·" + s.Severity
	case s.Region != "":
		return s.Region
	}
	return s.Severity
}

// Requirement is one demand of the tender: a duration with a direction,
// or a named item (insurance, certification) that must be provided.
type Requirement struct {
	ID    string   `json:"id"`
	Topic Topic    `json:"topic"`
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
	// Substantive marks a 实质性 requirement (★ ▲ ＊, or the tender's words
	// that an unmet one makes the bid invalid); Mark is the sign or words.
	Substantive bool   `json:"substantive,omitempty"`
	Mark        string `json:"mark,omitempty"`
	// Scope: the region or severity the figure is for; one requirement per scope.
	Scope *RequirementScope `json:"scope,omitempty"`
}

// BidReport is one bid's answer to every requirement.
type BidReport struct {
	Path    string   `json:"path"`
	Error   *string  `json:"error"`
	Results []Result `json:"results"`
	// Added field: how many requirements are met, unmet, not stated, unclear, contradicts.
	Counts map[string]int `json:"counts"`
	// Added fields: the bidder's name (from the bid, --name, or the file
	// name) and where it came from (label, signature, file, flag); the
	// verdict (pass, clarify, fail, invalid; empty for an unreadable bid).
	Name       string `json:"name,omitempty"`
	NameSource string `json:"name_source,omitempty"`
	Verdict    string `json:"verdict,omitempty"`
	// Added fields: the requirements behind the verdict, by id: not met
	// (unmet or contradicts) and to clarify (unclear or not stated).
	NotMet    []string `json:"not_met,omitempty"`
	ToClarify []string `json:"to_clarify,omitempty"`
}

// Result is one requirement's status in one bid.
type Result struct {
	Requirement string  `json:"requirement"`
	Status      string  `json:"status"`
	Stated      *Stated `json:"stated"`
	// Added field: why, where the status alone does not say (负偏离
	// declared, two figures that disagree).
	Note string `json:"note,omitempty"`
	// Added field: the bidder's own deviation claim for the requirement's
	// row of its 偏离表, kept beside the tool's status.
	Claim *Claim `json:"claim,omitempty"`
}

// Claim is what a bidder's deviation column says: 无偏离 (none), 正偏离
// (positive), 负偏离 or 不满足 (negative), 满足 (meets).
type Claim struct {
	Deviation string `json:"deviation"`
	Text      string `json:"text"`
	Line      int    `json:"line"`
	Location  string `json:"location,omitempty"`
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
	Column   int               `json:"column,omitempty"`
	Location string            `json:"location,omitempty"`
	Scope    *RequirementScope `json:"scope,omitempty"`
}

// RequirementsSchema names the report of shouhou extract (CONTRACT.md).
const RequirementsSchema = "shouhou/requirements/v1"

// RequirementsReport is shouhou extract's report: a tender's requirements
// as a numbered list, the input compare --requirements reads back.
type RequirementsReport struct {
	Schema       string        `json:"schema"`
	Tool         Tool          `json:"tool"`
	Tender       string        `json:"tender"`
	Project      *Project      `json:"project,omitempty"`
	Requirements []Requirement `json:"requirements"`
}
