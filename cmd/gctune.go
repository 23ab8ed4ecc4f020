package cmd

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// gcHeadroom is how much the heap may grow past what the last collection
// found live before the next one. An audit allocates a few times each
// document's size and drops it when the document is done, so the live heap
// is small and a fixed headroom keeps collections rare on small documents
// (as GOGC 800 did) without letting a huge document's garbage reach a
// gigabyte (as GOGC 800 against a 1 GiB soft limit did).
const gcHeadroom = 64 << 20

// tuneGC sets the collector to run when the heap reaches the live heap plus
// gcHeadroom: GOGC off, and a soft memory limit moved after every cycle.
// GOGC in the environment wins (nothing is changed); GOMEMLIMIT caps the
// limit. It returns the tuner, or nil when GOGC is set.
func tuneGC() *gcTuner {
	if _, set := os.LookupEnv("GOGC"); set {
		return nil
	}
	ceiling := int64(math.MaxInt64)
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		ceiling = debug.SetMemoryLimit(-1) // the runtime parsed it
	}
	t := &gcTuner{ceiling: ceiling, samples: []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}}
	t.set()
	debug.SetGCPercent(-1)
	t.arm()
	return t
}

type gcTuner struct {
	ceiling int64
	samples []metrics.Sample
	stopped atomic.Bool // tests: leave the settings alone from now on
}

// arm calls t.after at the end of the next collection: a finalizer runs
// once the object it guards is found unreachable.
func (t *gcTuner) arm() {
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		if t.stopped.Load() {
			return
		}
		t.set()
		t.arm()
	})
}

// set moves the soft limit to live heap + headroom + the runtime's memory
// that is not heap (stacks, metadata), which the limit also counts.
func (t *gcTuner) set() {
	metrics.Read(t.samples)
	v := func(i int) int64 {
		if t.samples[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return int64(t.samples[i].Value.Uint64())
	}
	live, total := v(0), v(1)
	other := total - v(2) - v(3) - v(4) - v(5)
	if other < 0 {
		other = 0
	}
	limit := live + other + gcHeadroom
	if limit > t.ceiling {
		limit = t.ceiling
	}
	debug.SetMemoryLimit(limit)
}
