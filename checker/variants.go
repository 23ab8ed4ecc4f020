package checker

import (
	"strings"

	"shouhou/lexicon/t2s"
)

// Variants returns the other ways a rule example may be written that must
// read the same: its punctuation full-width and half-width, its characters
// Traditional, spaces after its punctuation or in place of its commas,
// and, for each synonym group, every word of the group the example uses
// swapped for each other word. The example itself is not among them.
// Synonyms are for bad examples only: a good example with 不予 swapped for
// 概不 may well be bad.
func Variants(ex string, synonyms [][]string) []string {
	seen := map[string]bool{ex: true}
	var out []string
	add := func(v string) {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	add(fullWidthPunct.Replace(ex))
	add(halfWidthPunct.Replace(ex))
	if t := t2s.Traditional(ex); t2s.RoundTrips(ex) {
		add(t)
	}
	add("\u3000" + spaceAfterPunct.Replace(ex))
	add(commaAsSpace.Replace(ex))
	for _, g := range synonyms {
		for _, w := range g {
			if !strings.Contains(ex, w) {
				continue
			}
			for _, v := range g {
				if v != w && !strings.Contains(v, w) {
					add(strings.ReplaceAll(ex, w, v))
				}
			}
		}
	}
	return out
}

var (
	fullWidthPunct  = strings.NewReplacer(",", "，", ";", "；", ":", "：", "(", "（", ")", "）", "!", "！", "?", "？")
	halfWidthPunct  = strings.NewReplacer("，", ",", "；", ";", "：", ":", "（", "(", "）", ")", "！", "!", "？", "?", "。", ".")
	spaceAfterPunct = strings.NewReplacer("，", "， ", ",", ", ", "；", "； ", ";", "; ", "：", "： ", ":", ": ")
	commaAsSpace    = strings.NewReplacer("，", " ", ",", " ")
)
