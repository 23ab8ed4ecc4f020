package kinds

import (
	"strings"
	"testing"

	"shouhou/lexicon/t2s"
	"shouhou/reports"
	"shouhou/rules"
)

func TestLoad(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range reports.Kinds {
		if len(l.Titles[k]) == 0 || len(l.Body[k]) == 0 {
			t.Errorf("kind %s has no title or body words", k)
		}
	}
	if len(l.Letters.Buyers) == 0 || len(l.Letters.CommitmentTitles) == 0 || len(l.Letters.Consumers) == 0 || len(l.Letters.Institutions) == 0 {
		t.Errorf("letters: a list is empty: %+v", l.Letters)
	}
	if len(l.CategoryCues) == 0 || len(l.Goods) == 0 || len(l.Accessories) == 0 {
		t.Error("category_cues, goods and accessories must not be empty")
	}
	if !l.LawArticle.MatchString("第二十四条 经营者提供的商品") || l.LawArticle.MatchString("根据第二十四条") {
		t.Error("law_article_prefix must match an article's opening only")
	}
}

// TestWordsAreSimplified: words are matched on normalized text, so a
// Traditional spelling in the data could never match.
func TestWordsAreSimplified(t *testing.T) {
	l := Must()
	var all []string
	for _, ws := range l.Titles {
		all = append(all, ws...)
	}
	for _, ws := range l.Body {
		all = append(all, ws...)
	}
	all = append(all, l.B2B...)
	all = append(all, l.ContractParties...)
	all = append(all, l.B2BWeak...)
	all = append(all, l.Navigation...)
	all = append(all, l.HelpCentre...)
	all = append(all, l.Consumer...)
	all = append(all, l.Goods...)
	all = append(all, l.Accessories...)
	all = append(all, l.CategoryCues...)
	all = append(all, l.ProjectTitles...)
	all = append(all, l.Voice.Other...)
	all = append(all, l.Voice.Self...)
	all = append(all, l.TitleScope.General...)
	for w := range l.TitleScope.Words {
		all = append(all, w)
	}
	all = append(all, l.Letters.Buyers...)
	all = append(all, l.Letters.CommitmentTitles...)
	all = append(all, l.Letters.Consumers...)
	all = append(all, l.Letters.Institutions...)
	for _, r := range []Region{l.Jurisdictions.HK, l.Jurisdictions.Macau, l.Jurisdictions.TW} {
		all = append(all, r.Strong...)
		all = append(all, r.Words...)
	}
	for _, w := range all {
		if s := t2s.String(w); s != w {
			t.Errorf("%q is not simplified (%q)", w, s)
		}
		if strings.ContainsAny(w, "，；：（）") {
			t.Errorf("%q has full-width punctuation; normalized text is half-width", w)
		}
	}
}

// TestTitleScopeTopics: a title word asks for topics of the contract; a
// misspelt one would silently ask for nothing.
func TestTitleScopeTopics(t *testing.T) {
	l := Must()
	if len(l.TitleScope.Words) == 0 || len(l.TitleScope.General) == 0 {
		t.Fatal("title_scope: words and general must not be empty")
	}
	for w, topics := range l.TitleScope.Words {
		if len(topics) == 0 {
			t.Errorf("title_scope %s asks for no topic", w)
		}
		for _, tp := range topics {
			if _, ok := rules.TopicNames[tp]; !ok {
				t.Errorf("title_scope %s: %q is not a topic of docs/contract.md", w, tp)
			}
		}
	}
}
