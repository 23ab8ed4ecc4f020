package compare

import (
	"path/filepath"
	"shouhou/internal/anyof"
	"strings"
	"unicode"
	"unicode/utf8"

	"shouhou/lexicon/procure"
	"shouhou/reports"
)

// Where a bidder's name came from.
const (
	NameLabel     = "label"     // 投标人：… / 供应商名称：…
	NameSignature = "signature" // the company on a signature line (盖章)
	NameLine      = "line"      // a line that is a company name alone
	NameFile      = "file"      // the file name
	NameFlag      = "flag"      // --name FILE=NAME
)

// BidderName finds the bidder in a bid's text: after a label (投标人：,
// 供应商名称：), else on a signature line (…（盖章）), else a line that is
// a company name alone; else the file name without its extension.
func BidderName(text, path string) (name, source string) {
	w := procure.Load()
	lines := strings.Split(text, "\n")
	for _, line := range lines {
		if n := labelled(w, line, w.BidderLabels); n != "" && company(w, n) {
			return n, NameLabel
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		line := lines[i]
		if !anyof.In(line, w.SealWords...) {
			continue
		}
		for _, part := range strings.FieldsFunc(line, func(r rune) bool { return strings.ContainsRune("：:（）()　 \t|", r) }) {
			if company(w, part) {
				return part, NameSignature
			}
		}
	}
	for _, line := range lines {
		if l := strings.TrimSpace(line); company(w, l) && utf8.RuneCountInString(l) <= 40 {
			return l, NameLine
		}
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base)), NameFile
}

// Project reads a tender's project name and number from its labelled
// lines (项目名称：…, 项目编号：…); nil when it states neither.
func Project(text string) *reports.Project {
	w := procure.Load()
	var p reports.Project
	for _, line := range strings.Split(text, "\n") {
		if p.Name == "" {
			p.Name = labelled(w, line, w.ProjectNameLabels)
		}
		if p.Number == "" {
			p.Number = labelled(w, line, w.ProjectNumberLabels)
		}
	}
	if p.Name == "" && p.Number == "" {
		return nil
	}
	return &p
}

// labelled returns the value after the first label of labels that starts a
// field of line (投标人：X, | 投标人 | X |), cut at the next field, "" if none.
func labelled(w *procure.Words, line string, labels []string) string {
	s := strings.TrimSpace(strings.Trim(strings.TrimSpace(line), "|#*"))
	for _, l := range labels {
		i := strings.Index(s, l)
		if i < 0 || (i > 0 && !boundary(s[:i])) {
			continue
		}
		rest := strings.TrimLeft(s[i+len(l):], " \t　")
		// a sealed label: 投标人（盖章）：
		if strings.HasPrefix(rest, "（") || strings.HasPrefix(rest, "(") {
			if j := strings.IndexAny(rest, "）)"); j > 0 && anyof.In(rest[:j], w.SealWords...) {
				rest = strings.TrimLeft(rest[j+len("）"):], " ")
			}
		}
		if !strings.HasPrefix(rest, "：") && !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "|") {
			continue
		}
		rest = strings.TrimLeft(rest, "：:| \t　")
		if j := strings.IndexFunc(rest, func(r rune) bool {
			return strings.ContainsRune("|，,。；;（(\t", r) || unicode.IsSpace(r) && r != ' '
		}); j >= 0 {
			rest = rest[:j]
		}
		rest = strings.TrimSpace(strings.Trim(rest, "_＿ "))
		if rest != "" {
			return rest
		}
	}
	return ""
}

// boundary: a label counts after nothing or a separator, not inside a word.
func boundary(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(" \t　|：:，,、.。）)", r) || unicode.IsDigit(r)
}

// company reports a company name: it ends in a company suffix and is no
// sentence (no punctuation, a sensible length).
func company(w *procure.Words, s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 4 || n > 40 || strings.ContainsAny(s, "，,。；;：:、") {
		return false
	}
	for _, suf := range w.CompanySuffixes {
		if strings.HasSuffix(s, suf) && utf8.RuneCountInString(s) > utf8.RuneCountInString(suf)+1 {
			return true
		}
	}
	return false
}
