package compare

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"shouhou/reports"
)

// ReadRequirements reads a requirements list written by shouhou extract
// (json, csv or xlsx, edited or not) or a compare JSON report. The JSON
// forms are read by their fields; csv and xlsx by the machine ids of
// their header (id, substantive, topic, op, value, unit, item, region …).
func ReadRequirements(path string) ([]reports.Requirement, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var reqs []reports.Requirement
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		var doc struct {
			Requirements []reports.Requirement `json:"requirements"`
			Tender       json.RawMessage       `json:"tender"` // a compare report's tender holds them
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			return nil, fmt.Errorf("not a requirements list: %v", err)
		}
		reqs = doc.Requirements
		if len(reqs) == 0 && len(doc.Tender) > 0 && doc.Tender[0] == '{' {
			var t struct {
				Requirements []reports.Requirement `json:"requirements"`
			}
			if err := json.Unmarshal(doc.Tender, &t); err != nil {
				return nil, fmt.Errorf("not a requirements list: %v", err)
			}
			reqs = t.Requirements
		}
	case ".csv":
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
		if err != nil {
			return nil, err
		}
		if reqs, err = fromRows(rows); err != nil {
			return nil, err
		}
	case ".xlsx":
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		rows, err := f.GetRows(f.GetSheetName(0))
		if err != nil {
			return nil, err
		}
		if reqs, err = fromRows(rows); err != nil {
			return nil, err
		}
	default:
		return nil, errors.New("a requirements list is .json, .csv or .xlsx (as shouhou extract writes it)")
	}
	if len(reqs) == 0 {
		return nil, errors.New("no requirement in the list")
	}
	ids := map[string]bool{}
	for i := range reqs {
		r := &reqs[i]
		if r.ID == "" || ids[r.ID] {
			r.ID = fmt.Sprintf("R%d", i+1)
		}
		ids[r.ID] = true
		if r.Topic == "" {
			return nil, fmt.Errorf("requirement %s: no topic", r.ID)
		}
		if (r.Unit == "") == (r.Item == "") && r.Unit != "lifetime" {
			return nil, fmt.Errorf("requirement %s: give either a figure with its unit or an item", r.ID)
		}
		if r.Unit != "" && r.Op != "<=" && r.Op != ">=" {
			return nil, fmt.Errorf("requirement %s: op must be <= or >=, not %q", r.ID, r.Op)
		}
	}
	return reqs, nil
}

// fromRows reads requirements from a table whose header row names the
// columns by machine id, alone (csv) or after a label (xlsx: 主题 topic).
func fromRows(rows [][]string) ([]reports.Requirement, error) {
	head, col := -1, map[string]int{}
	for i, row := range rows {
		m := map[string]int{}
		for c, h := range row {
			fs := strings.Fields(h)
			if len(fs) > 0 {
				m[fs[len(fs)-1]] = c
			}
		}
		if _, ok := m["topic"]; ok {
			if _, ok := m["id"]; ok {
				head, col = i, m
				break
			}
		}
	}
	if head < 0 {
		return nil, errors.New("no header row with the columns id and topic")
	}
	get := func(row []string, key string) string {
		if c, ok := col[key]; ok && c < len(row) {
			return strings.TrimSpace(row[c])
		}
		return ""
	}
	num := func(row []string, key string) (*float64, error) {
		s := get(row, key)
		if s == "" {
			return nil, nil
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("%s %q is no number", key, s)
		}
		return &v, nil
	}
	var out []reports.Requirement
	for i, row := range rows[head+1:] {
		if get(row, "topic") == "" {
			continue // a footer or an empty row
		}
		r := reports.Requirement{ID: get(row, "id"), Topic: reports.Topic(get(row, "topic")), Op: get(row, "op"), Unit: get(row, "unit"),
			Item: get(row, "item"), Text: get(row, "text"), Location: get(row, "location"), Mark: get(row, "substantive")}
		var err error
		if r.Value, err = num(row, "value"); err != nil {
			return nil, fmt.Errorf("row %d: %v", head+i+2, err)
		}
		if r.Max, err = num(row, "max"); err != nil {
			return nil, fmt.Errorf("row %d: %v", head+i+2, err)
		}
		r.Line, _ = strconv.Atoi(get(row, "line"))
		switch strings.ToLower(r.Mark) {
		case "", "false", "0", "no", "否", "-", "–":
			r.Mark = ""
		case "true", "1", "yes", "是":
			r.Mark, r.Substantive = "★", true
		default:
			r.Substantive = true
		}
		if reg, sev := get(row, "region"), get(row, "severity"); reg != "" || sev != "" {
			r.Scope = &reports.RequirementScope{Region: reg, Severity: sev}
		}
		out = append(out, r)
	}
	return out, nil
}
