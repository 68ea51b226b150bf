package pysignal

// The _signal module's functions and constants.

import (
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	pytime "gilpy/stdlib/time"
	"gilpy/vm"
)

var signalNames = map[string]int{
	"SIGHUP": 1, "SIGINT": 2, "SIGQUIT": 3, "SIGILL": 4, "SIGTRAP": 5, "SIGABRT": 6,
	"SIGIOT": 6, "SIGBUS": 7, "SIGFPE": 8, "SIGKILL": 9, "SIGUSR1": 10, "SIGSEGV": 11,
	"SIGUSR2": 12, "SIGPIPE": 13, "SIGALRM": 14, "SIGTERM": 15, "SIGSTKFLT": 16,
	"SIGCHLD": 17, "SIGCLD": 17, "SIGCONT": 18, "SIGSTOP": 19, "SIGTSTP": 20,
	"SIGTTIN": 21, "SIGTTOU": 22, "SIGURG": 23, "SIGXCPU": 24, "SIGXFSZ": 25,
	"SIGVTALRM": 26, "SIGPROF": 27, "SIGWINCH": 28, "SIGIO": 29, "SIGPOLL": 29,
	"SIGPWR": 30, "SIGSYS": 31, "SIGRTMIN": 34, "SIGRTMAX": 64,
}

var itimerError = vm.NewBuiltinType(vm.TypeSpec{Name: "itimer_error", Module: "signal", Base: vm.OSError})

// descriptions are glibc's strsignal texts.
var descriptions = map[int]string{
	1: "Hangup", 2: "Interrupt", 3: "Quit", 4: "Illegal instruction", 5: "Trace/breakpoint trap",
	6: "Aborted", 7: "Bus error", 8: "Floating point exception", 9: "Killed",
	10: "User defined signal 1", 11: "Segmentation fault", 12: "User defined signal 2",
	13: "Broken pipe", 14: "Alarm clock", 15: "Terminated", 16: "Stack fault",
	17: "Child exited", 18: "Continued", 19: "Stopped (signal)", 20: "Stopped",
	21: "Stopped (tty input)", 22: "Stopped (tty output)", 23: "Urgent I/O condition",
	24: "CPU time limit exceeded", 25: "File size limit exceeded", 26: "Virtual timer expired",
	27: "Profiling timer expired", 28: "Window changed", 29: "I/O possible",
	30: "Power failure", 31: "Bad system call",
}

func sigArg(th *vm.Thread, v vm.Value) (int, error) {
	n, err := vm.AsIndex(th, v)
	if err != nil {
		return 0, err
	}
	if n < 1 || n >= NSIG {
		return 0, vm.Errorf(vm.ValueError, "signal number out of range")
	}
	return n, nil
}

func fixed(name string, n int, args []vm.Value, kw []vm.Value) error {
	if err := vm.NoKeywords(name, kw); err != nil {
		return err
	}
	return vm.ArgCount(name, args, n, n)
}

