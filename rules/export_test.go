package rules

// AddTo loads rulebook b, named name in errors, into an empty book: the
// loader the built-in rulebooks go through.
func AddTo(name string, b []byte) error { return (&Book{byID: map[string]*Rule{}}).add(name, b) }

// PatternSourcesOf returns r's normalized expressions.
func PatternSourcesOf(r *Rule) []string { return r.patternSources() }

// Parse is the rulebook loader.
func Parse(name string, b []byte) ([]*Rule, error) { return parse(name, b) }

// SwapPrepared makes p the prepared rulebook and returns the one before.
func SwapPrepared(p *Prepared) *Prepared { old := preparedBook; preparedBook = p; return old }
