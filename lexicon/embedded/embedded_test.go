package embedded

import (
	"errors"
	"strings"
	"testing"
)

type words struct {
	Words []string `yaml:"words"`
	count int
}

func TestFile(t *testing.T) {
	tooFew := errors.New("need two words")
	prepare := func(w *words) error {
		if len(w.Words) < 2 {
			return tooFew
		}
		return nil
	}
	for _, tc := range []struct {
		name, data, wantErr string
		want                int
	}{
		{name: "good", data: "words: [保修, 质保]\n", want: 2},
		{name: "unknown field", data: "words: [保修]\nword: [质保]\n", wantErr: "lexicon/test.yaml: "},
		{name: "prepare refuses", data: "words: [保修]\n", wantErr: "lexicon/test.yaml: need two words"},
		{name: "not yaml", data: "words: [保修\n", wantErr: "lexicon/test.yaml: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := New("lexicon/test.yaml", []byte(tc.data), prepare)
			got, err := f.Load()
			if tc.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Fatalf("Load() error = %v, want one starting %q", err, tc.wantErr)
				}
				defer func() {
					if r := recover(); r == nil || !strings.Contains(r.(error).Error(), "lexicon/test.yaml") {
						t.Errorf("Must() panic = %v, want an error naming the file", r)
					}
				}()
				f.Must()
				return
			}
			if err != nil || len(got.Words) != tc.want {
				t.Fatalf("Load() = %v, %v; want %d words", got, err, tc.want)
			}
			if again := f.Must(); again != got {
				t.Error("a second call parsed the file again")
			}
		})
	}
}

func TestPrepareRunsOnce(t *testing.T) {
	f := New("lexicon/test.yaml", []byte("words: [保修]\n"), func(w *words) error { w.count++; return nil })
	for range 3 {
		if w := f.Must(); w.count != 1 {
			t.Fatalf("prepare ran %d times, want once", w.count)
		}
	}
}
