package gil

// This file keeps the per-thread counters and the optional event stream
// that gilpy's GIL tools are built from. With no Recorder installed, a
// transition costs a few atomic adds and one clock read.

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
)

func (k EventKind) String() string {
	return [...]string{"request", "acquire", "release", "forced-release", "drop-request"}[k]
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
func (g *GIL) SetRecorder(r Recorder) {
	if r == nil {
		g.rec.Store(nil)
		return
	}
	g.rec.Store(&recorderBox{r})
}

func (g *GIL) record(t *Thread, k EventKind, at int64) {
	if b := g.rec.Load(); b != nil {
		b.r.Record(Event{Kind: k, Thread: t, At: at})
	}
}

var epoch = time.Now()

func now() int64 { return int64(time.Since(epoch)) }

// Now is the clock events use.
func Now() int64 { return now() }

type threadStats struct {
	acquisitions   atomic.Int64
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
	w := at - requested
	s.waitNanos.Add(w)
	for {
		m := s.maxWaitNanos.Load()
		if w <= m || s.maxWaitNanos.CompareAndSwap(m, w) {
			break
		}
	}
	s.heldSince.Store(at)
}

func (s *threadStats) released(at int64, forced bool) {
	if since := s.heldSince.Load(); since > 0 {
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
		ForcedReleases: s.forcedReleases.Load(),
		Voluntary:      s.voluntary.Load(),
		DropRequests:   s.dropRequests.Load(),
		Wait:           time.Duration(s.waitNanos.Load()),
		Held:           time.Duration(held),
		MaxWait:        time.Duration(s.maxWaitNanos.Load()),
	}
}
