package cmd

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestTuneGC(t *testing.T) {
	for _, k := range []string{"GOGC", "GOMEMLIMIT"} {
		if v, ok := os.LookupEnv(k); ok {
			os.Unsetenv(k)
			defer os.Setenv(k, v)
		}
	}
	oldPct := debug.SetGCPercent(100)
	oldLimit := debug.SetMemoryLimit(-1)
	defer func() {
		debug.SetGCPercent(oldPct)
		debug.SetMemoryLimit(oldLimit)
	}()

	tuner := tuneGC()
	defer tuner.stopped.Store(true)
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Errorf("GOGC is %d, want off", p)
	}
	// Grow the live heap well past the headroom: after a collection the
	// limit must follow it up.
	live := make([][]byte, 0, 200)
	for range 200 {
		live = append(live, make([]byte, 1<<20))
	}
	// The tuner runs in a finalizer after the cycle: wait for it.
	var ms runtime.MemStats
	limit := int64(0)
	for range 100 {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
		runtime.ReadMemStats(&ms)
		if limit = debug.SetMemoryLimit(-1); limit >= int64(ms.HeapAlloc) {
			break
		}
	}
	if limit == math.MaxInt64 || limit < int64(ms.HeapAlloc) || limit > int64(ms.Sys)+gcHeadroom {
		t.Errorf("limit %d MiB with %d MiB live and %d MiB from the system: want live + %d MiB headroom", limit>>20, ms.HeapAlloc>>20, ms.Sys>>20, gcHeadroom>>20)
	}
	runtime.KeepAlive(live)
}

func TestTuneGCKeepsGOGC(t *testing.T) {
	t.Setenv("GOGC", "150")
	old := debug.SetGCPercent(150)
	defer debug.SetGCPercent(old)
	if tuneGC() != nil {
		t.Error("tuneGC tuned with GOGC set")
	}
	if p := debug.SetGCPercent(old); p != 150 {
		t.Errorf("GOGC set in the environment was overridden: %d", p)
	}
}
