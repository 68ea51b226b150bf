package thread

// _thread.lock and _thread.RLock.
//
// A lock is a channel holding one token while the lock is free: acquiring
// takes the token, releasing puts it back. Taking a free lock is a
// non-blocking receive and keeps the GIL (S14); waiting for a held one goes
// through vm.Thread.Wait, which releases the GIL and, in the main thread,
// lets Ctrl-C interrupt the wait (S13, S18). Any thread may release a
// lock, as in CPython; an RLock records its owner and may only be released
// by it.

import (
	"fmt"
	"math"
	"time"

	pytime "gilpy/stdlib/time"
	"gilpy/vm"
)

// TimeoutMax is _thread.TIMEOUT_MAX: the largest timeout in seconds.
const TimeoutMax = 9223372036.0

// Lock is a _thread.lock.
type Lock struct {
	vm.Object
	free chan struct{}
}

var lockLayout = vm.NewLayout[Lock]("lock")

// NewLock makes an unlocked lock.
func NewLock() *Lock {
	l := lockLayout.New(LockType)
	l.init()
	return l
}

func (l *Lock) init() {
	l.free = make(chan struct{}, 1)
	l.free <- struct{}{}
}

// Locked reports whether the lock is held.
func (l *Lock) Locked() bool { return len(l.free) == 0 }

// TryAcquire takes the lock if it is free, without blocking.
func (l *Lock) TryAcquire() bool {
	select {
	case <-l.free:
		return true
	default:
		return false
	}
}

// Acquire takes the lock, waiting up to timeout (negative: forever) with
// the GIL released.
func (l *Lock) Acquire(th *vm.Thread, timeout time.Duration) (bool, error) {
	return th.Wait(l.free, timeout)
}

// Release frees the lock; false if it was not held.
func (l *Lock) Release() bool {
	select {
	case l.free <- struct{}{}:
		return true
	default:
		return false
	}
}

// acquireArgs parses (blocking=True, timeout=-1) as CPython's
// lock_acquire_parse_args does; the duration is negative for "forever".
func acquireArgs(th *vm.Thread, fname string, args []vm.Value, kw []vm.Value) (time.Duration, error) {
	var blockingV, timeoutV vm.Value = vm.True, vm.MakeInt(-1)
	if err := vm.UnpackArgs(fname, args, kw, "blocking?", &blockingV, "timeout?", &timeoutV); err != nil {
		return 0, err
	}
	blocking := true
	if !blockingV.IsBool() {
		n, err := vm.AsIndex(th, blockingV)
		if err != nil {
			return 0, err
		}
		blocking = n != 0
	} else {
		blocking = blockingV.IsTrue()
	}
	secs, err := pytime.Seconds(th, timeoutV)
	if err != nil {
		return 0, err
	}
	if !blocking {
		if secs != -1 {
			return 0, vm.Errorf(vm.ValueError, "can't specify a timeout for a non-blocking call")
		}
		return 0, nil
	}
	if secs < 0 && secs != -1 {
		return 0, vm.Errorf(vm.ValueError, "timeout value must be positive")
	}
	if secs == -1 {
		return -1, nil
	}
	if secs > TimeoutMax {
		return 0, vm.Errorf(vm.OverflowError, "timeout value is too large")
	}
	return pytime.Duration(secs), nil
}

func lockRepr(th *vm.Thread, v vm.Value) (vm.Value, error) {
	l := lockLayout.Must(v)
	state := "unlocked"
	if l.Locked() {
		state = "locked"
	}
	return vm.MakeStr(fmt.Sprintf("<%s %s object at %#x>", state, v.Type().FullName(), vm.ID(v))), nil
}

func lockAcquire(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	l := lockLayout.Must(args[0])
	d, err := acquireArgs(th, "acquire", args[1:], kw)
	if err != nil {
		return vm.Null, err
	}
	ok, err := l.Acquire(th, d)
	if err != nil {
		return vm.Null, err
	}
	return vm.MakeBool(ok), nil
}

func lockRelease(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if !lockLayout.Must(args[0]).Release() {
		return vm.Null, vm.Errorf(vm.RuntimeError, "release unlocked lock")
	}
	return vm.None, nil
}

func lockLocked(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	return vm.MakeBool(lockLayout.Must(args[0]).Locked()), nil
}

func lockEnter(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	l := lockLayout.Must(args[0])
	if _, err := l.Acquire(th, -1); err != nil {
		return vm.Null, err
	}
	return vm.True, nil
}

