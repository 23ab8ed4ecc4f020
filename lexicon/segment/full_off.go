//go:build !fulldict

package segment

import "github.com/go-ego/gse"

// fullDictionary is true only in the benchmark's comparison build.
const fullDictionary = false

func loadFull(*gse.Segmenter) {}
