package sys

import (
	"math"

	"gilpy/vm"
)

func addFunctions(th *vm.Thread, m *vm.Module) {
	in := th.Interp
	m.AddFunc("exit", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) > 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "exit expected at most 1 argument, got %d", len(args))
		}
		return vm.Null, vm.NewSystemExit(th, args)
	})
	m.AddFunc("getrecursionlimit", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeInt(int64(th.Interp.RecursionLimit)), nil
	})
	m.AddFunc("setrecursionlimit", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "setrecursionlimit() takes exactly one argument (%d given)", len(args))
		}
		if !vm.IsInt(args[0]) {
			return vm.Null, vm.Errorf(vm.TypeError, "'%s' object cannot be interpreted as an integer", vm.TypeName(args[0]))
		}
		n, err := vm.AsInt64(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		if n < 1 {
			return vm.Null, vm.Errorf(vm.ValueError, "recursion limit must be greater or equal than 1")
		}
		if int(n) <= th.Depth() {
			return vm.Null, vm.Errorf(vm.RecursionError, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", n, th.Depth())
		}
		th.Interp.RecursionLimit = int(n)
		return vm.None, nil
	})
	m.AddFunc("exc_info", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		cur := th.CurrentException()
		if cur.IsNull() {
			return vm.NewTuple(vm.None, vm.None, vm.None).Value(), nil
		}
		e, _ := vm.AsExceptionValue(cur)
		tb := vm.None
		if t := e.Traceback(); t != nil {
			tb = t.Value()
		}
		return vm.NewTuple(cur.Type().Value(), cur, tb).Value(), nil
	})
	m.AddFunc("exception", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		cur := th.CurrentException()
		if cur.IsNull() {
			return vm.None, nil
		}
		return cur, nil
	})
	m.AddFunc("getsizeof", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) < 1 || len(args) > 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "getsizeof() takes at most 2 arguments (%d given)", len(args))
		}
		r, err := vm.CallMethod(th, args[0], "__sizeof__")
		if err != nil {
			if len(args) == 2 {
				return args[1], nil
			}
			return vm.Null, err
		}
		n, err := vm.AsInt64(th, r)
		if err != nil {
			return vm.Null, err
		}
		if n < 0 {
			return vm.Null, vm.Errorf(vm.ValueError, "__sizeof__() should return >= 0")
		}
		// Objects tracked by the cyclic GC carry a 16-byte header.
		if t := args[0].Type(); t.IsHeapType() || t == vm.ListType || t == vm.DictType || t == vm.SetType || t == vm.TupleType {
			n += 16
		}
		return vm.MakeInt(n), nil
	})
	m.AddFunc("intern", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "intern() takes exactly one argument (%d given)", len(args))
		}
		s, ok := vm.AsStr(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "intern() argument must be str, not %s", vm.TypeName(args[0]))
		}
		return vm.Intern(s.String()).Value(), nil
	})
	m.AddFunc("getrefcount", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		// gilpy has no reference counts; report what a fresh object has.
		return vm.MakeInt(2), nil
	})
	m.AddFunc("_getframe", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		depth := int64(0)
		if len(args) > 0 {
			d, err := vm.AsInt64(th, args[0])
			if err != nil {
				return vm.Null, err
			}
			depth = d
		}
		f := th.CurrentFrame()
		for ; depth > 0 && f != nil; depth-- {
			f = f.Back()
		}
		if f == nil {
			return vm.Null, vm.Errorf(vm.ValueError, "call stack is not deep enough")
		}
		return f.PyFrame().Value(), nil
	})
	m.AddFunc("getswitchinterval", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeFloat(float64(th.Interp.GIL.IntervalMicros()) / 1e6), nil
	})
	m.AddFunc("setswitchinterval", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "setswitchinterval() takes exactly one argument (%d given)", len(args))
		}
		f, err := vm.AsFloat(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		if f <= 0 {
			return vm.Null, vm.Errorf(vm.ValueError, "switch interval must be strictly positive")
		}
		// CPython stores whole microseconds, truncating (2.5e-6 -> 2e-06).
		th.Interp.GIL.SetIntervalMicros(int64(f * 1e6))
		return vm.None, nil
	})
	display := m.AddFunc("displayhook", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "displayhook() takes exactly one argument (%d given)", len(args))
		}
		v := args[0]
		if v.IsNone() {
			return vm.None, nil
		}
		if b := th.Interp.Builtins; b != nil {
			b.SetString("_", vm.None)
		}
		r, err := vm.Repr(th, v)
		if err != nil {
			return vm.Null, err
		}
		out, ok := m.Get("stdout")
		if !ok || out.IsNone() {
			return vm.Null, vm.Errorf(vm.RuntimeError, "lost sys.stdout")
		}
		if _, err := vm.CallMethod(th, out, "write", vm.MakeStr(r.String()+"\n")); err != nil {
			return vm.Null, err
		}
		if b := th.Interp.Builtins; b != nil {
			b.SetString("_", v)
		}
		return vm.None, nil
	})
	m.Set("__displayhook__", display.Value())
	except := m.AddFunc("excepthook", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 3 {
			return vm.Null, vm.Errorf(vm.TypeError, "excepthook expected 3 arguments, got %d", len(args))
		}
		e, ok := vm.AsExceptionValue(args[1])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "TypeError: print_exception(): Exception expected for value, %s found", vm.TypeName(args[1]))
		}
		return vm.None, writeException(th, m, e)
	})
	m.Set("__excepthook__", except.Value())
	m.AddFunc("unraisablehook", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.None, nil
	})
	m.AddFunc("getdefaultencoding", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) { return vm.MakeStr("utf-8"), nil })
	m.AddFunc("getfilesystemencoding", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) { return vm.MakeStr("utf-8"), nil })
	m.AddFunc("getfilesystemencodeerrors", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeStr("surrogateescape"), nil
	})
	m.AddFunc("is_finalizing", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeBool(th.Interp.Finalizing()), nil
	})
	m.AddFunc("_is_gil_enabled", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeBool(th.Interp.GIL.Enabled()), nil
	})
	m.AddFunc("settrace", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		th.TraceFunc = args[0]
		return vm.None, nil
	})
	m.AddFunc("gettrace", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if th.TraceFunc.IsNull() {
			return vm.None, nil
		}
		return th.TraceFunc, nil
	})
	m.AddFunc("setprofile", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		th.ProfileFunc = args[0]
		return vm.None, nil
	})
	m.AddFunc("getprofile", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if th.ProfileFunc.IsNull() {
			return vm.None, nil
		}
		return th.ProfileFunc, nil
	})
	m.AddFunc("set_asyncgen_hooks", func(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
		h := th.AsyncGenHooks()
		first, final := h.FirstIter, h.Finalizer
		if err := vm.UnpackArgs("set_asyncgen_hooks", args, kwnames, "firstiter?", &first, "finalizer?", &final); err != nil {
			return vm.Null, err
		}
		for _, f := range []vm.Value{first, final} {
			if !f.IsNone() && !vm.Callable(f) {
				return vm.Null, vm.Errorf(vm.TypeError, "callable firstiter expected, got %s", vm.TypeName(f))
			}
		}
		th.SetAsyncGenHooks(vm.AsyncGenHooks{FirstIter: first, Finalizer: final})
		return vm.None, nil
	})
	m.AddFunc("get_asyncgen_hooks", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		h := th.AsyncGenHooks()
		return vm.NewStructSeq(asyncgenHooksT, []vm.Value{h.FirstIter, h.Finalizer}), nil
	})
	m.AddFunc("set_int_max_str_digits", func(th *vm.Thread, args []vm.Value, kwnames []vm.Value) (vm.Value, error) {
		var n vm.Value = vm.Null
		if err := vm.UnpackArgs("set_int_max_str_digits", args, kwnames, "maxdigits", &n); err != nil {
			return vm.Null, err
		}
		v, err := vm.AsInt64(th, n)
		if err != nil {
			return vm.Null, err
		}
		if v != 0 && v < 640 {
			return vm.Null, vm.Errorf(vm.ValueError, "maxdigits must be 0 or larger than 640")
		}
		vm.SetIntMaxStrDigits(int(v))
		return vm.None, nil
	})
	m.AddFunc("get_int_max_str_digits", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeInt(int64(vm.IntMaxStrDigits())), nil
	})
	m.AddFunc("audit", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) { return vm.None, nil })
	m.AddFunc("addaudithook", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) { return vm.None, nil })
	m.AddFunc("getallocatedblocks", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) { return vm.MakeInt(0), nil })
	m.AddFunc("_current_frames", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		d := vm.NewDict()
		for _, t := range th.Interp.Threads() {
			if f := t.CurrentFrame(); f != nil {
				_ = d.Set(th, vm.MakeInt(t.ID), f.PyFrame().Value())
			}
		}
		return d.Value(), nil
	})
	m.AddFunc("call_tracing", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		t, ok := vm.AsTuple(args[1])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "call_tracing(): argument 2 must be tuple")
		}
		return vm.Call(th, args[0], t.Items(), nil)
	})
	_ = in
	_ = math.MaxInt64
}
