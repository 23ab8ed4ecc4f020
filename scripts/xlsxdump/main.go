// xlsxdump prints a workbook cell by cell (internal/xlsxdump), so that two
// workbooks can be compared for what Excel shows rather than their bytes:
//
//	go run ./scripts/xlsxdump a.xlsx > a.txt
package main

import (
	"bufio"
	"fmt"
	"os"

	"shouhou/internal/xlsxdump"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: xlsxdump FILE.xlsx")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "xlsxdump: %v\n", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	if err := xlsxdump.Dump(w, data); err != nil {
		fmt.Fprintf(os.Stderr, "xlsxdump: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(os.Stderr, "xlsxdump: %v\n", err)
		os.Exit(1)
	}
}
