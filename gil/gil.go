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
// The lock itself is a boolean (locked) guarded by a mutex, plus the
// bookkeeping the rules below need: who holds it, who held it last, and a
// switch number that counts hand-offs between different threads.
//
// # How the holder is made to let go
//
// Nobody can take the GIL away from the running thread; it has to give it
// up. The running thread looks at one atomic word, the eval breaker, at a
// few places in the bytecode (function entry, loop back-edges, after calls
// into builtins: the "check points"). Reading it costs one load. When the
// word is non-zero, the thread stops to see why.
//
// A thread that wants the GIL does not ask for it immediately. It sleeps
// for one switch interval (5 ms by default, sys.setswitchinterval), or
// until a release wakes it (its parker, park.go: a futex on Linux, as
// CPython's condition variable is).
// If the timer expires, the GIL is still held, and no hand-off happened to
// anybody in the meantime, the waiter sets the drop request bit in the eval
// breaker. At its next check point the holder sees the bit and releases
// (Yield). A waiter that is woken by a release but loses the race for the
// lock starts a fresh full interval: partial waits never add up.
//
// # Forced switching
//
// Releasing is not enough: on a multi-core machine the releasing thread
// would carry on, reach the next check point and grab the lock again before
// the woken waiter is even scheduled (the "GIL battle" of Python 3.1 and
// earlier, which made two CPU-bound threads twice as slow as one). So a
// thread that releases *because it was asked to* waits until some other
// thread has actually taken the GIL before it tries again. A thread that
// releases voluntarily (to sleep or do I/O) does not wait, and may take the
// lock straight back if nobody has been scheduled yet.
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
// # Shutdown
//
// When the interpreter finalizes, only the finalizing (main) thread may run
// Python code. Finalize records it; any other thread that then tries to
// take the GIL parks forever, as CPython's daemon threads do
// (tstate_must_exit in take_gil).
//
// The package knows nothing about the interpreter: it deals in *Thread
// handles and reports every transition to per-thread counters and to an
// optional Recorder (stats.go), from which the statistics, traces and
// timelines of gilpy's GIL tools are built.
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
	// waiters are the threads inside Acquire's wait loop, in arrival order;
	// a release wakes the first.
	waiters []*Thread
	// switched is broadcast whenever a thread takes the GIL, for the
	// forced-switching wait in Yield; it uses mu.
	switched *sync.Cond
	// finalOwner, once set by Finalize, is the only thread that may take
	// the GIL.
	finalOwner *Thread

	intervalUS atomic.Int64
	enabled    bool
	// timing makes uncontended transitions read the clock (held times).
	timing atomic.Bool

	rec atomic.Pointer[recorderBox]
}

// Thread is a thread's handle on the GIL.
type Thread struct {
	Name string
	ID   int64 // set by the interpreter (threading.get_ident)
	// park is where t sleeps while it waits for the GIL (park.go).
	park parker
	// Counters (read with the Stats method).
	stats threadStats
}

// New creates an enabled GIL with the default interval.
func New() *GIL {
	g := &GIL{enabled: true}
	g.switched = sync.NewCond(&g.mu)
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
	return &Thread{Name: name}
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

func (g *GIL) waitInterval() time.Duration {
	us := g.intervalUS.Load()
	if us < 1 {
		us = 1
	}
	return time.Duration(us) * time.Microsecond
}

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

// Waiting is the number of threads waiting for the GIL.
func (g *GIL) Waiting() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.waiters)
}

// DropRequested reports whether a waiter asked the holder to release.
func (g *GIL) DropRequested() bool { return g.Breaker.Load()&DropRequest != 0 }

// Poke sets the async bit so that running threads look at their pending
// work at the next check point.
func (g *GIL) Poke() { g.Breaker.Or(PendingAsync) }

// ------------------------------------------------------------- acquire

// Acquire takes the GIL for t, waiting as CPython's take_gil does: a free
// lock is taken at once (S4); otherwise t waits one interval at a time and
// asks the holder to drop the lock only after a whole interval passed with
// no hand-off to anybody (S5, S6).
func (g *GIL) Acquire(t *Thread) {
	if !g.enabled {
		return
	}
	g.mu.Lock()
	if g.mustExit(t) {
		g.mu.Unlock()
		park()
	}
	if !g.locked {
		at := g.stamp()
		g.record(t, EvRequest, at)
		g.take(t, at, at)
		g.mu.Unlock()
		return
	}
	// Waiting costs far more than reading the clock: always time it.
	start := now()
	g.record(t, EvRequest, start)
	t.stats.contended.Add(1)
	g.waiters = append(g.waiters, t)
	for g.locked {
		saved := g.switchNumber
		g.mu.Unlock()
		// Woken by a release, or timed out after a full interval. A wait
		// cut short by a release that another thread won starts again
		// with a full interval: partial waits do not add up (S6).
		timedOut := !t.park.wait(g.waitInterval())
		g.mu.Lock()
		if g.mustExit(t) {
			g.leaveWaiters(t)
			g.mu.Unlock()
			park()
		}
		if timedOut && g.locked && g.switchNumber == saved && !g.DropRequested() {
			// A full interval passed with no hand-off to anyone: ask the
			// holder to let go.
			g.Breaker.Or(DropRequest)
			t.stats.dropRequests.Add(1)
			g.record(t, EvDropRequest, now())
		}
	}
	g.removeWaiter(t)
	g.take(t, start, now())
	g.mu.Unlock()
}

