package checker

import (
	"shouhou/internal/anyof"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"shouhou/checker/clause"
	"shouhou/checker/reader"
	"shouhou/lexicon/duration"
	"shouhou/lexicon/keywords"
	"shouhou/lexicon/kinds"
	"shouhou/lexicon/t2s"
	"shouhou/reports"
	"shouhou/rules"
)

// headN is how many leading clauses count as the title area.
const headN = 4

// Understanding is what the audit knows of a document before it judges
// it: what kind of text it is, whom its terms are offered to, whose law
// governs them, its sections when it is several texts in one, and which of
// its clauses speak for someone other than its author.
type Understanding struct {
	Kind                 reports.Kind
	B2B                  bool
	B2BEvidence          []string
	Jurisdiction         string
	JurisdictionEvidence []string
	// Sections are set for composite documents only (a scraped page with
	// an article, then a policy): each with its own kind.
	Sections []Section
	// clauseKind is the kind each clause is judged as: its section's.
	clauseKind []reports.Kind
	// other marks clauses that describe the law, the consumer's rights or
	// another party's duty rather than promise anything themselves.
	other []bool
}

// Section is a run of clauses under one top-level heading.
type Section struct {
	Kind        reports.Kind
	Title       string
	First, Last int // clause indices, inclusive
}

// Signal groups: what a word found in a clause counts toward.
const (
	gTender = iota
	gBid
	gPolicy
	gArticle
	gLaw
	gB2B
	gB2BWeak
	gConsumer
	gMainland
	gParty  // a contract's parties (甲方, 卖方)
	gNav    // a breadcrumb's or menu's words (首页, 您的位置)
	gAuthor // a shop naming itself (本店, 本公司)
	gShared // an organisation naming itself as a statute's party might (本机构)
	gVoice  // words addressing consumers (您, 消费者)
	gFirst  // a shop speaking in the first person (我们, 本店)
	gRegion // gRegion+2*r is region r's strong words, gRegion+2*r+1 its other words
	nGroups = gRegion + 6
	// gLawArticle counts clauses that open a law's numbered article.
	gLawArticle = nGroups
)

// tally is a clause's count of each signal group (and of law articles).
type tally [nGroups + 1]uint16

// bodyGroup names the group of each kind's body words.
var bodyGroup = map[reports.Kind]int{reports.Tender: gTender, reports.Bid: gBid, reports.Policy: gPolicy, reports.Article: gArticle, reports.Law: gLaw}

// vocabulary is kinds.yaml made ready for counting: every counted word in
// one set, so a document is scanned once however many kinds of signal
// there are (a scan per list cost a tenth of a large document's audit).
type vocabulary struct {
	lex        *kinds.Lexicon
	titles     map[reports.Kind][]string
	signals    *keywords.Set
	groupsOf   [][]int // signal word -> its groups
	otherVoice *keywords.Set
	selfVoice  *keywords.Set
	regions    []string // jurisdiction ids, in the order of their groups
	goods      *keywords.Set
}

// vocab is built on first use: commands that judge nothing (version,
// help) do not pay for it.
var vocab = sync.OnceValue(func() *vocabulary {
	l := kinds.Must()
	v := &vocabulary{lex: l, titles: l.Titles,
		otherVoice: keywords.New(l.Voice.Other), selfVoice: keywords.New(l.Voice.Self),
		goods: keywords.New(l.Goods)}
	index := map[string]int{}
	var words []string
	add := func(group int, ws []string) {
		for _, w := range ws {
			i, ok := index[w]
			if !ok {
				i = len(words)
				index[w] = i
				words = append(words, w)
				v.groupsOf = append(v.groupsOf, nil)
			}
			if !slices.Contains(v.groupsOf[i], group) {
				v.groupsOf[i] = append(v.groupsOf[i], group)
			}
		}
	}
	for k, g := range bodyGroup {
		add(g, l.Body[k])
	}
	add(gB2B, l.B2B)
	add(gB2BWeak, l.B2BWeak)
	add(gConsumer, l.Consumer)
	add(gMainland, l.Jurisdictions.Mainland)
	add(gParty, l.ContractParties)
	add(gNav, l.Navigation)
	add(gAuthor, l.Authors)
	add(gShared, l.SharedAuthors)
	add(gVoice, l.ConsumerVoice)
	add(gFirst, l.FirstPerson)
	for r, reg := range []struct {
		id string
		r  kinds.Region
	}{{rules.HK, l.Jurisdictions.HK}, {rules.Macau, l.Jurisdictions.Macau}, {rules.TW, l.Jurisdictions.TW}} {
		v.regions = append(v.regions, reg.id)
		add(gRegion+2*r, reg.r.Strong)
		add(gRegion+2*r+1, reg.r.Words)
	}
	v.signals = keywords.New(words)
	return v
})

