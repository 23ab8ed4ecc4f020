// Command shouhou audits Chinese after-sales documents. See README.md.
package main

import (
	"os"

	"shouhou/cmd"
)

func main() {
	os.Exit(cmd.Execute())
}
