// Package facts reads durations out of clauses and decides what each one
// is about: a response time, a return window, a warranty of a named part …
//
// The figure itself comes from lexicon/duration. The topic comes from the
// nearest cue word of package terms in the same phrase (the text between
// commas), then from earlier phrases of the clause, then from the clause's
// table header or heading. A cue only counts as a whole word after gse
// segmentation, so 质保 inside 质保金 is no warranty.
package facts

import (
	"shouhou/internal/anyof"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"shouhou/checker/clause"
	"shouhou/checker/reader"
	"shouhou/lexicon/duration"
	"shouhou/lexicon/keywords"
	"shouhou/lexicon/money"
	"shouhou/lexicon/segment"
	"shouhou/lexicon/terms"
	"shouhou/reports"
)

// Fact is one duration with its topic, located in the clause's normalized
// text (Start, End, NumStart are byte offsets there).
type Fact struct {
	Topic reports.Topic
	Item  string // the part, for parts_warranty
	// Condition is the hedge that makes the figure a promise under a
	// condition (原则上, 节假日除外), or "".
	Condition string
	// Scope holds every qualifier of the figure (Scope.Condition and
	// Scope.Part repeat Condition and Item).
	Scope Scope
	// Quantity is a duration fact's figure and place. For a money fact it
	// holds only the place and op, and Money the figure; a list fact has
	// neither figure.
	duration.Quantity
	Money *money.Quantity
	// Refused marks a window told by its refusal (签收超过15天的商品不予
	// 退货): past the figure the return or exchange is refused.
	Refused bool
	// Row is set on a period in a cell that holds its own cue, under a
	// line that may name its row (免漆类门板 / 保修5年): only a run of such
	// rows is a table (see ReadRows); one alone may be a section's title.
	Row *Row
}

// Row is the name a candidate table row gives its period: the whole
// line, and the part it names when it names one.
type Row struct {
	Name, Part string
	// Whole marks a row naming the whole unit (整机 / 保修1年): it makes
	// the run a table but keeps its period the whole unit's.
	Whole bool
}

// ReadRows applies the rows of a table flattened without a column header
// (免漆类门板 / 保修5年 / 烤漆柜门 / 保修2年): a candidate with another within
// three clauses is a row, its period the named part's (a parts warranty)
// or the named product's; a candidate alone (售后服务 / 保修1年) is read as
// written. clause gives each fact's clause index; facts are in order.
func ReadRows(fs []Fact, clause func(i int) int) {
	for i := range fs {
		r := fs[i].Row
		if r == nil {
			continue
		}
		if r.Whole || !rowNear(fs, i, clause) && !r.partAlone() {
			continue
		}
		if r.Part != "" {
			fs[i].Topic, fs[i].Item, fs[i].Scope.Part = reports.PartsWarranty, r.Part, r.Name
		} else {
			fs[i].Scope.Product = r.Name
		}
	}
	for i := range fs {
		fs[i].Row = nil
	}
}

// partAlone reports a row that names a part and little else (电池,
// 锂电池): part names are a closed list, so a row of its own is the
// part's; 无线蓝牙耳机 is a product named after one.
func (r *Row) partAlone() bool {
	return r.Part != "" && utf8.RuneCountInString(r.Name)-utf8.RuneCountInString(r.Part) <= 1
}

// rowNear reports another candidate row within three clauses of fact i.
func rowNear(fs []Fact, i int, clause func(int) int) bool {
	at := clause(i)
	for j := i - 1; j >= 0 && at-clause(j) <= 3; j-- {
		if fs[j].Row != nil && clause(j) != at {
			return true
		}
	}
	for j := i + 1; j < len(fs) && clause(j)-at <= 3; j++ {
		if fs[j].Row != nil && clause(j) != at {
			return true
		}
	}
	return false
}

// hit is a cue word found in a text.
type hit struct {
	start, end int
	topics     []reports.Topic
}

// in reports whether the hit lies inside phrase p.
func (h hit) in(p [2]int) bool { return h.start >= p[0] && h.end <= p[1] }

// Extractor finds facts; it is safe for concurrent use once built.
type Extractor struct {
	lex   *terms.Lexicon
	lists *lists
	money *moneyCues
	hedge *keywords.Set // lexicon hedges: 原则上, 节假日除外 …
	scope *scoper
	cues  *keywords.Set // every occurrence of every cue, by a first-character table
	topic map[string][]reports.Topic
	// abbrev: the lexicon's folded spellings (退、换货), longest first
	abbrev []string
}

// New builds an extractor over the embedded lexicon.
func New() *Extractor {
	lex := terms.Load()
	return &Extractor{lex: lex, lists: newLists(lex), money: newMoneyCues(lex), hedge: keywords.New(lex.Hedges), scope: newScoper(lex), cues: keywords.New(lex.Cues()), topic: lex.CueTopics(), abbrev: lex.AbbreviationSpellings()}
}

// Extract returns the facts of one clause. Clauses without a figure return
// at once, before any segmentation: most sentences of a policy hold none.
func (x *Extractor) Extract(c clause.Clause) []Fact {
	return x.extract(c, nil, "")
}

// Session extracts the clauses of one document, remembering the cue words
// of each context (a section heading, a table's column header) so that a
// section of forty clauses segments its heading once, not forty times.
// A session is for one goroutine.
type Session struct {
	x   *Extractor
	ctx map[string][]hit
	// A table flattened to one cell per line (零部件名称 / 保修期限 / … then
	// 电机 / 36个月 / …): column is the last header-like line that is a
	// period cue alone, prev the clause before this one.
	column, prev string
	// prevHeading: the clause before this one was a heading (一、服务承诺,
	// 【售后】), which names a section, never a table's row.
	prevHeading bool
}

// Session starts a session.
func (x *Extractor) Session() *Session { return &Session{x: x, ctx: map[string][]hit{}} }

// Extract is Extractor.Extract within the session.
func (s *Session) Extract(c clause.Clause) []Fact { return s.x.extract(c, s.ctx, "") }

