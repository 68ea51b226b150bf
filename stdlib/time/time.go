// Package pytime is Python's time module.
//
// The clocks are the kernel's, read as CPython reads them
// (clock_gettime), so values from gilpy and CPython processes on the same
// machine compare directly: time.monotonic() in both is CLOCK_MONOTONIC.
// sleep releases the GIL for every length, including 0, and in the main
// thread it is interrupted by signals (Ctrl-C), both through vm.Thread's
// Sleep. Calendar functions (gmtime, localtime, mktime, strftime,
// strptime) follow the C library's behaviour in the C locale, which is
// what CPython shows under LC_ALL=C.UTF-8; the local zone is Go's
// time.Local (the TZ variable and /etc/localtime, as the C library uses).
package pytime

import (
	"math"
	"runtime"
	"time"
	_ "unsafe" // for go:linkname

	"golang.org/x/sys/unix"

	"gilpy/vm"
)

func init() {
	vm.RegisterModule("time", initModule)
}

// StructTime is time.struct_time: nine visible fields, plus tm_zone and
// tm_gmtoff as attributes.
var StructTime = vm.NewStructSeqType("time", "struct_time", []string{
	"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
	"tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
}, 9)

//go:linkname nanotime runtime.nanotime
func nanotime() int64

// Monotonic is CLOCK_MONOTONIC in nanoseconds, read through the vDSO as
// Go's runtime does (a raw clock_gettime system call costs several times
// more on these virtual machines).
func Monotonic() int64 { return nanotime() }

func clockNanos(id int32) (int64, error) {
	var ts unix.Timespec
	if err := unix.ClockGettime(id, &ts); err != nil {
		return 0, vm.OSErrorFrom(err, vm.Null)
	}
	return ts.Nano(), nil
}

func fn(m *vm.Module, name string, f func(th *vm.Thread, args []vm.Value) (vm.Value, error), min, max int) {
	full := name
	m.AddFunc(name, func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if err := vm.NoKeywords(full, kw); err != nil {
			return vm.Null, err
		}
		if len(args) < min || len(args) > max {
			return vm.Null, arityError(full, len(args), min, max)
		}
		return f(th, args)
	})
}

