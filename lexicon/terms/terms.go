// Package terms holds the project's domain vocabulary: which words tie a
// duration to a topic, which words only look like cues, and the negations
// and triggers that change what a phrase means. The data lives in
// topics.yaml so a linguist can change it without touching Go.
package terms

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"shouhou/lexicon/duration"
	"shouhou/lexicon/embedded"
	"shouhou/reports"
)

//go:embed topics.yaml
var topicsYAML []byte

// Kind tells whether a longer figure is better for the consumer (window) or
// worse (service).
type Kind string

const (
	Window  Kind = "window"
	Service Kind = "service"
)

// Topic is one CONTRACT.md topic with its cue words.
type Topic struct {
	Kind  Kind     `yaml:"kind"`
	Cues  []string `yaml:"cues"`
	Items []string `yaml:"items"`
	// Shortest and Longest bound the units a figure of the topic can be
	// stated in (no warranty lasts hours; no visit takes a lifetime): a
	// figure outside them times something else. Empty: no bound.
	Shortest duration.Unit `yaml:"shortest"`
	Longest  duration.Unit `yaml:"longest"`
}

// unitRank orders units by their size; units of one rank are not told
// apart by a topic's bounds (hours and working hours).
var unitRank = map[duration.Unit]int{
	duration.Minute: 0, duration.Hour: 1, duration.WorkHour: 1, duration.Day: 2, duration.WorkDay: 2,
	duration.Week: 3, duration.Month: 4, duration.Year: 5, duration.Lifetime: 6,
}

// Fits reports whether a figure in unit u can be the topic's: u lies
// within the topic's Shortest and Longest.
func (t Topic) Fits(u duration.Unit) bool {
	r, ok := unitRank[u]
	if !ok {
		return true
	}
	return (t.Shortest == "" || r >= unitRank[t.Shortest]) && (t.Longest == "" || r <= unitRank[t.Longest])
}

// Grammar holds the function words the extractor reads a figure's
// relation to its sentence by.
type Grammar struct {
	// Exceeding before a figure makes it a condition (超过三十日未修好的),
	// unless one of ExceedingNegations stands right before it (不超过).
	Exceeding          []string `yaml:"exceeding"`
	ExceedingNegations []string `yaml:"exceeding_negations"`
	// Comparators after a negation make it part of a bound (不能超过),
	// not a refusal.
	Comparators []string `yaml:"comparators"`
	// StartOffsets after a figure make it move a start date (自出厂日期后
	// 三个月起计算): no period.
	StartOffsets []string `yaml:"start_offsets"`
	// A bracket that excludes (（电池除外）, （不含配件）) or folds in
	// (（含配件）) parts names none of the figure's own.
	BracketExcludeEndings []string `yaml:"bracket_exclude_endings"`
	BracketExcludeStarts  []string `yaml:"bracket_exclude_starts"`
	BracketIncludeStarts  []string `yaml:"bracket_include_starts"`
	// SublistLeads open a list inside a bracket (（其中：高压包、CRT管…）).
	SublistLeads []string `yaml:"sublist_leads"`
	// FigureJoiners join figures that pair with names in order
	// (电池、充电器 6个月、1年).
	FigureJoiners []string `yaml:"figure_joiners"`
	// During opens a phrase that goes on within the period just named
	// (期间免费巡检): it says nothing of what the period is.
	During []string `yaml:"during"`
}

