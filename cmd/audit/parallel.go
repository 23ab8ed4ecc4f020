package audit

import (
	"hash/fnv"
	"iter"
	"path/filepath"

	"shouhou/checker"
	"shouhou/checker/reader"
	"shouhou/reports"
)

// audited audits inputs on jobs goroutines (checker.Batch) and yields
// the documents in input order, with their indexes in the whole run, so
// output never depends on scheduling.
func (o *Options) audited(a *checker.Auditor, inputs []indexed, ropt reader.Options) iter.Seq2[int, reports.Document] {
	audit := func(i int) reports.Document { return auditOne(a, inputs[i].Input, ropt, o) }
	// auditOne recovers its own panics; this is the batch's backstop.
	recovered := func(i int, err error) reports.Document {
		msg := err.Error()
		return reports.Document{Path: inputs[i].Path, Facts: []reports.Fact{}, Findings: []reports.Finding{}, Error: &msg}
	}
	return func(yield func(int, reports.Document) bool) {
		for i, doc := range checker.Batch(len(inputs), o.Jobs, audit, recovered) {
			if !yield(inputs[i].index, doc) {
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
