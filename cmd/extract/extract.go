// Package extract is the `shouhou extract` command: a tender's
// requirements as a numbered list, the checklist a procurement officer
// keeps and the input compare --requirements reads back.
package extract

import (
	"fmt"
	"io"
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
)

// Options are the extract command's settings.
type Options struct {
	IO        *iostreams.IOStreams
	Tender    string
	Format    string
	FormatSet bool
	Outputs   []string
	Quiet     bool

	factory *cmdutil.Factory
}

// NewCmd returns the extract command.
func NewCmd(factory *cmdutil.Factory) *cobra.Command {
	opts := &Options{IO: factory.IOStreams, factory: factory}
	cmd := &cobra.Command{
		Use:   "extract TENDER",
		Short: "列出招标文件的售后要求 / List a tender's after-sales requirements",
		Long: `把招标文件中的售后要求列成编号清单（★ 为实质性要求，按地区、故障等级分条），
可输出为表格、JSON、CSV 或 Excel。清单可以修改，再用 shouhou compare --requirements 读回。

List a tender's after-sales requirements, numbered: substantive ones
marked ★, one per region or severity. Edit the json, csv or xlsx and
give it to compare --requirements when the extraction needs a
correction. Exit codes: 0 requirements found, 1 none found, 2 a usage
error or an unreadable tender.`,
		Example: `  shouhou extract 招标文件.docx
  shouhou extract -o 要求清单.xlsx 招标文件.docx
  shouhou extract -o reqs.csv tender.docx && shouhou compare --tender tender.docx --requirements reqs.csv bids/`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Tender = args[0]
			opts.FormatSet = cmd.Flags().Changed("format")
			return run(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(render.Names(render.RequirementsFormats), ", "))
	f.StringArrayVarP(&opts.Outputs, "output", "o", nil, "write the list to `FILE` (repeatable; format by extension or FORMAT:FILE)")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no \"report written\" lines")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.Names(render.RequirementsFormats), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func run(o *Options) error {
	targets, err := outputs.Targets(o.Outputs, o.Format, o.FormatSet)
	if err != nil {
		return err
	}
	for _, t := range targets {
		if !slices.Contains(render.RequirementsFormats, t.Format) {
			return cmdutil.FlagErrorf("extract writes %s, not %s", strings.Join(render.Names(render.RequirementsFormats), ", "), t.Format)
		}
		if t.Format == "xlsx" && t.Path == "" && o.IO.IsStdoutTTY() {
			return cmdutil.FlagErrorf("--format xlsx writes a binary file; give it a name with -o FILE")
		}
	}
	if err := outputs.CheckNotInputs(targets, []string{o.Tender}); err != nil {
		return err
	}
	book, err := o.factory.Rulebook(nil)
	if err != nil {
		return err
	}
	src, err := o.factory.ReadFile(o.Tender, reader.Options{})
	if err != nil {
		return cmdutil.UsageError(fmt.Errorf("%s: %v", o.Tender, err))
	}
	tender := checker.New(book).Read(src, reports.Tender)
	report := &reports.RequirementsReport{Schema: reports.RequirementsSchema, Tool: reports.Tool{Name: "shouhou", Version: cmdutil.Version},
		Tender: o.Tender, Project: cmpx.Project(src.Text), Requirements: cmpx.Requirements(tender)}
	if report.Requirements == nil {
		report.Requirements = []reports.Requirement{}
	}
	err = outputs.WriteAll(o.IO.Out, o.IO.ErrOut, targets, o.Quiet, func(out *outputs.File, w io.Writer) error {
		return render.WriteRequirements(w, out.Format, report)
	})
	if err != nil {
		return err
	}
	if len(report.Requirements) == 0 {
		fmt.Fprintf(o.IO.ErrOut, "shouhou: %s: no after-sales requirement found in the tender\n", o.Tender)
		return &cmdutil.ExitError{Code: cmdutil.ExitFindings}
	}
	return nil
}
