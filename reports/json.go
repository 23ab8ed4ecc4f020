package reports

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the report as CONTRACT.md's JSON, indented, with
// Chinese text left readable (no \u escapes, no HTML escaping).
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
