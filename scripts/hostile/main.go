// Command hostile writes the hostile document set of package
// internal/hostile to a folder, for trying shouhou by hand:
//
//	go run ./scripts/hostile /tmp/hostile && shouhou audit /tmp/hostile
package main

import (
	"flag"
	"fmt"
	"os"

	"shouhou/internal/hostile"
)

func main() {
	small := flag.Bool("small", false, "leave out the cases that take a second or more")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: hostile [-small] FOLDER")
		os.Exit(2)
	}
	cases, err := hostile.Write(flag.Arg(0), *small)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(1)
	}
	fmt.Printf("%d hostile documents written to %s\n", len(cases), flag.Arg(0))
}
