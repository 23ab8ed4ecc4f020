package audit

import (
	"github.com/spf13/cobra"
)

// categoryUsage is the --category help before the list of categories,
// which needs the embedded profiles parsed: that is done only when help or
// usage is shown, not on every run.
const categoryUsage = "product category for the 三包 figures instead of detecting it: "

// lazyCategoryHelp completes the --category usage line just before cmd's
// help or usage text is printed.
func lazyCategoryHelp(cmd *cobra.Command) {
	fill := func(c *cobra.Command) {
		if fl := c.Flags().Lookup("category"); fl != nil && fl.Usage == categoryUsage {
			fl.Usage = categoryUsage + categoryList()
		}
	}
	help := cmd.HelpFunc()
	cmd.SetHelpFunc(func(c *cobra.Command, args []string) {
		fill(c)
		help(c, args)
	})
	usage := cmd.UsageFunc()
	cmd.SetUsageFunc(func(c *cobra.Command) error {
		fill(c)
		return usage(c)
	})
}
