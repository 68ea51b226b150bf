// Package pysignal is Python's _signal module (signal.py, in pylib, adds
// the enums) and the path by which operating-system signals reach Python
// code.
//
// # How a signal reaches a Python handler
//
// Go receives every signal on a goroutine (os/signal). For a signal with a
// Python handler, that goroutine only records it ("tripped"), writes its
// number to the wakeup fd if one is set (asyncio's loop listens there), and
// calls Interp.SignalArrived: the PendingSignals bit of the eval breaker
// makes the main thread run the handlers at its next check point, and a
// main thread blocked in an interruptible wait (sleep, lock, join, queue)
// is woken to run them at once. Handlers run only in the main thread
// (S18), as in CPython; a handler that raises (the default SIGINT handler
// raises KeyboardInterrupt) makes the interrupted code raise.
//
// # Dispositions
//
// At start-up, as CPython does, SIGINT gets default_int_handler (unless it
// was ignored when the process started), and SIGPIPE and SIGXFSZ are
// ignored, so that writing to a closed pipe raises BrokenPipeError. SIG_DFL
// means the kernel's default action: where Go's runtime would do something
// else (it ignores SIGUSR1, SIGUSR2 and SIGALRM), the signal is caught and
// the process then dies by it with the default action restored, as a C
// program would.
package pysignal

import (
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"

	"gilpy/gil"
	"gilpy/vm"
)

// NSIG is one more than the largest signal number.
const NSIG = 65

// Handler kinds, readable without the GIL by the delivery goroutine.
const (
	kindDefault int32 = iota
	kindIgnore
	kindPython
)

// State is one interpreter's signal handlers.
type State struct {
	in       *vm.Interp
	handlers [NSIG]vm.Value // under the GIL; Null: not set by Python
	kind     [NSIG]atomic.Int32
	tripped  [NSIG]atomic.Bool
	wakeupFD atomic.Int64 // -1: none
}

var (
	statesMu sync.Mutex
	states   = map[*vm.Interp]*State{}
	// active is the interpreter the process's signals go to: the most
	// recently created one (there is one per process outside tests).
	active   atomic.Pointer[State]
	delivery = make(chan os.Signal, 64)
	startMu  sync.Once
)

// defaultIntHandler is signal.default_int_handler.
var defaultIntHandler = vm.NewBuiltinFunction("default_int_handler", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	return vm.Null, vm.NewException(vm.KeyboardInterrupt)
})

// dieByDefault are the signals whose default action kills the process but
// which Go's runtime would ignore if nobody asked for them.
var dieByDefault = []syscall.Signal{syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGALRM}

func init() {
	defaultIntHandler.Module = "_signal"
	vm.OnNewInterp(install)
	vm.OnInterpClose(uninstall)
	vm.RegisterModule("_signal", initModule)
}

// install sets up an interpreter's signal handling (CPython's
// signal_install_handlers).
func install(in *vm.Interp) {
	st := &State{in: in}
	st.wakeupFD.Store(-1)
	for i := range st.handlers {
		st.handlers[i] = vm.Null
	}
	statesMu.Lock()
	states[in] = st
	statesMu.Unlock()
	active.Store(st)
	startMu.Do(func() { go deliver() })

	if signal.Ignored(syscall.SIGINT) {
		st.kind[syscall.SIGINT].Store(kindIgnore)
	} else {
		st.handlers[syscall.SIGINT] = defaultIntHandler.Value()
		st.kind[syscall.SIGINT].Store(kindPython)
		signal.Notify(delivery, syscall.SIGINT)
	}
	for _, s := range []syscall.Signal{syscall.SIGPIPE, syscall.SIGXFSZ} {
		signal.Ignore(s)
		st.kind[s].Store(kindIgnore)
	}
	signal.Notify(delivery, toOS(dieByDefault)...)
	in.Hooks.Signals = st.run
}

func toOS(sigs []syscall.Signal) []os.Signal {
	out := make([]os.Signal, len(sigs))
	for i, s := range sigs {
		out[i] = s
	}
	return out
}

// Of returns the signal state of an interpreter.
func Of(in *vm.Interp) *State {
	statesMu.Lock()
	defer statesMu.Unlock()
	return states[in]
}

// uninstall forgets a closed interpreter.
func uninstall(in *vm.Interp) {
	statesMu.Lock()
	defer statesMu.Unlock()
	if st := states[in]; st != nil {
		active.CompareAndSwap(st, nil)
	}
	delete(states, in)
}

