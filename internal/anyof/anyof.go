// Package anyof holds the three word-list tests every stage makes of a
// clause: does it contain, start with or end with one of these words.
// One copy here, in place of one per package.
package anyof

import "strings"

// In reports whether s contains one of ws.
func In(s string, ws ...string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Prefix reports whether s starts with one of ws.
func Prefix(s string, ws ...string) bool {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// Suffix reports whether s ends with one of ws.
func Suffix(s string, ws ...string) bool {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}