// ExtractLead is Extract for a clause that may be a lead line: a short
// line holding a period and no cue word of its own, whose next clause
// says what the period is for (签收之日起7日内 / 出现性能故障，可以选择退货).
// next lends its first cue when the clause has none; its own figures are
// its own, so a next clause with a figure lends nothing.
func (s *Session) ExtractLead(c clause.Clause, next string) []Fact {
	text, prev := c.Text.S, s.prev
	lead := isLead(text)
	if !lead || duration.Find(next) != nil {
		next = ""
	}
	prevHeading := s.prevHeading
	s.prev, s.prevHeading = text, c.Kind == reader.Heading
	row, product := false, ""
	var candidate *Row
	// a bare period under a column header: a flattened table's cell
	cell := c.Context == "" && s.column != "" && s.x.bareFigure(text)
	switch {
	case cell && s.x.partName(prev):
		// a flattened row: the part on the line before, the period's
		// meaning in the column header above
		c.Context, row = prev+" "+s.column, true
	case cell && prev != s.column && rowName(prev) && len(s.x.cueHits(prev, nil)) == 0:
		// a flattened row naming a product or a series (柜机, PMX系列):
		// the whole unit's period, told by the column header above
		c.Context, product = prev+" "+s.column, prev
	case c.Context == "" && !prevHeading && rowName(prev) && s.x.cueFigure(text) && s.x.rowCandidate(prev, text):
		// a row flattened without a column header, each period with its
		// own cue (免漆类门板 / 保修5年 / 烤漆柜门 / 保修2年): the named part's
		// or product's period, if more rows follow (ReadRows)
		candidate = &Row{Name: prev}
		if s.x.partName(prev) {
			candidate.Part = s.x.items(prev)[0]
		}
	case c.Context == "" && !prevHeading && rowName(prev) && anyof.In(prev, s.x.lex.WholeUnit...) && s.x.cueFigure(text) && len(s.x.cueHits(prev, nil)) == 0:
		candidate = &Row{Name: prev, Whole: true} // 整机 / 保修1年: a row of the table, the whole unit's
	case lead && utf8.RuneCountInString(text) <= 8 && s.x.cueAlone(text):
		s.column = text
	case c.Kind == reader.Heading || utf8.RuneCountInString(text) > 60 || lead && c.Kind == reader.ListItem && strings.HasSuffix(strings.TrimSpace(text), ":"):
		// a heading, a numbered lead that opens a list (3、主要部件明细:,
		// not a row number such as • 01) or a running sentence: the
		// table has ended
		s.column = ""
	}
	fs := s.x.extract(c, s.ctx, next)
	for i := range fs {
		if product != "" && fs[i].Topic == reports.WarrantyPeriod {
			fs[i].Scope.Product = product
		}
		if candidate != nil && fs[i].Topic == reports.WarrantyPeriod {
			fs[i].Row = candidate
		}
	}
	if row {
		for i := range fs {
			if fs[i].Topic == reports.PartsWarranty {
				fs[i].Item, fs[i].Scope.Part = prev, prev // the row's whole name: 电机霍尔元件, not 电机
			}
		}
	}
	return fs
}

// bareFigure reports a clause that is one period and nothing else (36个月,
// 1年内): a table cell flattened onto its own line.
func (x *Extractor) bareFigure(s string) bool {
	qs := duration.Find(s)
	if len(qs) != 1 {
		return false
	}
	rest := strings.TrimSpace(s[:qs[0].Start] + s[qs[0].End:])
	return rest == "" || rest == "内" || rest == "以内"
}

// rowCandidate reports a line that may name the row of the cell after
// it: short, no figure, no cue, no sentence end, not a numbered or
// bracketed heading (一、服务承诺, 【售后】), and neither it nor the cell
// names the whole unit (整机保修6个月 is the product's own period).
func (x *Extractor) rowCandidate(name, cell string) bool {
	name = strings.TrimSpace(name)
	return rowName(name) && len(x.cueHits(name, nil)) == 0 && !anyof.In(name+cell, x.lex.WholeUnit...) &&
		!anyof.Prefix(name, "【", "[", "(") && !numberedHeading(name)
}

// numberedHeading reports a line opened by a chapter numeral (一、, 二.).
func numberedHeading(s string) bool {
	rest := strings.TrimLeft(s, "一二三四五六七八九十")
	return rest != s && anyof.Prefix(rest, "、", ".", ",", " ")
}

// cueFigure reports a clause that is a warranty cue and one period and
// nothing else (保修5年, 质保期：3年): a table cell holding its own cue.
func (x *Extractor) cueFigure(s string) bool {
	if len(s) > 48 || utf8.RuneCountInString(s) > 12 { // (the length first: most clauses are long)
		return false
	}
	qs := duration.Find(s)
	if len(qs) != 1 {
		return false
	}
	rest := strings.Trim(s[:qs[0].Start], " :为") + s[qs[0].End:]
	rest = strings.TrimSuffix(strings.TrimSpace(rest), "内")
	return rest != "" && x.cueAlone(rest)
}

// partName reports a short line naming a part (电机, 锂电池, 电机霍尔元件)
// and nothing else.
func (x *Extractor) partName(s string) bool {
	return utf8.RuneCountInString(s) <= 10 && duration.Find(s) == nil && len(x.items(s)) == 1 && isLead(s)
}

// rowName reports a short line that can name a table row (柜机, PMX系列,
// (商用)): no figure, no sentence end.
func rowName(s string) bool {
	return utf8.RuneCountInString(s) <= 16 && duration.Find(s) == nil && isLead(s)
}

// cueAlone reports a header line that is a warranty cue and little else
// (保修期限, 质保期, 包修期).
func (x *Extractor) cueAlone(s string) bool {
	for _, h := range x.cueHits(s, nil) {
		if slices.Contains(h.topics, reports.WarrantyPeriod) && h.end-h.start >= len(strings.TrimSpace(s))-6 {
			return true
		}
	}
	return false
}

// bareName reports a list element that can only be a name: short, no
// figure, no punctuation, no space inside.
func bareName(s string) bool {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	return n >= 2 && n <= 8 && !strings.ContainsAny(s, "0123456789()（）:：,，;；。 ") && duration.Find(s) == nil
}

