package procure

import "testing"

func TestClaim(t *testing.T) {
	w := Load()
	for cell, want := range map[string]string{
		"无偏离": "none", "无负偏离": "none", "负偏离": "negative", "不满足": "negative", "正偏离": "positive",
		"满足": "meets", "完全满足": "meets", "见附件": "",
	} {
		if got := w.Claim(cell); got != want {
			t.Errorf("%s: %q, want %q", cell, got, want)
		}
	}
	if _, err := parse([]byte("claims: [{deviation: maybe, words: [也许]}]")); err == nil {
		t.Error("an unknown deviation is accepted")
	}
}
