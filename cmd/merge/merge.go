// Package merge is the `shouhou merge` command: combine the JSON Lines
// parts of a sharded run (audit --shard I/N -f jsonl) into one report in
// any format, as if one machine had audited everything.
package merge

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"shouhou/cmd/cmdutil"
	"shouhou/cmd/iostreams"
	"shouhou/cmd/outputs"
	"shouhou/reports"
	"shouhou/reports/render"
	"shouhou/rules"
)

// Options are the merge command's settings.
type Options struct {
	IO        *iostreams.IOStreams
	Parts     []string
	Format    string
	FormatSet bool
	Outputs   []string
	FailOn    string
	Quiet     bool
	// AllowPartial merges an incomplete set of shards (with a warning)
	// instead of refusing it.
	AllowPartial bool

	factory *cmdutil.Factory
}

// NewCmd returns the merge command.
func NewCmd(factory *cmdutil.Factory) *cobra.Command {
	opts := &Options{IO: factory.IOStreams, factory: factory}
	cmd := &cobra.Command{
		Use:   "merge PART.jsonl...",
		Short: "合并分片审计结果 / Combine the parts of a sharded audit",
		Long: `合并 shouhou audit --shard I/N -f jsonl 写出的各个分片，按原始顺序排列文件，
重新计算汇总，输出任意格式；结果与一次不分片的运行逐字节相同。

Combine the JSON Lines parts written by shouhou audit --shard I/N -f jsonl:
documents in the order one unsharded run would list them, the summary
counted again, in any format. The result is byte-identical to an
unsharded run's. Exit codes as for audit.`,
		Example: `  for i in 1 2 3 4; do shouhou audit --shard $i/4 -f jsonl -o part$i.jsonl tenders/ & done; wait
  shouhou merge -o report.xlsx -o report.sarif part*.jsonl`,
		Args: cmdutil.NeedArgs("no parts: give the .jsonl files the shards wrote"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Parts = args
			opts.FormatSet = cmd.Flags().Changed("format")
			return run(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(render.Names(render.Formats), ", "))
	f.StringArrayVarP(&opts.Outputs, "output", "o", nil, "write the report to `FILE` (repeatable, as for audit)")
	f.StringVar(&opts.FailOn, "fail-on", "error", "exit 1 on findings at or above this severity: error, warning, info, none")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no \"report written\" lines")
	f.BoolVar(&opts.AllowPartial, "allow-partial", false, "merge even when shards are missing (the report then covers only the shards given)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.Names(render.Formats), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

type part struct {
	Report *struct {
		Schema   string         `json:"schema"`
		Tool     reports.Tool   `json:"tool"`
		Rulebook string         `json:"rulebook"`
		Shard    *reports.Shard `json:"shard"`
	} `json:"report"`
	Document *reports.Document `json:"document"`
	Index    *int              `json:"index"`
	Summary  *reports.Summary  `json:"summary"`
}

type entry struct {
	doc   reports.Document
	index int
	part  int
}

func run(o *Options) error {
	if o.FailOn != "none" && rules.Severity(o.FailOn).Rank() == 0 {
		return cmdutil.FlagErrorf("unknown --fail-on %q (error, warning, info or none)", o.FailOn)
	}
	targets, err := outputs.Targets(o.Outputs, o.Format, o.FormatSet)
	if err != nil {
		return err
	}
	if err := outputs.CheckNotInputs(targets, o.Parts); err != nil {
		return err
	}
	book, err := o.factory.Rulebook(nil)
	if err != nil {
		return cmdutil.UsageError(err)
	}
	var (
		entries    []entry
		rulebook   string
		baselined  int
		suppressed int
	)
	var shards []*reports.Shard
	for pi, path := range o.Parts {
		es, rb, summary, shard, err := readPart(path, pi)
		if err != nil {
			return cmdutil.UsageError(err)
		}
		shards = append(shards, shard)
		if rulebook == "" {
			rulebook = rb
		} else if rb != rulebook {
			return cmdutil.UsageError(fmt.Errorf("%s was made with rulebook %s, an earlier part with %s: audit all shards with the same shouhou", path, rb, rulebook))
		}
		entries = append(entries, es...)
		baselined += summary.Baselined
		suppressed += summary.Suppressed
	}
	// The order one unsharded run would have: by index in the whole input
	// list (every shard expands the same arguments the same way).
	sort.SliceStable(entries, func(a, b int) bool { return entries[a].index < entries[b].index })
	for k := 1; k < len(entries); k++ {
		if entries[k].index == entries[k-1].index {
			return cmdutil.UsageError(fmt.Errorf("document %s is in two parts (%s and %s): each shard must be given once",
				entries[k].doc.Path, o.Parts[entries[k-1].part], o.Parts[entries[k].part]))
		}
	}

	if err := checkShards(o.Parts, shards); err != nil {
		if !o.AllowPartial {
			return cmdutil.UsageError(fmt.Errorf("%v; merge what there is with --allow-partial", err))
		}
		fmt.Fprintf(o.IO.ErrOut, "shouhou: warning: %v; the report covers only the parts given\n", err)
	}
	report := &reports.Report{Schema: reports.AuditSchema, Tool: reports.Tool{Name: "shouhou", Version: cmdutil.Version},
		Documents: []reports.Document{}, Rulebook: rulebook}
	if rulebook == book.Version {
		report.Rules = cmdutil.RuleInfos(book)
	} else if !o.Quiet {
		fmt.Fprintf(o.IO.ErrOut, "shouhou: warning: the parts were made with rulebook %s, this shouhou has %s; rule help is left out\n", rulebook, book.Version)
	}
	fails := false
	for _, e := range entries {
		report.Documents = append(report.Documents, e.doc)
		report.Summary.Add(e.doc)
		fails = fails || cmdutil.Failing(e.doc, o.FailOn)
	}
	report.Summary.Baselined = baselined
	report.Summary.Suppressed = suppressed // the parts counted them; their lists may be left out
	err = outputs.WriteAll(o.IO.Out, o.IO.ErrOut, targets, o.Quiet, func(out *outputs.File, w io.Writer) error {
		return render.Write(w, out.Format, report, render.Options{Color: out.IsStdout() && o.IO.ColorEnabled()})
	})
	if err != nil {
		return err
	}
	return cmdutil.ExitFor(report.Summary, fails)
}

// readPart reads one shard's JSON Lines.
// checkShards refuses parts that are not one whole sharded run: shards
// of different runs (another N, another number of inputs), a shard given
// twice, shards missing. Parts with no shard record (whole runs, or made
// before shouhou recorded shards) are not checked.
func checkShards(paths []string, shards []*reports.Shard) error {
	var first *reports.Shard
	firstPath := ""
	have := map[int]string{}
	for i, s := range shards {
		if s == nil {
			continue
		}
		if first == nil {
			first, firstPath = s, paths[i]
		}
		if s.Of != first.Of || s.Inputs != first.Inputs {
			return fmt.Errorf("%s is shard %d/%d of a run over %d inputs, %s shard %d/%d of a run over %d: parts of different runs",
				paths[i], s.Index, s.Of, s.Inputs, firstPath, first.Index, first.Of, first.Inputs)
		}
		if p, dup := have[s.Index]; dup {
			return fmt.Errorf("shard %d/%d is given twice (%s and %s)", s.Index, s.Of, p, paths[i])
		}
		have[s.Index] = paths[i]
	}
	if first == nil {
		return nil
	}
	var missing []string
	for i := 1; i <= first.Of; i++ {
		if _, ok := have[i]; !ok {
			missing = append(missing, fmt.Sprintf("%d/%d", i, first.Of))
		}
	}
	if len(missing) > 0 {
		if len(missing) > 20 {
			missing = append(missing[:20], fmt.Sprintf("and %d more", len(missing)-20))
		}
		return fmt.Errorf("incomplete set of shards: %s missing", strings.Join(missing, ", "))
	}
	return nil
}

// readPart reads one shard's JSON Lines.
func readPart(path string, pi int) ([]entry, string, reports.Summary, *reports.Shard, error) {
	var summary reports.Summary
	var shard *reports.Shard
	f, err := os.Open(path)
	if err != nil {
		return nil, "", summary, nil, fmt.Errorf("cannot read part %s: %v", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
		return nil, "", summary, nil, fmt.Errorf("part %s is not a regular file (%v): write parts to files with shouhou audit -f jsonl -o", path, st.Mode().Type())
	}
	var (
		out      []entry
		rulebook string
		head     bool
		done     bool
	)
	err = reports.ReadJSONL(f, "part "+path, func(line int, b []byte) error {
		var p part
		if err := json.Unmarshal(b, &p); err != nil {
			return fmt.Errorf("%s:%d: not a shouhou JSON Lines report (%v); write parts with shouhou audit -f jsonl", path, line, err)
		}
		switch {
		case p.Report != nil:
			if p.Report.Schema != reports.AuditSchema {
				return fmt.Errorf("%s:%d: schema %q, want %q", path, line, p.Report.Schema, reports.AuditSchema)
			}
			head, rulebook, shard = true, p.Report.Rulebook, p.Report.Shard
		case p.Document != nil:
			if p.Index == nil {
				return fmt.Errorf("%s:%d: a document line without its index (made by an older shouhou?)", path, line)
			}
			if p.Document.Facts == nil {
				p.Document.Facts = []reports.Fact{}
			}
			if p.Document.Findings == nil {
				p.Document.Findings = []reports.Finding{}
			}
			out = append(out, entry{*p.Document, *p.Index, pi})
		case p.Summary != nil:
			summary, done = *p.Summary, true
		}
		return nil
	})
	if err != nil {
		return nil, "", summary, nil, err
	}
	if !head {
		return nil, "", summary, nil, fmt.Errorf("%s is not a shouhou JSON Lines report (no header line); write parts with shouhou audit -f jsonl", path)
	}
	if !done {
		return nil, "", summary, nil, fmt.Errorf("%s ends before its summary line: the shard did not finish; run it again", path)
	}
	return out, rulebook, summary, shard, nil
}