// isLead reports a short line without a sentence end: a heading or a
// label, not a sentence.
func isLead(s string) bool {
	s = strings.TrimRight(s, " :")
	if s == "" || utf8.RuneCountInString(s) > 40 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune("。.!?;！？；,，、", r)
}

func (x *Extractor) extract(c clause.Clause, cache map[string][]hit, next string) []Fact {
	listed := append(x.lists.find(c), x.money.find(c)...)
	s := c.Text.S
	qs := duration.Find(s)
	if len(qs) > 0 || mayCover(s) {
		cov, spans := coverage(s)
		listed, qs = append(listed, cov...), outside(qs, spans)
	}
	qs = x.dropDefinitions(s, qs)
	if len(qs) == 0 {
		return listed
	}
	hits := x.cueHits(s, qs)
	var ctxHits []hit
	if ctx := strings.TrimSpace(c.Context + " " + lastOf(c.Section)); ctx != "" {
		var ok bool
		if ctxHits, ok = cache[ctx]; !ok {
			ctxHits = x.cueHits(ctx, nil)
			if cache != nil {
				cache[ctx] = ctxHits
			}
		}
	}
	phrases := phraseBounds(s)
	var nextHits []hit
	if next != "" && len(hits) == 0 {
		nextHits = x.cueHits(next, nil)
	}

	out := listed
	each := x.respectively(s, qs)
	var eachTopics []reports.Topic
	for qi, q := range qs {
		pi := phraseOf(phrases, q.Start)
		p := phrases[pi]
		topics, cueAt, fromCtx := x.choose(s, hits, q, qs, phrases, pi, ctxHits)
		if _, ok := each[qi]; ok && qi > 0 {
			if _, prev := each[qi-1]; prev {
				topics, cueAt, fromCtx = eachTopics, -1, false // …分别为6个月、3个月、1年、1年: one cue for the run
			}
		}
		if _, ok := each[qi]; ok {
			eachTopics = topics
		}
		if len(nextHits) > 0 && (len(topics) == 0 || fromCtx) {
			// the line below says what the period is for; it is nearer
			// than the heading above
			topics, cueAt, fromCtx = nextHits[0].topics, -1, false
		}
		named := namesPeriod(s, q, hits)
		// 签收超过7天的商品不予退货: the condition refused ends the window
		// (超过十五日未办理退货 is a failure to act, no window)
		condition := x.conditional(s[:q.Start]) && !named
		// (以下情况不予退换货: / 1. 签收超过15天的: the list's lead or
		// heading refuses)
		bounds := condition && !anyof.Prefix(s[q.End:], x.lex.Events.Failure...) &&
			(x.refusedAfter(s[q.End:sentenceEnd(s, q.End)]) || c.Kind == reader.ListItem && (x.refusedAfter(c.Context) || x.refusedAfter(lastOf(c.Section))))
		if len(topics) == 0 || condition && !bounds || x.offset(s[q.End:]) ||
			x.interval(q, s[q.End:]) || x.notPeriod(s[:q.Start]) || x.carriageCondition(s, phrases, pi, q, hits) {
			continue
		}
		regionStart := p[0]
		if pi > 0 {
			regionStart = phrases[pi-1][0]
		}
		if (x.negated(s[p[0]:q.Start]) || (cueAt > p[0] && cueAt < q.Start && x.negated(s[p[0]:cueAt]))) &&
			!anyof.In(s[p[0]:q.Start], x.lex.Events.Excepted...) {
			continue // 不支持7天无理由退货: states what is not offered (but 以下商品不支持… excepts some goods)
		}
		if anyof.Suffix(strings.TrimRight(s[p[0]:q.Start], " 约至少"), x.lex.Events.Keep...) {
			continue // 外包装保留15日: how long to keep the box, no window
		}
		if anyof.In(s[q.End:p[1]], x.lex.Events.Expiry...) {
			continue // 30天包修期满: the end of a period, a condition
		}
		ev := x.eventOf(s, p, q, hits)
		if fromCtx && ev == ownEvent && pi+1 < len(phrases) && x.bareBound(s[q.End:p[1]]) && !anyof.Prefix(s[phrases[pi+1][0]:], x.lex.Grammar.During...) {
			// the topic is the heading's and the figure's phrase only bounds
			// a condition (…或里程3000公里内,): the next phrase says what the
			// period is for (…享受首次免费保养服务); not one that goes on
			// during it (期间免费巡检)
			ev = x.eventOf(s, [2]int{p[0], phrases[pi+1][1]}, q, hits)
		}
		if ev == otherEvent {
			continue // 10日内完成保修登记: times a registration
		}
		afterWarranty, repaired := x.afterWarranty(s[regionStart:q.Start], s[:q.Start], s[p[0]:p[1]])
		repairedDone := false
		if repaired != "" && slices.ContainsFunc(topics, isWarranty) {
			// 按故障修复日起6个月保修: the repair's word names when the
			// part's warranty starts, no repair time
			topics = slices.DeleteFunc(slices.Clone(topics), func(t reports.Topic) bool { return t == reports.RepairTime || t == reports.ResolutionTime })
		}
		service := x.isServiceTime(s[regionStart:q.Start]) ||
			(cueAt >= q.End && anyof.In(s[q.End:cueAt], x.lex.ServiceVerbs...))
		if service {
			// 收到退回商品后15个工作日内无理由退款: after the seller's event
			// a window's cue names the seller's own time
			if tp, ok := x.lex.ServiceReadings[cueWord(s, hits, cueAt)]; ok && !(cueAt > q.End && anyof.In(s[q.End:cueAt], x.lex.BuyerApplies.Apply...)) {
				topics = []reports.Topic{tp}
			}
		}
		phrase := s[p[0]:p[1]]
		start := len(out)
		for _, tp := range topics {
			window := x.lex.Topics[tp].Kind == terms.Window
			// a support line or service is no warranty or return right;
			// spare parts may share its years (5年技术服务及备件供应)
			if service && window || ev == serviceOnly && window && tp != reports.SparePartsPeriod || afterWarranty && isWarranty(tp) {
				continue
			}
			if ev == serviceOnly && q.Unit == duration.Lifetime && isWarranty(tp) {
				continue // 免费保修及终身维护服务: a lifetime of service, no lifetime warranty
			}
			if repaired != "" && isWarranty(tp) {
				// 更换的部件在三个月保修期内损坏: the replaced part's warranty
				if !repairedDone && x.lex.Topics[reports.PartsWarranty].Fits(q.Unit) {
					out = append(out, Fact{Topic: reports.PartsWarranty, Item: repaired, Quantity: q})
				}
				repairedDone = true
				continue
			}
			if bounds && tp != reports.ReturnWindow && tp != reports.ExchangeWindow {
				continue // only a return or exchange is refused past a time
			}
			if window && !bounds && x.ageCondition(q, s[q.End:]) {
				continue // 购买15日以上的商品: the age of the goods, no period
			}
			noReason := tp == reports.ExchangeWindow && len(topics) > 1 && (anyof.In(phrase, x.lex.NoReason...) || cueAt >= 0 && anyof.In(phraseText(s, phrases, cueAt), x.lex.NoReason...))
			if tp == reports.RefundTime && !service && anyof.In(phrase, x.lex.BuyerApplies.Received...) && anyof.In(s[q.End:p[1]], x.lex.BuyerApplies.Apply...) && !slices.Contains(topics, reports.ReturnWindow) {
				tp = reports.ReturnWindow // 收货后14天内申请退款: the buyer's time to ask, a return window
			}
			if tp == reports.RepairTime && q.Unit == duration.Year {
				tp = reports.WarrantyPeriod // 免费维修期限6年: a warranty, no repair takes years
			}
			if (q.Unit == duration.Year || q.Unit == duration.Month && tp != reports.ResolutionTime) && (tp == reports.OnsiteTime || tp == reports.ResponseTime || tp == reports.ResolutionTime) {
				if !anyof.In(phrase, x.lex.RepairWords...) {
					continue // no visit or answer takes months, no repair years
				}
				tp = reports.WarrantyPeriod // 1年内免费上门维修: a warranty served on site
			}
			if !x.lex.Topics[tp].Fits(q.Unit) {
				continue // 保修期内…48小时内到场: no warranty lasts hours
			}
			f := Fact{Topic: tp, Quantity: q}
			if bounds {
				f.Op, f.Refused = duration.OpAtMost, true // refused past 7 days: granted within them
			}
			if noReason {
				// 7天无理由退换货 grants a no-reason exchange: an exchange
				// term, under the no-reason right's condition, not the
				// 三包 exchange for faults
				f.Condition = x.lex.NoReason[0]
			}
			if tp == reports.WarrantyPeriod {
				if anyof.In(phrase, x.lex.Paid...) && !named {
					continue // 质保期满后提供终身有偿维修: paid repair, not a warranty
				}
				if name, ok := each[qi]; ok {
					if name != "" {
						f = Fact{Topic: reports.PartsWarranty, Item: name, Quantity: q}
					}
					out = append(out, f)
					continue
				}
				if items := x.parts(s, phrases, pi, hits, c.Context, fromCtx); len(items) > 0 {
					for _, it := range items {
						out = append(out, Fact{Topic: reports.PartsWarranty, Item: it, Quantity: q})
					}
					continue
				}
			}
			out = append(out, f)
		}
		if service && !anyService(x.lex, topics) && ev != serviceOnly && !x.onlyAccepts(s[q.End:p[1]]) {
			// 收到退货后2个工作日内处理: the seller's time to settle a
			// return (but 1-3个工作日内受理您的请求 only takes it in)
			out = append(out, Fact{Topic: reports.ResolutionTime, Quantity: q})
		}
		if len(out) > start {
			region := x.scope.scopeOf(s, phrases, q.Start, c.Context)
			share, shareWords := shareOf(s, q.Start)
			for i := start; i < len(out); i++ {
				out[i].Scope = Scope{Region: region[0], Tier: region[1], Severity: region[2], Share: share, Part: out[i].Item}
				if shareWords != "" {
					out[i].Condition = shareWords
				}
			}
		}
	}
	if len(out) > 0 {
		hedge := ""
		x.hedge.Each(s, func(_, _, w int) bool {
			hedge = x.hedge.Word(w) // the first, and the longest there
			return false
		})
		for i := range out {
			if out[i].Condition == "" {
				out[i].Condition = hedge
			}
			out[i].Scope.Condition = out[i].Condition
			if out[i].Scope.Part == "" {
				out[i].Scope.Part = out[i].Item
			}
		}
	}
	return out
}

