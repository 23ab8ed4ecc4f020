package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"shouhou/lexicon/columns"
	"shouhou/reports"
)

// evidenceWidth bounds the evidence column; the full text is in --format json.
const evidenceWidth = 40

// WriteTable writes the findings as a terminal table (file, location,
// severity, rule, message, evidence), unreadable documents as their own
// rows, and a one-line summary. opt.Color colours the severities.
func WriteTable(w io.Writer, r *reports.Report, opt Options) error {
	rows := [][]string{}
	for _, d := range r.Documents {
		if d.Error != nil {
			rows = append(rows, []string{TerminalSafe(d.Path), "-", paint(opt, "35", "失败 failed"), "-", TerminalSafe(*d.Error), ""})
			continue
		}
		for _, f := range d.Findings {
			loc := "全文 whole"
			if f.Location != "" {
				loc = f.Location
			} else if f.Line > 0 {
				loc = strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
			}
			if also := AlsoAt(f); also != "" {
				loc += "\n" + strings.ReplaceAll(strings.Replace(also, ": ", ":\n", 1), ", ", "\n")
			}
			rows = append(rows, []string{TerminalSafe(d.Path), loc, paint(opt, severityColor[f.Severity], severityLabel(f.Severity)), f.Rule, f.Message, clip(cleanText(f.Evidence), evidenceWidth)})
		}
	}
	if len(rows) > 0 {
		t := tablewriter.NewTable(w,
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithRowAutoWrap(tw.WrapBreak),
			tablewriter.WithColumnWidths(tw.NewMapper[int, int]().Set(0, 28).Set(4, 36).Set(5, evidenceWidth)),
		)
		t.Header(columns.Load().FindingsTable)
		if err := t.Bulk(rows); err != nil {
			return err
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, SummaryLine(r.Summary))
	return err
}

// SummaryLine is a one-line account of a batch, in Chinese and English.
func SummaryLine(s reports.Summary) string {
	n := s.Findings.Error + s.Findings.Warning + s.Findings.Info
	line := fmt.Sprintf("%d 个文件，%d 个问题（错误 %d，警告 %d，提示 %d）", s.Documents, n, s.Findings.Error, s.Findings.Warning, s.Findings.Info)
	if s.Failed > 0 {
		line += fmt.Sprintf("，%d 个无法读取", s.Failed)
	}
	if s.Suppressed > 0 {
		line += fmt.Sprintf("，%d 个已忽略", s.Suppressed)
	}
	if s.Baselined > 0 {
		line += fmt.Sprintf("，%d 个基线已有", s.Baselined)
	}
	line += fmt.Sprintf(" / %d documents, %d findings (%d errors, %d warnings, %d info)", s.Documents, n, s.Findings.Error, s.Findings.Warning, s.Findings.Info)
	if s.Failed > 0 {
		line += fmt.Sprintf(", %d unreadable", s.Failed)
	}
	if s.Suppressed > 0 {
		line += fmt.Sprintf(", %d suppressed", s.Suppressed)
	}
	if s.Baselined > 0 {
		line += fmt.Sprintf(", %d baselined", s.Baselined)
	}
	return line
}

// severityColor are ANSI colours: red, yellow, cyan.
var severityColor = map[reports.Severity]string{"error": "31", "warning": "33", "info": "36"}

func paint(opt Options, color, s string) string {
	if !opt.Color || color == "" {
		return s
	}
	return "\x1b[" + color + "m" + s + "\x1b[0m"
}

func severityLabel(s reports.Severity) string {
	switch s {
	case "error":
		return "错误 error"
	case "warning":
		return "警告 warning"
	case "info":
		return "提示 info"
	}
	return string(s)
}
