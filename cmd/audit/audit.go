// Package audit is the `shouhou audit` command: read documents, check them
// against the rulebook, render the report, exit with docs/contract.md's code.
package audit

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"shouhou/checker"
	"shouhou/checker/reader"
	"shouhou/cmd/cmdutil"
	"shouhou/cmd/config"
	"shouhou/cmd/iostreams"
	"shouhou/cmd/outputs"
	"shouhou/reports"
	"shouhou/reports/render"
	"shouhou/rules"
)

// Options are the audit command's settings.
type Options struct {
	IO *iostreams.IOStreams

	Paths   []string
	Format  string
	Outputs []string
	// FormatSet says --format was given, so a single -o follows it
	// rather than its extension.
	FormatSet bool
	FailOn    string
	Kind      string
	Encoding  string
	MaxSize   string
	Exclude   []string
	Follow    bool
	Quiet     bool
	Baseline  string
	Jobs      int
	Shard     string
	Rules     []string
	Category  string
	// B2B forces business-to-business (true) or consumer (false) terms
	// when the flag is given; Jurisdiction forces whose law applies.
	B2B          bool
	Jurisdiction string
	// Annotate is a folder for annotated Word copies of the documents
	// (--annotate); annotateFile the one .docx of -o FILE.docx.
	Annotate     string
	annotateFile string
	// keepText keeps each document's text for the renderers that show
	// findings on it (html, annotated .docx).
	keepText bool
	// Explain adds 依据 and 建议 under each finding in the default view.
	Explain bool
	// MinSeverity leaves findings below it out of the report.
	MinSeverity string
	// AllowEmpty accepts a run that finds no document to audit.
	AllowEmpty bool
	// ShowSuppressed lists the findings shouhou-ignore lines suppressed.
	ShowSuppressed bool
	Config         string
	// OCR is --ocr (auto, off, force); HiddenSheets reads hidden sheets.
	OCR          string
	HiddenSheets bool
	// changed says whether a flag was given, so .shouhou.yaml fills in
	// only what the command line left unsaid.
	changed func(name string) bool

	CPUProfile, MemProfile string // hidden: pprof output for performance work
	// DocTimeout bounds the time one document may take; 0 means none.
	DocTimeout time.Duration

	factory *cmdutil.Factory
}

