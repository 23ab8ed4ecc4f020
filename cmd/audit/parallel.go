package audit

import (
	"hash/fnv"
	"iter"
	"path/filepath"
	"runtime"

	"shouhou/checker"
	"shouhou/checker/reader"
	"shouhou/reports"
)

// audited audits inputs on jobs goroutines and yields the documents in
// input order, with their indexes in the whole run, so output never
// depends on scheduling. At most 4×jobs documents are in flight, which
// bounds memory whatever the batch size.
func (o *Options) audited(a *checker.Auditor, inputs []indexed, ropt reader.Options) iter.Seq2[int, reports.Document] {
	jobs := o.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	type result struct {
		index int
		doc   reports.Document
	}
	return func(yield func(int, reports.Document) bool) {
		if jobs == 1 {
			for _, in := range inputs {
				if !yield(in.index, auditOne(a, in.Input, ropt, o)) {
					return
				}
			}
			return
		}
		pending := make(chan chan result, 4*jobs)
		sem := make(chan struct{}, jobs)
		stop := make(chan struct{})
		go func() {
			defer close(pending)
			for _, in := range inputs {
				ch := make(chan result, 1)
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
					ch <- result{in.index, auditOne(a, in.Input, ropt, o)}
				}()
			}
		}()
		for ch := range pending {
			r := <-ch
			if !yield(r.index, r.doc) {
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

// indexed is an input with its place among all the run's inputs.
type indexed struct {
	reader.Input
	index int
}

// shard keeps the inputs of shard i of n (1-based): those whose path
// hashes to it. Every machine expands the same arguments to the same
// list, so the shards split it without talking to each other, and each
// input keeps its index in the whole list for shouhou merge.
func shard(inputs []reader.Input, i, n int) []indexed {
	out := make([]indexed, 0, len(inputs)/max(n, 1)+1)
	for k, in := range inputs {
		if n <= 1 || shardOf(in.Path, n) == i {
			out = append(out, indexed{in, k})
		}
	}
	return out
}

// shardOf is 1 + FNV-1a of the path, modulo n.
func shardOf(path string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(filepath.ToSlash(filepath.Clean(path))))
	return int(h.Sum64()%uint64(n)) + 1
}