func initModule(th *vm.Thread, m *vm.Module) error {
	st := Of(th.Interp)
	for k, v := range signalNames {
		m.Set(k, vm.MakeInt(int64(v)))
	}
	consts := map[string]int64{
		"NSIG": NSIG, "SIG_DFL": 0, "SIG_IGN": 1, "SIG_BLOCK": 0, "SIG_UNBLOCK": 1, "SIG_SETMASK": 2,
		"ITIMER_REAL": 0, "ITIMER_VIRTUAL": 1, "ITIMER_PROF": 2,
	}
	for k, v := range consts {
		m.Set(k, vm.MakeInt(v))
	}
	m.Set("ItimerError", itimerError.Value())
	m.Set("default_int_handler", defaultIntHandler.Value())

	m.AddFunc("signal", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := fixed("signal", 2, args, kw); err != nil {
			return vm.Null, err
		}
		sig, err := vm.AsIndex(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		h := args[1]
		if !th.IsMain() {
			return vm.Null, vm.Errorf(vm.ValueError, "signal only works in main thread of the main interpreter")
		}
		if sig < 1 || sig >= NSIG {
			return vm.Null, vm.Errorf(vm.ValueError, "signal number out of range")
		}
		if !isInt(h, 0) && !isInt(h, 1) && !vm.Callable(h) {
			return vm.Null, vm.Errorf(vm.TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
		}
		if sig == int(syscall.SIGKILL) || sig == int(syscall.SIGSTOP) || sig == 32 || sig == 33 {
			return vm.Null, vm.NewOSError(22, "Invalid argument")
		}
		old := st.getHandler(sig)
		// CPython runs pending handlers before replacing one.
		if err := th.RunSignalHandlers(); err != nil {
			return vm.Null, err
		}
		st.setHandler(sig, h)
		return old, nil
	})
	m.AddFunc("getsignal", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := fixed("getsignal", 1, args, kw); err != nil {
			return vm.Null, err
		}
		sig, err := sigArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		return st.getHandler(sig), nil
	})
	m.AddFunc("raise_signal", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := fixed("raise_signal", 1, args, kw); err != nil {
			return vm.Null, err
		}
		sig, err := sigArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		return vm.None, st.raise(th, sig)
	})
	m.AddFunc("pthread_kill", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := fixed("pthread_kill", 2, args, kw); err != nil {
			return vm.Null, err
		}
		id, err := vm.AsInt64(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		sig, err := vm.AsIndex(th, args[1])
		if err != nil {
			return vm.Null, err
		}
		found := false
		for _, t := range th.Interp.Threads() {
			if t.ID == id {
				found = true
			}
		}
		if !found {
			return vm.Null, vm.NewOSError(3, "No such process")
		}
		if sig == 0 {
			return vm.None, nil
		}
		if sig < 1 || sig >= NSIG {
			return vm.Null, vm.NewOSError(22, "Invalid argument")
		}
		// Whichever thread the signal is sent to, its Python handler runs
		// in the main thread.
		return vm.None, st.raise(th, sig)
	})
	m.AddFunc("alarm", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := fixed("alarm", 1, args, kw); err != nil {
			return vm.Null, err
		}
		n, err := vm.AsInt64(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		left, aerr := unix.Alarm(uint(n))
		if aerr != nil {
			return vm.Null, vm.OSErrorFrom(aerr, vm.Null)
		}
		return vm.MakeInt(int64(left)), nil
	})
	m.AddFunc("pause", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := fixed("pause", 0, args, kw); err != nil {
			return vm.Null, err
		}
		// Wait for one signal to be handled (in the main thread; another
		// thread waits until the process ends, as pause() would there).
		if !th.IsMain() {
			_, err := th.Wait(nil, time.Duration(-1))
			return vm.None, err
		}
		return vm.None, st.pause(th)
	})
	m.AddFunc("strsignal", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := fixed("strsignal", 1, args, kw); err != nil {
			return vm.Null, err
		}
		sig, err := sigArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		if d, ok := descriptions[sig]; ok {
			return vm.MakeStr(d), nil
		}
		if sig >= 34 {
			return vm.MakeStr("Real-time signal " + itoa(sig-34)), nil
		}
		return vm.None, nil
	})
	m.AddFunc("valid_signals", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		s := vm.NewSet()
		for i := 1; i < NSIG; i++ {
			if i == 32 || i == 33 {
				continue
			}
			if err := s.Add(th, vm.MakeInt(int64(i))); err != nil {
				return vm.Null, err
			}
		}
		return s.Value(), nil
	})
	m.AddFunc("siginterrupt", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := fixed("siginterrupt", 2, args, kw); err != nil {
			return vm.Null, err
		}
		if _, err := sigArg(th, args[0]); err != nil {
			return vm.Null, err
		}
		// Go restarts system calls itself; interruption is per wait here.
		return vm.None, nil
	})
	m.AddFunc("set_wakeup_fd", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		var fd, warn vm.Value = vm.Null, vm.True
		if err := vm.UnpackArgs("set_wakeup_fd", args, kw, "fd", &fd, "*", "warn_on_full_buffer?", &warn); err != nil {
			return vm.Null, err
		}
		n, err := vm.AsInt64(th, fd)
		if err != nil {
			return vm.Null, err
		}
		if !th.IsMain() {
			return vm.Null, vm.Errorf(vm.ValueError, "set_wakeup_fd only works in main thread of the main interpreter")
		}
		if n != -1 {
			if _, err := unix.FcntlInt(uintptr(n), unix.F_GETFL, 0); err != nil {
				return vm.Null, vm.OSErrorFrom(err, vm.Null)
			}
		}
		return vm.MakeInt(st.wakeupFD.Swap(n)), nil
	})
	m.AddFunc("setitimer", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := vm.NoKeywords("setitimer", kw); err != nil {
			return vm.Null, err
		}
		if err := vm.ArgCount("setitimer", args, 2, 3); err != nil {
			return vm.Null, err
		}
		which, err := vm.AsInt64(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		secs, err := pytime.Seconds(th, args[1])
		if err != nil {
			return vm.Null, err
		}
		interval := 0.0
		if len(args) > 2 {
			if interval, err = pytime.Seconds(th, args[2]); err != nil {
				return vm.Null, err
			}
		}
		old, serr := unix.Setitimer(unix.ItimerWhich(which), unix.Itimerval{
			Value: unix.NsecToTimeval(int64(pytime.Duration(secs))), Interval: unix.NsecToTimeval(int64(pytime.Duration(interval)))})
		if serr != nil {
			return vm.Null, vm.NewException(itimerError, vm.MakeInt(int64(serr.(syscall.Errno))), vm.MakeStr(serr.Error()))
		}
		return itimerTuple(old), nil
	})
	m.AddFunc("getitimer", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := fixed("getitimer", 1, args, kw); err != nil {
			return vm.Null, err
		}
		which, err := vm.AsInt64(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		cur, gerr := unix.Getitimer(unix.ItimerWhich(which))
		if gerr != nil {
			return vm.Null, vm.NewException(itimerError, vm.MakeInt(int64(gerr.(syscall.Errno))), vm.MakeStr(gerr.Error()))
		}
		return itimerTuple(cur), nil
	})
	return nil
}

