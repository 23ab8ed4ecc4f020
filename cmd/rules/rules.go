// Package rules is the `shouhou rules` command: list the rulebook, show a
// rule, and run the rules' own examples.
package rules

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"shouhou/checker"
	"shouhou/cmd/cmdutil"
	rb "shouhou/rules"
)

// NewCmd returns the rules command and its list, show and test verbs.
func NewCmd(factory *cmdutil.Factory) *cobra.Command {
	ios := factory.IOStreams
	var files []string
	cmd := &cobra.Command{
		Use:   "rules <list|show|test>",
		Short: "规则库：列出、查看、测试 / The rulebook: list, show, test",
		Long: `列出规则库、查看一条规则的全部字段和正反例，或运行规则自带的例子。
--rules FILE 加入用户规则（按编号新增或覆盖），出错时给出 文件:行:列。

List the rulebook, show one rule with all its fields and examples, or run
the rules' own examples. --rules FILE adds user rules (new ids are added,
existing ids replaced); mistakes are reported as file:line:column.`,
	}
	cmd.PersistentFlags().StringArrayVar(&files, "rules", nil, "add or override rules from this YAML `FILE` (repeatable)")

	cmd.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "列出规则 / List the rules",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			book, err := factory.Rulebook(files)
			if err != nil {
				return err
			}
			return list(ios.Out, book)
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "show ID",
		Short: "以规则库 YAML 显示规则，可直接另存为用户规则 / Show rules as rulebook YAML, ready to save as your own",
		Args:  cmdutil.NeedArgs("give a rule id, e.g. shouhou rules show CPL-EXCH-15D"),
		RunE: func(_ *cobra.Command, args []string) error {
			book, err := factory.Rulebook(files)
			if err != nil {
				return err
			}
			var shown []*rb.Rule
			for _, id := range args {
				r := book.Get(strings.ToUpper(id))
				if r == nil {
					return cmdutil.FlagErrorf("no rule %s (shouhou rules list shows them)", id)
				}
				shown = append(shown, r)
			}
			return showYAML(ios.Out, shown)
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "test [FILE...]",
		Short: "运行规则自带的例子 / Run the rules' own examples",
		Long: `运行每条规则的正反例（内置规则和 FILE 中的规则）；有失败时退出码为 1。
Run every rule's good and bad examples (built-in rules and those in FILE);
exit 1 when one fails. This is how to test your own rules.`,
		RunE: func(_ *cobra.Command, args []string) error {
			book, err := factory.Rulebook(append(files, args...))
			if err != nil {
				return err
			}
			failures, ran, generated := checker.RunExamples(book)
			for _, f := range failures {
				fmt.Fprintln(ios.ErrOut, "shouhou: "+f.String())
			}
			fmt.Fprintf(ios.Out, "%d 条规则，%d 个例子（其中 %d 个为自动生成的变体），%d 个失败 / %d rules, %d examples (%d generated variants), %d failed\n",
				len(book.Rules), ran, generated, len(failures), len(book.Rules), ran, generated, len(failures))
			if len(failures) > 0 {
				return &cmdutil.ExitError{Code: cmdutil.ExitFindings}
			}
			return nil
		},
	})
	return cmd
}

func list(w io.Writer, book *rb.Book) error {
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithRowAutoWrap(tw.WrapBreak),
		tablewriter.WithColumnWidths(tw.NewMapper[int, int]().Set(3, 30).Set(4, 44)))
	t.Header([]string{"规则 rule", "级别 severity", "主题 topic", "标题 title", "依据 basis"})
	for _, r := range book.Rules {
		if err := t.Append([]string{r.ID, string(r.Severity), string(r.Topic), r.Title, strings.Join(r.BasisStrings(), "\n")}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d 条规则 / %d rules (%s)\n", len(book.Rules), len(book.Rules), book.Version)
	return err
}
