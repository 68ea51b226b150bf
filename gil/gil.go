// Package gil is gilpy's global interpreter lock, built the way CPython's
// "new GIL" (Python 3.2 and later, Python/ceval_gil.c) works.
//
// # What the lock protects
//
// Only the thread holding the GIL runs Python bytecode. Every other Python
// thread is either waiting for the GIL or blocked somewhere it released it
// (sleeping, waiting for a lock, doing I/O). So the interpreter's objects
// need no locks of their own, and one Python thread can never see another
// halfway through an instruction.
//
// # How the holder is made to let go
//
// Nobody can take the GIL away from the running thread; it has to give it
// up. The running thread looks at one atomic word, the eval breaker, at a
// few places in the bytecode (function entry, loop back-edges, after calls
// into builtins: the "check points"). Reading it costs one load. When the
// word is non-zero, the thread stops to see why.
//
// A thread that wants the GIL does not ask for it immediately. It waits on a
// timer of one switch interval (5 ms by default, sys.setswitchinterval).
// If the timer expires, the GIL is still held, and no hand-off happened to
// anybody in the meantime, the waiter sets the drop request bit in the eval
// breaker. At its next check point the holder sees the bit and releases.
//
// # Forced switching
//
// Releasing is not enough: on a multi-core machine the releasing thread
// would carry on, reach the next check point and grab the lock again before
// the woken waiter is even scheduled (the "GIL battle" of Python 3.1 and
// earlier, which made two CPU-bound threads twice as slow as one). So a
// thread that releases *because it was asked to* waits until some other
// thread has actually taken the GIL before it tries again. A thread that
// releases voluntarily (to sleep or do I/O) does not wait.
//
// # What follows from the design (and what gilpy's GIL tools show)
//
//   - Two CPU-bound threads alternate in slices of about one interval.
//   - A thread that does I/O gives the GIL up at every blocking call and
//     then must wait up to an interval to get it back while a CPU-bound
//     thread holds it: the convoy effect.
//   - A long builtin call (sum of a huge range) contains no check point, so
//     it holds the GIL for its whole duration.
//   - Which waiter gets the lock is decided by the scheduler, not by FIFO
//     order; gilpy wakes waiters in arrival order, one of the orders CPython
//     can show.
//
// The package knows nothing about the interpreter: it deals in *Thread
// handles and reports every transition to an optional Recorder, from which
// the statistics, traces and timelines of `gilpy --gil-stats` are built.
package gil

import (
	"sync"
	"sync/atomic"
	"time"
)

// Eval-breaker bits.
const (
	// DropRequest asks the holder to release the GIL.
	DropRequest uint32 = 1 << iota
	// PendingSignals asks the main thread to run signal handlers.
	PendingSignals
	// PendingAsync asks a thread to look for an asynchronous exception.
	PendingAsync
	// PendingCalls asks the main thread to run queued calls.
	PendingCalls
)

// DefaultInterval is CPython's default switch interval.
const DefaultInterval = 5 * time.Millisecond

// GIL is one interpreter's lock.
type GIL struct {
	// Breaker is the eval-breaker word the interpreter polls at check points.
	Breaker atomic.Uint32

	mu           sync.Mutex
	locked       bool
	holder       *Thread
	lastHolder   *Thread
	switchNumber uint64
	waiters      []*Thread

	// switchCond is signalled when a thread takes the GIL, for the forced
	// switching wait; it uses mu.
	switchCond *sync.Cond

	intervalUS atomic.Int64
	enabled    bool

	rec atomic.Pointer[recorderBox]
}

// Thread is a thread's handle on the GIL.
type Thread struct {
	Name string
	ID   int64 // set by the interpreter (threading.get_ident)
	wake chan struct{}
	// Counters (read with the Stats method).
	stats threadStats
}

// New creates an enabled GIL with the default interval.
func New() *GIL {
	g := &GIL{enabled: true}
	g.switchCond = sync.NewCond(&g.mu)
	g.intervalUS.Store(int64(DefaultInterval / time.Microsecond))
	return g
}

// SetEnabled turns the lock on or off (-X gil=0). It must be called before
// any thread runs.
func (g *GIL) SetEnabled(on bool) { g.enabled = on }

// Enabled reports whether the GIL is in use.
func (g *GIL) Enabled() bool { return g.enabled }

// NewThread makes a handle for a thread.
func (g *GIL) NewThread(name string) *Thread {
	return &Thread{Name: name, wake: make(chan struct{}, 1)}
}

// Interval is the switch interval.
func (g *GIL) Interval() time.Duration {
	return time.Duration(g.intervalUS.Load()) * time.Microsecond
}

