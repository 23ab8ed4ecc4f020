package render

import (
	"shouhou/reports"

	"bytes"
	"testing"
)

// TestWriteSARIFStreamed checks the document-at-a-time SARIF against
// go-sarif writing the whole report.
func TestWriteSARIFStreamed(t *testing.T) {
	failed := fixture()
	msg := "unreadable"
	failed.Documents[0].Error = &msg
	none := fixture()
	none.Documents = nil
	for name, r := range map[string]*reports.Report{"fixture": fixture(), "failed first": failed, "nil": none} {
		var got, want bytes.Buffer
		if err := WriteSARIF(&got, r); err != nil {
			t.Fatal(err)
		}
		sarifStream = false
		err := WriteSARIF(&want, r)
		sarifStream = true
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: streamed SARIF differs:\n%s\nwant:\n%s", name, got.String(), want.String())
		}
	}
}
