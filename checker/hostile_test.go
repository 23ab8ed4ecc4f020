package checker

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"shouhou/checker/clause"
	"shouhou/checker/reader"
	"shouhou/rules"
)

// TestEvidenceBounded: in a file that joins into clauses of MaxRunes
// characters, each fact quotes at most EvidenceMax characters around its
// own figure, marked … where cut, so the report grows with the input, not
// with its square; a short clause is still quoted whole.
func TestEvidenceBounded(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	a := New(book)
	text := "售后服务政策\n" + strings.Repeat("商品售出后7日内可退货，\n", 300) + "\n整机保修一年。\n"
	src, err := reader.Parse("t.txt", []byte(text), "text", reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := a.Audit(src, "policy")
	if len(doc.Facts) < 300 {
		t.Fatalf("%d facts, want 300 or more", len(doc.Facts))
	}
	cut := 0
	for _, f := range doc.Facts {
		if n := utf8.RuneCountInString(f.Text); n > EvidenceWindow+2 {
			t.Fatalf("evidence of %d characters at %s", n, f.Location)
		}
		if strings.Contains(f.Text, "…") {
			cut++
			if !strings.Contains(f.Text, "7日内") {
				t.Errorf("cut evidence misses its figure: %s", f.Text)
			}
		}
	}
	last := doc.Facts[len(doc.Facts)-1]
	if cut == 0 || last.Text != "整机保修一年。" {
		t.Errorf("%d cut evidences; last fact's text %q, want the whole short clause", cut, last.Text)
	}
	if len(doc.Warnings) != 1 {
		t.Errorf("warnings = %q, want one about the split", doc.Warnings)
	}
}

// TestInvisibleCharacters: zero-width and other invisible characters
// inside a phrase do not hide it, and the finding still points at the
// phrase's place in the original line.
func TestInvisibleCharacters(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	a := New(book)
	for _, zw := range []string{"\u200b", "\u200d", "\ufeff", "\u00ad", "\u2060", "\u202e"} {
		text := "售后服务政策\n特价商品概" + zw + "不退换。\n"
		src, err := reader.Parse("t.txt", []byte(text), "text", reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range a.Audit(src, "policy").Findings {
			if f.Rule == "CPL-NORET-BLANKET" {
				found = true
				if f.Line != 2 || f.Column != 5 {
					t.Errorf("%U: at %d:%d, want 2:5", []rune(zw)[0], f.Line, f.Column)
				}
			}
		}
		if !found {
			t.Errorf("%U inside 概不退换 hides CPL-NORET-BLANKET", []rune(zw)[0])
		}
	}
}

// TestAuditContextCancelled: an audit whose context is done gives up with
// the context's error instead of finishing.
func TestAuditContextCancelled(t *testing.T) {
	book, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	src, err := reader.Parse("t.txt", []byte("售后服务政策\n整机保修一年。\n"), "text", reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New(book).AuditContext(ctx, src, ""); err != context.Canceled {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestIgnoresLinear: shouhou-ignore lines go to the first clause after
// them that is not a directive, as the search over all clauses gave,
// however many directives there are in a row.
func TestIgnoresLinear(t *testing.T) {
	text := "售后服务政策\nshouhou-ignore CPL-NORET-BLANKET: 法务已确认\nshouhou-ignore CPL-INTERP-RIGHT: 同上\n特价商品概不退换。\n" +
		strings.Repeat("shouhou-ignore CPL-A: x\n", 2000) + "整机保修一年。\nshouhou-ignore CPL-B:\n"
	src, err := reader.Parse("t.txt", []byte(text), "text", reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cls := clause.Split(src)
	got, _ := ignores(src, src.Text, cls, nil)
	// The search over all clauses, for each directive.
	want := map[int]map[string]string{}
	directive := regexp.MustCompile(`shouhou-ignore\s+([A-Za-z0-9-]+)\s*[:：][ \t]*([^\n]*)`)
	for _, m := range directive.FindAllStringSubmatchIndex(src.Text, -1) {
		rule, reason := strings.ToUpper(src.Text[m[2]:m[3]]), src.Text[m[4]:m[5]]
		if reason == "" {
			reason = "(no reason given)"
		}
		for i, c := range cls {
			if c.Text.Orig(0) >= m[1] && !strings.Contains(c.Text.S, "shouhou-ignore") {
				if want[i] == nil {
					want[i] = map[string]string{}
				}
				want[i][rule] = reason
				break
			}
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) || len(got) != 2 {
		t.Errorf("ignores = %v, want %v", got, want)
	}
}