func itimerTuple(v unix.Itimerval) vm.Value {
	sec := func(t unix.Timeval) vm.Value {
		return vm.MakeFloat(float64(t.Sec) + float64(t.Usec)/1e6)
	}
	return vm.NewTuple(sec(v.Value), sec(v.Interval)).Value()
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// getHandler is what getsignal reports.
func (st *State) getHandler(sig int) vm.Value {
	if h := st.handlers[sig]; !h.IsNull() {
		return h
	}
	if st.kind[sig].Load() == kindIgnore {
		return vm.MakeInt(1)
	}
	return vm.MakeInt(0)
}

// raise is raise_signal: the signal's handler runs before it returns when
// called from the main thread, as CPython checks signals right after C's
// raise().
func (st *State) raise(th *vm.Thread, sig int) error {
	switch st.kind[sig].Load() {
	case kindIgnore:
		return nil
	case kindDefault:
		if th.Interp.Hooks.Flush != nil {
			th.Interp.Hooks.Flush(th)
		}
		dieBySignal(syscall.Signal(sig))
	}
	st.Trip(sig)
	return th.RunSignalHandlers()
}

// pause waits until a signal's handler has run in the main thread.
func (st *State) pause(th *vm.Thread) error { return th.PauseForSignal() }

// Interrupt is _thread.interrupt_main: it simulates the arrival of sig
// (when it has a Python handler; otherwise nothing happens).
func Interrupt(in *vm.Interp, sig int) error {
	st := Of(in)
	if st == nil {
		return nil
	}
	if sig < 1 || sig >= NSIG {
		return vm.Errorf(vm.ValueError, "signal number out of range")
	}
	if st.HasPythonHandler(sig) {
		st.Trip(sig)
	}
	return nil
}
