// Package audit is the `shouhou audit` command: read documents, check them
// against the rulebook, render the report, exit with CONTRACT.md's code.
package audit

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"shouhou/checker"
	"shouhou/checker/reader"
	"shouhou/cmd/cmdutil"
	"shouhou/cmd/iostreams"
	"shouhou/reports"
	"shouhou/rules"
)

// Options are the audit command's settings.
type Options struct {
	IO *iostreams.IOStreams

	Paths    []string
	Format   string
	Output   string
	FailOn   string
	Kind     string
	Encoding string
	MaxSize  string
	Exclude  []string
	Follow   bool
}

var formats = []string{"table", "json"}

// NewCmd returns the audit command. runF replaces the run step in tests.
func NewCmd(ios *iostreams.IOStreams, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: ios}
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
  shouhou audit --fail-on warning --kind policy 售后服务承诺书.md
  shouhou audit --exclude '*草稿*' --exclude '旧版/*' bids/
  cat policy.md | shouhou audit -`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmdutil.FlagErrorf("no input: give files, folders, or - for standard input")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return run(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(formats, ", "))
	f.StringVarP(&opts.Output, "output", "o", "", "write the report to `FILE` instead of standard output")
	f.StringVar(&opts.FailOn, "fail-on", "error", "exit 1 on findings at or above this severity: error, warning, info, none")
	f.StringVar(&opts.Kind, "kind", "", "document kind instead of detecting it: policy, tender, bid")
	f.StringVar(&opts.Encoding, "encoding", "", "text encoding instead of detecting it: "+strings.Join(reader.Encodings, ", "))
	f.StringVar(&opts.MaxSize, "max-size", "50MB", "refuse documents larger than this, on disk or decompressed (e.g. 10MB, 1GB)")
	f.StringArrayVar(&opts.Exclude, "exclude", nil, "leave out files and folders matching `GLOB` in folder walks (repeatable)")
	f.BoolVar(&opts.Follow, "follow", false, "follow symbolic links in folders (loops are detected)")
	return cmd
}

func (o *Options) validate() (int64, error) {
	if !slices.Contains(formats, o.Format) {
		return 0, cmdutil.FlagErrorf("unknown --format %q (known: %s)", o.Format, strings.Join(formats, ", "))
	}
	if o.FailOn != "none" && rules.Severity(o.FailOn).Rank() == 0 {
		return 0, cmdutil.FlagErrorf("unknown --fail-on %q (error, warning, info or none)", o.FailOn)
	}
	if o.Kind != "" && o.Kind != rules.Policy && o.Kind != rules.Tender && o.Kind != rules.Bid {
		return 0, cmdutil.FlagErrorf("unknown --kind %q (policy, tender or bid)", o.Kind)
	}
	if o.Encoding != "" && !slices.Contains(reader.Encodings, strings.ToLower(o.Encoding)) {
		return 0, cmdutil.FlagErrorf("unknown --encoding %q (known: %s)", o.Encoding, strings.Join(reader.Encodings, ", "))
	}
	size, err := parseSize(o.MaxSize)
	if err != nil {
		return 0, cmdutil.FlagErrorf("--max-size: %v", err)
	}
	return size, nil
}

func run(o *Options) error {
	maxSize, err := o.validate()
	if err != nil {
		return err
	}
	book, err := rules.Builtin()
	if err != nil {
		return &cmdutil.ExitError{Code: cmdutil.ExitUsage, Err: fmt.Errorf("built-in rulebook: %v", err)}
	}
	auditor := checker.New(book)
	ropt := reader.Options{Encoding: o.Encoding, MaxSize: maxSize}

	report := &reports.Report{
		Schema:    reports.AuditSchema,
		Tool:      reports.Tool{Name: "shouhou", Version: cmdutil.Version},
		Documents: []reports.Document{},
	}
	inputs := reader.Expand(o.Paths, reader.ExpandOptions{Exclude: o.Exclude, Follow: o.Follow})
	if err := o.checkOutput(inputs); err != nil {
		return err
	}
	for _, in := range inputs {
		d := auditOne(auditor, in, ropt, o)
		if d.Error != nil {
			fmt.Fprintf(o.IO.ErrOut, "shouhou: %s: %s\n", d.Path, *d.Error)
		}
		for _, w := range d.Warnings {
			fmt.Fprintf(o.IO.ErrOut, "shouhou: %s: warning: %s\n", d.Path, w)
		}
		report.Documents = append(report.Documents, d)
		report.Summary.Add(d)
	}

	if err := o.write(report); err != nil {
		return &cmdutil.ExitError{Code: cmdutil.ExitUsage, Err: err}
	}
	switch {
	case report.Summary.Failed > 0:
		return &cmdutil.ExitError{Code: cmdutil.ExitUsage}
	case failing(report, o.FailOn):
		return &cmdutil.ExitError{Code: cmdutil.ExitFindings}
	}
	return nil
}

// checkOutput refuses a report file that is one of the documents to
// audit, named or found in a folder: nothing a user gave may be
// overwritten.
func (o *Options) checkOutput(inputs []reader.Input) error {
	if o.Output == "" {
		return nil
	}
	out, err := os.Stat(o.Output)
	if err != nil {
		return nil // a new file
	}
	for _, in := range inputs {
		if st, err := os.Stat(in.Path); err == nil && os.SameFile(st, out) {
			return cmdutil.FlagErrorf("-o %s is one of the documents to audit; choose another report file", o.Output)
		}
	}
	return nil
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
	var (
		src *reader.Source
		err error
	)
	if in.Path == "-" {
		src, err = reader.ReadStdin(o.IO.In, ropt)
	} else {
		src, err = reader.ReadFile(in.Path, ropt)
	}
	if err != nil {
		return fail(err)
	}
	return a.Audit(src, o.Kind)
}

func (o *Options) write(r *reports.Report) error {
	w := o.IO.Out
	var f *os.File
	if o.Output != "" {
		var err error
		if f, err = os.Create(o.Output); err != nil {
			return fmt.Errorf("cannot write report: %v", err)
		}
		w = f
	}
	var err error
	switch o.Format {
	case "json":
		err = reports.WriteJSON(w, r)
	default:
		err = reports.WriteTable(w, r)
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			fmt.Fprintf(o.IO.ErrOut, "shouhou: report written to %s\n", filepath.Clean(o.Output))
		}
	}
	if err != nil {
		return fmt.Errorf("cannot write report: %v", err)
	}
	return nil
}

func failing(r *reports.Report, failOn string) bool {
	if failOn == "none" {
		return false
	}
	min := rules.Severity(failOn).Rank()
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			if rules.Severity(f.Severity).Rank() >= min {
				return true
			}
		}
	}
	return false
}

// parseSize reads 50MB, 10M, 1GB, 512KB or a plain byte count.
func parseSize(s string) (int64, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, suf := range []struct {
		s string
		m int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(u, suf.s) {
			u, mult = strings.TrimSuffix(u, suf.s), suf.m
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(u), 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size such as 50MB", s)
	}
	return n * mult, nil
}