// choose picks the topics of quantity q: the nearest cue in its own phrase,
// else the first cue of the next phrases (七日内,可退货), else the nearest in
// the two phrases before, else the table or heading context. cueAt is the
// cue's byte offset in the clause, or -1; fromCtx says the context decided.
func (x *Extractor) choose(s string, hits []hit, q duration.Quantity, qs []duration.Quantity, phrases [][2]int, pi int, ctx []hit) (topics []reports.Topic, cueAt int, fromCtx bool) {
	p := phrases[pi]
	// A cue the count starts from (到达现场后24小时内不能解决的: the visit
	// starts the clock) yields to a cue after the figure: that one names
	// what the time is for.
	best, bestDist, startOnly := -1, 1<<30, false
	for i, h := range hits {
		if !h.in(p) {
			continue
		}
		var d int
		start := false
		switch {
		case h.end <= q.Start:
			d = q.Start - h.end
			start = anyof.Prefix(strings.TrimSpace(s[h.end:q.Start]), x.lex.CountStarts...)
		case h.start >= q.End:
			d = h.start - q.End
		default:
			continue
		}
		if best < 0 || startOnly && !start || start == startOnly && (d < bestDist || (d == bestDist && h.start > q.Start)) {
			best, bestDist, startOnly = i, d, start
		}
	}
	if best >= 0 {
		return x.coordinated(s, hits, best), hits[best].start, false
	}
	// Following phrases lend their cue (7日内,主机出现性能故障,可选择退货),
	// up to the first one with a figure of its own, which owns its cue.
	// A figure after the cue in that phrase does not own it (…可以选择退货、
	// 换货或修理(网购商品适用7天无理由退货)).
	for k := pi + 1; k < len(phrases) && k <= pi+3; k++ {
		for i, h := range hits {
			if h.in(phrases[k]) {
				if figureIn(qs, [2]int{phrases[k][0], h.start}) {
					break
				}
				// 7日内,发生性能故障,可以选择退货、换货或修理: all of the list
				return x.coordinated(s, hits, i), h.start, false
			}
		}
		if figureIn(qs, phrases[k]) {
			break // a phrase with a figure of its own, before any cue, owns its cue
		}
	}
	// A list of items with their figures shares the cue after the last
	// one: 整机12个月,主要附件6个月的保修服务, or in the phrase right after
	// the list: 整机1年,压缩机3年,免费保修.
	if x.listEntry(s, p, q) {
	walk:
		for k := pi + 1; k < len(phrases) && k <= pi+4; k++ {
			next := phrases[k]
			for _, h := range hits {
				if h.in(next) {
					// the cue phrase after the list, or the last entry
					// holding the cue (主要附件6个月的保修服务); not a phrase
					// of its own (整机1年,压缩机3年,7天无理由退货)
					own := figureIn(qs, [2]int{next[0], h.start})
					if !own && k > pi+1 || own && x.namedFigure(s, next, qs) {
						return h.topics, h.start, false
					}
					break walk
				}
			}
			if !x.entryPhrase(s, next, qs) {
				break
			}
		}
	}
	// A lifetime borrows no cue from before (三年内免费维修,终身服务): a
	// lifetime promise names what it is for in its own phrase.
	for k := pi - 1; k >= 0 && k >= pi-2 && q.Unit != duration.Lifetime; k-- {
		for i := len(hits) - 1; i >= 0; i-- {
			if hits[i].in(phrases[k]) {
				return hits[i].topics, hits[i].start, false
			}
		}
	}
	if len(ctx) > 0 {
		return ctx[len(ctx)-1].topics, -1, true
	}
	return nil, -1, false
}

