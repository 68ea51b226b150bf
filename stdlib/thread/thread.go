// Package thread is Python's _thread module: starting threads, locks,
// thread-local data, and the hooks the threading module (written in
// Python, stdlib/pylib/lib/threading.py) is built on.
//
// # One goroutine per Python thread
//
// start_new_thread creates the thread's state (vm.Interp.NewThread) and a
// goroutine. The goroutine takes the GIL before it runs any Python code
// (S16) and gives it up for good when the function returns (S17); in
// between it releases it only where CPython does (blocking waits, I/O) and
// when the eval loop serves a drop request.
//
// The goroutine is not locked to an OS thread. Locked, a thread woken by a
// GIL release needs two hand-offs in Go's scheduler (to a spinning M, then
// to its own M) and so often loses the race against the releasing thread's
// return from a short system call; CPython's waiter, a kernel thread woken
// by one futex, wins it, and that is what makes the convoy effect (O6, O7).
// Measured with a CPU-bound holder and sleep(0) releases: unlocked waiters
// took the GIL in 93% of the releases, locked ones in 50%. The native id
// is the kernel thread the goroutine started on; time.thread_time pins the
// thread that asks to its OS thread from then on.
//
// When the thread's function has returned, the thread releases the
// "sentinel" locks threading.Thread waits on in join() (CPython's
// tstate lock), so join() returns only once the thread has really
// finished with the interpreter.
//
// Go sources live in stdlib/thread because the go tool ignores directories
// whose names start with an underscore.
package thread

import (
	"os"
	"sync/atomic"

	"golang.org/x/sys/unix"

	pysignal "gilpy/stdlib/signal"
	"gilpy/vm"
)

func init() {
	vm.RegisterModule("_thread", initModule)
}

// running counts threads started by start_new_thread that have not ended
// (_thread._count()).
var running atomic.Int64

// stackSize is the value stack_size() reports; goroutine stacks grow by
// themselves, so it is only remembered.
var stackSize atomic.Int64

// ExceptHookArgs is _thread._ExceptHookArgs (threading.ExceptHookArgs).
var ExceptHookArgs = vm.NewStructSeqType("_thread", "_ExceptHookArgs",
	[]string{"exc_type", "exc_value", "exc_traceback", "thread"}, 4)

const sentinelsKey = "_thread.sentinels"

func initModule(th *vm.Thread, m *vm.Module) error {
	m.AddType(LockType)
	m.Set("LockType", LockType.Value())
	m.AddType(RLockType)
	m.AddType(LocalType)
	m.AddType(ExceptHookArgs)
	m.Set("error", vm.RuntimeError.Value())
	m.Set("TIMEOUT_MAX", vm.MakeFloat(TimeoutMax))

	start := func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := vm.NoKeywords("start_new_thread", kw); err != nil {
			return vm.Null, err
		}
		if err := vm.ArgCount("start_new_thread", args, 2, 3); err != nil {
			return vm.Null, err
		}
		fn := args[0]
		if !vm.Callable(fn) {
			return vm.Null, vm.Errorf(vm.TypeError, "first arg must be callable")
		}
		tup, ok := vm.AsTuple(args[1])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "2nd arg must be a tuple")
		}
		var kwargs *vm.Dict
		if len(args) == 3 {
			d, ok := vm.AsDict(args[2])
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "optional 3rd arg must be a dictionary")
			}
			kwargs = d
		}
		if th.Interp.Finalizing() {
			return vm.Null, vm.Errorf(vm.RuntimeError, "can't create new thread at interpreter shutdown")
		}
		nt := Start(th, fn, tup.Items(), kwargs)
		return vm.MakeInt(nt.ID), nil
	}
	m.AddFunc("start_new_thread", start)
	m.AddFunc("start_new", start)

	alloc := func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("allocate_lock", args, 0, 0); err != nil {
			return vm.Null, err
		}
		return NewLock().Value(), nil
	}
	m.AddFunc("allocate_lock", alloc)
	m.AddFunc("allocate", alloc)

	m.AddFunc("get_ident", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeInt(th.ID), nil
	})
	m.AddFunc("get_native_id", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeInt(NativeID(th)), nil
	})
	m.AddFunc("_count", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeInt(running.Load()), nil
	})
	exit := func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.Null, vm.NewException(vm.SystemExit)
	}
	m.AddFunc("exit", exit)
	m.AddFunc("exit_thread", exit)
	m.AddFunc("stack_size", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := vm.ArgCount("stack_size", args, 0, 1); err != nil {
			return vm.Null, err
		}
		old := stackSize.Load()
		if len(args) == 1 {
			n, err := vm.AsInt64(th, args[0])
			if err != nil {
				return vm.Null, err
			}
			if n != 0 && n < 32768 {
				return vm.Null, vm.Errorf(vm.ValueError, "size not valid: %d bytes", n)
			}
			stackSize.Store(n)
		}
		return vm.MakeInt(old), nil
	})
	m.AddFunc("interrupt_main", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		sig := vm.MakeInt(2)
		if err := vm.UnpackArgs("interrupt_main", args, kw, "signum?", &sig); err != nil {
			return vm.Null, err
		}
		n, err := vm.AsIndex(th, sig)
		if err != nil {
			return vm.Null, err
		}
		return vm.None, pysignal.Interrupt(th.Interp, n)
	})
	m.AddFunc("daemon_threads_allowed", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.True, nil
	})
	m.AddFunc("_set_sentinel", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		l := NewLock()
		if th.Data == nil {
			th.Data = map[string]any{}
		}
		s, _ := th.Data[sentinelsKey].([]*Lock)
		th.Data[sentinelsKey] = append(s, l)
		return l.Value(), nil
	})
	m.AddFunc("_excepthook", excepthook)
	th.Interp.Hooks.ThreadShutdown = shutdown
	return nil
}