// signals counts each clause's signal words, once for the whole
// document, and keeps the first few distinct words of each group as
// evidence.
func signals(cls []clause.Clause) ([]tally, [nGroups][]string) {
	v := vocab()
	counts := make([]tally, len(cls))
	var evidence [nGroups][]string
	type hit struct{ start, end, w int }
	var hits []hit // the words of one clause, reused
	for i, c := range cls {
		hits = hits[:0]
		nav := false
		v.signals.Each(c.Text.S, func(start, end, w int) bool {
			hits = append(hits, hit{start, end, w})
			nav = nav || slices.Contains(v.groupsOf[w], gNav)
			return true
		})
		if nav && utf8.RuneCountInString(c.Text.S) <= 80 {
			continue // 您的位置：首页 > 帮助中心 >: the site's, not the text's words
		}
		for _, h := range hits {
			// a word inside a longer one found here is that word's part:
			// 中标 in 中标人 (a tender's word) says nothing of a bid
			if slices.ContainsFunc(hits, func(o hit) bool {
				return o.start <= h.start && o.end >= h.end && o.end-o.start > h.end-h.start
			}) {
				continue
			}
			w := h.w
			for _, g := range v.groupsOf[w] {
				if counts[i][g] < 0xFFFF {
					counts[i][g]++
				}
				if len(evidence[g]) < 8 && !slices.Contains(evidence[g], v.signals.Word(w)) {
					evidence[g] = append(evidence[g], v.signals.Word(w))
				}
			}
		}
		if counts[i][gShared] > 0 && !authorAgent(c.Text.S) {
			counts[i][gShared] = 0 // 本单位 as the party a statute regulates
		}
		if v.lex.LawArticle.MatchString(c.Text.S) {
			counts[i][gLawArticle] = 1
		}
	}
	return counts, evidence
}

// authorAgent reports a clause whose shared author word is the agent of
// making or interpreting the rules: 由本机构负责解释, 本单位制定 (not 制定本
// 单位内部控制制度, where it is the object).
func authorAgent(s string) bool {
	l := vocab().lex
	for _, w := range l.SharedAuthors {
		for _, a := range l.Authorship {
			if strings.Contains(s, "由"+w+"负责"+a) || strings.Contains(s, "由"+w+a) || strings.Contains(s, w+a) || strings.Contains(s, w+"负责"+a) {
				return true
			}
		}
	}
	return false
}

// isNavigation reports a page's breadcrumb or menu line: a navigation
// word (首页, 您的位置) in a short line. A long clause that starts with a
// menu holds the text itself too.
func isNavigation(s string) bool {
	return utf8.RuneCountInString(s) <= 80 && firstIndex(s, vocab().lex.Navigation) >= 0
}

// sum adds up the tallies of a run of clauses.
func sum(counts []tally) (t [nGroups + 1]int) {
	for _, c := range counts {
		for g, n := range c {
			t[g] += int(n)
		}
	}
	return t
}

// DetectKind tells a document's kind from its clauses.
func DetectKind(cls []clause.Clause) reports.Kind {
	counts, _ := signals(cls)
	k, _ := kindOf(cls, counts, true)
	return k
}

