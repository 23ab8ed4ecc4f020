package render

import (
	"shouhou/reports"

	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/owenrumney/go-sarif/v2/sarif"
)

// sarifStream is false in a test, to compare with go-sarif writing the
// whole report.
var sarifStream = true

// writeSARIFStreamed writes out (one run, its results not yet added) as
// go-sarif's PrettyWrite would with every document's results added: the
// frame is encoded without results, and the results are made and encoded
// a document at a time where it says null, so neither the result objects
// nor the whole text are held.
func writeSARIFStreamed(w io.Writer, out *sarif.Report, run *sarif.Run, docs []reports.Document, index map[string]int) error {
	// AddResult sets the rule index as go-sarif does; a scratch run on the
	// same driver does it for each result.
	scratch := sarif.NewRun(run.Tool)
	var results []*sarif.Result
	collect := func(res *sarif.Result) {
		scratch.AddResult(res)
		results = append(results, scratch.Results...)
		scratch.Results = scratch.Results[:0]
	}
	first := -1
	for i, d := range docs {
		if d.Error != nil {
			continue
		}
		sarifResults(d, index, collect)
		if len(results) > 0 {
			first = i
			break
		}
	}
	if first < 0 { // no results: the frame is the whole report
		return out.PrettyWrite(w)
	}
	run.Results = nil
	head, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	const slot = "\n      \"results\": null"
	at := bytes.Index(head, []byte(slot))
	if at < 0 || !sarifStream {
		run.Results = []*sarif.Result{}
		for _, d := range docs {
			if d.Error == nil {
				sarifResults(d, index, func(res *sarif.Result) { run.AddResult(res) })
			}
		}
		return out.PrettyWrite(w)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head[:at+len(slot)-len("null")])
	bw.WriteString("[")
	n := 0
	flush := func() error {
		for _, res := range results {
			b, err := json.MarshalIndent(res, "        ", "  ")
			if err != nil {
				return err
			}
			if n > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n        ")
			bw.Write(b)
			n++
		}
		results = results[:0]
		return nil
	}
	if err := flush(); err != nil {
		return err
	}
	for _, d := range docs[first+1:] {
		if d.Error != nil {
			continue
		}
		sarifResults(d, index, collect)
		if err := flush(); err != nil {
			return err
		}
	}
	bw.WriteString("\n      ]")
	bw.Write(head[at+len(slot):])
	return bw.Flush()
}
