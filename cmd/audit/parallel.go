package audit

import (
	"iter"
	"runtime"

	"shouhou/checker"
	"shouhou/checker/reader"
	"shouhou/reports"
)

// audited audits inputs on jobs goroutines and yields the documents in
// input order, so output never depends on scheduling. At most 4×jobs
// documents are in flight, which bounds memory whatever the batch size.
func (o *Options) audited(a *checker.Auditor, inputs []reader.Input, ropt reader.Options) iter.Seq[reports.Document] {
	jobs := o.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	return func(yield func(reports.Document) bool) {
		if jobs == 1 {
			for _, in := range inputs {
				if !yield(auditOne(a, in, ropt, o)) {
					return
				}
			}
			return
		}
		pending := make(chan chan reports.Document, 4*jobs)
		sem := make(chan struct{}, jobs)
		stop := make(chan struct{})
		go func() {
			defer close(pending)
			for _, in := range inputs {
				ch := make(chan reports.Document, 1)
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
					ch <- auditOne(a, in, ropt, o)
				}()
			}
		}()
		for ch := range pending {
			if !yield(<-ch) {
				close(stop)
				// Let the audits under way finish before returning.
				for range cap(sem) {
					sem <- struct{}{}
				}
				return
			}
		}
	}
}
