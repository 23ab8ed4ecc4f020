// Package version is the `shouhou version` command.
package version

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"shouhou/cmd/cmdutil"
)

// NewCmd returns the version command.
func NewCmd(factory *cmdutil.Factory) *cobra.Command {
	ios := factory.IOStreams
	return &cobra.Command{
		Use:   "version",
		Short: "显示版本 / Print the version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			built := runtime.Version() + ", " + runtime.GOOS + "/" + runtime.GOARCH
			if rev := cmdutil.Revision(); rev != "" {
				built = "commit " + rev + ", " + built
			}
			fmt.Fprintf(ios.Out, "shouhou %s (%s)\n", cmdutil.Version, built)
		},
	}
}