func arityError(name string, n, min, max int) error {
	switch {
	case min == 0 && max == 0:
		return vm.Errorf(vm.TypeError, "%s() takes no arguments (%d given)", name, n)
	case min == max && min == 1:
		return vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", name, n)
	case n < min:
		return vm.Errorf(vm.TypeError, "%s expected at least %d argument%s, got %d", name, min, plural(min), n)
	default:
		return vm.Errorf(vm.TypeError, "%s expected at most %d argument%s, got %d", name, max, plural(max), n)
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func seconds(ns int64) vm.Value { return vm.MakeFloat(float64(ns) / 1e9) }

func initModule(th *vm.Thread, m *vm.Module) error {
	m.AddType(StructTime)
	m.Set("_STRUCT_TM_ITEMS", vm.MakeInt(11))
	clocks := map[string]int32{
		"CLOCK_REALTIME": unix.CLOCK_REALTIME, "CLOCK_MONOTONIC": unix.CLOCK_MONOTONIC,
		"CLOCK_MONOTONIC_RAW": unix.CLOCK_MONOTONIC_RAW, "CLOCK_PROCESS_CPUTIME_ID": unix.CLOCK_PROCESS_CPUTIME_ID,
		"CLOCK_THREAD_CPUTIME_ID": unix.CLOCK_THREAD_CPUTIME_ID, "CLOCK_BOOTTIME": unix.CLOCK_BOOTTIME,
		"CLOCK_TAI": unix.CLOCK_TAI,
	}
	for k, v := range clocks {
		m.Set(k, vm.MakeInt(int64(v)))
	}

	fn(m, "time", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		return seconds(time.Now().UnixNano()), nil
	}, 0, 0)
	fn(m, "time_ns", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		return vm.MakeInt(time.Now().UnixNano()), nil
	}, 0, 0)
	for _, name := range []string{"monotonic", "perf_counter"} {
		fn(m, name, func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
			return seconds(Monotonic()), nil
		}, 0, 0)
		fn(m, name+"_ns", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
			return vm.MakeInt(Monotonic()), nil
		}, 0, 0)
	}
	cpu := func(id int32, asFloat bool) func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		return func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
			if id == unix.CLOCK_THREAD_CPUTIME_ID {
				pinThread(th)
			}
			ns, err := clockNanos(id)
			if err != nil {
				return vm.Null, err
			}
			if asFloat {
				return seconds(ns), nil
			}
			return vm.MakeInt(ns), nil
		}
	}
	fn(m, "process_time", cpu(unix.CLOCK_PROCESS_CPUTIME_ID, true), 0, 0)
	fn(m, "process_time_ns", cpu(unix.CLOCK_PROCESS_CPUTIME_ID, false), 0, 0)
	fn(m, "thread_time", cpu(unix.CLOCK_THREAD_CPUTIME_ID, true), 0, 0)
	fn(m, "thread_time_ns", cpu(unix.CLOCK_THREAD_CPUTIME_ID, false), 0, 0)

	clockArg := func(th *vm.Thread, v vm.Value) (int32, error) {
		n, err := vm.AsInt64(th, v)
		if err != nil {
			return 0, err
		}
		if n == unix.CLOCK_THREAD_CPUTIME_ID {
			pinThread(th)
		}
		return int32(n), nil
	}
	fn(m, "clock_gettime", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		id, err := clockArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		ns, err := clockNanos(id)
		if err != nil {
			return vm.Null, err
		}
		return seconds(ns), nil
	}, 1, 1)
	fn(m, "clock_gettime_ns", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		id, err := clockArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		ns, err := clockNanos(id)
		if err != nil {
			return vm.Null, err
		}
		return vm.MakeInt(ns), nil
	}, 1, 1)
	fn(m, "clock_getres", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		id, err := clockArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		var ts unix.Timespec
		if err := unix.ClockGetres(id, &ts); err != nil {
			return vm.Null, vm.OSErrorFrom(err, vm.Null)
		}
		return seconds(ts.Nano()), nil
	}, 1, 1)

	m.AddFunc("get_clock_info", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		var name vm.Value = vm.Null
		if err := vm.UnpackArgs("get_clock_info", args, kw, "name", &name); err != nil {
			return vm.Null, err
		}
		s, ok := vm.AsStr(name)
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "get_clock_info() argument 1 must be str, not %s", vm.TypeName(name))
		}
		info := map[string]struct {
			impl             string
			mono, adjustable bool
		}{
			"time":         {"clock_gettime(CLOCK_REALTIME)", false, true},
			"monotonic":    {"clock_gettime(CLOCK_MONOTONIC)", true, false},
			"perf_counter": {"clock_gettime(CLOCK_MONOTONIC)", true, false},
			"process_time": {"clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false},
			"thread_time":  {"clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false},
		}
		c, ok := info[s.String()]
		if !ok {
			return vm.Null, vm.Errorf(vm.ValueError, "unknown clock")
		}
		return vm.NewNamespace(th, map[string]vm.Value{
			"implementation": vm.MakeStr(c.impl),
			"monotonic":      vm.MakeBool(c.mono),
			"adjustable":     vm.MakeBool(c.adjustable),
			"resolution":     vm.MakeFloat(1e-09),
		}, []string{"implementation", "monotonic", "adjustable", "resolution"})
	})

	fn(m, "sleep", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		secs, err := Seconds(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		if secs < 0 {
			return vm.Null, vm.Errorf(vm.ValueError, "sleep length must be non-negative")
		}
		return vm.None, th.Sleep(Duration(secs))
	}, 1, 1)

	addCalendar(m)
	return nil
}

// pinThread locks the calling goroutine to its OS thread, so that the
// thread CPU-time clock keeps measuring one thread. Threads started by
// _thread are pinned from the start; the main thread is pinned the first
// time it asks.
func pinThread(th *vm.Thread) {
	if th.Data == nil {
		th.Data = map[string]any{}
	}
	if _, ok := th.Data["time.pinned"]; !ok {
		runtime.LockOSThread()
		th.Data["time.pinned"] = true
	}
}

// Seconds converts a duration argument the way CPython's
// _PyTime_FromSecondsObject does: a float (not NaN), or an integer
// (anything with __index__).
func Seconds(th *vm.Thread, v vm.Value) (float64, error) {
	if v.IsFloat() || vm.TypeCheck(v, vm.FloatType) {
		f, err := vm.AsFloat(th, v)
		if err != nil {
			return 0, err
		}
		if math.IsNaN(f) {
			return 0, vm.Errorf(vm.ValueError, "Invalid value NaN (not a number)")
		}
		if math.Abs(f) > 9_223_372_036.854775807 {
			return 0, vm.Errorf(vm.OverflowError, "timestamp out of range for platform time_t")
		}
		return f, nil
	}
	idx, err := vm.Index(th, v)
	if err != nil {
		return 0, err
	}
	n, ok := vm.IntToInt64(idx)
	if !ok || n > 9_223_372_036 || n < -9_223_372_036 {
		return 0, vm.Errorf(vm.OverflowError, "timestamp too large to convert to C _PyTime_t")
	}
	return float64(n), nil
}

// Duration converts seconds to a Go duration, saturating.
func Duration(secs float64) time.Duration {
	if secs >= float64(math.MaxInt64)/1e9 {
		return math.MaxInt64
	}
	return time.Duration(secs * 1e9)
}