// deliver receives the process's signals.
func deliver() {
	for s := range delivery {
		sig := int(s.(syscall.Signal))
		st := active.Load()
		if st == nil || sig <= 0 || sig >= NSIG {
			continue
		}
		switch st.kind[sig].Load() {
		case kindPython:
			st.Trip(sig)
		case kindDefault:
			dieBySignal(syscall.Signal(sig))
		}
	}
}

// DieBySignal restores the default action of sig and raises it, so the
// process ends as a C program would (the exit status says "killed by
// sig"). Unlike signal.Reset followed by kill, it also works when the
// process started with sig ignored (a background job started by a
// non-interactive shell ignores SIGINT), as CPython's exit after an
// uncaught KeyboardInterrupt does.
func DieBySignal(sig syscall.Signal) { dieBySignal(sig) }

func dieBySignal(sig syscall.Signal) {
	signal.Reset(sig)
	// struct kernel_sigaction {handler, flags, restorer, mask}: SIG_DFL is 0.
	var act [4]uint64
	_, _, _ = syscall.RawSyscall6(syscall.SYS_RT_SIGACTION, uintptr(sig), uintptr(unsafe.Pointer(&act)), 0, 8, 0, 0)
	var set unix.Sigset_t
	set.Val[(sig-1)/64] |= 1 << ((uint(sig) - 1) % 64)
	_ = unix.PthreadSigmask(unix.SIG_UNBLOCK, &set, nil)
	_ = unix.Tgkill(unix.Getpid(), unix.Gettid(), sig)
	_ = unix.Kill(unix.Getpid(), sig)
	select {}
}

// Trip records that sig arrived for its Python handler (from any
// goroutine) and makes the main thread look.
func (st *State) Trip(sig int) {
	st.tripped[sig].Store(true)
	// Pending first, then the wake-up byte (CPython's trip_signal order):
	// whoever the byte wakes (asyncio's loop in epoll_wait) must find the
	// signal pending when it looks.
	st.in.SignalArrived()
	if fd := st.wakeupFD.Load(); fd >= 0 {
		_, _ = unix.Write(int(fd), []byte{byte(sig)})
	}
}

// HasPythonHandler reports whether sig has a Python handler.
func (st *State) HasPythonHandler(sig int) bool {
	return sig > 0 && sig < NSIG && st.kind[sig].Load() == kindPython
}

// run is Interp.Hooks.Signals: the main thread, at a check point, runs the
// handlers of the signals that arrived (CPython's _PyErr_CheckSignals).
func (st *State) run(th *vm.Thread) error {
	if !th.IsMain() {
		// Handlers run in the main thread only, whoever asks.
		return nil
	}
	g := st.in.GIL
	g.Breaker.And(^gil.PendingSignals)
	for sig := 1; sig < NSIG; sig++ {
		if !st.tripped[sig].Swap(false) {
			continue
		}
		h := st.handlers[sig]
		if h.IsNull() || !vm.Callable(h) {
			continue
		}
		frame := vm.None
		if f := th.CurrentFrame(); f != nil {
			frame = f.PyFrame().Value()
		}
		if _, err := vm.Call(th, h, []vm.Value{vm.MakeInt(int64(sig)), frame}, nil); err != nil {
			// Leave the others for the next check point.
			for s := sig + 1; s < NSIG; s++ {
				if st.tripped[s].Load() {
					g.Breaker.Or(gil.PendingSignals)
					break
				}
			}
			return err
		}
	}
	return nil
}

// setHandler installs handler for sig and changes what Go does with it.
func (st *State) setHandler(sig int, h vm.Value) {
	st.handlers[sig] = h
	s := syscall.Signal(sig)
	switch {
	case isInt(h, 1):
		st.kind[sig].Store(kindIgnore)
		signal.Ignore(s)
	case isInt(h, 0):
		st.kind[sig].Store(kindDefault)
		signal.Reset(s)
		for _, d := range dieByDefault {
			if d == s {
				signal.Notify(delivery, s)
			}
		}
	default:
		st.kind[sig].Store(kindPython)
		signal.Notify(delivery, s)
	}
}

func isInt(v vm.Value, n int64) bool {
	if v.IsBool() || !vm.TypeCheck(v, vm.IntType) {
		return false
	}
	x, ok := vm.IntToInt64(v)
	return ok && x == n
}
