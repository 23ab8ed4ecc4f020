//go:build fulldict

package segment

// fullDictionary: this build loads gse's whole embedded dictionary, to
// measure what the small one saves (scripts/bench.sh).
const fullDictionary = true