// take marks t as the holder at time at; g.mu is held.
func (g *GIL) take(t *Thread, requested, at int64) {
	g.locked = true
	g.holder = t
	// A wake-up that arrived after t stopped waiting is stale; left
	// pending it would cut t's next interval short (S5).
	t.park.clear()
	if g.lastHolder != t {
		g.lastHolder = t
		g.switchNumber++
		t.stats.switches.Add(1)
	}
	// Let a thread blocked in its forced switch (Yield) carry on.
	g.switched.Broadcast()
	// The new holder owes nothing to an old drop request (S8).
	g.Breaker.And(^DropRequest)
	t.stats.acquired(requested, at)
	g.record(t, EvAcquire, at)
}

func (g *GIL) removeWaiter(t *Thread) {
	for i, w := range g.waiters {
		if w == t {
			g.waiters = append(g.waiters[:i], g.waiters[i+1:]...)
			return
		}
	}
}

// ------------------------------------------------------------- release

// Release gives the GIL up voluntarily (blocking I/O, sleep, lock waits):
// it never waits for another thread to take it (S9).
func (g *GIL) Release(t *Thread) {
	if !g.enabled {
		return
	}
	g.mu.Lock()
	g.drop(t)
	g.mu.Unlock()
	at := g.stamp()
	t.stats.released(at, false)
	g.record(t, EvRelease, at)
}

// Final releases the GIL for a thread that is exiting; it never waits.
func (g *GIL) Final(t *Thread) {
	if !g.enabled {
		return
	}
	g.mu.Lock()
	g.drop(t)
	g.mu.Unlock()
	at := g.stamp()
	t.stats.released(at, false)
	g.record(t, EvExit, at)
}

// Yield serves a drop request at a check point: release, wait until
// another thread has taken the GIL (forced switching), then take it back
// (S9, S11).
func (g *GIL) Yield(t *Thread) {
	if !g.enabled {
		g.Breaker.And(^DropRequest)
		return
	}
	g.mu.Lock()
	if g.holder != t || g.finalOwner == t {
		// Not ours to give (or, during shutdown, nobody may have it).
		g.Breaker.And(^DropRequest)
		g.mu.Unlock()
		return
	}
	g.drop(t)
	at := g.stamp()
	t.stats.released(at, true)
	g.record(t, EvForcedRelease, at)
	g.Breaker.And(^DropRequest)
	for g.lastHolder == t && len(g.waiters) > 0 {
		g.switched.Wait()
	}
	g.mu.Unlock()
	g.Acquire(t)
}

// drop unlocks and wakes the first waiter; g.mu is held.
func (g *GIL) drop(t *Thread) {
	g.locked = false
	g.holder = nil
	g.lastHolder = t
	g.wakeOne()
}

// wakeOne wakes the first waiter; g.mu is held.
func (g *GIL) wakeOne() {
	if len(g.waiters) > 0 {
		g.waiters[0].park.wake()
	}
}

// ------------------------------------------------------------ shutdown

// Finalize marks the start of interpreter shutdown: from now on only owner
// (the finalizing thread) may take the GIL; every other thread that tries,
// or is waiting, parks forever without running Python code again.
func (g *GIL) Finalize(owner *Thread) {
	g.mu.Lock()
	g.finalOwner = owner
	// Wake the waiters so that they see it and park.
	for _, w := range g.waiters {
		w.park.wake()
	}
	g.mu.Unlock()
}

// mustExit reports whether t may no longer take the GIL; g.mu is held.
func (g *GIL) mustExit(t *Thread) bool { return g.finalOwner != nil && t != g.finalOwner }

// leaveWaiters takes a parking thread out of the waiters and passes on
// any wake-up it received; g.mu is held.
func (g *GIL) leaveWaiters(t *Thread) {
	g.removeWaiter(t)
	if !g.locked {
		g.wakeOne()
	}
	g.switched.Broadcast()
}

// park blocks the calling goroutine forever: a thread that may not run
// Python code again simply stops, as a daemon thread does in CPython.
func park() { select {} }
