package gil

// This file keeps the per-thread counters and the optional event stream
// that gilpy's GIL tools are built from.
//
// Counting is always on and costs a few uncontended atomic adds per
// transition. Reading the clock is not free: on these virtual machines one
// read costs 40–100 ns, more than the whole uncontended acquire/release
// pair without it (≈30 ns, BenchmarkUncontended). So an uncontended
// transition reads the clock only when timing is on (SetTiming, or a
// Recorder installed); a contended acquire always times its wait, which
// costs microseconds anyway. Without timing, Stats has counts and wait
// times but no held time.
//
// A Recorder is called with the GIL's internal mutex held for some events:
// it must be quick and must not call back into the GIL.

import (
	"sync/atomic"
	"time"
)

// EventKind names a GIL transition.
type EventKind uint8

// The transitions.
const (
	EvRequest       EventKind = iota // a thread asks for the GIL
	EvAcquire                        // it got it
	EvRelease                        // voluntary release (I/O, sleep, lock wait)
	EvForcedRelease                  // release to serve a drop request
	EvDropRequest                    // a waiter asked the holder to release
	EvExit                           // final release by a thread that ends
)

func (k EventKind) String() string {
	return [...]string{"request", "acquire", "release", "forced-release", "drop-request", "exit"}[k]
}

// Event is one timestamped transition.
type Event struct {
	Kind   EventKind
	Thread *Thread
	At     int64 // nanoseconds since the GIL package started
}

// Recorder receives every transition when installed.
type Recorder interface {
	Record(Event)
}

type recorderBox struct{ r Recorder }

// SetRecorder installs (or with nil removes) a Recorder.
// Installing one turns timing on.
func (g *GIL) SetRecorder(r Recorder) {
	if r == nil {
		g.rec.Store(nil)
		return
	}
	g.timing.Store(true)
	g.rec.Store(&recorderBox{r})
}

// SetTiming turns the timing of uncontended transitions (held times) on or
// off.
func (g *GIL) SetTiming(on bool) { g.timing.Store(on) }

// Timing reports whether held times are being measured.
func (g *GIL) Timing() bool { return g.timing.Load() }

// stamp is the time of an uncontended transition: 0 when not timing.
func (g *GIL) stamp() int64 {
	if g.timing.Load() {
		return now()
	}
	return 0
}

func (g *GIL) record(t *Thread, k EventKind, at int64) {
	if b := g.rec.Load(); b != nil {
		b.r.Record(Event{Kind: k, Thread: t, At: at})
	}
}

var epoch = time.Now()

// now is never 0, so that 0 can mean "not timed".
func now() int64 { return int64(time.Since(epoch)) | 1 }

// Now is the clock events use.
func Now() int64 { return now() }

type threadStats struct {
	acquisitions   atomic.Int64
	contended      atomic.Int64 // acquisitions that had to wait
	switches       atomic.Int64 // acquisitions that were a hand-off to this thread
	forcedReleases atomic.Int64
	voluntary      atomic.Int64
	dropRequests   atomic.Int64
	waitNanos      atomic.Int64
	holdNanos      atomic.Int64
	maxWaitNanos   atomic.Int64
	heldSince      atomic.Int64
}

func (s *threadStats) acquired(requested, at int64) {
	s.acquisitions.Add(1)
	s.heldSince.Store(at)
	if at == 0 {
		return
	}
	w := at - requested
	s.waitNanos.Add(w)
	for {
		m := s.maxWaitNanos.Load()
		if w <= m || s.maxWaitNanos.CompareAndSwap(m, w) {
			break
		}
	}
}

func (s *threadStats) released(at int64, forced bool) {
	if since := s.heldSince.Load(); since > 0 && at > 0 {
		s.holdNanos.Add(at - since)
	}
	s.heldSince.Store(0)
	if forced {
		s.forcedReleases.Add(1)
	} else {
		s.voluntary.Add(1)
	}
}

// Stats are one thread's GIL figures.
type Stats struct {
	Acquisitions   int64
	Contended      int64 // acquisitions that found the GIL held and waited
	Switches       int64 // acquisitions that took the GIL from another thread
	ForcedReleases int64
	Voluntary      int64
	DropRequests   int64 // drop requests this thread issued while waiting
	Wait, Held     time.Duration
	MaxWait        time.Duration
}

// Stats reads t's counters.
func (t *Thread) Stats() Stats {
	s := &t.stats
	held := s.holdNanos.Load()
	if since := s.heldSince.Load(); since > 0 {
		held += now() - since
	}
	return Stats{
		Acquisitions:   s.acquisitions.Load(),
		Contended:      s.contended.Load(),
		Switches:       s.switches.Load(),
		ForcedReleases: s.forcedReleases.Load(),
		Voluntary:      s.voluntary.Load(),
		DropRequests:   s.dropRequests.Load(),
		Wait:           time.Duration(s.waitNanos.Load()),
		Held:           time.Duration(held),
		MaxWait:        time.Duration(s.maxWaitNanos.Load()),
	}
}
