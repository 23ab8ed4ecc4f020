package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/xuri/excelize/v2"

	"shouhou/lexicon/columns"
	"shouhou/reports"
)

// requirementColumns are the csv header and the machine ids of the
// workbook's columns, in order; compare --requirements reads them by name.
var requirementColumns = []string{"id", "substantive", "topic", "op", "value", "max", "unit", "item", "region", "severity", "requirement", "text", "location", "line"}

// requirementLabels are the workbook's column heads: a Chinese label and
// the machine id after it.
var requirementLabels = []string{"编号 id", "实质性 substantive", "主题 topic", "比较 op", "数值 value", "上限 max", "单位 unit", "项目 item",
	"地区 region", "故障等级 severity", "要求 requirement", "招标文件原文 text", "位置 location", "行 line"}

func requirementRow(q reports.Requirement) []string {
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	region, severity := "", ""
	if q.Scope != nil {
		region, severity = q.Scope.Region, q.Scope.Severity
	}
	line := ""
	if q.Line > 0 {
		line = strconv.Itoa(q.Line)
	}
	return []string{q.ID, q.Mark, string(q.Topic), q.Op, num(q.Value), num(q.Max), q.Unit, q.Item, region, severity, RequirementText(q), cleanText(q.Text), place(q.Location, q.Line, q.Column), line}
}

func writeRequirementsTable(w io.Writer, r *reports.RequirementsReport) error {
	if p := r.Project; p != nil {
		if _, err := fmt.Fprintln(w, strings.TrimSpace(p.Name+"  "+labelled("项目编号 ", p.Number))); err != nil {
			return err
		}
	}
	var rows [][]string
	subst := 0
	for _, q := range r.Requirements {
		if q.Substantive {
			subst++
		}
		rows = append(rows, []string{q.ID, q.Mark, RequirementText(q), clip(cleanText(q.Text), 40), place(q.Location, q.Line, q.Column)})
	}
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithRowAutoWrap(tw.WrapBreak))
	t.Header(columns.Load().RequirementsTable)
	if err := t.Bulk(rows); err != nil {
		return err
	}
	if err := t.Render(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%s: %d 条要求，其中实质性 ★ %d 条 / %d requirements, %d substantive\n", r.Tender, len(r.Requirements), subst, len(r.Requirements), subst)
	return err
}

func writeRequirementsCSV(w io.Writer, r *reports.RequirementsReport) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	_ = cw.Write(requirementColumns)
	for _, q := range r.Requirements {
		_ = cw.Write(requirementRow(q))
	}
	cw.Flush()
	return cw.Error()
}

func writeRequirementsXLSX(w io.Writer, r *reports.RequirementsReport) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &book{f: f}
	const sheet = SheetRequirements
	x.check(f.SetSheetName("Sheet1", sheet))
	title := "招标要求清单"
	if r.Project != nil && r.Project.Name != "" {
		title = r.Project.Name + " 招标要求清单"
	}
	sub := "招标文件：" + r.Tender
	if r.Project != nil && r.Project.Number != "" {
		sub = "项目编号：" + r.Project.Number + "　" + sub
	}
	x.title(sheet, title, sub, len(requirementLabels))
	var rows [][]any
	for _, q := range r.Requirements {
		var row []any
		for _, c := range requirementRow(q) {
			row = append(row, c)
		}
		rows = append(rows, row)
	}
	const header = 3
	x.tableAt(sheet, header, requirementLabels, []float64{7, 8, 16, 6, 7, 6, 8, 14, 10, 10, 26, 50, 18, 6}, rows, 11, 12)
	n := header + len(rows) + 2
	x.check(f.SetCellValue(sheet, cellName(1, n), "可修改后用 shouhou compare --requirements 本文件 读回：按表头最后一个词（id, topic, op, value, unit, item …）读取；实质性一栏填 ★ 或留空。"))
	x.printSetup(sheet, header, header, len(requirementLabels), n)
	if x.err != nil {
		return x.err
	}
	return f.Write(w)
}
