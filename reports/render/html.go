package render

import (
	"embed"
	"html/template"
	"io"
	"sort"
	"strings"
	"sync"

	"shouhou/reports"
)

//go:embed html/*
var htmlFiles embed.FS

// htmlTemplates are parsed on first use, not in every command's start-up.
var htmlTemplates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"sevzh":  func(s reports.Severity) string { return severityZh[s] },
		"join":   strings.Join,
		"place":  place,
		"status": func(s string) string { return statusZh[s] },
		"mark":   func(s string) string { return marks[s] },
		"req":    RequirementText,
		"stated": StatedText,
	}).ParseFS(htmlFiles, "html/*"))
})

// htmlAsset is the page's style and script, inlined: the report is one
// file that needs no network.
func htmlAsset(name string) string {
	b, err := htmlFiles.ReadFile("html/" + name)
	if err != nil {
		panic(err) // embedded at build time
	}
	return string(b)
}

type htmlPage struct {
	Title  string
	Style  template.CSS
	Script template.JS
	Report *reports.Report
	Docs   []htmlDoc
	Rules  []string
	Sevs   []reports.Severity
	// Compare is set for a compare report.
	Compare *htmlCompare
}

type htmlDoc struct {
	ID  string
	Doc reports.Document
	// Segments is the text cut at the findings' edges; nil when the text
	// is not available (a report merged from JSONL parts).
	Segments []htmlSegment
	Findings []htmlFinding
	Counts   reports.SeverityCounts
}

type htmlSegment struct {
	Text     string
	Findings string // ids of the findings covering it, space separated
	Severity string // the highest of their severities
}

type htmlFinding struct {
	ID string // "" when the finding has no place in the text
	reports.Finding
}

// WriteHTML writes the audit report as one self-contained page: per
// document its text with each finding's evidence highlighted by severity,
// a side list of the findings (a click scrolls to the highlight and
// flashes it; filters by severity and rule), and the summary.
func WriteHTML(w io.Writer, r *reports.Report) error {
	p := htmlPage{Title: "shouhou 售后合规审计", Style: template.CSS(htmlAsset("report.css")), Script: template.JS(htmlAsset("report.js")), Report: r,
		Sevs: []reports.Severity{reports.Error, reports.Warning, reports.Info}}
	rules := map[string]bool{}
	for di, d := range r.Documents {
		hd := htmlDoc{ID: "d" + itoa(di), Doc: d}
		for fi, f := range d.Findings {
			hf := htmlFinding{Finding: f}
			if d.Text != "" && f.Line > 0 && f.End > f.Start && f.End <= len(d.Text) {
				hf.ID = hd.ID + "f" + itoa(fi)
			}
			hd.Findings = append(hd.Findings, hf)
			rules[f.Rule] = true
			switch f.Severity {
			case "error":
				hd.Counts.Error++
			case "warning":
				hd.Counts.Warning++
			case "info":
				hd.Counts.Info++
			}
		}
		if d.Text != "" {
			hd.Segments = segments(d.Text, hd.Findings)
		}
		p.Docs = append(p.Docs, hd)
	}
	for id := range rules {
		p.Rules = append(p.Rules, id)
	}
	sort.Strings(p.Rules)
	return htmlTemplates().ExecuteTemplate(w, "audit.html", p)
}

// segments cuts text at every edge of a finding's evidence.
func segments(text string, fs []htmlFinding) []htmlSegment {
	edges := []int{0, len(text)}
	for _, f := range fs {
		if f.ID != "" {
			edges = append(edges, f.Start, f.End)
		}
	}
	sort.Ints(edges)
	var out []htmlSegment
	for i := 0; i+1 < len(edges); i++ {
		a, b := edges[i], edges[i+1]
		if a == b {
			continue
		}
		seg := htmlSegment{Text: text[a:b]}
		var ids []string
		rank := 0
		for _, f := range fs {
			if f.ID != "" && f.Start <= a && b <= f.End {
				ids = append(ids, f.ID)
				if r := sevRank[f.Severity]; r > rank {
					rank, seg.Severity = r, string(f.Severity)
				}
			}
		}
		seg.Findings = strings.Join(ids, " ")
		// Adjacent plain text is joined back.
		if n := len(out); n > 0 && seg.Findings == "" && out[n-1].Findings == "" {
			out[n-1].Text += seg.Text
			continue
		}
		out = append(out, seg)
	}
	return out
}

var sevRank = map[reports.Severity]int{"info": 1, "warning": 2, "error": 3}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

type htmlCompare struct {
	Report   *reports.CompareReport
	Verdicts []htmlVerdict
	Rows     []htmlRow
}

type htmlVerdict struct{ Class, Text string }

type htmlRow struct {
	Req   reports.Requirement
	Cells []htmlCell
}

type htmlCell struct {
	Status, Text, Title string
}

// writeCompareHTML writes the compare matrix as a coloured grid, a row a
// requirement and a column a bid, with the verdict row under it.
func writeCompareHTML(w io.Writer, r *reports.CompareReport) error {
	c := &htmlCompare{Report: r}
	for qi, q := range r.Tender.Requirements {
		row := htmlRow{Req: q}
		for _, b := range r.Bids {
			cell := htmlCell{Status: "failed", Text: "无法读取"}
			if b.Error == nil && qi < len(b.Results) {
				res := b.Results[qi]
				cell = htmlCell{Status: res.Status, Text: marks[res.Status] + " " + StatedText(res.Stated)}
				if res.Stated != nil {
					cell.Title = place(res.Stated.Location, res.Stated.Line, res.Stated.Column) + "：" + res.Stated.Text
				}
				if res.Note != "" {
					cell.Title = strings.TrimPrefix(cell.Title+"\n"+res.Note, "\n")
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		c.Rows = append(c.Rows, row)
	}
	for _, b := range r.Bids {
		v := htmlVerdict{Class: reports.Met, Text: "满足全部要求"}
		switch {
		case b.Error != nil:
			v = htmlVerdict{Class: "failed", Text: "无法读取"}
		case b.Counts[reports.Unmet] > 0:
			v = htmlVerdict{Class: reports.Unmet, Text: itoa(b.Counts[reports.Unmet]) + " 项不满足"}
		case b.Counts[reports.NotStated]+b.Counts[reports.UnclearR] > 0:
			v = htmlVerdict{Class: reports.UnclearR, Text: itoa(b.Counts[reports.NotStated]+b.Counts[reports.UnclearR]) + " 项待核实"}
		}
		c.Verdicts = append(c.Verdicts, v)
	}
	p := htmlPage{Title: "shouhou 投标对比", Style: template.CSS(htmlAsset("report.css")), Script: template.JS(htmlAsset("report.js")), Compare: c}
	return htmlTemplates().ExecuteTemplate(w, "compare.html", p)
}
