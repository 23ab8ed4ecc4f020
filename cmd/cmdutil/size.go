package cmdutil

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"shouhou/checker/reader"
)

// ParseSize reads 50MB, 10M, 1GB, 512KB or a plain byte count.
func ParseSize(s string) (int64, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, suf := range []struct {
		s string
		m int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(u, suf.s) {
			u, mult = strings.TrimSuffix(u, suf.s), suf.m
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(u), 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size such as 50MB", s)
	}
	if n > reader.MaxMaxSize/mult {
		return 0, fmt.Errorf("%q is over the largest size shouhou reads, %s", s, reader.FormatSize(reader.MaxMaxSize))
	}
	return n * mult, nil
}

// ReaderOptions checks --encoding and --max-size, shared by the commands
// that read documents, and turns them into the readers' options.
func ReaderOptions(encoding, maxSize string) (reader.Options, error) {
	if encoding != "" && !slices.Contains(reader.Encodings, strings.ToLower(encoding)) {
		return reader.Options{}, FlagErrorf("unknown --encoding %q (known: %s)", encoding, strings.Join(reader.Encodings, ", "))
	}
	size, err := ParseSize(maxSize)
	if err != nil {
		return reader.Options{}, FlagErrorf("--max-size: %v", err)
	}
	return reader.Options{Encoding: encoding, MaxSize: size}, nil
}
