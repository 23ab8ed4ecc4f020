package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON writes the report as CONTRACT.md's JSON, indented, with
// Chinese text left readable (no \u escapes, no HTML escaping).
//
// The documents are encoded one at a time into w: the bytes are those of
// encoding the whole report at once, without holding its whole text (a
// few hundred MB for 10,000 documents) in memory.
func WriteJSON(w io.Writer, r *Report) error {
	// The report without its documents gives the frame; the documents go
	// where it says null.
	frame := *r
	frame.Documents = nil
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&frame); err != nil {
		return err
	}
	const slot = "\n  \"documents\": null"
	at := bytes.Index(head.Bytes(), []byte(slot))
	if r.Documents == nil || at < 0 {
		_, err := w.Write(head.Bytes())
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head.Bytes()[:at+len(slot)-len("null")])
	if len(r.Documents) == 0 {
		bw.WriteString("[]")
	} else {
		bw.WriteString("[\n")
		var doc bytes.Buffer
		denc := json.NewEncoder(&doc)
		denc.SetIndent("    ", "  ")
		denc.SetEscapeHTML(false)
		for i := range r.Documents {
			doc.Reset()
			if err := denc.Encode(&r.Documents[i]); err != nil {
				return err
			}
			bw.WriteString("    ")
			bw.Write(bytes.TrimSuffix(doc.Bytes(), []byte("\n")))
			if i < len(r.Documents)-1 {
				bw.WriteByte(',')
			}
			bw.WriteByte('\n')
		}
		bw.WriteString("  ]")
	}
	bw.Write(head.Bytes()[at+len(slot):])
	return bw.Flush()
}
