package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"shouhou/internal/bounded"
)

// Baseline holds the findings of an earlier report, so that a run can
// report only what is new. A finding is known when an earlier finding has
// the same rule, the same file and the same evidence once spaces and
// punctuation are ignored: edits elsewhere that move it to another line
// do not make it new.
type Baseline struct {
	known map[string]int // fingerprint -> how many earlier findings have it
}

// MaxBaseline bounds a baseline file: a report of some hundred thousand
// documents.
const MaxBaseline = 1 << 30

// LoadBaseline reads a report written with --format json or jsonl. Only
// the documents' paths and findings are kept; facts and cells, the bulk
// of a report, are skipped by the decoder.
func LoadBaseline(path string) (*Baseline, error) {
	b, err := bounded.ReadFile(path, MaxBaseline)
	if err != nil {
		return nil, fmt.Errorf("cannot read baseline %s: %v", path, err)
	}
	base := &Baseline{known: map[string]int{}}
	var docs []baselineDoc
	var r struct {
		Schema    string        `json:"schema"`
		Documents []baselineDoc `json:"documents"`
	}
	if err := json.Unmarshal(b, &r); err == nil && r.Schema != "" {
		docs = r.Documents
	} else {
		err := ReadJSONL(bytes.NewReader(b), "baseline "+path, func(_ int, text []byte) error {
			var line struct {
				Document *baselineDoc `json:"document"`
				Report   *struct {
					Schema string `json:"schema"`
				} `json:"report"`
			}
			if err := json.Unmarshal(text, &line); err != nil {
				return fmt.Errorf("baseline %s is not a shouhou JSON or JSONL report: %v", path, err)
			}
			if line.Document != nil {
				docs = append(docs, *line.Document)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if docs == nil && !bytes.Contains(b, []byte(`"report"`)) {
			return nil, errors.New("baseline " + path + " is not a shouhou JSON or JSONL report (write one with --format json)")
		}
	}
	for _, d := range docs {
		for _, f := range d.Findings {
			base.known[Fingerprint(d.Path, f)]++
		}
	}
	return base, nil
}

// BaselineOf is the baseline of earlier documents' findings, as
// LoadBaseline makes it from a report file.
func BaselineOf(docs []Document) *Baseline {
	base := &Baseline{known: map[string]int{}}
	for _, d := range docs {
		for _, f := range d.Findings {
			base.known[Fingerprint(d.Path, f)]++
		}
	}
	return base
}

// baselineDoc is the part of a report's document a baseline needs.
type baselineDoc struct {
	Path     string    `json:"path"`
	Findings []Finding `json:"findings"`
}

// Filter moves the findings the baseline knows (each earlier finding
// excuses one) from d's findings to its suppressed ones, marked
// Baselined, and returns how many it moved.
func (b *Baseline) Filter(d *Document) int {
	if b == nil {
		return 0
	}
	kept := d.Findings[:0]
	n := 0
	for _, f := range d.Findings {
		fp := Fingerprint(d.Path, f)
		if b.known[fp] > 0 {
			b.known[fp]--
			n++
			f.Suppressed, f.Baselined = "baseline", true
			d.Suppressed = append(d.Suppressed, f)
			continue
		}
		kept = append(kept, f)
	}
	d.Findings = kept
	return n
}

// Fingerprint identifies a finding across edits: rule, file, and the
// evidence without spaces and punctuation.
func Fingerprint(path string, f Finding) string {
	var ev strings.Builder
	for _, r := range f.Evidence {
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			ev.WriteRune(r)
		}
	}
	h := sha256.Sum256([]byte(f.Rule + "\x00" + filepath.ToSlash(filepath.Clean(path)) + "\x00" + ev.String()))
	return hex.EncodeToString(h[:12])
}