// Lexicon is the parsed topics.yaml.
type Lexicon struct {
	Topics map[reports.Topic]Topic    `yaml:"topics"`
	Shared map[string][]reports.Topic `yaml:"shared"`
	// Abbreviations: a spelling across a separator -> the cue it stands for
	// (退、换货 -> 退换货).
	Abbreviations   map[string]string `yaml:"abbreviations"`
	Blockers        []string          `yaml:"blockers"`
	ServiceTriggers []string          `yaml:"service_triggers"`
	ServiceObjects  []string          `yaml:"service_objects"`
	ServiceVerbs    []string          `yaml:"service_verbs"`
	// ServiceReadings: a window's cue that, after an event the seller
	// reacts to (收到退回商品后), names the seller's own time instead.
	ServiceReadings map[string]reports.Topic `yaml:"service_readings"`
	// GoodsEndings end the name of a class of goods (特价商品, 内衣类).
	GoodsEndings []string `yaml:"goods_endings"`
	// GoodsLeads in a list's lead make its items goods (以下商品不予退换).
	GoodsLeads []string `yaml:"goods_leads"`
	// ConditionOpeners open a condition sentence; the next sentence on
	// its line is what then happens (see checker's matchAt).
	ConditionOpeners []string `yaml:"condition_openers"`
	// ConditionFalseStarts begin with an opener but open nothing (若干).
	ConditionFalseStarts []string `yaml:"condition_false_starts"`
	// AcceptVerbs take a request in (受理): a time to do so resolves nothing.
	AcceptVerbs []string `yaml:"accept_verbs"`
	// SettleVerbs after an accepting verb make the time a settling one.
	SettleVerbs []string `yaml:"settle_verbs"`
	// CountStarts after a cue before a figure make the cue the event the
	// count starts from (到达现场后24小时内解决): a cue after the figure names
	// what the time is for.
	CountStarts []string `yaml:"count_starts"`
	// BuyerApplies: the buyer applying for a refund within a time of
	// receiving the goods asks for a return (收货后14天内申请退款): the
	// figure is the return window, not the seller's refund time.
	BuyerApplies struct {
		Received []string `yaml:"received"`
		Apply    []string `yaml:"apply"`
	} `yaml:"buyer_applies"`
	Negations []string `yaml:"negations"`
	NoReason  []string `yaml:"no_reason"`
	Hedges    []string `yaml:"hedges"`
	Paid      []string `yaml:"paid"`
	WholeUnit []string `yaml:"whole_unit"`
	// Respectively pairs names before it with figures after it, in order
	// (电池、充电器的保修期分别为6个月、1年).
	Respectively []string `yaml:"respectively"`
	// Coordinators join two cues that share one figure (退货或者换货).
	Coordinators []string `yaml:"coordinators"`
	// Definitions join a count to the period it defines (168小时为7天).
	Definitions []string `yaml:"definitions"`
	// ListLead marks a lead-in before a list (以下商品…：); see LeadPredicate.
	ListLead ListLead `yaml:"list_lead"`
	// RepairWords make years in a service topic a warranty (1年内免费上门维修).
	RepairWords []string `yaml:"repair_words"`
	// MoneyDestinations make an arrival cue a refund's (到达您的账户).
	MoneyDestinations []string `yaml:"money_destinations"`
	Words             []string `yaml:"words"`
	// Lists: topic -> canonical item -> spellings (lower-case Latin, no spaces).
	Lists         map[reports.Topic]map[string][]string `yaml:"lists"`
	ListNegations []string                              `yaml:"list_negations"`
	// Money: topic -> words that tie a sum or percentage to it;
	// MoneyBase: what percentages are taken of; MoneyOther: words that
	// own a sum of no money topic.
	Money      map[reports.Topic][]string `yaml:"money"`
	MoneyBase  []string                   `yaml:"money_base"`
	MoneyOther []string                   `yaml:"money_other"`
	// Events: words of events other than a topic's own (see topics.yaml).
	Events Events `yaml:"events"`
	// Scope: words that limit a figure to some cases (see topics.yaml).
	Scope ScopeWords `yaml:"scope"`
	// Grammar: the small words that tell how a figure relates to its
	// sentence (see topics.yaml).
	Grammar Grammar `yaml:"grammar"`

	cueTopics map[string][]reports.Topic
}