// kindOf tells the kind of a run of clauses: from its title first, then
// from the words of its body. strong says the evidence was clear (a title,
// or body words that leave no doubt); a section changes kind only then.
// A document's first clause may be an article's title (如何…？); a
// section's heading may not, since a policy's FAQ asks questions too.
func kindOf(cls []clause.Clause, counts []tally, whole bool) (kind reports.Kind, strong bool) {
	if len(cls) == 0 {
		return reports.Policy, false
	}
	t := sum(counts)
	n := map[reports.Kind]int{}
	for k, g := range bodyGroup {
		n[k] = t[g]
	}
	lawArticles := t[gLawArticle]
	if t[gParty] >= 3 && t[gLaw] == 0 {
		// 第七条 包装 … 卖方 … 买方: a contract's articles (a statute
		// names parties too, but speaks of itself: 本法, 本规定)
		lawArticles = 0
	}
	if t[gAuthor] >= 2 || t[gShared] >= 1 {
		// 本规定…由本机构负责解释: an organisation's own rules, articles
		// and all (a statute never names its author so)
		lawArticles = 0
	}
	self := n[reports.Policy]
	head := joinTitles(cls, headN)
	first := firstTitle(cls)
	helpPage := firstIndex(head, vocab().lex.HelpCentre) >= 0
	policyTitle := helpPage || firstIndex(head, vocab().titles[reports.Policy]) >= 0
	tIdx, bIdx := firstIndex(head, vocab().titles[reports.Tender]), firstIndex(head, vocab().titles[reports.Bid])
	// a shop answering under the title (圣梦美容院解答您的疑问), and no word of
	// writing about shops anywhere
	shopAnswers := n[reports.Article] == 0 && self >= 5 && t[gFirst] >= 1 && firstIndex(head, vocab().lex.Body[reports.Policy]) >= 0
	switch {
	case lawArticles >= 3 && self == 0 && vocab().lex.LawArticle.MatchString(first):
		return reports.Law, true // an excerpt of a statute: 第十五条 … 第十六条 …
	case tIdx >= 0 && (bIdx < 0 || tIdx < bIdx):
		return reports.Tender, true
	case bIdx >= 0:
		return reports.Bid, true
	case firstIndex(head, vocab().lex.ProjectTitles) >= 0:
		return reports.Tender, true // 某医院设备采购项目, and no bid's word for itself

	case strings.Contains(joinHead(cls, headN), vocab().lex.Letters.To) && firstIndex(joinHead(cls, headN), vocab().lex.Letters.Buyers) >= 0:
		return reports.Bid, true // a letter to the buyer: a bid's commitment (服务承诺书)
	case firstIndex(joinHead(cls, headN), vocab().lex.Letters.CommitmentTitles) >= 0 && addressee(joinHead(cls, headN)) == "institution":
		return reports.Bid, true // a commitment letter to an institution (致：某市人民医院)
	case firstIndex(head, vocab().lex.Letters.CommitmentTitles) >= 0 && (n[reports.Bid] >= 1 || t[gB2B] >= 4) && b2bScore(t) > 2*t[gConsumer]:
		// a commitment letter about a bid (投标邀请) or to a party of a
		// contract (甲方): a bid's. A maker's standing 售后服务承诺书 is its policy.
		return reports.Bid, true
	case contractTitle(joinHead(cls, 2)):
		return reports.Policy, true // 电梯保养合同 (电 梯 保 养 合 同 in a scraped copy): the parties' terms
	case isLawTitle(first):
		return reports.Law, true
	// (an article's title over a statute's articles quoted at length is
	// the statute's: the body below decides)
	// (an article's title over a shop answering its customers, with no
	// word of writing about shops, is the shop's FAQ: 如何退卡? / 本店解答您的疑问)
	case whole && !helpPage && lawArticles < 3 && !shopAnswers && firstIndex(first, vocab().titles[reports.Article]) >= 0 && firstIndex(first, vocab().titles[reports.Policy]) < 0:
		return reports.Article, true
	case whole && !helpPage && lawArticles < 3 && !shopAnswers && firstIndex(first, vocab().titles[reports.Article]) >= 0 && isQuestion(first):
		return reports.Article, true // 7天无理由退换货从哪天开始算？ names a policy but asks about it
	}
	switch {
	case lawArticles >= 2 && n[reports.Law] >= 1 && self <= lawArticles && !policyTitle,
		lawArticles >= 3 && self == 0 && !policyTitle:
		return reports.Law, true
	case n[reports.Tender] >= 3 && n[reports.Tender] > n[reports.Bid]:
		return reports.Tender, true
	case n[reports.Bid] >= 3 && n[reports.Bid] > n[reports.Tender] && t[gVoice] < n[reports.Bid]:
		// (a shop writes 我方客服 too, but to consumers: 消费者, 您, 购物)
		return reports.Bid, true
	case n[reports.Bid] >= 2 && n[reports.Tender] == 0 && t[gConsumer] == 0 && b2bScore(t) >= 6:
		// someone speaking of its bid (投标产品, 我公司将) to a business, to no consumer
		return reports.Bid, false
	case n[reports.Tender] >= 1 && n[reports.Bid] == 0 && self == 0 && len(cls) <= 12:
		// a short tender excerpt: 投标人 and a demand, nobody speaking
		return reports.Tender, false
	case policyTitle:
		return reports.Policy, true
	case n[reports.Article] >= 3 && self*2 < n[reports.Article]:
		return reports.Article, n[reports.Article] >= 5 && self == 0
	}
	return reports.Policy, false
}

