// Command genbook writes the built-in rulebook as Go literals into
// checker/check/builtin_gen.go, so a run starts without parsing YAML. It
// runs from go generate ./rules/... with the build tag genbook, which
// leaves the old generated file out (it may no longer compile).
package main

import (
	"flag"
	"fmt"
	"os"

	_ "shouhou/checker/check" // the check kinds: the rules' parameter types
	"shouhou/internal/bookgen"
	"shouhou/rules"
)

func main() {
	out := flag.String("o", "", "file to write")
	flag.Parse()
	if *out == "" {
		fail(fmt.Errorf("usage: genbook -o FILE"))
	}
	book, err := rules.ParseBuiltin()
	if err != nil {
		fail(err)
	}
	src, err := bookgen.Source(book)
	if err != nil {
		fail(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genbook:", err)
	os.Exit(1)
}
