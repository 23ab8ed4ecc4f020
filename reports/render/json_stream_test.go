package render

import (
	"bytes"
	"encoding/json"
	"testing"

	"shouhou/reports"
)

// TestWriteJSONStreamed checks the document-at-a-time JSON against
// encoding the whole report at once.
func TestWriteJSONStreamed(t *testing.T) {
	one := fixture()
	one.Documents = one.Documents[:1]
	empty := fixture()
	empty.Documents = []reports.Document{}
	none := fixture()
	none.Documents = nil
	for name, r := range map[string]*reports.Report{"fixture": fixture(), "one": one, "empty": empty, "nil": none} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := reports.WriteJSON(&got, r); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: streamed JSON differs:\n%s\nwant:\n%s", name, got.String(), want.String())
		}
	}
}