// contractTitle reports a service contract's title in the head: a
// contract title word (kinds.yaml contract_titles, spaces between the
// letters of a scraped copy ignored), not one a sentence goes on from
// (在维保合同期内: contract_in_sentence).
func contractTitle(head string) bool {
	head = strings.ReplaceAll(head, " ", "")
	for _, w := range vocab().lex.ContractTitles {
		for from := 0; ; {
			i := strings.Index(head[from:], w)
			if i < 0 {
				break
			}
			rest := head[from+i+len(w):]
			if !slices.ContainsFunc(vocab().lex.ContractInSentence, func(p string) bool { return strings.HasPrefix(rest, p) }) {
				return true
			}
			from += i + len(w)
		}
	}
	return false
}

// firstTitle is the text of a document's first clause that is not a
// scraped page's breadcrumb, menu or keyword title (您的位置: 首页 > 常识 >): the
// page's own title comes after those.
func firstTitle(cls []clause.Clause) string {
	// a breadcrumb ends the site's chrome (a section name, a menu): the
	// title comes after the last one in the head
	from := 0
	for i := 0; i < len(cls) && i < headN; i++ {
		if isNavigation(cls[i].Text.S) {
			from = i + 1
		}
	}
	if from >= headN && from < len(cls) {
		return cls[from].Text.S // the breadcrumb ends the head: the title is next
	}
	for i := from; i < len(cls) && i < headN; i++ {
		// a run of keywords joined by underscores (甲_乙_丙) is a page's
		// search-engine title, spam as often as not: not the document's
		if s := cls[i].Text.S; firstIndex(s, vocab().lex.Navigation) < 0 && !keywordTitle(s) && !repeatedInHead(cls, i) {
			return s
		}
	}
	return cls[0].Text.S
}

// repeatedInHead reports a clause whose text stands again among the first
// clauses: a site's banner or slogan (某某网—你身边的文案专家, twice), not
// the title of the text under it.
func repeatedInHead(cls []clause.Clause, i int) bool {
	for j := 0; j < len(cls) && j < headN; j++ {
		if j != i && cls[j].Text.S == cls[i].Text.S {
			return !namesKind(cls[i].Text.S) // a page's title stands twice too (标题, then 正文的标题)
		}
	}
	return false
}

// namesKind reports a line that names a kind of text: a title word of
// any kind, or a statute's name.
func namesKind(s string) bool {
	for _, ws := range vocab().titles {
		if firstIndex(s, ws) >= 0 {
			return true
		}
	}
	return isLawTitle(s)
}

// keywordTitle reports three or more words joined by single underscores
// (甲_乙_丙), or five or more joined by hyphens (甲-乙-丙-丁-戊), a page's
// search-engine title; a run of blanks to fill in (______有限公司) is none.
func keywordTitle(s string) bool {
	parts := strings.Split(s, "_")
	hyphens := false
	if len(parts) < 3 {
		if parts = strings.Split(s, "-"); len(parts) < 5 {
			return false
		}
		hyphens = true
	}
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			return false
		}
		// keywords are short words, not dates or fields (date: 2015-04-12)
		if hyphens && (utf8.RuneCountInString(p) > 20 || strings.ContainsAny(p, ":\"")) {
			return false
		}
	}
	return true
}

