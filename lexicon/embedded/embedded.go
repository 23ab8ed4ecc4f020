// Package embedded parses a lexicon's YAML file, which is compiled into the
// binary, once and strictly (an unknown field is an error). Every lexicon
// package keeps its words this way; this is the one copy of how.
//
// Because the data is embedded, a parse error is a build defect: Must
// panics with the file's name, and each lexicon's tests call Load so that
// the defect is caught before a binary ships.
package embedded

import (
	"fmt"
	"sync"

	"go.yaml.in/yaml/v4"
)

// File is one embedded YAML file of type T, parsed on first use.
type File[T any] struct {
	load func() (*T, error)
}

// New describes the embedded file named name (its path in the module, used
// in errors) holding data. prepare, if not nil, checks and completes the
// parsed value (compiles patterns, builds indexes); its error is reported
// with the file's name too.
func New[T any](name string, data []byte, prepare func(*T) error) *File[T] {
	return &File[T]{load: sync.OnceValues(func() (*T, error) {
		v, err := Parse(data, prepare)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return v, nil
	})}
}

// Parse parses data strictly and runs prepare on the result. Lexicon tests
// use it to check that bad data is refused.
func Parse[T any](data []byte, prepare func(*T) error) (*T, error) {
	var v T
	if err := yaml.Load(data, &v, yaml.WithKnownFields()); err != nil {
		return nil, err
	}
	if prepare != nil {
		if err := prepare(&v); err != nil {
			return nil, err
		}
	}
	return &v, nil
}

// Load returns the parsed file; it is parsed once, on the first call.
func (f *File[T]) Load() (*T, error) { return f.load() }

// Must returns the parsed file or panics: see the package comment.
func (f *File[T]) Must() *T {
	v, err := f.load()
	if err != nil {
		panic(err)
	}
	return v
}
