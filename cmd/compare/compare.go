// Package compare is the `shouhou compare` command: check bids against a
// tender's requirements, requirement by requirement.
package compare

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"shouhou/checker"
	cmpx "shouhou/checker/compare"
	"shouhou/checker/reader"
	"shouhou/cmd/cmdutil"
	"shouhou/cmd/iostreams"
	"shouhou/cmd/outputs"
	"shouhou/reports"
	"shouhou/rules"
)

// Options are the compare command's settings.
type Options struct {
	IO          *iostreams.IOStreams
	Tender      string
	Bids        []string
	Format      string
	FormatSet   bool
	Outputs     []string
	AuditTender bool
	Quiet       bool
	Rules       []string
}

// NewCmd returns the compare command.
func NewCmd(ios *iostreams.IOStreams) *cobra.Command {
	opts := &Options{IO: ios}
	cmd := &cobra.Command{
		Use:   "compare --tender TENDER BID...",
		Short: "对照招标要求检查投标文件 / Check bids against a tender",
		Long: `从招标文件读出售后要求（响应、到场、修复时间，质保和备件年限，保险和认证），
逐条判断每份投标文件：满足、不满足、未说明、不明确，并给出投标文件原文和位置。
偏离表（招标要求 / 投标响应 两栏）只采信响应栏；声明“负偏离”的条目即使没有数字也会列出。

Read the tender's after-sales requirements (response, on-site and repair
times, warranty and spare-part years, insurance, certifications) and judge
every bid on each: met, unmet, not stated or unclear, with the bid's own
words and their place. In a deviation table (tender column / response
column) only the response column counts; a declared 负偏离 is reported
even without a figure. Exit codes: 0 all met or not applicable, 1 an unmet
requirement, 2 a usage error or an unreadable document.`,
		Example: `  shouhou compare --tender 招标文件.docx bids/
  shouhou compare --tender tender.txt -f json a.docx b.xlsx
  shouhou compare --tender tender.docx -o 对比.xlsx bids/`,
		Args: cmdutil.NeedArgs("no bids: give the bid files or folders after --tender TENDER"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Bids = args
			opts.FormatSet = cmd.Flags().Changed("format")
			return run(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Tender, "tender", "", "the tender `FILE` (招标文件) whose requirements the bids are checked against")
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(reports.CompareFormats, ", "))
	f.StringArrayVarP(&opts.Outputs, "output", "o", nil, "write the report to `FILE` (repeatable; format by extension or FORMAT:FILE)")
	f.StringArrayVar(&opts.Rules, "rules", nil, "add or override rules from this YAML `FILE` (for --audit-tender)")
	f.BoolVar(&opts.AuditTender, "audit-tender", false, "also audit the tender itself with the rulebook and include its findings")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no \"report written\" lines")
	_ = cmd.MarkFlagRequired("tender")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(reports.CompareFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func run(o *Options) error {
	targets, err := outputs.Targets(o.Outputs, o.Format, o.FormatSet)
	if err != nil {
		return err
	}
	for _, t := range targets {
		if !slices.Contains(reports.CompareFormats, t.Format) {
			return cmdutil.FlagErrorf("compare writes %s, not %s", strings.Join(reports.CompareFormats, ", "), t.Format)
		}
		if t.Format == "xlsx" && t.Path == "" && o.IO.IsStdoutTTY() {
			return cmdutil.FlagErrorf("--format xlsx writes a binary file; give it a name with -o FILE")
		}
	}
	var bids []reader.Input
	tst, terr := os.Stat(o.Tender)
	for _, in := range reader.Expand(o.Bids, reader.ExpandOptions{}) {
		// A folder of bids may hold the tender too: it is no bid.
		if st, err := os.Stat(in.Path); terr == nil && err == nil && os.SameFile(st, tst) {
			continue
		}
		bids = append(bids, in)
	}
	paths := []string{o.Tender}
	for _, b := range bids {
		paths = append(paths, b.Path)
	}
	if err := outputs.CheckNotInputs(targets, paths); err != nil {
		return err
	}
	book, err := cmdutil.LoadBook(o.Rules)
	if err != nil {
		return err
	}
	a := checker.New(book)

	src, err := reader.ReadFile(o.Tender, reader.Options{})
	if err != nil {
		return &cmdutil.ExitError{Code: cmdutil.ExitUsage, Err: fmt.Errorf("%s: %v", o.Tender, err)}
	}
	tender := a.Audit(src, rules.Tender)
	report := &reports.CompareReport{
		Schema: reports.CompareSchema, Tool: reports.Tool{Name: "shouhou", Version: cmdutil.Version},
		Tender: reports.TenderReport{Path: o.Tender, Requirements: cmpx.Requirements(tender)},
		Bids:   []reports.BidReport{},
	}
	if o.AuditTender {
		report.Tender.Findings = tender.Findings
	}
	if len(report.Tender.Requirements) == 0 {
		fmt.Fprintf(o.IO.ErrOut, "shouhou: %s: warning: no after-sales requirement found in the tender\n", reports.TerminalSafe(o.Tender))
	}
	failed, unmet := 0, false
	for _, in := range bids {
		b := reports.BidReport{Path: in.Path, Results: []reports.Result{}}
		err := in.Err
		var bsrc *reader.Source
		if err == nil {
			bsrc, err = reader.ReadFile(in.Path, reader.Options{})
		}
		if err != nil {
			msg := err.Error()
			b.Error = &msg
			failed++
			fmt.Fprintf(o.IO.ErrOut, "shouhou: %s: %s\n", reports.TerminalSafe(in.Path), reports.TerminalSafe(msg))
		} else {
			b.Results = cmpx.Bid(report.Tender.Requirements, a.Audit(bsrc, rules.Bid))
		}
		b.Counts = cmpx.Counts(b.Results)
		unmet = unmet || b.Counts[reports.Unmet] > 0
		report.Bids = append(report.Bids, b)
	}
	for _, t := range targets {
		out, err := outputs.Open(o.IO.Out, t)
		if err != nil {
			return &cmdutil.ExitError{Code: cmdutil.ExitUsage, Err: err}
		}
		write := func(w io.Writer) error {
			return reports.WriteCompare(w, out.Format, report, reports.Options{Color: out.IsStdout() && o.IO.ColorEnabled()})
		}
		if err := out.Finish(write, o.IO.ErrOut, o.Quiet); err != nil {
			return &cmdutil.ExitError{Code: cmdutil.ExitUsage, Err: err}
		}
	}
	return cmdutil.ExitFor(reports.Summary{Failed: failed}, unmet)
}