// Events are the words of events a figure may time that are none of its
// topic's: Other belongs to no topic, NotWarranty is a service that is no
// warranty, AfterWarranty places what follows after the warranty ended.
type Events struct {
	Other         []string `yaml:"other"`
	NotWarranty   []string `yaml:"not_warranty"`
	AfterWarranty []string `yaml:"after_warranty"`
	// AfterRepair maps a repair's words to the part whose warranty the
	// figure after them is (更换的部件 -> 更换部件, 维修后 -> 维修部位).
	AfterRepair map[string]string `yaml:"after_repair"`
	Keep        []string          `yaml:"keep"`
	Expiry      []string          `yaml:"expiry"`
	Interval    []string          `yaml:"interval"`
	Before      []string          `yaml:"before"`
	// Lookback words right before a figure (近三年内) make it a time looked
	// back on, unless they end a word of NotLookback (附近, 寄过去).
	Lookback    []string `yaml:"lookback"`
	NotLookback []string `yaml:"not_lookback"`
	Carriage    []string `yaml:"carriage"`
	// Bearers say who bears a cost (承担, AA), in a bracket after a figure.
	Bearers []string `yaml:"bearers"`
	// Refusal words after a condition (超过7天的商品不予退货) make its
	// figure the end of the window refused past it.
	Refusal []string `yaml:"refusal"`
	// Failure words right after a conditional figure (超过十五日未办理)
	// make it a failure to act, no window.
	Failure []string `yaml:"failure"`
	// Beyond words right after a figure (购物15天以外) make it the goods'
	// age past a time, a condition.
	Beyond []string `yaml:"beyond"`
	// AgeAfter, right after a figure with 以上, make it the goods' age.
	AgeAfter []string `yaml:"age_after"`
	// Excepted words before a denial (以下商品不支持7天无理由退货) deny the
	// right to the goods they set apart only: the figure is the right's.
	Excepted []string `yaml:"excepted"`
}

// ListLead holds the words of a lead-in before a list (topics.yaml).
type ListLead struct {
	Intro    []string `yaml:"intro"`
	Nouns    []string `yaml:"nouns"`
	Subjects []string `yaml:"subjects"`
	Verbs    []string `yaml:"verbs"`
}

// LeadPredicate reads s (without its closing colon) as a lead-in before a
// list and returns what it says of each item: 以下商品不支持七天无理由退货
// → 不支持七天无理由退货; 不适用无理由退货的商品包括 → 不适用无理由退货.
// ok is false when s points at no list.
func (l *Lexicon) LeadPredicate(s string) (pred string, ok bool) {
	lead := l.ListLead
	at, n := -1, 0
	for _, w := range lead.Intro {
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at) {
			at, n = i, len(w)
		}
	}
	if at >= 0 {
		tail := s[at+n:]
		for trimmed := true; trimmed; {
			trimmed = false
			for _, w := range lead.Nouns {
				if strings.HasPrefix(tail, w) {
					tail, trimmed = tail[len(w):], true
				}
			}
		}
		if tail != "" {
			return tail, true
		}
	}
	rest := s
	for _, v := range lead.Verbs {
		if strings.HasSuffix(rest, v) {
			rest = strings.TrimSuffix(rest, v)
			break
		}
	}
	for _, sub := range lead.Subjects {
		if !strings.HasSuffix(rest, sub) {
			continue
		}
		pred = strings.TrimSuffix(rest, sub)
		if i := strings.LastIndexAny(pred, ",;。、，；"); i >= 0 {
			_, n := utf8.DecodeRuneInString(pred[i:])
			pred = pred[i+n:]
		}
		for _, neg := range l.Negations {
			if strings.Contains(pred, neg) {
				return pred, true
			}
		}
		return "", false
	}
	return "", false
}

