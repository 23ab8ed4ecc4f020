package reports

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// JSONL is the streamed form of the report for huge batches: a header
// line, one line per document as soon as it is audited, and the summary
// last. Each line is a JSON object: {"report": …} (schema, tool, rulebook),
// {"document": …, "index": N} (as in the JSON report; N is the document's
// place among all the run's inputs, which shouhou merge sorts sharded
// parts by) or {"summary": …}.
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
		Shard    *Shard `json:"shard,omitempty"`
	}{r.Schema, r.Tool, r.Rulebook, r.Shard}
	return &JSONL{enc}, enc.Encode(map[string]any{"report": head})
}

// DocumentLine is a JSONL document line.
type DocumentLine struct {
	Document Document `json:"document"`
	Index    int      `json:"index"`
}

// Document writes one document's line; index is its place among all the
// run's inputs.
func (j *JSONL) Document(d Document, index int) error {
	return j.enc.Encode(DocumentLine{Document: d, Index: index})
}

// Summary writes the last line.
func (j *JSONL) Summary(s Summary) error { return j.enc.Encode(map[string]any{"summary": s}) }

// WriteJSONL writes a whole report as JSON lines.
func WriteJSONL(w io.Writer, r *Report) error {
	j, err := NewJSONL(w, r)
	if err != nil {
		return err
	}
	for i, d := range r.Documents {
		if err := j.Document(d, i); err != nil {
			return err
		}
	}
	return j.Summary(r.Summary)
}

// MaxJSONLLine bounds one line of a JSON Lines report read back (by
// shouhou merge and --baseline): a document's line carries all its facts
// and findings.
const MaxJSONLLine = 1 << 30

// ReadJSONL calls each with every line of the JSON Lines in r, numbered
// from 1, and returns the first error each returns as it is. A line over
// MaxJSONLLine, or a failed read, is "cannot read <what>: <reason>".
func ReadJSONL(r io.Reader, what string, each func(line int, b []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), MaxJSONLLine)
	for n := 1; sc.Scan(); n++ {
		if err := each(n, sc.Bytes()); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("cannot read %s: %v", what, err)
	}
	return nil
}
