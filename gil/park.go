package gil

// A parker is the GIL's condition variable for one waiting thread: the
// thread sleeps in wait until another thread calls wake or the timeout
// passes. It is CPython's pthread_cond_timedwait on the GIL's condition,
// one per waiter so that a release can wake exactly the waiter it picks.
//
// On Linux (park_linux.go) the sleep is a futex wait, so the kernel wakes
// the waiting thread directly and times it out with its high-resolution
// timers, as it does for CPython's threads. Go's own timers would not do:
// a goroutine waiting for a channel or a timer shorter than a millisecond
// is woken at the next millisecond tick when the process is otherwise busy
// running one thread, which would turn a 0.5 ms switch interval into 1 ms,
// and a woken goroutine must wait for Go's scheduler to run it, which often
// lets the releasing thread take the GIL straight back (park_other.go is
// that portable fallback).

import (
	"sync/atomic"
	"time"
)

type parker struct {
	// pending is 1 when a wake-up has been sent and not yet consumed.
	pending atomic.Uint32
}

// wake sends a wake-up; a wait in progress returns, or the next one will.
func (p *parker) wake() {
	if p.pending.Swap(1) == 0 {
		p.signal()
	}
}

// clear drops a wake-up that nobody waited for.
func (p *parker) clear() { p.pending.Store(0) }

// wait sleeps until a wake-up arrives (true, consuming it) or d has
// passed (false).
func (p *parker) wait(d time.Duration) bool {
	deadline := time.Now().Add(d)
	for {
		if p.pending.CompareAndSwap(1, 0) {
			return true
		}
		left := time.Until(deadline)
		if left <= 0 {
			return false
		}
		p.sleep(left)
	}
}