// joinTitles joins the clauses of the first n that read as titles: short,
// with no comma or colon inside, nobody speaking. 递交投标文件截止时间 in a tender's
// sentence names no bid.
func joinTitles(cls []clause.Clause, n int) string {
	var b strings.Builder
	for i := 0; i < len(cls) && i < n; i++ {
		s := strings.TrimRight(cls[i].Text.S, "。.:;")
		if utf8.RuneCountInString(s) > 32 || strings.ContainsAny(s, ",:;") || vocab().selfVoice.Contains(s) {
			continue // a sentence, or someone speaking: 我公司就本次采购项目作出如下承诺
		}
		b.WriteString(s)
		b.WriteByte('\n')
	}
	return b.String()
}

// isLawTitle reports a statute's or regulation's own name standing as a
// title: a known law, or a short title ending as laws do (…实施条例,
// …暂行办法) with no policy word in it.
func isLawTitle(s string) bool {
	s = strings.Trim(s, " 《》")
	if utf8.RuneCountInString(s) > 40 {
		return false
	}
	// a numbered part of a series: …若干问题的规定(一); not (试行), which
	// a shop's 退换货管理办法(试行) has too
	if i := strings.LastIndex(s, "("); i > 0 && strings.HasSuffix(s, ")") && seriesNumber(s[i+1:len(s)-1]) {
		s = s[:i]
	}
	for _, t := range vocab().titles[reports.Law] {
		if strings.HasPrefix(s, t) {
			return true
		}
	}
	if firstIndex(s, vocab().titles[reports.Policy]) >= 0 || strings.ContainsAny(s, ",。:;") {
		return false
	}
	for _, e := range vocab().lex.LawTitleEndings {
		if strings.HasSuffix(s, e) && (e != "法" || strings.HasPrefix(s, vocab().lex.StatePrefix)) {
			return true
		}
	}
	return false
}

// seriesNumber reports a numeral that numbers a part of a series (一, 二, 3).
func seriesNumber(s string) bool {
	return s != "" && utf8.RuneCountInString(s) <= 3 && strings.Trim(s, "一二三四五六七八九十0123456789") == ""
}

// addressee tells whom a letter is addressed to (致：…): "institution"
// (a school, a hospital, a bureau, a company: a bid's commitment),
// "consumer" (致广大顾客), or "" when the head has no such line.
func addressee(head string) string {
	to := vocab().lex.Letters.To
	i := strings.Index(head, to)
	if i < 0 {
		return ""
	}
	to = head[i+len(to):]
	if j := strings.IndexAny(to, "\n,。"); j >= 0 {
		to = to[:j]
	}
	if utf8.RuneCountInString(to) > 30 {
		return ""
	}
	switch {
	case firstIndex(to, vocab().lex.Letters.Consumers) >= 0:
		return "consumer"
	case firstIndex(to, vocab().lex.Letters.Institutions) >= 0:
		return "institution"
	}
	return ""
}

func isQuestion(s string) bool {
	return anyof.Suffix(strings.TrimSpace(s), vocab().lex.QuestionEndings...)
}

// understand reads what a document is. kind, audience and jurisdiction
// force their answers when not empty.
func understand(src *reader.Source, cls []clause.Clause, kind reports.Kind, audience, jurisdiction string) *Understanding {
	u := &Understanding{Kind: kind}
	counts, evidence := signals(cls)
	if u.Kind == "" {
		u.Kind, _ = kindOf(cls, counts, true)
		u.sections(cls, counts)
	}
	total := sum(counts)
	u.clauseKind = make([]reports.Kind, len(cls))
	for i := range cls {
		u.clauseKind[i] = u.Kind
	}
	for _, s := range u.Sections {
		for i := s.First; i <= s.Last; i++ {
			u.clauseKind[i] = s.Kind
		}
	}
	switch audience {
	case rules.B2B:
		u.B2B, u.B2BEvidence = true, []string{"--b2b"}
	case rules.Consumer:
	default:
		u.B2B, u.B2BEvidence = detectB2B(u.Kind, total, evidence)
	}
	if jurisdiction != "" {
		u.Jurisdiction, u.JurisdictionEvidence = jurisdiction, []string{"--jurisdiction"}
	} else {
		u.Jurisdiction, u.JurisdictionEvidence = detectJurisdiction(src, total, evidence)
	}
	u.other = make([]bool, len(cls))
	for i, c := range cls {
		u.other[i] = vocab().otherVoice.Contains(c.Text.S) && !vocab().selfVoice.Contains(c.Text.S)
	}
	return u
}