// LockType is _thread.lock (_thread.LockType).
var LockType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "lock", Module: "_thread", Layout: lockLayout.Info(), Final: true,
	Doc: "A lock object is a synchronization primitive.",
	Slots: vm.Slots{
		New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			if len(args) > 0 {
				return vm.Null, vm.Errorf(vm.TypeError, "lock() takes no arguments")
			}
			l := lockLayout.New(t)
			l.init()
			return l.Value(), nil
		},
		Repr: lockRepr,
	},
	Methods: []*vm.BuiltinMethod{
		{Name: "acquire", Fn: lockAcquire},
		{Name: "acquire_lock", Fn: lockAcquire},
		{Name: "release", Fn: lockRelease},
		{Name: "release_lock", Fn: lockRelease},
		{Name: "locked", Fn: lockLocked},
		{Name: "locked_lock", Fn: lockLocked},
		{Name: "__enter__", Fn: lockEnter},
		{Name: "__exit__", Fn: lockRelease},
		{Name: "_at_fork_reinit", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			lockLayout.Must(args[0]).init()
			return vm.None, nil
		}},
	},
})

// ------------------------------------------------------------------ RLock

// RLock is a _thread.RLock: a lock its owner may take again.
type RLock struct {
	vm.Object
	lock  Lock
	owner int64 // thread ident, 0 when free
	count int64
}

var rlockLayout = vm.NewLayout[RLock]("RLock")

func rlockAcquire(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	r := rlockLayout.Must(args[0])
	d, err := acquireArgs(th, "acquire", args[1:], kw)
	if err != nil {
		return vm.Null, err
	}
	ok, err := r.acquire(th, d)
	if err != nil {
		return vm.Null, err
	}
	return vm.MakeBool(ok), nil
}

func (r *RLock) acquire(th *vm.Thread, d time.Duration) (bool, error) {
	if r.count > 0 && r.owner == th.ID {
		if r.count == math.MaxInt64 {
			return false, vm.Errorf(vm.OverflowError, "Internal lock count overflowed")
		}
		r.count++
		return true, nil
	}
	ok, err := r.lock.Acquire(th, d)
	if !ok || err != nil {
		return false, err
	}
	r.owner, r.count = th.ID, 1
	return true, nil
}

func rlockRelease(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	r := rlockLayout.Must(args[0])
	if r.count == 0 || r.owner != th.ID {
		return vm.Null, vm.Errorf(vm.RuntimeError, "cannot release un-acquired lock")
	}
	r.count--
	if r.count == 0 {
		r.owner = 0
		r.lock.Release()
	}
	return vm.None, nil
}

// RLockType is _thread.RLock.
var RLockType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "RLock", Module: "_thread", Layout: rlockLayout.Info(),
	Slots: vm.Slots{
		New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			r := rlockLayout.New(t)
			r.lock.init()
			return r.Value(), nil
		},
		Repr: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			r := rlockLayout.Must(v)
			state := "unlocked"
			if r.lock.Locked() {
				state = "locked"
			}
			return vm.MakeStr(fmt.Sprintf("<%s %s object owner=%d count=%d at %#x>",
				state, v.Type().FullName(), r.owner, r.count, vm.ID(v))), nil
		},
	},
	Methods: []*vm.BuiltinMethod{
		{Name: "acquire", Fn: rlockAcquire},
		{Name: "__enter__", Fn: rlockAcquire},
		{Name: "release", Fn: rlockRelease},
		{Name: "__exit__", Fn: rlockRelease},
		{Name: "_is_owned", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			r := rlockLayout.Must(args[0])
			return vm.MakeBool(r.count > 0 && r.owner == th.ID), nil
		}},
		{Name: "_recursion_count", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			r := rlockLayout.Must(args[0])
			if r.owner != th.ID {
				return vm.MakeInt(0), nil
			}
			return vm.MakeInt(r.count), nil
		}},
		{Name: "_release_save", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			r := rlockLayout.Must(args[0])
			if r.count == 0 {
				return vm.Null, vm.Errorf(vm.RuntimeError, "cannot release un-acquired lock")
			}
			saved := vm.NewTuple(vm.MakeInt(r.count), vm.MakeInt(r.owner)).Value()
			r.count, r.owner = 0, 0
			r.lock.Release()
			return saved, nil
		}},
		{Name: "_acquire_restore", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			r := rlockLayout.Must(args[0])
			if err := vm.ArgCount("_acquire_restore", args[1:], 1, 1); err != nil {
				return vm.Null, err
			}
			t, ok := vm.AsTuple(args[1])
			if !ok || t.Len() != 2 {
				return vm.Null, vm.Errorf(vm.TypeError, "_acquire_restore() argument 1 must be tuple")
			}
			count, err := vm.AsInt64(th, t.At(0))
			if err != nil {
				return vm.Null, err
			}
			owner, err := vm.AsInt64(th, t.At(1))
			if err != nil {
				return vm.Null, err
			}
			if _, err := r.lock.Acquire(th, -1); err != nil {
				return vm.Null, err
			}
			r.count, r.owner = count, owner
			return vm.None, nil
		}},
		{Name: "_at_fork_reinit", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			r := rlockLayout.Must(args[0])
			r.lock.init()
			r.count, r.owner = 0, 0
			return vm.None, nil
		}},
	},
})