// shutdown runs threading._shutdown() at interpreter exit when threading
// was imported: it waits for the non-daemon threads. An exception (Ctrl-C
// while waiting) is reported and ignored, as CPython does.
func shutdown(th *vm.Thread) {
	mod, ok := th.Interp.Modules.GetString("threading")
	if !ok {
		return
	}
	if _, err := vm.CallMethod(th, mod, "_shutdown"); err != nil {
		what := "<module 'threading'>"
		if r, rerr := vm.Repr(th, mod); rerr == nil {
			what = r.String()
		}
		writeStderr(th, "Exception ignored in: "+what+"\n"+vm.FormatException(th, vm.AsException(err)))
	}
}

// NativeID is the thread's kernel id (the process id for the main thread,
// whose kernel thread is the process's first).
func NativeID(th *vm.Thread) int64 {
	if th.Native != 0 {
		return th.Native
	}
	if th.IsMain() {
		return int64(os.Getpid())
	}
	return int64(unix.Gettid())
}

// Start runs fn(*args, **kwargs) in a new Python thread and returns its
// state. The goroutine takes the GIL before running Python code.
func Start(th *vm.Thread, fn vm.Value, args []vm.Value, kwargs *vm.Dict) *vm.Thread {
	in := th.Interp
	nt := in.NewThread("")
	callArgs := append([]vm.Value(nil), args...)
	var kwnames []vm.Value
	if kwargs != nil {
		keys, values := kwargs.Items()
		callArgs = append(callArgs, values...)
		kwnames = keys
	}
	running.Add(1)
	go func() {
		nt.Native = int64(unix.Gettid())
		nt.AcquireGIL()
		_, err := vm.Call(nt, fn, callArgs, kwnames)
		if err != nil {
			exc := vm.AsException(err)
			if !exc.Matches(vm.SystemExit) {
				unraisable(nt, fn, exc)
			}
		}
		finish(nt)
	}()
	return nt
}

// finish ends a thread that holds the GIL: the join sentinels are
// released, the thread leaves the registry and gives the GIL up for good.
func finish(th *vm.Thread) {
	if s, ok := th.Data[sentinelsKey].([]*Lock); ok {
		for _, l := range s {
			l.Release()
		}
		delete(th.Data, sentinelsKey)
	}
	running.Add(-1)
	th.Interp.ForgetThread(th)
	th.Interp.GIL.Final(th.G)
}

// unraisable reports an exception that escaped a thread started with
// start_new_thread, as CPython's thread_run does.
func unraisable(th *vm.Thread, fn vm.Value, exc *vm.Exception) {
	r, err := vm.Repr(th, fn)
	what := "<object>"
	if err == nil {
		what = r.String()
	}
	writeStderr(th, "Exception ignored in thread started by: "+what+"\n"+vm.FormatException(th, exc))
}

// writeStderr writes to sys.stderr, falling back to the process's.
func writeStderr(th *vm.Thread, s string) {
	if th.Interp.Sys != nil {
		if e, ok := th.Interp.Sys.Get("stderr"); ok && !e.IsNone() {
			if _, err := vm.CallMethod(th, e, "write", vm.MakeStr(s)); err == nil {
				_, _ = vm.CallMethod(th, e, "flush")
				return
			}
		}
	}
	th.Interp.Stderr.WriteString(s)
}

// excepthook is _thread._excepthook, threading.excepthook's default: it
// prints "Exception in thread NAME:" and the traceback to sys.stderr
// (SystemExit is silent).
func excepthook(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if err := vm.ArgCount("_excepthook", args, 1, 1); err != nil {
		return vm.Null, err
	}
	a := args[0]
	if a.Type() != ExceptHookArgs {
		return vm.Null, vm.Errorf(vm.TypeError, "_thread._excepthook argument type must be ExceptHookArgs")
	}
	items, _ := vm.AsTuple(a)
	excType, excValue, thread := items.At(0), items.At(1), items.At(3)
	if excType.Is(vm.SystemExit.Value()) {
		return vm.None, nil
	}
	var file vm.Value = vm.None
	if th.Interp.Sys != nil {
		if e, ok := th.Interp.Sys.Get("stderr"); ok {
			file = e
		}
	}
	if file.IsNone() && !thread.IsNone() {
		if e, err := vm.GetAttrString(th, thread, "_stderr"); err == nil {
			file = e
		}
	}
	if file.IsNone() {
		return vm.None, nil
	}
	header := ""
	if !thread.IsNone() {
		name, err := vm.GetAttrString(th, thread, "name")
		if err == nil {
			s, err := vm.StrOf(th, name)
			if err != nil {
				return vm.Null, err
			}
			header = "Exception in thread " + s.String() + ":\n"
		}
	}
	if header == "" {
		header = "Exception in thread " + itoa(th.ID) + ":\n"
	}
	if _, err := vm.CallMethod(th, file, "write", vm.MakeStr(header)); err != nil {
		return vm.Null, err
	}
	if _, err := vm.CallMethod(th, file, "flush"); err != nil {
		return vm.Null, err
	}
	var text string
	if exc, ok := vm.AsExceptionValue(excValue); ok {
		// The traceback printed is the exception's own (exc_traceback is
		// the same object when the hook is called by threading).
		text = vm.FormatException(th, exc)
	} else {
		s, _ := vm.StrOf(th, excType)
		text = s.String() + "\n"
	}
	if _, err := vm.CallMethod(th, file, "write", vm.MakeStr(text)); err != nil {
		return vm.Null, err
	}
	_, err := vm.CallMethod(th, file, "flush")
	return vm.None, err
}

func itoa(n int64) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
