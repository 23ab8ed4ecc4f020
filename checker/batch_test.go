package checker

import (
	"fmt"
	"strings"
	"testing"
)

// TestBatchOrderAndPanics: results come in index order whatever the
// number of jobs, and a panic in one item becomes that item's result
// while the others are unharmed.
func TestBatchOrderAndPanics(t *testing.T) {
	work := func(i int) string {
		if i == 3 {
			panic("boom")
		}
		return fmt.Sprint(i)
	}
	recovered := func(i int, err error) string { return "error " + fmt.Sprint(i) + ": " + err.Error() }
	for _, jobs := range []int{1, 2, 8} {
		var got []string
		for i, s := range Batch(10, jobs, work, recovered) {
			if i != len(got) {
				t.Fatalf("jobs %d: index %d after %d results", jobs, i, len(got))
			}
			got = append(got, s)
		}
		if len(got) != 10 {
			t.Fatalf("jobs %d: %d results", jobs, len(got))
		}
		for i, s := range got {
			want := fmt.Sprint(i)
			if i == 3 {
				if !strings.HasPrefix(s, "error 3: internal error") || !strings.Contains(s, "boom") {
					t.Errorf("jobs %d: panic gave %q", jobs, s)
				}
				continue
			}
			if s != want {
				t.Errorf("jobs %d: result %d is %q", jobs, i, s)
			}
		}
	}
}

// TestBatchStopsEarly: a consumer that stops early gets no more results.
func TestBatchStopsEarly(t *testing.T) {
	n := 0
	for range Batch(100, 4, func(i int) int { return i }, func(int, error) int { return -1 }) {
		n++
		if n == 5 {
			break
		}
	}
	if n != 5 {
		t.Errorf("%d results after break", n)
	}
}
