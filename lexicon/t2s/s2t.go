package t2s

import "sync"

var (
	s2tOnce sync.Once
	s2t     map[rune]rune
)

// Traditional writes s in Traditional characters, one for one: each
// Simplified character becomes the Traditional one of lowest code point
// that the table maps to it (发 becomes 發, not 髮). It exists to test that
// text in either script reads alike, not to publish Traditional text: a
// character written alike in both scripts may still change (出 becomes
// 齣); String undoes every change, and RoundTrips says so for a text.
func Traditional(s string) string {
	s2tOnce.Do(func() {
		s2t = map[rune]rune{}
		eachEntry(charData, func(k, v string) {
			kr, vr := []rune(k), []rune(v)
			if len(kr) == 1 && len(vr) == 1 && kr[0] != vr[0] {
				if t, ok := s2t[vr[0]]; !ok || kr[0] < t {
					s2t[vr[0]] = kr[0]
				}
			}
		})
	})
	rs := []rune(s)
	for i, r := range rs {
		if t, ok := s2t[r]; ok {
			rs[i] = t
		}
	}
	return string(rs)
}

// RoundTrips reports whether String(Traditional(s)) gives s back.
func RoundTrips(s string) bool { return String(Traditional(s)) == s }
