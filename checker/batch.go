package checker

import (
	"fmt"
	"iter"
	"runtime"
)

// Batch runs work(0) … work(n-1) on up to jobs goroutines (0: one per
// CPU) and yields the results in index order, so output never depends on
// scheduling. At most 4×jobs items are in flight, which bounds memory
// whatever the batch size. A panic in one item becomes that item's result
// through recovered (with the panic's text), so one bad document can
// never end a batch; audit and compare both run their documents through
// it.
func Batch[T any](n, jobs int, work func(i int) T, recovered func(i int, err error) T) iter.Seq2[int, T] {
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	one := func(i int) (out T) {
		defer func() {
			if r := recover(); r != nil {
				out = recovered(i, fmt.Errorf("internal error (please report it): %v", r))
			}
		}()
		return work(i)
	}
	return func(yield func(int, T) bool) {
		if jobs == 1 {
			for i := range n {
				if !yield(i, one(i)) {
					return
				}
			}
			return
		}
		pending := make(chan chan T, 4*jobs)
		sem := make(chan struct{}, jobs)
		stop := make(chan struct{})
		go func() {
			defer close(pending)
			for i := range n {
				ch := make(chan T, 1)
				select {
				case pending <- ch:
				case <-stop:
					return
				}
				select {
				case sem <- struct{}{}:
				case <-stop:
					return
				}
				go func() {
					defer func() { <-sem }()
					ch <- one(i)
				}()
			}
		}()
		i := 0
		for ch := range pending {
			if !yield(i, <-ch) {
				close(stop)
				// Let the work under way finish before returning.
				for range cap(sem) {
					sem <- struct{}{}
				}
				return
			}
			i++
		}
	}
}