// ScopeWords are the qualifiers of a figure, by kind.
type ScopeWords struct {
	Region   []string `yaml:"region"`
	Tier     []string `yaml:"tier"`
	Severity []string `yaml:"severity"`
	// BusinessUse are the tiers that put goods to business use (家用产品
	// 用于商业用途的…包修半年): consumer law does not judge such a figure.
	BusinessUse []string `yaml:"business_use"`
	// BusinessUseDenials, just before a business use, deny it (非商业用途).
	BusinessUseDenials []string `yaml:"business_use_denials"`
	// DateBounds after a date make it a day terms change on (2017年9月7日前,
	// 自2020年1月起); PurchaseWords near it make the day the goods' sale
	// (…前购买的产品): such goods are a tier of their own.
	// NotRegion after a place name make it an organisation's; NotRegionNext
	// right after it, something else (北京时间); AddressWords make the places
	// around them an address or a list of branches, not a promise's region.
	NotRegion     []string `yaml:"not_region"`
	NotRegionNext []string `yaml:"not_region_next"`
	AddressWords  []string `yaml:"address_words"`
	// ExceptedGoods are goods the law takes out of the return rights'
	// minimums (消保法 25: 鲜活易腐, 定作; 三包 does not cover food).
	ExceptedGoods []string `yaml:"excepted_goods"`
	// ExceptedGoodsBut set those goods apart from the figure (除生鲜外，…3天内可退).
	ExceptedGoodsBut []string `yaml:"excepted_goods_but"`
	// GoodsNouns name the goods a phrase speaks of (所有商品): an excepted
	// word in the phrase before is then another phrase's goods.
	GoodsNouns    []string `yaml:"goods_nouns"`
	DateBounds    []string `yaml:"date_bounds"`
	PurchaseWords []string `yaml:"purchase_words"`
}

var file = embedded.New("lexicon/terms/topics.yaml", topicsYAML, (*Lexicon).prepare)

// Load returns the embedded lexicon; it is parsed once (a parse error is a
// build defect: see package lexicon/embedded).
func Load() *Lexicon { return file.Must() }

// parse parses topics.yaml from b (tests feed it bad data).
func parse(b []byte) (*Lexicon, error) { return embedded.Parse(b, (*Lexicon).prepare) }

// prepare checks the topics and indexes every cue word.
func (l *Lexicon) prepare() error {
	l.cueTopics = map[string][]reports.Topic{}
	for name, t := range l.Topics {
		if t.Kind != Window && t.Kind != Service {
			return fmt.Errorf("topic %s: kind must be window or service", name)
		}
		for _, u := range []duration.Unit{t.Shortest, t.Longest} {
			if _, ok := unitRank[u]; u != "" && !ok {
				return fmt.Errorf("topic %s: %q is no unit (minute hour workhour day workday week month year lifetime)", name, u)
			}
		}
		for _, c := range t.Cues {
			l.cueTopics[c] = append(l.cueTopics[c], name)
		}
	}
	for cue, topics := range l.Shared {
		for _, tp := range topics {
			if _, ok := l.Topics[tp]; !ok {
				return fmt.Errorf("shared cue %s: unknown topic %s", cue, tp)
			}
		}
		l.cueTopics[cue] = topics
	}
	for short, cue := range l.Abbreviations {
		if _, ok := l.cueTopics[cue]; !ok {
			return fmt.Errorf("abbreviation %s: %s is no cue", short, cue)
		}
	}
	return nil
}

// CueTopics maps every cue word to the topics it signals.
func (l *Lexicon) CueTopics() map[string][]reports.Topic { return l.cueTopics }

// Cues lists every cue word, longest first (so longer cues are tried first).
func (l *Lexicon) Cues() []string { return longestFirst(l.cueTopics) }

// AbbreviationSpellings lists the folded spellings (退、换货), longest
// first, so a longer one is taken before one inside it.
func (l *Lexicon) AbbreviationSpellings() []string { return longestFirst(l.Abbreviations) }

// longestFirst lists a map's keys, longest first, then in byte order.
func longestFirst[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// DictionaryWords lists every word the segmenter must know as a whole word.
func (l *Lexicon) DictionaryWords() []string {
	seen := map[string]bool{}
	var out []string
	add := func(ws ...string) {
		for _, w := range ws {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	add(l.Cues()...)
	for _, name := range sortedKeys(l.Topics) {
		add(l.Topics[name].Items...)
	}
	add(l.Blockers...)
	add(l.ServiceTriggers...)
	add(l.ServiceObjects...)
	add(l.ServiceVerbs...)
	add(l.AcceptVerbs...)
	add(l.Negations...)
	add(l.NoReason...)
	add(l.Paid...)
	add(l.WholeUnit...)
	add(l.Words...)
	return out
}

func sortedKeys[K ~string, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
