package vm

// This file is the VM's support for Python threads beyond the thread state
// itself (thread.go): hooks that stdlib packages run on every new
// interpreter (the signal module installs its SIGINT handling there, since
// CPython handles Ctrl-C before anything is imported), the path by which a
// signal reaches the main thread, and interruptible waits.
//
// A signal is delivered to Go on a goroutine of its own. The signal
// machinery records it and calls SignalArrived, which sets the
// PendingSignals bit of the eval breaker, so that the main thread runs the
// Python handlers at its next check point (Hooks.Signals, called from
// handlePending), and wakes the main thread if it is blocked in Wait: a
// main thread sleeping, joining or waiting for a lock must see Ctrl-C
// (S18), as CPython's waits return EINTR and run the handlers.

import (
	"sync"
	"time"

	"golang.org/x/sys/unix"

	"gilpy/gil"
)

var newInterpHooks []func(in *Interp)

// OnNewInterp registers f to run at the end of NewInterp, for every
// interpreter. Call it from a package's init function.
func OnNewInterp(f func(in *Interp)) { newInterpHooks = append(newInterpHooks, f) }

// interruptState wakes the main thread out of a Wait when a signal arrives.
type interruptState struct {
	mu   sync.Mutex
	wake chan struct{} // closed (and replaced) when a signal arrives
}

func (s *interruptState) channel() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.wake == nil {
		s.wake = make(chan struct{})
	}
	return s.wake
}

// SignalArrived tells the interpreter that a signal is waiting for its
// Python handler. Any goroutine may call it.
func (in *Interp) SignalArrived() {
	in.GIL.Breaker.Or(gil.PendingSignals)
	s := &in.intr
	s.mu.Lock()
	if s.wake != nil {
		close(s.wake)
	}
	s.wake = make(chan struct{})
	s.mu.Unlock()
}

// IsMain reports whether th is the interpreter's main thread.
func (th *Thread) IsMain() bool { return th == th.Interp.main }

// RunSignalHandlers runs pending signal handlers now if th is the main
// thread and a signal is pending; the error is what a handler raised.
func (th *Thread) RunSignalHandlers() error {
	in := th.Interp
	if in.killed.Load() {
		return errKilled()
	}
	if th != in.main || in.Hooks.Signals == nil || in.GIL.Breaker.Load()&gil.PendingSignals == 0 {
		return nil
	}
	return in.Hooks.Signals(th)
}

// Wait blocks th, with the GIL released, until a value can be received
// from ch (and is: a lock's token, a closed channel's zero value) or the
// timeout passes; a negative timeout waits forever and a nil ch only
// times out. It reports whether it received.
//
// In the main thread the wait is interruptible: when a signal arrives, th
// takes the GIL back, runs the Python handlers and, if one raised (the
// default SIGINT handler raises KeyboardInterrupt), returns that error;
// otherwise it goes on waiting for what is left of the timeout, as
// CPython retries after EINTR (PEP 475). Other threads are not
// interrupted.
func (th *Thread) Wait(ch <-chan struct{}, timeout time.Duration) (bool, error) {
	// An uncontended receive does not release the GIL (S14).
	select {
	case <-ch:
		return true, nil
	default:
	}
	if timeout == 0 {
		return false, nil
	}
	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(timeout)
	}
	main := th == th.Interp.main
	for {
		var intr <-chan struct{}
		if main {
			intr = th.Interp.intr.channel()
			if err := th.RunSignalHandlers(); err != nil {
				return false, err
			}
		}
		var timer *time.Timer
		var expired <-chan time.Time
		if timeout > 0 {
			left := time.Until(deadline)
			if left <= 0 {
				select {
				case <-ch:
					return true, nil
				default:
					return false, nil
				}
			}
			timer = time.NewTimer(left)
			expired = timer.C
		}
		got, interrupted := false, false
		th.ReleaseGIL()
		select {
		case <-ch:
			got = true
		case <-expired:
		case <-intr:
			interrupted = true
		}
		th.AcquireGIL()
		if timer != nil {
			timer.Stop()
		}
		if !interrupted {
			return got, nil
		}
	}
}

// Sleep is time.sleep: it waits d with the GIL released and is
// interrupted like Wait. sleep(0) releases the GIL too, for as long as the
// kernel takes to return from a zero-length sleep (tens of microseconds of
// timer slack): that is long enough for a waiting thread to take the GIL,
// which is why, in CPython, sleep(0) next to a CPU-bound thread costs a
// whole switch interval (the convoy effect, O7).
func (th *Thread) Sleep(d time.Duration) error {
	if d < shortSleep {
		// A short sleep is a plain nanosleep, as CPython's is: Go's timers
		// fire on a millisecond tick when the process is busy, which would
		// make sleep(0.0002) last a millisecond. A signal is handled when
		// it returns, at most shortSleep later.
		if err := th.RunSignalHandlers(); err != nil {
			return err
		}
		if d < 0 {
			d = 0
		}
		th.ReleaseGIL()
		ts := unix.NsecToTimespec(int64(d))
		for unix.Nanosleep(&ts, &ts) == unix.EINTR {
		}
		th.AcquireGIL()
		return th.RunSignalHandlers()
	}
	_, err := th.Wait(nil, d)
	return err
}

// shortSleep is the length below which Sleep does not use Go's timers.
const shortSleep = 20 * time.Millisecond

// PauseForSignal is signal.pause in the main thread: it waits, with the
// GIL released, until a signal arrives, then runs the handlers and
// returns what they raised.
func (th *Thread) PauseForSignal() error {
	in := th.Interp
	for {
		intr := in.intr.channel()
		if in.GIL.Breaker.Load()&gil.PendingSignals != 0 {
			return th.RunSignalHandlers()
		}
		th.ReleaseGIL()
		<-intr
		th.AcquireGIL()
	}
}