// coordinated adds to hit i's topics those of the cues joined to it by
// 或/或者/和/及/与/、 (30天的退货或者换货政策: both windows are 30 days).
func (x *Extractor) coordinated(s string, hits []hit, i int) []reports.Topic {
	topics := hits[i].topics
	for j := i + 1; j < len(hits); j++ {
		gap := strings.TrimSpace(s[hits[j-1].end:hits[j].start])
		if !slices.Contains(x.lex.Coordinators, gap) {
			break
		}
		for _, t := range hits[j].topics {
			if !slices.Contains(topics, t) {
				topics = append(slices.Clip(topics), t)
			}
		}
	}
	return topics
}

// listEntry reports a phrase that is an item's name and its figure only
// (整机12个月, 电池6个月): an entry of a list whose cue comes at its end.
// The name must be the whole unit or a part: 签收7天 is no entry.
func (x *Extractor) listEntry(s string, p [2]int, q duration.Quantity) bool {
	rest := strings.Trim(s[q.End:p[1]], " ,，、;；")
	return rest == "" && x.unitName(s[p[0]:q.Start])
}

// unitName reports a short name of the whole unit or of a part (整机,
// 主要附件) standing before a figure.
func (x *Extractor) unitName(name string) bool {
	name = strings.TrimSpace(name)
	return name != "" && utf8.RuneCountInString(name) <= 5 &&
		(anyof.In(name, x.lex.WholeUnit...) || anyof.In(name, x.lex.Topics[reports.PartsWarranty].Items...))
}

// firstFigure returns the first figure of qs inside phrase p.
func firstFigure(qs []duration.Quantity, p [2]int) (duration.Quantity, bool) {
	for _, q := range qs {
		if q.Start >= p[0] && q.End <= p[1] {
			return q, true
		}
	}
	return duration.Quantity{}, false
}

// namedFigure reports a phrase whose first figure follows a part's or the
// whole unit's name (主要附件6个月的保修服务).
func (x *Extractor) namedFigure(s string, p [2]int, qs []duration.Quantity) bool {
	q, ok := firstFigure(qs, p)
	return ok && x.unitName(s[p[0]:q.Start])
}

// entryPhrase reports a phrase that is one entry of such a list: a
// part's name and its figure (压缩机3年).
func (x *Extractor) entryPhrase(s string, p [2]int, qs []duration.Quantity) bool {
	q, ok := firstFigure(qs, p)
	return ok && x.listEntry(s, p, q)
}

// conditional reports a figure that states a condition rather than a
// commitment: 超过三十日未修好的 (if more than thirty days), 满一年后.
func (x *Extractor) conditional(before string) bool {
	g := &x.lex.Grammar
	for _, w := range g.Exceeding {
		if strings.HasSuffix(before, w) && !slices.ContainsFunc(g.ExceedingNegations, func(n string) bool { return strings.HasSuffix(before, n+w) }) {
			return true
		}
	}
	return false
}

// refusedAfter reports a refusal of the return or exchange itself (不予退货,
// 不再办理换货, 不支持退换) in rest, the words after a conditional figure
// to its sentence end: 不再赠送赠品 or 无法发货 refuses something else.
func (x *Extractor) refusedAfter(rest string) bool {
	for _, w := range x.lex.Events.Refusal {
		for r := rest; ; {
			i := strings.Index(r, w)
			if i < 0 {
				break
			}
			r = r[i+len(w):]
			if after := strings.TrimPrefix(strings.TrimPrefix(r, "办理"), "予"); strings.HasPrefix(after, "退") || strings.HasPrefix(after, "换") {
				return true
			}
		}
	}
	return false
}

// sentenceEnd is the byte offset where the sentence holding off ends.
func sentenceEnd(s string, off int) int {
	if i := strings.IndexAny(s[off:], "。;!?"); i >= 0 {
		return off + i
	}
	return len(s)
}

