package reports

import (
	"encoding/json"
	"io"
)

// JSONL is the streamed form of the report for huge batches: a header
// line, one line per document as soon as it is audited, and the summary
// last. Each line is a JSON object with one key: "report" (schema, tool,
// rulebook), "document" (as in the JSON report) or "summary".
type JSONL struct {
	enc *json.Encoder
}

// NewJSONL starts a stream on w with its header line.
func NewJSONL(w io.Writer, r *Report) (*JSONL, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	head := struct {
		Schema   string `json:"schema"`
		Tool     Tool   `json:"tool"`
		Rulebook string `json:"rulebook,omitempty"`
	}{r.Schema, r.Tool, r.Rulebook}
	return &JSONL{enc}, enc.Encode(map[string]any{"report": head})
}

// Document writes one document's line.
func (j *JSONL) Document(d Document) error { return j.enc.Encode(map[string]any{"document": d}) }

// Summary writes the last line.
func (j *JSONL) Summary(s Summary) error { return j.enc.Encode(map[string]any{"summary": s}) }

// WriteJSONL writes a whole report as JSON lines.
func WriteJSONL(w io.Writer, r *Report) error {
	j, err := NewJSONL(w, r)
	if err != nil {
		return err
	}
	for _, d := range r.Documents {
		if err := j.Document(d); err != nil {
			return err
		}
	}
	return j.Summary(r.Summary)
}
