package stdlib

// This file chooses how often Go's collector runs under a Python program.
//
// Python code allocates many short-lived objects (frames aside, every
// float, bound method, intermediate string...) and usually keeps little
// live data. Go's default (GOGC=100: collect when the heap reaches twice
// the live data, at least 4 MiB) then collects hundreds of times a second,
// and what costs is not the marking itself but the time spent with the
// collector active: write barriers on every store of a pointer into a
// frame's slots, and allocation assists. On methods.py (1 MiB live) GOGC=100
// ran 2.1 s, GOGC=400 1.1 s, GOGC=800 1.05 s (user time, same machine).
//
// A fixed large GOGC, though, multiplies the peak heap of programs that do
// keep data (listsort.py: 62 MB at GOGC=400 against CPython's 26 MB; 37 MB
// with this policy). So
// the target is a heap goal of max(2 × live, live + headroom): small
// programs get headroom-sized room between collections, as with a large
// GOGC, and big ones get Go's default proportion, which keeps the peak
// within about twice the live data. The collector's GOGC is re-derived
// from the live heap after every cycle (a finalizer on a sentinel object
// notices the cycle; setting GOGC does not stop the world).
// GOGC in the environment turns this off.

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// gcHeadroom is the room above the live heap for small heaps: enough for
// few collections per second in allocation-heavy loops, and small beside
// the process's baseline size (about 14 MB resident, CPython's is 13), so
// that a small program's peak stays within twice CPython's.
const gcHeadroom = 10 << 20

// gcPercentFor is the GOGC that gives the heap goal described above.
// Go's goal is max(live × (1 + GOGC/100), 4 MiB × GOGC/100): below 4 MiB
// of live data the second term decides, and GOGC is scaled to it.
func gcPercentFor(live uint64) int {
	const minHeap = 4 << 20
	var p uint64
	if live < minHeap {
		p = (live + gcHeadroom) * 100 / minHeap
	} else {
		p = gcHeadroom * 100 / live
	}
	return int(max(p, 100))
}

// startGCPolicy sets the initial GOGC and keeps it tuned, once per
// process however many interpreters it creates.
func startGCPolicy() { gcPolicyOnce.Do(startGCTuner) }

var gcPolicyOnce sync.Once

func startGCTuner() {
	if os.Getenv("GOGC") != "" {
		return
	}
	t := &gcTuner{percent: gcPercentFor(0)}
	t.sample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	debug.SetGCPercent(t.percent)
	t.arm()
}

type gcTuner struct {
	percent int
	sample  []metrics.Sample
}

// arm plants a sentinel whose finalizer runs after the next collection.
func (t *gcTuner) arm() {
	s := new([16]byte)
	runtime.SetFinalizer(s, func(*[16]byte) { t.afterGC() })
}

func (t *gcTuner) afterGC() {
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() == metrics.KindUint64 {
		p := gcPercentFor(t.sample[0].Value.Uint64())
		// Small changes are not worth resetting the pacer for.
		if p*10 < t.percent*9 || p*10 > t.percent*11 {
			t.percent = p
			debug.SetGCPercent(p)
		}
	}
	t.arm()
}