// NewCmd returns the audit command. runF replaces the run step in tests.
func NewCmd(factory *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: factory.IOStreams, factory: factory}
	cmd := &cobra.Command{
		Use:   "audit [PATH|-]...",
		Short: "审计售后文件 / Audit after-sales documents",
		Long: `审计文件、文件夹（递归，按名称排序，跳过隐藏文件和符号链接）或标准输入（-）。
支持 .txt .md .docx .xlsx .html .pdf；文本编码自动识别（UTF-8、UTF-16、
GB18030/GBK、Big5），繁体自动转为简体后比对。.doc/.xls 等旧格式请另存为 .docx/.xlsx。

Audit files, folders (recursive, in name order, hidden files and symbolic
links passed over) or standard input (-). Reads .txt .md .docx .xlsx .html
.pdf; text in UTF-8, UTF-16, GB18030/GBK or Big5 is detected; Traditional
Chinese is matched after conversion to Simplified. Legacy .doc/.xls files
get a message asking for .docx/.xlsx. A file named explicitly is read
whatever its extension; folders only yield the extensions above.

退出码 / exit codes: 0 无达到 --fail-on 的问题 / nothing at or above --fail-on;
1 有 / findings at or above it; 2 用法错误或有文件无法读取 / usage error or an unreadable document.`,
		Example: `  shouhou audit testdata/policies/bad_policy.txt
  shouhou audit --format json -o report.json policies/
  shouhou audit -o 批注.docx 售后服务政策.docx
  shouhou audit -o report.html policies/
  shouhou audit --explain 售后服务政策.txt
  shouhou audit --fail-on warning --kind policy 售后服务承诺书.md
  shouhou audit --exclude '*草稿*' --exclude '旧版/*' bids/
  cat policy.md | shouhou audit -`,
		Args: cmdutil.NeedArgs("no input: give files, folders, or - for standard input"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.FormatSet = cmd.Flags().Changed("format")
			opts.changed = cmd.Flags().Changed
			if runF != nil {
				return runF(opts)
			}
			return run(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "stylish", "output format: "+strings.Join(render.Names(render.Formats), ", ")+" (stylish: one line a finding, grouped by file; line: path:line:col: severity rule message; table: boxes)")
	f.StringArrayVarP(&opts.Outputs, "output", "o", nil, "write the report to `FILE` instead of standard output; repeat for several formats in one run, each told by its extension (.xlsx .sarif .xml=junit .json .jsonl .md .csv .txt .html) or written FORMAT:FILE; FORMAT:- is standard output; FILE.docx is the annotated Word copy of the one document audited")
	f.StringVar(&opts.FailOn, "fail-on", "error", "exit 1 on findings at or above this severity: error, warning, info, none")
	f.StringVar(&opts.Kind, "kind", "", "document kind instead of detecting it: "+strings.Join(reports.KindNames(), ", "))
	f.BoolVar(&opts.B2B, "b2b", false, "judge the terms as between businesses (consumer-law rules off); --b2b=false judges them as consumer terms")
	f.StringVar(&opts.Jurisdiction, "jurisdiction", "", "whose law governs the terms instead of detecting it: "+strings.Join(rules.Jurisdictions, ", "))
	f.StringVar(&opts.Encoding, "encoding", "", "text encoding instead of detecting it: "+strings.Join(reader.Encodings, ", "))
	f.StringVar(&opts.MaxSize, "max-size", "50MB", "refuse documents larger than this, on disk or decompressed (e.g. 10MB, 1GB)")
	f.StringArrayVar(&opts.Exclude, "exclude", nil, "leave out files and folders matching `GLOB` in folder walks (repeatable)")
	f.BoolVar(&opts.Follow, "follow", false, "follow symbolic links in folders (loops are detected)")
	f.StringVar(&opts.Config, "config", "", "settings `FILE` instead of the nearest .shouhou.yaml from the working folder up")
	f.StringVar(&opts.Annotate, "annotate", "", "write to `DIR` a Word copy of each document with a comment (批注) on every finding: .docx files keep everything else as it was, other formats become a new .docx of their text (-o FILE.docx does this for a single document)")
	f.BoolVar(&opts.ShowSuppressed, "show-suppressed", false, "list the findings that shouhou-ignore lines suppressed and those --baseline left out (they are always counted): in json, sarif (as suppressions), csv and xlsx")
	f.StringVar(&opts.Category, "category", "", categoryUsage) // the list is added on --help: lazyhelp.go
	f.StringArrayVar(&opts.Rules, "rules", nil, "add or override rules from this YAML `FILE` (repeatable; see shouhou rules)")
	f.StringVar(&opts.Shard, "shard", "", "audit only shard `I/N` of the inputs (by path hash; 1 <= I <= N); write -f jsonl and combine the parts with shouhou merge")
	f.StringVar(&opts.OCR, "ocr", reader.OCRAuto, "OCR for scanned PDFs: auto (pages without a text layer), off, force (every page); needs tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils")
	f.BoolVar(&opts.HiddenSheets, "hidden-sheets", false, "read the sheets of .xlsx workbooks that Excel hides (left out by default)")
	f.IntVarP(&opts.Jobs, "jobs", "j", 0, "documents audited at once (default: the number of CPUs); output order never changes")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing when the run passes: no progress bar, warnings, \"report written\" line, and no terminal view (stylish, line, table) unless the exit code is not 0; unreadable files are still named")
	f.BoolVar(&opts.Explain, "explain", false, "show the basis (依据) and the fix (建议) under each finding in the default view")
	f.StringVar(&opts.MinSeverity, "min-severity", "", "leave findings below this severity out of the report and the exit code: error, warning, info")
	f.BoolVar(&opts.AllowEmpty, "allow-empty", false, "exit 0 when the paths hold no document to audit (by default that is exit 2)")
	f.StringVar(&opts.Baseline, "baseline", "", "report only findings not in this earlier JSON or JSONL report (`FILE`)")
	f.DurationVar(&opts.DocTimeout, "doc-timeout", 60*time.Second, "give up a document that takes longer than this (an error for that document; the batch goes on); 0 for no limit")
	f.StringVar(&opts.CPUProfile, "cpuprofile", "", "write a CPU profile to `FILE` (go tool pprof)")
	f.StringVar(&opts.MemProfile, "memprofile", "", "write a heap profile to `FILE` at the end")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.Names(render.Formats), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("min-severity", cobra.FixedCompletions([]string{"error", "warning", "info"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"error", "warning", "info", "none"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions(reports.KindNames(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("jurisdiction", cobra.FixedCompletions(rules.Jurisdictions, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("encoding", cobra.FixedCompletions(reader.Encodings, cobra.ShellCompDirectiveNoFileComp))
	lazyCategoryHelp(cmd)
	return cmd
}

func (o *Options) validate() (int64, error) {
	if !slices.Contains(render.Formats, render.FormatName(o.Format)) {
		return 0, cmdutil.FlagErrorf("unknown --format %q (known: %s)", o.Format, strings.Join(render.Names(render.Formats), ", "))
	}
	if render.IsBinary(render.FormatName(o.Format)) && len(o.Outputs) == 0 && o.IO.IsStdoutTTY() {
		return 0, cmdutil.FlagErrorf("--format %s writes a binary file; give it a name with -o FILE", o.Format)
	}
	if o.FailOn != "none" && rules.Severity(o.FailOn).Rank() == 0 {
		return 0, cmdutil.FlagErrorf("unknown --fail-on %q (error, warning, info or none)", o.FailOn)
	}
	if o.MinSeverity != "" && rules.Severity(o.MinSeverity).Rank() == 0 {
		return 0, cmdutil.FlagErrorf("unknown --min-severity %q (error, warning or info)", o.MinSeverity)
	}
	if o.Kind != "" && !slices.Contains(reports.Kinds, reports.Kind(o.Kind)) {
		return 0, cmdutil.FlagErrorf("unknown --kind %q (%s)", o.Kind, strings.Join(reports.KindNames(), ", "))
	}
	if o.Jurisdiction != "" && !slices.Contains(rules.Jurisdictions, o.Jurisdiction) {
		return 0, cmdutil.FlagErrorf("unknown --jurisdiction %q (%s)", o.Jurisdiction, strings.Join(rules.Jurisdictions, ", "))
	}
	if o.Encoding != "" && !slices.Contains(reader.Encodings, strings.ToLower(o.Encoding)) {
		return 0, cmdutil.FlagErrorf("unknown --encoding %q (known: %s)", o.Encoding, strings.Join(reader.Encodings, ", "))
	}
	if o.OCR != reader.OCRAuto && o.OCR != reader.OCROff && o.OCR != reader.OCRForce {
		return 0, cmdutil.FlagErrorf("unknown --ocr %q (auto, off or force)", o.OCR)
	}
	size, err := cmdutil.ParseSize(o.MaxSize)
	if err != nil {
		return 0, cmdutil.FlagErrorf("--max-size: %v", err)
	}
	return size, nil
}

// applyConfig fills in from .shouhou.yaml what no flag said, and returns
// the rule settings it holds.
func (o *Options) applyConfig() (*config.Config, error) {
	cfg, err := o.factory.Config(o.Config)
	if err != nil || cfg == nil {
		if err != nil {
			return nil, cmdutil.UsageError(err)
		}
		return nil, nil
	}
	changed := o.changed
	if changed == nil {
		changed = func(string) bool { return false }
	}
	for _, v := range []struct {
		flag string
		dst  *string
		val  string
	}{{"fail-on", &o.FailOn, cfg.FailOn}, {"kind", &o.Kind, cfg.Kind}, {"category", &o.Category, cfg.Category}} {
		if !changed(v.flag) && v.val != "" {
			*v.dst = v.val
		}
	}
	o.Exclude = append(append([]string{}, cfg.Exclude...), o.Exclude...)
	o.Rules = append(append([]string{}, cfg.Rules.Files...), o.Rules...)
	return cfg, nil
}

func run(o *Options) error {
	cfg, err := o.applyConfig()
	if err != nil {
		return err
	}
	maxSize, err := o.validate()
	if err != nil {
		return err
	}
	stop, err := startProfiles(o.CPUProfile, o.MemProfile)
	if err != nil {
		return cmdutil.UsageError(err)
	}
	defer stop()
	warmUp() // warm.go
	book, err := o.factory.Rulebook(o.Rules)
	if err != nil {
		return err
	}
	all := book
	if cfg != nil {
		if err := checkRuleIDs(cfg, all); err != nil {
			return err
		}
		if book, err = book.Configure(cfg.Rules.Disable, cfg.Rules.Severity); err != nil {
			return cmdutil.UsageError(fmt.Errorf("%s: %v", cfg.Path, err))
		}
	}
	var base *reports.Baseline
	if o.Baseline != "" {
		if base, err = reports.LoadBaseline(o.Baseline); err != nil {
			return cmdutil.UsageError(err)
		}
	}
	auditor := checker.New(book)
	auditor.Known = func(id string) bool { return all.Get(id) != nil }
	if o.Category != "" {
		cats, err := rules.Categories()
		if err != nil {
			return cmdutil.UsageError(err)
		}
		if ids := rules.CategoryIDs(cats); !slices.Contains(ids, o.Category) {
			return cmdutil.FlagErrorf("unknown --category %q (known: %s)", o.Category, strings.Join(ids, ", "))
		}
		auditor.Category = o.Category
	}
	if o.changed != nil && o.changed("b2b") {
		auditor.Audience = rules.Consumer
		if o.B2B {
			auditor.Audience = rules.B2B
		}
	}
	auditor.Jurisdiction = o.Jurisdiction
	ropt := reader.Options{Encoding: o.Encoding, MaxSize: maxSize, OCR: o.OCR, Jobs: o.ocrJobs(), HiddenSheets: o.HiddenSheets}
	shardI, shardN, err := parseShard(o.Shard)
	if err != nil {
		return err
	}
	inputs := reader.Expand(o.Paths, reader.ExpandOptions{Exclude: o.Exclude, Follow: o.Follow})
	if len(inputs) == 0 && !o.AllowEmpty {
		return cmdutil.UsageError(fmt.Errorf("no document to audit in %s (no .txt .md .docx .xlsx .html .pdf file; --exclude and hidden files left out); give --allow-empty if that is expected", strings.Join(o.Paths, " ")))
	}
	specs, err := o.annotateOutputs(len(inputs))
	if err != nil {
		return err
	}
	targets, err := outputs.Targets(specs, o.Format, o.FormatSet)
	if err != nil {
		return err
	}
	if len(specs) == 0 && len(o.Outputs) > 0 && !o.FormatSet {
		targets = nil // only -o FILE.docx: no report on standard output
	}
	o.keepText = o.Annotate != "" || o.annotateFile != ""
	for _, t := range targets {
		o.keepText = o.keepText || render.NeedsText(t.Format)
	}
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		paths[i] = in.Path
	}
	checked := targets
	if o.annotateFile != "" {
		checked = append(append([]outputs.Target{}, targets...), outputs.Target{Format: "docx", Path: o.annotateFile})
	}
	if err := outputs.CheckNotInputs(checked, paths); err != nil {
		return err
	}

	report := newReport(book)
	if o.Shard != "" {
		report.Shard = &reports.Shard{Index: shardI, Of: shardN, Inputs: len(inputs)}
	}
	outs := make([]*outputs.File, len(targets))
	for i, t := range targets {
		if outs[i], err = outputs.Open(o.IO.Out, t); err != nil {
			return cmdutil.UsageError(err)
		}
		defer outs[i].Abort()
	}
	// jsonl streams: each document is written as soon as it is audited;
	// when no other format needs them, documents are not kept, so a batch
	// of any size runs in the memory of one document.
	var streams []*reports.JSONL
	keep := false
	for _, out := range outs {
		if out.Format != "jsonl" {
			keep = true
			continue
		}
		js, err := reports.NewJSONL(out.W, report)
		if err != nil {
			return cmdutil.UsageError(fmt.Errorf("cannot write report: %v", err))
		}
		streams = append(streams, js)
	}
	streamErr := make([]error, len(streams))
	work := shard(inputs, shardI, shardN)
	bar := newProgress(o.IO.ErrOut, !o.Quiet && o.IO.IsStderrTTY(), len(work))
	fails := false
	annotateFailed := false
	for index, d := range o.audited(auditor, work, ropt) {
		if o.MinSeverity != "" {
			d.Findings = atLeast(d.Findings, o.MinSeverity)
			d.Suppressed = atLeast(d.Suppressed, o.MinSeverity)
		}
		report.Summary.Baselined += base.Filter(&d)
		if d.Error != nil {
			bar.Println(fmt.Sprintf("shouhou: %s: %s", render.TerminalSafe(d.Path), render.TerminalSafe(*d.Error)))
		}
		if !o.Quiet {
			for _, w := range d.Warnings {
				bar.Println(fmt.Sprintf("shouhou: %s: warning: %s", render.TerminalSafe(d.Path), render.TerminalSafe(w)))
			}
		}
		report.Summary.Add(d)
		if d.Error == nil && (o.Annotate != "" || o.annotateFile != "") {
			if err := o.annotate(d); err != nil {
				bar.Println(fmt.Sprintf("shouhou: %s: cannot annotate: %v", d.Path, err))
				annotateFailed = true
			}
		}
		if !o.ShowSuppressed {
			d.Suppressed = nil // counted above, listed only on request
		}
		fails = fails || cmdutil.Failing(d, o.FailOn)
		// A stream that cannot be written is given up; the batch and the
		// other reports go on, and the run ends with exit code 2.
		for si, js := range streams {
			if streamErr[si] == nil {
				streamErr[si] = js.Document(d, index)
			}
		}
		if keep {
			d.Detach() // not its whole text for a heading
			report.Documents = append(report.Documents, d)
		}
		bar.Done()
	}
	bar.Finish()

	// Each report is written whatever became of the others: one format's
	// failure (a disk full, a format's own limit) never costs the rest.
	var failed []error
	si := 0
	for _, out := range outs {
		if o.Quiet && out.IsStdout() && render.IsTerminal(out.Format) && !fails && report.Summary.Failed == 0 && !annotateFailed {
			continue // -q: nothing on standard output when the run passes
		}
		ropt := render.Options{Color: out.IsStdout() && o.IO.ColorEnabled(), Explain: o.Explain}
		if out.IsStdout() {
			ropt.Width = o.IO.TerminalWidth()
		}
		write := func(w io.Writer) error {
			return render.Write(w, out.Format, report, ropt)
		}
		if out.Format == "jsonl" {
			js, serr := streams[si], streamErr[si]
			si++
			write = func(io.Writer) error {
				if serr != nil {
					return serr
				}
				return js.Summary(report.Summary)
			}
		}
		if err := out.Finish(write, o.IO.ErrOut, o.Quiet); err != nil {
			failed = append(failed, err)
		}
	}
	if len(failed) > 0 {
		for _, err := range failed[:len(failed)-1] {
			fmt.Fprintf(o.IO.ErrOut, "shouhou: %v\n", err)
		}
		return cmdutil.UsageError(failed[len(failed)-1])
	}
	if annotateFailed {
		return cmdutil.UsageError(nil)
	}
	return cmdutil.ExitFor(report.Summary, fails)
}

// newReport starts a report, carrying the rulebook's description for the
// formats that show rule help.
func newReport(book *rules.Book) *reports.Report {
	r := &reports.Report{
		Schema:    reports.AuditSchema,
		Tool:      reports.Tool{Name: "shouhou", Version: cmdutil.Version},
		Documents: []reports.Document{},
		Rulebook:  book.Version,
	}
	r.Rules = cmdutil.RuleInfos(book)
	return r
}

func auditOne(a *checker.Auditor, in reader.Input, ropt reader.Options, o *Options) (doc reports.Document) {
	path := in.Path
	if path == "-" {
		path = reader.StdinPath
	}
	fail := func(err error) reports.Document {
		msg := err.Error()
		return reports.Document{Path: path, Facts: []reports.Fact{}, Findings: []reports.Finding{}, Error: &msg}
	}
	// The readers catch their own panics; this catches the rest of the
	// pipeline's, so one document can never end a batch.
	defer func() {
		if r := recover(); r != nil {
			doc = fail(fmt.Errorf("internal error while auditing (please report it): %v", r))
		}
	}()
	if in.Err != nil {
		return fail(in.Err)
	}
	if o.DocTimeout <= 0 {
		doc, err := auditDoc(context.Background(), a, in, ropt, o)
		if err != nil {
			return fail(err)
		}
		return doc
	}
	// The document is audited on a goroutine of its own so that the batch
	// can go on when it takes too long; the work abandoned stops at the
	// next look at ctx in the readers' and the checker's loops.
	ctx, cancel := context.WithTimeout(context.Background(), o.DocTimeout)
	defer cancel()
	type result struct {
		doc reports.Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("internal error while auditing (please report it): %v", r)}
			}
		}()
		doc, err := auditDoc(ctx, a, in, ropt, o)
		done <- result{doc, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			if ctx.Err() != nil {
				return fail(timeoutError(o.DocTimeout))
			}
			return fail(r.err)
		}
		return r.doc
	case <-ctx.Done():
		return fail(timeoutError(o.DocTimeout))
	}
}

func timeoutError(d time.Duration) error {
	return fmt.Errorf("took longer than %s; raise --doc-timeout", d)
}

// auditDoc reads and audits one document, giving up once ctx is done.
func auditDoc(ctx context.Context, a *checker.Auditor, in reader.Input, ropt reader.Options, o *Options) (reports.Document, error) {
	ropt.Ctx = ctx
	var (
		src *reader.Source
		err error
	)
	if in.Path == "-" {
		src, err = reader.ReadStdin(o.IO.In, ropt)
	} else {
		src, err = o.factory.ReadFile(in.Path, ropt)
	}
	if err != nil {
		return reports.Document{}, err
	}
	d, err := a.AuditContext(ctx, src, reports.Kind(o.Kind))
	if err == nil && o.keepText {
		d.Text = src.Text
	}
	return d, err
}

// parseShard reads --shard I/N; empty means the whole run (1/1).
func parseShard(s string) (int, int, error) {
	if s == "" {
		return 1, 1, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return 0, 0, cmdutil.FlagErrorf("--shard %q: write I/N with 1 <= I <= N, e.g. --shard 2/8", s)
	}
	return i, n, nil
}

// categoryList names the categories of the embedded profiles for --help.
func categoryList() string {
	cats, err := rules.Categories()
	if err != nil {
		return "(profiles unreadable: " + err.Error() + ")"
	}
	return strings.Join(rules.CategoryIDs(cats), ", ")
}
