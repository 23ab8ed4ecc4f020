package reports

import (
	"errors"
	"io"
	"strings"
	"testing"
)

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk gone") }

func TestReadJSONL(t *testing.T) {
	var got []string
	err := ReadJSONL(strings.NewReader("{\"a\":1}\n{\"b\":2}\nlast"), "part x.jsonl", func(n int, b []byte) error {
		got = append(got, string(rune('0'+n))+":"+string(b))
		return nil
	})
	if err != nil || strings.Join(got, " ") != `1:{"a":1} 2:{"b":2} 3:last` {
		t.Errorf("lines %q, error %v", got, err)
	}
	stop := errors.New("x.jsonl:2: not a report")
	err = ReadJSONL(strings.NewReader("1\n2\n3\n"), "part x.jsonl", func(n int, _ []byte) error {
		if n == 2 {
			return stop
		}
		if n > 2 {
			t.Error("read on after an error")
		}
		return nil
	})
	if err != stop {
		t.Errorf("the line's error came back as %v", err)
	}
	err = ReadJSONL(io.MultiReader(strings.NewReader("1\n"), failingReader{}), "baseline b.jsonl", func(int, []byte) error { return nil })
	if err == nil || err.Error() != "cannot read baseline b.jsonl: disk gone" {
		t.Errorf("read error %v", err)
	}
}
