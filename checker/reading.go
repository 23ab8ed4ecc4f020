package checker

import (
	"context"

	"shouhou/checker/facts"
	"shouhou/checker/reader"
	"shouhou/lexicon/duration"
	"shouhou/reports"
)

// Reading is a document as the audit read it, for compare: its report,
// and the engine's own facts (in the report's order, with their places)
// and table cells, which compare judges and builds its own report
// structs from.
type Reading struct {
	Report reports.Document
	Facts  []Fact
	Cells  []CellText
}

// Fact is one of the engine's facts with the place a person finds it at:
// the clause as the file has it (Text), line, column, location, headings,
// and the table cell (nil outside a table).
type Fact struct {
	facts.Fact
	Text              string
	Line, Column      int
	Location, Section string
	Cell              *Cell
}

// Cell is a table cell: its table, row and column (1-based, row 1 the
// header row) and its column's header text.
type Cell struct {
	Table, Row, Col int
	Header          string
}

// CellText is a table cell's normalized text and place.
type CellText struct {
	Cell
	Text     string
	Line     int
	Location string
}

// Figure is the fact's figure as CONTRACT.md writes it: value (nil for a
// blank, lifetime, or a list fact's item), max (a range's top) and unit.
func (f Fact) Figure() (value, maxValue *float64, unit string) {
	if f.Money != nil {
		v := f.Money.Float()
		return &v, nil, string(f.Money.Unit)
	}
	if !f.Blank && f.Unit != duration.Lifetime && f.Unit != "" { // list facts have an item, no figure
		v := f.Value
		value = &v
		if f.Op == duration.OpRange {
			m := f.Max
			maxValue = &m
		}
	}
	return value, maxValue, string(f.Unit)
}

// HasFigure reports a fact with a figure (a duration or a sum), not a
// list fact's named item only.
func (f Fact) HasFigure() bool { return f.Unit != "" || f.Money != nil }

// Read audits one document as Audit does and keeps, besides the report,
// the facts and table cells compare works on. kind forces the document
// kind; empty detects it.
func (a *Auditor) Read(src *reader.Source, kind reports.Kind) Reading {
	var r Reading
	doc, err := a.audit(context.Background(), src, kind, &r)
	if err != nil {
		r = Reading{}
		msg := err.Error()
		doc = reports.Document{Path: src.Path, Facts: []reports.Fact{}, Findings: []reports.Finding{}, Error: &msg}
	}
	r.Report = doc
	return r
}