// namesPeriod reports a figure that is the name of a period cue right
// after it: 超过一年免费保修期的产品 speaks of goods past their one-year
// warranty, so the warranty is a year although 超过 makes it a condition.
func namesPeriod(s string, q duration.Quantity, hits []hit) bool {
	for _, h := range hits {
		if h.start < q.End || strings.Trim(s[q.End:h.start], " 的") != "" {
			continue
		}
		cue := s[h.start:h.end]
		return strings.HasSuffix(cue, "期") || strings.HasSuffix(cue, "期限")
	}
	return false
}

// offset reports a figure that moves a start date rather than states a
// period: 保修期自出厂日期后三个月起计算 (the warranty starts three months
// after the factory date; three months is no warranty).
func (x *Extractor) offset(after string) bool {
	return anyof.Prefix(after, x.lex.Grammar.StartOffsets...)
}

// cueHits finds whole-word cues in s, longest first, not overlapping each
// other or the figures in qs. gse runs only when some cue occurs at all.
func (x *Extractor) cueHits(s string, qs []duration.Quantity) []hit {
	type cand struct{ start, end int }
	var cands []cand
	x.cues.Each(s, func(start, end, _ int) bool {
		cands = append(cands, cand{start, end})
		return true
	})
	if len(cands) == 0 {
		return nil
	}
	bounds := make([]bool, len(s)+1)
	// Segment only the phrases that hold a candidate, and only when
	// needed. Punctuation is a word of its own for gse, so a phrase's words
	// are the same cut alone as cut inside its clause; and where no
	// dictionary word spans a cue's edge (segment.CertainBoundary), the
	// edge is a boundary of every cut, with no cut made. gse was a third
	// of an audit; most cue edges now cost a few dictionary lookups.
	segmented := -1 // start of the last phrase cut whole
	for _, c := range cands {
		ps, pe := phraseAround(s, c.start, c.end)
		phrase := s[ps:pe]
		if segment.CertainBoundary(phrase, c.start-ps) && segment.CertainBoundary(phrase, c.end-ps) {
			bounds[c.start], bounds[c.end] = true, true
			continue
		}
		if ps == segmented {
			continue
		}
		for _, b := range segment.Boundaries(phrase) {
			bounds[ps+b] = true
		}
		segmented = ps
	}
	taken := make([]bool, len(s)+1)
	for _, q := range qs {
		for i := q.NumStart; i < q.End; i++ {
			taken[i] = true
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].end-cands[a].start > cands[b].end-cands[b].start })
	var hits []hit
	// 退、换货: the folded spelling speaks for both cues it folds. The hit
	// is the part it shares with the end of its cue (换货, after the
	// separator): the phrase the figure shares with it (a 、 ends a phrase).
	for _, short := range x.abbrev {
		cue := x.lex.Abbreviations[short]
		tail := len(short) - commonSuffix(short, cue)
		for from := 0; ; {
			i := strings.Index(s[from:], short)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(short)
			from = end
			if anyTaken(taken[start:end]) {
				continue
			}
			for k := start; k < end; k++ {
				taken[k] = true
			}
			hits = append(hits, hit{start + tail, end, x.topic[cue]})
		}
	}
	for _, c := range cands {
		if !bounds[c.start] || !bounds[c.end] || anyTaken(taken[c.start:c.end]) {
			continue
		}
		for k := c.start; k < c.end; k++ {
			taken[k] = true
		}
		topics := x.topic[s[c.start:c.end]]
		if slices.Contains(topics, reports.OnsiteTime) {
			if _, pe := phraseAround(s, c.start, c.end); anyof.In(s[c.end:pe], x.lex.MoneyDestinations...) {
				topics = refundTopics // 到达您的支付账户: money arrives, nobody comes on site
			}
		}
		hits = append(hits, hit{c.start, c.end, topics})
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].start < hits[b].start })
	return hits
}

// commonSuffix is the length in bytes of the longest common ending of a
// and b, in whole characters.
func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) {
		ra, sa := utf8.DecodeLastRuneInString(a[:len(a)-n])
		rb, _ := utf8.DecodeLastRuneInString(b[:len(b)-n])
		if ra != rb {
			break
		}
		n += sa
	}
	return n
}

// refundTopics is the topic of money arriving in the buyer's account.
var refundTopics = []reports.Topic{reports.RefundTime}

// phraseAround returns the phrase of s around [start,end): the text
// between the punctuation marks (or spaces) before and after it. A comma
// between digits (3,000) does not end a phrase.
func phraseAround(s string, start, end int) (int, int) {
	ps := start
	for ps > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:ps])
		if isPhraseEnd(s, ps-n, r) {
			break
		}
		ps -= n
	}
	pe := end
	for pe < len(s) {
		r, n := utf8.DecodeRuneInString(s[pe:])
		if isPhraseEnd(s, pe, r) {
			break
		}
		pe += n
	}
	return ps, pe
}

func isPhraseEnd(s string, i int, r rune) bool {
	switch r {
	case ',', '.':
		// 3,000 and 1.5 are one number
		return !(i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]))
	case ';', ':', '。', '、', '!', '?', '(', ')', '“', '”', '"', ' ', '《', '》', '【', '】':
		return true
	}
	return false
}