// sections splits a document at its top-level headings and gives each
// part its own kind when its own words say so clearly. Only a document
// whose parts differ is composite; its kind is then the kind of most of
// its clauses.
func (u *Understanding) sections(cls []clause.Clause, counts []tally) {
	// The top level is the highest with two headings or more: a page's
	// one <title> does not divide it.
	perLevel := map[int]int{}
	for _, c := range cls {
		if c.Kind == reader.Heading && c.Level > 0 {
			perLevel[c.Level]++
		}
	}
	top := 0
	for l, n := range perLevel {
		if n >= 2 && (top == 0 || l < top) {
			top = l
		}
	}
	if top == 0 {
		return
	}
	var parts []Section
	start := 0
	for i, c := range cls {
		if i > 0 && c.Kind == reader.Heading && c.Level == top {
			parts = append(parts, Section{First: start, Last: i - 1})
			start = i
		}
	}
	parts = append(parts, Section{First: start, Last: len(cls) - 1})
	if len(parts) < 2 {
		return
	}
	if cls[parts[0].First].Kind == reader.Heading && cls[parts[0].First].Level < top && parts[0].Last == parts[0].First {
		parts[1].First = parts[0].First // the page title leads the first part
		parts = parts[1:]
	}
	size := map[reports.Kind]int{}
	for i := range parts {
		p := &parts[i]
		if cls[p.First].Kind == reader.Heading {
			p.Title = cls[p.First].Text.S
		}
		p.Kind = u.Kind
		if p.Last-p.First >= 2 {
			k, strong := kindOf(cls[p.First:p.Last+1], counts[p.First:p.Last+1], p.First == 0)
			// a chapter of a statute that speaks of returns is still the
			// statute: its numbered articles say so
			// and the after-sales terms of a tender or bid (二、免费质保条款)
			// are its demands or promises, not a shop's policy
			procurement := (u.Kind == reports.Tender || u.Kind == reports.Bid) && k == reports.Policy
			// an explainer's chapter on the rules (二、商家退换货规则揭秘)
			// is a shop's policy only when someone speaks for the shop
			described := u.Kind == reports.Article && k == reports.Policy && !speaksForItself(cls[p.First:p.Last+1])
			if strong && !procurement && !described && !(u.Kind == reports.Law && sum(counts[p.First : p.Last+1])[gLawArticle] > 0) {
				p.Kind = k
			}
		}
		size[p.Kind] += p.Last - p.First + 1
	}
	if len(size) < 2 {
		return
	}
	main := u.Kind
	for k, n := range size {
		if n > size[main] || n == size[main] && k < main {
			main = k
		}
	}
	u.Kind = main
	// neighbours of one kind are one section
	for _, p := range parts {
		if n := len(u.Sections); n > 0 && u.Sections[n-1].Kind == p.Kind {
			u.Sections[n-1].Last = p.Last
			continue
		}
		u.Sections = append(u.Sections, p)
	}
}

// speaksForItself reports a clause in which the author speaks for
// itself (本店, 我们, 我公司): terms offered, not described.
func speaksForItself(cls []clause.Clause) bool {
	for _, c := range cls {
		if vocab().selfVoice.Contains(c.Text.S) {
			return true
		}
	}
	return false
}

// detectB2B tells terms between businesses: a tender or bid always; a
// policy whose words name business customers, contracts and equipment
// more than consumers.
func detectB2B(kind reports.Kind, t [nGroups + 1]int, evidence [nGroups][]string) (bool, []string) {
	switch kind {
	case reports.Tender, reports.Bid:
		return true, []string{"kind: " + string(kind)}
	case reports.Law, reports.Article:
		return false, nil
	}
	if score := b2bScore(t); score >= 4 && score > 2*t[gConsumer] {
		return true, distinct(append(slices.Clone(evidence[gB2B]), evidence[gB2BWeak]...), 5)
	}
	return false, nil
}

// b2bScore weighs the words of business terms: a clear word (甲方, 维保)
// counts two, a weak one (经销商, 工程师) one.
func b2bScore(t [nGroups + 1]int) int { return 2*t[gB2B] + t[gB2BWeak] }

