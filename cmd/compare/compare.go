// Package compare is the `shouhou compare` command: check bids against a
// tender's requirements, requirement by requirement.
package compare

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	"shouhou/reports/render"
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
	// Names: --name FILE=NAME, the bidder's name for a bid file.
	Names []string
	// Requirements: a list from shouhou extract (edited) to check the bids
	// against instead of the tender's extracted requirements.
	Requirements string
	Jobs         int
	// Encoding and MaxSize are audit's --encoding and --max-size.
	Encoding, MaxSize string

	factory *cmdutil.Factory
}

// NewCmd returns the compare command.
func NewCmd(factory *cmdutil.Factory) *cobra.Command {
	opts := &Options{IO: factory.IOStreams, factory: factory}
	cmd := &cobra.Command{
		Use:   "compare --tender TENDER [--requirements FILE] BID...",
		Short: "对照招标要求检查投标文件 / Check bids against a tender",
		Long: `从招标文件读出售后要求（响应、到场、修复时间，质保和备件年限，保险和认证），
逐条判断每份投标文件：满足、不满足、未说明、不明确，并给出投标文件原文和位置。
偏离表（招标要求 / 投标响应 两栏）只采信响应栏；声明“负偏离”的条目即使没有数字也会列出。

标注 ★ ▲ ＊ 或写明“不满足将导致投标无效”的为实质性要求；按地区、故障等级分别给出的时间各是一条要求。
偏离表中投标人自己的声明（无偏离/正偏离/负偏离）与工具的判断并列；声明无偏离而写明的数字不满足要求，
记为“与声明矛盾”。每份投标的结论：满足、需澄清、不满足，实质性要求不满足或矛盾时为“可能无效”。

Read the tender's after-sales requirements (response, on-site and repair
times, loaner, service hours, warranty, training, upgrades, insurance,
certifications) and judge every bid on each: met, unmet, not stated,
unclear, or contradicts (the bid's 偏离表 claims 无偏离 but its figure
fails). In a deviation table (tender column / response column) only the
response column counts; a declared 负偏离 is reported even without a
figure. Each bid gets a verdict: pass, clarify, fail, or invalid when a
substantive (★) requirement is unmet or contradicted.
Exit codes: 0 every bid passes or needs clarification only, and the
tender has no error finding (--audit-tender); 1 a bid fails or may be
invalid, or the tender has an error finding; 2 a usage error or an
unreadable document.`,
		Example: `  shouhou compare --tender 招标文件.docx bids/
  shouhou compare --tender tender.txt -f json a.docx b.xlsx
  shouhou compare --tender tender.docx -o 对比.xlsx bids/
  shouhou compare --tender tender.docx --audit-tender --name bids/a.docx=恒信科技 -o 评审.xlsx bids/
  shouhou extract -o reqs.csv tender.docx   # edit reqs.csv, then:
  shouhou compare --tender tender.docx --requirements reqs.csv bids/`,
		Args: cmdutil.NeedArgs("no bids: give the bid files or folders after --tender TENDER"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Bids = args
			opts.FormatSet = cmd.Flags().Changed("format")
			return run(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Tender, "tender", "", "the tender `FILE` (招标文件) whose requirements the bids are checked against")
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(render.Names(render.CompareFormats), ", "))
	f.StringArrayVarP(&opts.Outputs, "output", "o", nil, "write the report to `FILE` (repeatable; format by extension or FORMAT:FILE)")
	f.StringArrayVar(&opts.Rules, "rules", nil, "add or override rules from this YAML `FILE` (for --audit-tender)")
	f.BoolVar(&opts.AuditTender, "audit-tender", false, "also audit the tender itself with the rulebook and include its findings")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no \"report written\" lines")
	f.StringArrayVar(&opts.Names, "name", nil, "the bidder's name for a bid, as `FILE=NAME` (repeatable; default: read from the bid, else the file name)")
	f.StringVar(&opts.Requirements, "requirements", "", "check against the requirements in this `FILE` (json, csv or xlsx from shouhou extract, edited) instead of those read from the tender")
	f.IntVarP(&opts.Jobs, "jobs", "j", 0, "bids read at once (default: the number of CPUs); output order never changes")
	f.StringVar(&opts.Encoding, "encoding", "", "text encoding instead of detecting it: "+strings.Join(reader.Encodings, ", "))
	f.StringVar(&opts.MaxSize, "max-size", "50MB", "refuse documents larger than this, on disk or decompressed (e.g. 10MB, 1GB)")
	_ = cmd.MarkFlagRequired("tender")
	_ = cmd.RegisterFlagCompletionFunc("encoding", cobra.FixedCompletions(reader.Encodings, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.Names(render.CompareFormats), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func run(o *Options) error {
	targets, err := outputs.Targets(o.Outputs, o.Format, o.FormatSet)
	if err != nil {
		return err
	}
	for _, t := range targets {
		if !slices.Contains(render.CompareFormats, t.Format) {
			return cmdutil.FlagErrorf("compare writes %s, not %s", strings.Join(render.Names(render.CompareFormats), ", "), t.Format)
		}
		if t.Format == "xlsx" && t.Path == "" && o.IO.IsStdoutTTY() {
			return cmdutil.FlagErrorf("--format xlsx writes a binary file; give it a name with -o FILE")
		}
	}
	ropt, err := cmdutil.ReaderOptions(o.Encoding, o.MaxSize)
	if err != nil {
		return err
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
	names, err := parseNames(o.Names)
	if err != nil {
		return err
	}
	book, err := o.factory.Rulebook(o.Rules)
	if err != nil {
		return err
	}
	a := checker.New(book)

	src, err := o.factory.ReadFile(o.Tender, ropt)
	if err != nil {
		return cmdutil.UsageError(fmt.Errorf("%s: %v", o.Tender, err))
	}
	tender := a.Read(src, reports.Tender)
	report := &reports.CompareReport{
		Schema: reports.CompareSchema, Tool: reports.Tool{Name: "shouhou", Version: cmdutil.Version},
		Tender: reports.TenderReport{Path: o.Tender, Requirements: cmpx.Requirements(tender), Project: cmpx.Project(src.Text)},
		Bids:   []reports.BidReport{},
	}
	if o.Requirements != "" {
		reqs, err := cmpx.ReadRequirements(o.Requirements)
		if err != nil {
			return cmdutil.UsageError(fmt.Errorf("%s: %v", o.Requirements, err))
		}
		report.Tender.Requirements, report.Tender.RequirementsFile = reqs, o.Requirements
	}
	tenderFails := false
	if o.AuditTender {
		report.Tender.Findings = tender.Report.Findings
		for _, f := range tender.Report.Findings {
			tenderFails = tenderFails || f.Severity == rules.Error
		}
	}
	if len(report.Tender.Requirements) == 0 {
		fmt.Fprintf(o.IO.ErrOut, "shouhou: %s: warning: no after-sales requirement found in the tender\n", render.TerminalSafe(o.Tender))
	}
	report.Bids = make([]reports.BidReport, len(bids))
	check := func(i int) reports.BidReport {
		return checkBid(a, report.Tender.Requirements, bids[i], o.factory.ReadFile, ropt)
	}
	for i, b := range checker.Batch(len(bids), o.Jobs, check, func(i int, err error) reports.BidReport { return failedBid(bids[i].Path, err) }) {
		report.Bids[i] = b
	}
	failed, fails := 0, tenderFails
	used := map[string]bool{}
	for i := range report.Bids {
		b := &report.Bids[i]
		for _, key := range []string{filepath.Clean(b.Path), filepath.Base(b.Path)} {
			if n, ok := names[key]; ok {
				b.Name, b.NameSource, used[key] = n, cmpx.NameFlag, true
				break
			}
		}
		if b.Error != nil {
			failed++
			fmt.Fprintf(o.IO.ErrOut, "shouhou: %s: %s\n", render.TerminalSafe(b.Path), render.TerminalSafe(*b.Error))
		}
		fails = fails || b.Verdict == reports.VerdictFail || b.Verdict == reports.VerdictInvalid
	}
	for _, f := range o.Names {
		if file, _, _ := strings.Cut(f, "="); !used[filepath.Clean(file)] && !used[file] {
			fmt.Fprintf(o.IO.ErrOut, "shouhou: warning: --name %s: no bid %s among the bids\n", render.TerminalSafe(f), render.TerminalSafe(file))
		}
	}
	err = outputs.WriteAll(o.IO.Out, o.IO.ErrOut, targets, o.Quiet, func(out *outputs.File, w io.Writer) error {
		return render.WriteCompare(w, out.Format, report, render.Options{Color: out.IsStdout() && o.IO.ColorEnabled()})
	})
	if err != nil {
		return err
	}
	return cmdutil.ExitFor(reports.Summary{Failed: failed}, fails)
}

// checkBid reads and judges one bid; an unreadable one carries its reason.
func checkBid(a *checker.Auditor, reqs []reports.Requirement, in reader.Input, readBid func(string, reader.Options) (*reader.Source, error), ropt reader.Options) reports.BidReport {
	b := reports.BidReport{Path: in.Path, Results: []reports.Result{}}
	err := in.Err
	var bsrc *reader.Source
	if err == nil {
		bsrc, err = readBid(in.Path, ropt)
	}
	if err != nil {
		return failedBid(in.Path, err)
	}
	b.Results = cmpx.Bid(reqs, a.Read(bsrc, reports.Bid))
	claim := cmpx.OverallClaim(bsrc.Text, func(off int) (int, string) {
		p := bsrc.Locate(off)
		return p.Line, p.Location
	})
	cmpx.ApplyOverallClaim(reqs, b.Results, claim)
	b.Name, b.NameSource = cmpx.BidderName(bsrc.Text, in.Path)
	b.Verdict = cmpx.Verdict(reqs, b.Results)
	b.NotMet, b.ToClarify = cmpx.Open(b.Results)
	b.Counts = cmpx.Counts(b.Results)
	return b
}

// failedBid is the report of a bid that could not be read or judged.
func failedBid(path string, err error) reports.BidReport {
	msg := err.Error()
	b := reports.BidReport{Path: path, Results: []reports.Result{}, Error: &msg}
	b.Name, b.NameSource = cmpx.BidderName("", path)
	b.Counts = cmpx.Counts(b.Results)
	return b
}

// parseNames reads --name FILE=NAME flags.
func parseNames(flags []string) (map[string]string, error) {
	out := map[string]string{}
	for _, f := range flags {
		file, name, ok := strings.Cut(f, "=")
		if !ok || strings.TrimSpace(file) == "" || strings.TrimSpace(name) == "" {
			return nil, cmdutil.FlagErrorf("--name %q: give FILE=NAME", f)
		}
		out[filepath.Clean(file)] = strings.TrimSpace(name)
	}
	return out, nil
}