// IntervalMicros is the switch interval as stored: whole microseconds.
func (g *GIL) IntervalMicros() int64 { return g.intervalUS.Load() }

// SetIntervalMicros stores the switch interval (sys.setswitchinterval
// truncates to whole microseconds; waits use at least 1 µs).
func (g *GIL) SetIntervalMicros(us int64) { g.intervalUS.Store(us) }

// Holder is the thread holding the GIL, or nil.
func (g *GIL) Holder() *Thread {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.holder
}

// SwitchNumber counts hand-offs between different threads.
func (g *GIL) SwitchNumber() uint64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.switchNumber
}

// Acquire takes the GIL for t, waiting as CPython's take_gil does.
func (g *GIL) Acquire(t *Thread) {
	if !g.enabled {
		return
	}
	start := now()
	g.record(t, EvRequest, start)
	g.mu.Lock()
	if !g.locked {
		g.take(t, start)
		g.mu.Unlock()
		return
	}
	g.waiters = append(g.waiters, t)
	timer := time.NewTimer(g.waitInterval())
	for g.locked {
		saved := g.switchNumber
		g.mu.Unlock()
		timedOut := false
		select {
		case <-t.wake:
			if !timer.Stop() {
				select {
				case <-timer.C:
				default:
				}
			}
		case <-timer.C:
			timedOut = true
		}
		g.mu.Lock()
		if timedOut && g.locked && g.switchNumber == saved {
			// A full interval passed with no hand-off to anyone: ask the
			// holder to let go.
			if g.Breaker.Load()&DropRequest == 0 {
				g.Breaker.Or(DropRequest)
				g.record(t, EvDropRequest, now())
				t.stats.dropRequests.Add(1)
			}
		}
		// Woken by a release that another thread won, or timed out: start
		// a fresh full-interval wait.
		timer.Reset(g.waitInterval())
	}
	timer.Stop()
	for i, w := range g.waiters {
		if w == t {
			g.waiters = append(g.waiters[:i], g.waiters[i+1:]...)
			break
		}
	}
	g.take(t, start)
	g.mu.Unlock()
}

func (g *GIL) waitInterval() time.Duration {
	us := g.intervalUS.Load()
	if us < 1 {
		us = 1
	}
	return time.Duration(us) * time.Microsecond
}

// take marks t as the holder; g.mu is held.
func (g *GIL) take(t *Thread, requested int64) {
	g.locked = true
	g.holder = t
	if g.lastHolder != t {
		g.lastHolder = t
		g.switchNumber++
		// Wake a thread waiting for its forced switch to complete.
		g.switchCond.Broadcast()
	}
	// The new holder owes nothing to an old drop request.
	g.Breaker.And(^DropRequest)
	at := now()
	t.stats.acquired(requested, at)
	g.record(t, EvAcquire, at)
}

// Release gives the GIL up voluntarily (blocking I/O, sleep, lock waits):
// it never waits for another thread to take it.
func (g *GIL) Release(t *Thread) {
	if !g.enabled {
		return
	}
	g.drop(t)
	at := now()
	t.stats.released(at, false)
	g.record(t, EvRelease, at)
}

// Final releases the GIL for a thread that is exiting; it never waits.
func (g *GIL) Final(t *Thread) { g.Release(t) }

// Yield serves a drop request at a check point: release, wait until
// another thread has taken the GIL (forced switching), then take it back.
func (g *GIL) Yield(t *Thread) {
	if !g.enabled {
		g.Breaker.And(^DropRequest)
		return
	}
	g.drop(t)
	at := now()
	t.stats.released(at, true)
	g.record(t, EvForcedRelease, at)
	g.mu.Lock()
	if g.lastHolder == t && len(g.waiters) > 0 {
		g.Breaker.And(^DropRequest)
		g.switchCond.Wait()
	} else {
		g.Breaker.And(^DropRequest)
	}
	g.mu.Unlock()
	g.Acquire(t)
}

// drop unlocks and wakes one waiter.
func (g *GIL) drop(t *Thread) {
	g.mu.Lock()
	g.locked = false
	g.holder = nil
	g.lastHolder = t
	if len(g.waiters) > 0 {
		w := g.waiters[0]
		select {
		case w.wake <- struct{}{}:
		default:
		}
	}
	g.mu.Unlock()
}

// DropRequested reports whether a waiter asked the holder to release.
func (g *GIL) DropRequested() bool { return g.Breaker.Load()&DropRequest != 0 }

// Poke sets the async bit so that running threads look at their pending
// work at the next check point.
func (g *GIL) Poke() { g.Breaker.Or(PendingAsync) }