// detectJurisdiction places a text outside the mainland when its words
// do: a strong word (港币, 新台币, 消费者保护法) alone, or two place words
// (香港, 九龙), or one in Traditional script — and more of them than the
// mainland words of a shop that merely mentions 港澳台.
func detectJurisdiction(src *reader.Source, t [nGroups + 1]int, evidence [nGroups][]string) (string, []string) {
	trad := traditional(src.Text)
	best, bestScore := rules.Mainland, 0
	var found []string
	for r, id := range vocab().regions {
		strong, words := t[gRegion+2*r], t[gRegion+2*r+1]
		score := 2*strong + words
		if trad {
			score++
		}
		enough := strong > 0 || words >= 2 || trad && words >= 1
		if enough && score > t[gMainland] && score > bestScore {
			best, bestScore = id, score
			found = distinct(append(slices.Clone(evidence[gRegion+2*r]), evidence[gRegion+2*r+1]...), 5)
			if trad {
				found = append(found, "繁体字")
			}
		}
	}
	return best, found
}

// traditional reports text written mostly in Traditional characters: of
// the first Han characters, one in twenty or more is converted.
func traditional(s string) bool {
	han, trad := 0, 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		han++
		if t2s.Converts(r) {
			trad++
		}
		if han >= 2000 {
			break
		}
	}
	return han >= 20 && trad*20 >= han
}

func distinct(ws []string, n int) []string {
	var out []string
	for _, w := range ws {
		if !slices.Contains(out, w) {
			out = append(out, w)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// isCommitment reports whether a policy document commits to after-sales
// terms: it has a policy title, or it states at least two of the core
// consumer terms. Articles about after-sales service (which quote the law
// or describe good practice) are neither, and are not faulted for missing
// terms they were never meant to state.
func isCommitment(cls []clause.Clause, topics map[reports.Topic]bool) bool {
	if len(cls) > 0 && firstIndex(cls[0].Text.S, vocab().titles[reports.Article]) >= 0 && firstIndex(cls[0].Text.S, vocab().titles[reports.Policy]) < 0 {
		return false // an article's title, even if its text names policies
	}
	if firstIndex(joinHead(cls, headN), vocab().titles[reports.Policy]) >= 0 {
		return true
	}
	for _, c := range cls {
		if c.Kind == reader.Heading && firstIndex(c.Text.S, vocab().titles[reports.Policy]) >= 0 {
			return true
		}
	}
	n := 0
	for _, t := range []reports.Topic{reports.ReturnWindow, reports.ExchangeWindow, reports.WarrantyPeriod, reports.PartsWarranty, reports.RefundTime} {
		if topics[t] {
			n++
		}
	}
	return n >= 2
}

// unaskedTopics are the topics a policy page is not asked for: those of
// the parts of after-sales its title leaves out (a page titled 退款说明 is
// not asked for a warranty). A long first line is no title, and a title
// with a general word (售后服务) or no part word asks for everything: nil.
func unaskedTopics(cls []clause.Clause) map[reports.Topic]bool {
	if len(cls) == 0 {
		return nil
	}
	title := firstTitle(cls)
	// a title has no sentence marks and no figures (质量问题可在7天内退货。 is a term)
	if utf8.RuneCountInString(title) > 24 || strings.ContainsAny(title, "。,;:!?") || withinFigure(title) || firstIndex(title, vocab().lex.TitleScope.General) >= 0 {
		return nil
	}
	asked := map[reports.Topic]bool{}
	for w, topics := range vocab().lex.TitleScope.Words {
		if strings.Contains(title, w) {
			for _, t := range topics {
				asked[t] = true
			}
		}
	}
	if len(asked) == 0 {
		return nil
	}
	unasked := map[reports.Topic]bool{}
	for _, topics := range vocab().lex.TitleScope.Words {
		for _, t := range topics {
			if !asked[t] {
				unasked[t] = true
			}
		}
	}
	return unasked
}

// withinFigure reports a figure bounding a time (7天内), a term's
// wording; a title may name a right by its figure (7天无理由退货须知).
func withinFigure(s string) bool {
	for _, q := range duration.Find(s) {
		if q.Op == duration.OpAtMost {
			return true
		}
	}
	return false
}

func joinHead(cls []clause.Clause, n int) string {
	var b strings.Builder
	for i := 0; i < len(cls) && i < n; i++ {
		b.WriteString(cls[i].Text.S)
		b.WriteByte('\n')
	}
	return b.String()
}

func firstIndex(s string, words []string) int {
	best := -1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}
