package reports

// Topic is what a fact, a finding or a requirement is about, as
// docs/contract.md's topic table names it (the JSON value). The topic
// registry (rules.Topics) gives each its Chinese and English names and
// the family of its figures.
type Topic string

// The topics of docs/contract.md: the one list of their ids in Go.
const (
	ResponseTime        Topic = "response_time"
	OnsiteTime          Topic = "onsite_time"
	ResolutionTime      Topic = "resolution_time"
	RepairTime          Topic = "repair_time"
	RefundTime          Topic = "refund_time"
	ReturnWindow        Topic = "return_window"
	ExchangeWindow      Topic = "exchange_window"
	WarrantyPeriod      Topic = "warranty_period"
	PartsWarranty       Topic = "parts_warranty"
	SparePartsPeriod    Topic = "spare_parts_period"
	Insurance           Topic = "insurance"
	Certification       Topic = "certification"
	BidDeposit          Topic = "bid_deposit"
	PerformanceBond     Topic = "performance_bond"
	Budget              Topic = "budget"
	InsuredAmount       Topic = "insured_amount"
	InterpretationRight Topic = "interpretation_right"
	NoReturn            Topic = "no_return"
	ShippingCost        Topic = "shipping_cost"
	Invoice             Topic = "invoice"
	Placeholder         Topic = "placeholder"
	ComplaintChannel    Topic = "complaint_channel"
	Privacy             Topic = "privacy"
	BrandRestriction    Topic = "brand_restriction"
	ScaleRequirement    Topic = "scale_requirement"
	LocalityRequirement Topic = "locality_requirement"
	Jurisdiction        Topic = "jurisdiction"
	Loaner              Topic = "loaner"
	ServiceHours        Topic = "service_hours"
	Training            Topic = "training"
	UpgradePeriod       Topic = "upgrade_period"
	Acceptance          Topic = "acceptance"
)
