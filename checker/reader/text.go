package reader

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"shouhou/lexicon/terms"
)

var (
	// 一、 二、 第三章 第十条: section headings of Chinese documents.
	headingRe = lazyRe(`^(第[一二三四五六七八九十百零〇0-9]+[章节部分篇]|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）])`)
	// 1. 1、 (1) （1） ① - • * a) 第三条: list items and numbered clauses.
	listRe = lazyRe(`^(\d{1,3}[.、．)）](\D|$)|\d{1,3}\.\d{1,3}|[（(]\d{1,3}[)）]|[①-⑳]|[-•·*▪●◆■]\s|[a-zA-Z][.)、]\s|第[一二三四五六七八九十百零〇0-9]+条)`)
)

// mayBeNumbered reports whether line starts with a character headingRe or
// listRe can start with; the regular expressions (a twelfth of a batch's
// time when run on every line) run only then.
func mayBeNumbered(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	switch {
	case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '①' && r <= '⑳':
		return true
	}
	return strings.ContainsRune("第一二三四五六七八九十（(-•·*▪●◆■", r)
}

// sentenceEnds close a line for good: the next line starts a new block.
const sentenceEnds = "。！？；!?;"

// parseText splits plain text into blocks. Lines are joined into one block
// when the text looks wrapped (scraped pages and PDF copies break 免费质保 /
// 三年 across lines); a blank line, a sentence end, a heading or a list
// marker starts a new block.
func parseText(src *Source) {
	text := src.Text
	var cur *Block
	flush := func() {
		if cur != nil && len(cur.Segs) > 0 {
			src.Blocks = append(src.Blocks, *cur)
		}
		cur = nil
	}
	prevLine := ""
	width := wrapWidth(text)
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := trimSpan(text, start, end)
		line := text[s:e]
		next := end + 1
		if s == e {
			flush()
			prevLine = ""
			start = next
			continue
		}
		seg := Segment{Start: s, End: e, Break: true}
		switch {
		case mayBeNumbered(line) && headingRe().MatchString(line) && isShortTitle(line):
			flush()
			src.Blocks = append(src.Blocks, Block{Kind: Heading, Level: 2, Segs: []Segment{seg}})
			prevLine = ""
		case mayBeNumbered(line) && listRe().MatchString(line):
			flush()
			cur = &Block{Kind: ListItem, Segs: []Segment{seg}}
			prevLine = line
		case cur != nil && joins(prevLine, line, width):
			cur.Segs = append(cur.Segs, seg)
			prevLine = line
		default:
			flush()
			cur = &Block{Kind: Paragraph, Segs: []Segment{seg}}
			prevLine = line
		}
		start = next
	}
	flush()
}

// classify tells what a paragraph of a format without reliable styles is
// by its words: 一、退换货政策 is a heading, 1. or （2） starts a list item.
func classify(line string) (BlockKind, int) {
	switch {
	case mayBeNumbered(line) && headingRe().MatchString(line) && isShortTitle(line):
		return Heading, 2
	case mayBeNumbered(line) && listRe().MatchString(line):
		return ListItem, 0
	}
	return Paragraph, 0
}

// joins decides whether line continues prev (a wrapped line). width is
// the document's wrap width (see wrapWidth).
func joins(prev, line string, width int) bool {
	if prev == "" || strings.HasPrefix(prev, "shouhou-ignore") || strings.HasPrefix(line, "shouhou-ignore") {
		return false // a suppression line stands alone, above the clause it names
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	switch {
	case strings.ContainsRune(sentenceEnds, last):
		return false
	case strings.ContainsRune("，,、（(“", last):
		return true // broken off mid-sentence
	case last == '：' || last == ':':
		// "服务热线：" then its value; but not a label before a list of
		// "主机：一年" lines, each its own statement, nor a lead-in that
		// points at the lines below (以下商品不支持无理由退货：).
		return !strings.ContainsAny(line, "：:") && !pointsBelow(prev)
	}
	// Two "key：value" lines in a row (a notice's 预算金额：… / 投标保证金：…)
	// are two records even when the first one is as long as the wrap width.
	if isKeyValue(prev) && isKeyValue(line) {
		return false
	}
	// Otherwise only a line that reaches the wrap width was wrapped; a
	// shorter one (a title, "主机：一年") ended where its author ended it.
	n := utf8.RuneCountInString(prev)
	return n >= 12 && n*4 >= width*3
}

// isKeyValue reports a line that opens with a short label and a colon
// (质保期：三年): two to twelve characters, none of them a pause or a
// sentence end, at least one of them Chinese, so a sentence that merely
// holds a colon is not one, nor a clock time (18:00) or an address (http:).
func isKeyValue(line string) bool {
	n, han := 0, false
	for _, r := range line {
		switch {
		case r == '：' || r == ':':
			return n >= 2 && han
		case n >= 12, strings.ContainsRune(sentenceEnds, r), strings.ContainsRune("，,、", r):
			return false
		}
		han = han || r >= 0x2E80
		n++
	}
	return false
}

// wrapWidth estimates the width at which a scraped or copied text was
// wrapped: the 90th percentile of the lengths, in characters, of its lines
// of ten characters or more.
func wrapWidth(text string) int {
	var lens []int
	for line := range strings.SplitSeq(text, "\n") {
		if len(line) < 10 {
			continue // fewer than ten characters whatever they are
		}
		if n := utf8.RuneCountInString(strings.TrimSpace(line)); n >= 10 {
			lens = append(lens, n)
		}
	}
	if len(lens) == 0 {
		return 0
	}
	sort.Ints(lens)
	return lens[len(lens)*9/10]
}

// isShortTitle accepts "一、退换货政策" as a heading but not a numbered
// sentence that carries a whole commitment.
func isShortTitle(line string) bool {
	if utf8.RuneCountInString(line) > 30 {
		return false
	}
	return !strings.ContainsAny(line, "。；;，,")
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\u3000' && r != '\ufeff' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\u3000' {
			break
		}
		e -= n
	}
	return s, e
}

// pointsBelow reports a lead-in that points at the lines after it.
func pointsBelow(s string) bool {
	s = strings.TrimRight(s, "：: ")
	_, ok := terms.Load().LeadPredicate(s)
	return ok
}
