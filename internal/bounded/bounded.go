// Package bounded reads the small files a run depends on (settings,
// rulebooks, baselines) with a size limit, refusing what is not a regular
// file: given /dev/zero or a named pipe, os.ReadFile reads for ever or
// blocks.
package bounded

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ReadFile reads path if it is a regular file of at most limit bytes.
func ReadFile(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		if st.IsDir() {
			return nil, errors.New("a folder, not a file")
		}
		return nil, fmt.Errorf("not a regular file (%v)", st.Mode().Type())
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%d bytes, over the %d MB this file may have", st.Size(), limit>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("grew past the %d MB this file may have while being read", limit>>20)
	}
	return b, nil
}
