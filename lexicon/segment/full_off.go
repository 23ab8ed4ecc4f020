//go:build !fulldict

package segment

// fullDictionary is true only in the benchmark's comparison build.
const fullDictionary = false
