package periods

import (
	"slices"
	"testing"
)

// TestLoads: the embedded data parses and every list holds its words.
func TestLoads(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string][]string{"common_words": l.CommonWords, "free_repair": l.FreeRepair,
		"qualifiers.no_reason": l.Qualifiers.NoReason, "qualifiers.non_quality": l.Qualifiers.NonQuality, "qualifiers.quality": l.Qualifiers.Quality}
	for name, words := range lists {
		if len(words) == 0 {
			t.Errorf("%s is empty", name)
		}
		for _, w := range words {
			if w == "" {
				t.Errorf("%s holds an empty word", name)
			}
		}
	}
	if len(l.CommonWords) != 72 || l.CommonWords[0] != "自" || l.CommonWords[71] != "日" || !slices.Contains(l.FreeRepair, "免费上门维修") {
		t.Errorf("common words %d (%v), free repair %v", len(l.CommonWords), l.CommonWords, l.FreeRepair)
	}
}
