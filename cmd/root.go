// Package cmd wires the cobra commands together. Commands are thin: flags
// in, calls to checker/reports out; each lives in its own package.
package cmd

import (
	"os"

	"github.com/spf13/cobra"

	"shouhou/cmd/audit"
	"shouhou/cmd/cmdutil"
	"shouhou/cmd/compare"
	"shouhou/cmd/extract"
	"shouhou/cmd/iostreams"
	"shouhou/cmd/merge"
	"shouhou/cmd/rules"
	"shouhou/cmd/version"
)

// NewRootCmd builds the command tree over the given streams.
func NewRootCmd(ios *iostreams.IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "shouhou <command>",
		Short: "售后文件合规审计 / Compliance auditor for Chinese after-sales documents",
		Long: `shouhou（售后）审计售后服务政策、服务承诺书和三包凭证，对照《消费者权益保护法》
和三包规定，指出退换货期限、保修期、退款时限、运费承担、发票、格式条款和模板空白的问题。

shouhou audits Chinese after-sales policies, service commitments and 三包 cards
against consumer-protection law and the 三包 regulations.`,
		Example: `  # 审计一个文件（每个问题一行） / audit one file (a line a finding)
  shouhou audit 售后服务政策.txt

  # 整个文件夹，输出 JSON / a whole folder as JSON
  shouhou audit --format json policies/

  # 从标准输入读取 / read standard input
  cat policy.md | shouhou audit -`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetIn(ios.In)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return cmdutil.FlagErrorf("%v", err)
	})
	f := cmdutil.NewFactory(ios)
	root.AddCommand(audit.NewCmd(f, nil), compare.NewCmd(f), extract.NewCmd(f), merge.NewCmd(f), rules.NewCmd(f), version.NewCmd(f))
	root.CompletionOptions.HiddenDefaultCmd = false
	return root
}

// Run executes the command line and returns the exit code.
func Run(ios *iostreams.IOStreams, args []string) int {
	root := NewRootCmd(ios)
	root.SetArgs(args)
	return cmdutil.Exit(ios.ErrOut, root.Execute())
}

// Execute runs the program with the process's arguments and streams.
func Execute() int {
	args := os.Args[1:]
	if len(args) != 1 || args[0] != "version" { // version only prints
		_ = tuneGC() // gctune.go
	}
	return Run(iostreams.System(), args)
}
