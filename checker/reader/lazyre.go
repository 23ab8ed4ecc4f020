package reader

import (
	"regexp"
	"sync"
)

// lazyRe compiles expr on first use, not at start-up: every command
// (shouhou version too) paid for the reader's expressions in package init.
func lazyRe(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
