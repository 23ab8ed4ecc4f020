package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	rb "shouhou/rules"
)

// TestShowRoundTrip: what rules show prints for every built-in rule
// loads as a user rulebook, and each rule loaded is the rule shown.
func TestShowRoundTrip(t *testing.T) {
	book, err := rb.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := showYAML(&buf, book.Rules); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "shown.yaml")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	loaded, err := rb.LoadFile(path)
	if err != nil {
		t.Fatalf("rules show output does not load: %v", err)
	}
	if len(loaded) != len(book.Rules) {
		t.Fatalf("%d rules loaded, %d shown", len(loaded), len(book.Rules))
	}
	for i, r := range loaded {
		var got, want bytes.Buffer
		if err := showYAML(&got, []*rb.Rule{r}); err != nil {
			t.Fatal(err)
		}
		if err := showYAML(&want, []*rb.Rule{book.Rules[i]}); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s changed on the way:\n got %s\nwant %s", r.ID, &got, &want)
		}
	}
}

// TestShowCoversEveryKey: the shown YAML has every key a rule has, so a
// new field of rules.Rule cannot be silently dropped by rules show. (A
// check kind's keys are written from its parameter struct itself.)
func TestShowCoversEveryKey(t *testing.T) {
	keys := func(t reflect.Type) []string {
		var out []string
		for i := range t.NumField() {
			if tag := t.Field(i).Tag.Get("yaml"); tag != "" && tag != "-" {
				out = append(out, strings.Split(tag, ",")[0])
			}
		}
		slices.Sort(out)
		return out
	}
	if got, want := keys(reflect.TypeFor[ruleYAML]()), keys(reflect.TypeFor[rb.Rule]()); !slices.Equal(got, want) {
		t.Errorf("rules show writes keys %v, a rule has %v", got, want)
	}
}