// mayCover is strings.ContainsAny(s, "×*xX:") without decoding: × is the
// bytes C3 97, and C3 never continues another character. ContainsAny
// decodes every character of s against a set with a non-ASCII member, and
// this runs on every clause without a period in it.
func mayCover(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':', '*', 'x', 'X':
			return true
		case 0xC3:
			if i+1 < len(s) && s[i+1] == 0x97 {
				return true
			}
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// bareBound reports the words after a figure that only close it as a
// bound (…或里程3000公里内(以先达到者为限)): brackets aside, they end in
// 内 or 以内.
func (x *Extractor) bareBound(after string) bool {
	var b strings.Builder
	depth := 0
	for _, r := range after {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.HasSuffix(strings.TrimRight(b.String(), " ,"), "内")
}

// cueWord is the cue found at at, or "".
func cueWord(s string, hits []hit, at int) string {
	for _, h := range hits {
		if h.start == at {
			return s[h.start:h.end]
		}
	}
	return ""
}

// isServiceTime reports whether the text before a figure names an event the
// seller reacts to (接到报修后, 收到退货申请后): the figure is then how long the
// seller takes, never a window the consumer enjoys.
func (x *Extractor) isServiceTime(before string) bool {
	for _, t := range x.lex.ServiceTriggers {
		i := strings.Index(before, t)
		if i < 0 {
			continue
		}
		rest := before[i+len(t):]
		if strings.HasSuffix(t, "后") {
			return true
		}
		if strings.Contains(rest, "后") && anyof.In(rest, x.lex.ServiceObjects...) {
			return true
		}
	}
	return false
}

// negated reports a negation that is not part of a comparator (不能超过).
func (x *Extractor) negated(s string) bool {
	for _, n := range x.lex.Negations {
		for from := 0; ; {
			i := strings.Index(s[from:], n)
			if i < 0 {
				break
			}
			rest := s[from+i+len(n):]
			if !anyof.Prefix(rest, x.lex.Grammar.Comparators...) {
				return true
			}
			from += i + len(n)
		}
	}
	return false
}

// dropExclusions removes the brackets that set parts apart from a
// figure (保修期为一年(耗材除外), 保修三年(不含电池)): their parts are the
// ones the figure is not about; and those that fold parts into a whole
// that names no part (设备(含附件)保修五年): the figure is the whole
// unit's. A part's bracket stays (电池保修一年(含充电器): both parts).
func (x *Extractor) dropExclusions(phrase string) string {
	for from := 0; ; {
		open := strings.IndexByte(phrase[from:], '(')
		if open < 0 {
			return phrase
		}
		open += from
		end := strings.IndexByte(phrase[open:], ')')
		if end < 0 {
			return phrase
		}
		end += open
		inner := phrase[open+1 : end]
		g := &x.lex.Grammar
		excluded := anyof.Suffix(inner, g.BracketExcludeEndings...) || anyof.Prefix(inner, g.BracketExcludeStarts...)
		folded := anyof.Prefix(inner, g.BracketIncludeStarts...) && len(x.items(phrase[:open]+phrase[end+1:])) == 0
		if excluded || folded {
			phrase = phrase[:open] + phrase[end+1:]
			from = open
			continue
		}
		from = end + 1
	}
}

// parts names the parts a warranty figure in phrase pi is about: those
// named in the phrase, with the items listed before it (电池、充电器保修时间
// 均为1年: both); else one in an earlier phrase of the clause (电池属于易耗品,
// 保修期为6个月) unless the whole unit or another subject intervenes; else
// in the table context that gave the topic. None means the whole product.
func (x *Extractor) parts(s string, phrases [][2]int, pi int, hits []hit, context string, fromCtx bool) []string {
	phrase := s[phrases[pi][0]:phrases[pi][1]]
	if open := strings.LastIndexByte(phrase, '('); open >= 0 && !strings.Contains(phrase[open:], ")") {
		phrase = phrase[:open] // 保修三年(风扇,…: the bracket opens a list of its own
	}
	items := x.items(x.dropExclusions(phrase))
	guessed := false // the last element's name is not a known part
	if len(items) == 0 && pi > 0 && strings.HasPrefix(s[phrases[pi-1][1]:], "、") {
		// the list's last element names a part the lexicon does not know
		// before the warranty words: 高压包、CRT管免费保修一年
		for _, h := range hits {
			if h.in(phrases[pi]) {
				if lead := strings.TrimSpace(s[phrases[pi][0]:h.start]); bareName(lead) {
					items, guessed = []string{lead}, true
				}
				break
			}
		}
	}
	if len(items) > 0 {
		// a list: 电池、充电器 — phrases of bare items joined by 、
		var listed []string
		for k := pi - 1; k >= 0; k-- {
			earlier := s[phrases[k][0]:phrases[k][1]]
			if open := strings.LastIndexByte(earlier, '('); open >= 0 && !strings.Contains(earlier[open:], ")") {
				// the list opens inside a bracket: 保修三年(其中:高压包、CRT管保修一年),
				// 整机保修三年(CPU,显卡保修一年)
				name := strings.TrimSpace(earlier[open+1:])
				for _, w := range x.lex.Grammar.SublistLeads {
					name = strings.TrimPrefix(name, w)
				}
				name = strings.TrimSpace(strings.TrimLeft(name, ":："))
				if its := x.items(name); len(its) > 0 {
					listed = append(its, listed...)
				} else if bareName(name) {
					listed = append([]string{name}, listed...)
				}
				break
			}
			if !strings.HasPrefix(s[phrases[k][1]:], "、") {
				break // a comma ends the list
			}
			its := x.items(earlier)
			if len(its) == 0 && bareName(earlier) {
				its = []string{strings.TrimSpace(earlier)} // 主板、图形加速卡、电源: a part the lexicon does not know
			}
			if len(its) == 0 || hitIn(hits, phrases[k]) || len(earlier) > 30 {
				break
			}
			listed = append(its, listed...)
		}
		// a guessed name needs a known part beside it: 所投设备、软件质保
		// 五年 lists no parts
		if !guessed || slices.ContainsFunc(listed, func(n string) bool { return len(x.items(n)) > 0 }) {
			return append(listed, items...)
		}
	}
	for k := pi - 1; k >= 0 && !anyof.In(phrase, x.lex.WholeUnit...); k-- {
		earlier := s[phrases[k][0]:phrases[k][1]]
		if anyof.In(earlier, x.lex.WholeUnit...) || hitIn(hits, phrases[k]) {
			break
		}
		if it := x.items(earlier); len(it) > 0 {
			return it[:1]
		}
	}
	if fromCtx {
		if it := x.items(context); len(it) > 0 {
			return it[:1]
		}
	}
	return nil
}

// respectively pairs the names listed before 分别为 with the figures after
// it, in order (电池、耳机、充电器的保修期分别为6个月、3个月、1年): figure
// index -> part, "" for the whole unit. Nothing is paired unless the
// counts agree; a collective name after 等 (等附件) is no name of its own.
func (x *Extractor) respectively(s string, qs []duration.Quantity) map[int]string {
	at, end := -1, -1
	for _, w := range x.lex.Respectively {
		if i := strings.Index(s, w); i >= 0 && (at < 0 || i < at) {
			at, end = i, i+len(w)
		}
	}
	if at < 0 {
		return nil
	}
	from, first := 0, -1
	for i, q := range qs {
		if q.End <= at {
			from = q.End
		} else if first < 0 && q.Start >= end {
			first = i
		}
	}
	if first < 0 || strings.TrimLeft(s[end:qs[first].Start], " :") != "" {
		return nil
	}
	figs := []int{first}
	for i := first + 1; i < len(qs); i++ {
		gap := strings.Trim(s[qs[i-1].End:qs[i].Start], " ")
		if !slices.Contains(x.lex.Grammar.FigureJoiners, gap) {
			break
		}
		figs = append(figs, i)
	}
	names := x.names(s[from:at])
	if len(names) != len(figs) || len(figs) < 2 {
		return nil
	}
	out := make(map[int]string, len(figs))
	for k, i := range figs {
		out[i] = names[k]
	}
	return out
}

// names lists the whole unit ("") and the parts named in s, in order,
// longer names first, leaving out one right after 等 (等附件: the
// collective word for the names before it).
func (x *Extractor) names(s string) []string {
	var out []string
	for _, w := range wordsIn(s, x.lex.WholeUnit, x.lex.Topics[reports.PartsWarranty].Items) {
		if strings.HasSuffix(s[:w[0]], "等") {
			continue
		}
		name := s[w[0]:w[1]]
		if slices.Contains(x.lex.WholeUnit, name) {
			name = ""
		}
		out = append(out, name)
	}
	return out
}

// items names the parts a warranty phrase is about, in order, unless the
// phrase is about the whole unit (整机, 主机). A longer name wins over one
// inside it (主要零部件, not 零部件).
func (x *Extractor) items(phrase string) []string {
	if anyof.In(phrase, x.lex.WholeUnit...) {
		return nil
	}
	var out []string
	for _, w := range wordsIn(phrase, x.lex.Topics[reports.PartsWarranty].Items) {
		if it := phrase[w[0]:w[1]]; !slices.Contains(out, it) {
			out = append(out, it)
		}
	}
	return out
}

// wordsIn finds the words of the lists in s, in order and not
// overlapping: where two start together or one lies inside another, the
// earlier and longer wins.
func wordsIn(s string, lists ...[]string) [][2]int {
	var fs [][2]int
	for _, words := range lists {
		for _, w := range words {
			for from := 0; ; {
				i := strings.Index(s[from:], w)
				if i < 0 {
					break
				}
				fs = append(fs, [2]int{from + i, from + i + len(w)})
				from += i + len(w)
			}
		}
	}
	sort.Slice(fs, func(a, b int) bool {
		if fs[a][0] != fs[b][0] {
			return fs[a][0] < fs[b][0]
		}
		return fs[a][1] > fs[b][1]
	})
	out := fs[:0]
	end := 0
	for _, f := range fs {
		if f[0] >= end {
			out = append(out, f)
			end = f[1]
		}
	}
	return out
}

func phraseBounds(s string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range s {
		if r == ',' || r == ';' || r == '、' || r == '，' {
			out = append(out, [2]int{start, i})
			start = i + len(string(r))
		}
	}
	return append(out, [2]int{start, len(s)})
}

func phraseOf(ps [][2]int, off int) int {
	for i, p := range ps {
		if off >= p[0] && off < p[1] {
			return i
		}
	}
	return len(ps) - 1
}

// phraseText is the phrase holding offset off.
func phraseText(s string, ps [][2]int, off int) string {
	p := ps[phraseOf(ps, off)]
	return s[p[0]:p[1]]
}

// dropDefinitions leaves out the figures of a definition (满168小时为7天,
// 以签收时间后的168小时为7天): how a period stated elsewhere is counted,
// no period of its own, and no figure standing between that period and
// its cue.
func (x *Extractor) dropDefinitions(s string, qs []duration.Quantity) []duration.Quantity {
	drop := map[int]bool{}
	for i, q := range qs {
		if i+1 == len(qs) {
			break
		}
		rest := s[q.End:]
		for _, w := range x.lex.Definitions {
			if strings.HasPrefix(rest, w) && qs[i+1].Start == q.End+len(w) {
				drop[i], drop[i+1] = true, true
				break
			}
		}
	}
	if len(drop) == 0 {
		return qs
	}
	out := make([]duration.Quantity, 0, len(qs))
	for i, q := range qs {
		if !drop[i] {
			out = append(out, q)
		}
	}
	return out
}

// hitIn reports a cue inside phrase p: such a phrase has its own subject.
func hitIn(hits []hit, p [2]int) bool {
	for _, h := range hits {
		if h.in(p) {
			return true
		}
	}
	return false
}

func figureIn(qs []duration.Quantity, p [2]int) bool {
	for _, q := range qs {
		if q.Start >= p[0] && q.Start < p[1] {
			return true
		}
	}
	return false
}

func anyService(lex *terms.Lexicon, topics []reports.Topic) bool {
	for _, t := range topics {
		if lex.Topics[t].Kind == terms.Service {
			return true
		}
	}
	return false
}

func anyTaken(b []bool) bool {
	for _, t := range b {
		if t {
			return true
		}
	}
	return false
}

func lastOf(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[len(ss)-1]
}

// onlyAccepts reports the words after a figure saying only that a request
// is taken in (…内受理您的请求, …内予以受理), and not that it is then
// settled (…内受理并完成退款).
func (x *Extractor) onlyAccepts(after string) bool {
	i := -1
	for _, w := range x.lex.AcceptVerbs {
		if j := strings.Index(after, w); j >= 0 && (i < 0 || j < i) {
			i = j
		}
	}
	if i < 0 || utf8.RuneCountInString(after[:i]) > 4 {
		return false // no accepting verb right after the figure (内, 予以, 会)
	}
	return !anyof.In(after[i:], x.lex.SettleVerbs...)
}
