package rules

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"sync"
)

// lazyRes are a rule's regular expressions, normalized and checked when
// the rulebook loads but compiled only when the rule first runs: most
// rules of a run are never named by the prefilter, and compiling the
// whole book cost about a seventh of a one-document run's start.
type lazyRes struct {
	src  []string // normalized sources
	once sync.Once
	res  []*regexp.Regexp
}

// parseAll normalizes ps the way clause text is normalized (so a rule
// author may write 「，」 or traditional characters) and checks them. Its errors are regexp.Compile's:
// both come from regexp/syntax's parser with the same flags.
func parseAll(ps []string) (*lazyRes, error) {
	l := normalizeAll(ps)
	for i, n := range l.src {
		if _, err := syntax.Parse(n, syntax.Perl); err != nil {
			return nil, fmt.Errorf("%q: %v", ps[i], err)
		}
	}
	return l, nil
}

// normalizeAll normalizes ps without checking them.
func normalizeAll(ps []string) *lazyRes {
	l := &lazyRes{src: make([]string, 0, len(ps))}
	for _, p := range ps {
		l.src = append(l.src, normalizePattern(p))
	}
	return l
}

// prepared holds expressions normalized and checked when the rulebook
// was prepared.
func prepared(src []string) *lazyRes {
	return &lazyRes{src: append(make([]string, 0, len(src)), src...)}
}

// never matches anything: the stand-in for a pattern that parsed but did
// not compile (regexp accepts every expression its parser does, so this
// only guards against a future regexp change).
var never = `[^\x00-\x{10FFFF}]`

// get returns the compiled expressions, compiling them on first use. It is
// safe for concurrent use.
func (l *lazyRes) get() []*regexp.Regexp {
	if l == nil {
		return nil
	}
	l.once.Do(func() {
		l.res = make([]*regexp.Regexp, len(l.src))
		for i, s := range l.src {
			re, err := regexp.Compile(s)
			if err != nil {
				re = regexp.MustCompile(never)
			}
			l.res[i] = re
		}
	})
	return l.res
}

// sources returns the normalized expressions, uncompiled.
func (l *lazyRes) sources() []string {
	if l == nil {
		return nil
	}
	return l.src
}
