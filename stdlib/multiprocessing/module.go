package multiprocessing

// The Go modules behind the multiprocessing package:
//
//	_multiprocessing  SemLock, flags, sem_unlink (as CPython's C module)
//	_gilpy_mp         starting and waiting for children, shared C values,
//	                  connections, queue feeders, helper threads
//	_gilpy_fork       the reconstructors a fork snapshot calls in a child

import (
	"crypto/rand"
	"os"
	"runtime"
	"syscall"
	"time"

	"gilpy/stdlib/pickle"
	"gilpy/vm"
)

func init() {
	vm.RegisterModule("_multiprocessing", initMultiprocessing)
	vm.RegisterModule("_gilpy_mp", initMP)
	vm.RegisterModule("_gilpy_fork", initForkModule)
}

func initMultiprocessing(th *vm.Thread, m *vm.Module) error {
	m.AddType(semLockType)
	flags := vm.NewDict()
	flags.SetString("HAVE_SEM_OPEN", vm.MakeInt(1))
	flags.SetString("HAVE_SEM_TIMEDWAIT", vm.MakeInt(1))
	m.Set("flags", flags.Value())
	m.AddFunc("sem_unlink", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) { return vm.None, nil })
	return nil
}

// ------------------------------------------------------------ Popen

// popenObj is _gilpy_mp.Popen(process_obj, method): a started child.
type popenObj struct {
	vm.Object
	p      *popen
	method string
}

var popenLayout = vm.NewLayout[popenObj]("Popen")

func popenOf(v vm.Value) *popen { return popenLayout.Must(v).p }

var popenType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "Popen", Module: "_gilpy_mp", Layout: popenLayout.Info(),
	Slots: vm.Slots{
		New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			var obj, method vm.Value = vm.Null, vm.MakeStr("fork")
			if err := vm.UnpackArgs("Popen", args, kw, "process_obj", &obj, "method?", &method); err != nil {
				return vm.Null, err
			}
			ms, ok := vm.AsStr(method)
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "method must be str")
			}
			p, err := launch(th, obj, ms.String())
			if err != nil {
				return vm.Null, err
			}
			o := popenLayout.New(t)
			o.p, o.method = p, ms.String()
			return o.Value(), nil
		},
	},
	Methods: []*vm.BuiltinMethod{
		{Name: "poll", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			if code, done := popenOf(args[0]).poll(); done {
				return vm.MakeInt(int64(code)), nil
			}
			return vm.None, nil
		}},
		{Name: "wait", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			p := popenOf(args[0])
			var timeout vm.Value = vm.None
			if err := vm.UnpackArgs("wait", args[1:], kw, "timeout?", &timeout); err != nil {
				return vm.Null, err
			}
			d, err := timeoutArg(th, timeout)
			if err != nil {
				return vm.Null, err
			}
			if code, done := p.poll(); done {
				return vm.MakeInt(int64(code)), nil
			}
			var code int
			var done bool
			th.Blocking(func() { code, done = p.wait(d) })
			if !done {
				return vm.None, nil
			}
			return vm.MakeInt(int64(code)), nil
		}},
		{Name: "terminate", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			popenOf(args[0]).signal(syscall.SIGTERM)
			return vm.None, nil
		}},
		{Name: "kill", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			popenOf(args[0]).signal(syscall.SIGKILL)
			return vm.None, nil
		}},
		{Name: "close", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			popenOf(args[0]).closeSentinel()
			return vm.None, nil
		}},
	},
	Getters: []*vm.GetSet{
		{Name: "pid", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeInt(int64(popenOf(v).pid)), nil }},
		{Name: "sentinel", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			p := popenOf(v)
			p.mu.Lock()
			defer p.mu.Unlock()
			return vm.MakeInt(int64(p.sentinel)), nil
		}},
		{Name: "method", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeStr(popenLayout.Must(v).method), nil }},
		{Name: "returncode", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			if code, done := popenOf(v).poll(); done {
				return vm.MakeInt(int64(code)), nil
			}
			return vm.None, nil
		}},
	},
})

// launch pickles the child's state and starts it.
func launch(th *vm.Thread, obj vm.Value, method string) (*popen, error) {
	in := th.Interp
	// The parent's buffered output goes out first, so that it is neither
	// lost nor printed after the child's (CPython flushes in Popen too).
	if in.Hooks.Flush != nil {
		in.Hooks.Flush(th)
	}
	ctx := &spawnCtx{}
	setSpawn(th, ctx)
	defer setSpawn(th, nil)
	defer ctx.closeAll()
	enc := pickle.NewEncoder(th, pickle.DefaultProtocol)
	enc.SetFraming(false)
	var payload []byte
	var err error
	if method == "fork" {
		fr, ferr := newForkReducer(th)
		if ferr != nil {
			return nil, ferr
		}
		enc.Override = fr.override
		// The random module's global generator is not carried over:
		// CPython's random reseeds it in a forked child
		// (os.register_at_fork), so that children differ. Random
		// instances in __main__ are objects like any other and are copied.
		payload, err = enc.Dump(vm.NewTuple(vm.NewList(fr.userModules()).Value(), vm.None, obj).Value())
	} else {
		payload, err = enc.Dump(obj)
	}
	if err != nil {
		return nil, err
	}
	p := buildPrep(th, method)
	return startChild(th, p, codeBlob(th), append([]byte(nil), payload...), ctx)
}

func buildPrep(th *vm.Thread, method string) prep {
	in := th.Interp
	p := prep{Method: method, Unbuffered: in.Unbuffered, NoGIL: !in.GIL.Enabled()}
	strs := func(name string) []string {
		v, ok := in.Sys.Get(name)
		if !ok {
			return nil
		}
		items, err := vm.SeqToSlice(th, v)
		if err != nil {
			return nil
		}
		var out []string
		for _, it := range items {
			if s, ok := vm.AsStr(it); ok {
				out = append(out, s.String())
			}
		}
		return out
	}
	p.Argv = strs("argv")
	p.SysPath = strs("path")
	if xo, ok := in.Sys.Get("_xoptions"); ok {
		if d, ok := vm.AsDict(xo); ok {
			p.XOptions = map[string]string{}
			keys, vals := d.Items()
			for i, k := range keys {
				ks, _ := vm.AsStr(k)
				if ks == nil {
					continue
				}
				if s, ok := vm.AsStr(vals[i]); ok {
					p.XOptions[ks.String()] = s.String()
				} else {
					p.XOptions[ks.String()] = ""
				}
			}
		}
	}
	if mv, ok := in.Modules.GetString("__main__"); ok {
		if m, ok := vm.AsModule(mv); ok {
			if f, ok := m.Get("__file__"); ok {
				if s, ok := vm.AsStr(f); ok {
					p.MainPath = s.String()
				}
			}
		}
	}
	p.Cwd, _ = os.Getwd()
	p.Thread = threadName(th)
	return p
}

// threadName is threading.current_thread().name when the threading
// module is loaded, else the VM's name for the thread.
func threadName(th *vm.Thread) string {
	if tm, ok := th.Interp.Modules.GetString("threading"); ok {
		if t, err := vm.CallMethod(th, tm, "current_thread"); err == nil {
			if n, err := vm.LookupAttr(th, t, "name"); err == nil && !n.IsNull() {
				if s, ok := vm.AsStr(n); ok {
					return s.String()
				}
			}
		}
	}
	if th == th.Interp.Main() {
		return "MainThread"
	}
	return th.Name
}

// ------------------------------------------------------------ _gilpy_mp

func initMP(th *vm.Thread, m *vm.Module) error {
	m.AddType(popenType)
	m.AddType(localQueueType)
	m.AddType(localEventType)
	m.AddType(feederType)
	m.AddType(connType)
	m.AddType(listenerType)
	m.AddFunc("_unix_client", unixClient)
	m.AddFunc("_inet_listener", inetListener)
	m.AddFunc("_inet_client", inetClient)
	m.AddFunc("_hmac_md5", hmacMD5)
	m.AddFunc("_rebuild_arena", rebuildArena)
	m.AddFunc("_rebuild_semlock", rebuildSemLock)
	m.AddFunc("_rebuild_cdata", rebuildCData)
	m.AddFunc("_rebuild_connection", rebuildConnection)
	m.AddFunc("cdata", newCData)
	m.AddFunc("Pipe", pipe)
	m.AddFunc("is_spawning", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeBool(currentSpawn(th) != nil), nil
	})
	m.AddFunc("flush_std_streams", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if th.Interp.Hooks.Flush != nil {
			th.Interp.Hooks.Flush(th)
		}
		return vm.None, nil
	})
	m.AddFunc("print_exc", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		// traceback.print_exc(): the exception being handled, to sys.stderr.
		cur := th.CurrentException()
		if cur.IsNull() {
			writeStderr(th, "NoneType: None\n")
			return vm.None, nil
		}
		if exc, ok := vm.AsExceptionValue(cur); ok {
			writeStderr(th, vm.FormatException(th, exc))
		}
		return vm.None, nil
	})
	m.AddFunc("format_exc", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) == 1 {
			if exc, ok := vm.AsExceptionValue(args[0]); ok {
				return vm.MakeStr(vm.FormatException(th, exc)), nil
			}
		}
		cur := th.CurrentException()
		if exc, ok := vm.AsExceptionValue(cur); ok {
			return vm.MakeStr(vm.FormatException(th, exc)), nil
		}
		return vm.MakeStr("NoneType: None\n"), nil
	})
	m.AddFunc("urandom", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		n := int64(32)
		if len(args) == 1 {
			n, _ = vm.IntToInt64(args[0])
		}
		b := make([]byte, max(n, 0))
		_, _ = rand.Read(b)
		return vm.NewBytes(b).Value(), nil
	})
	m.AddFunc("getpid", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeInt(int64(os.Getpid())), nil
	})
	m.AddFunc("getppid", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeInt(int64(os.Getppid())), nil
	})
	m.AddFunc("cpu_count", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeInt(int64(runtime.NumCPU())), nil
	})
	m.AddFunc("thread_ident", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeInt(th.ID), nil
	})
	m.AddFunc("thread_name", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeStr(threadName(th)), nil
	})
	m.AddFunc("monotonic", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.MakeFloat(float64(time.Since(processStart)) / float64(time.Second)), nil
	})
	m.AddFunc("sleep", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "sleep() takes exactly one argument")
		}
		d, err := timeoutArg(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		if d > 0 {
			th.Blocking(func() { time.Sleep(d) })
		}
		return vm.None, nil
	})
	m.AddFunc("start_thread", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		var fn, fargs, name vm.Value = vm.Null, vm.NewTuple().Value(), vm.MakeStr("Thread")
		if err := vm.UnpackArgs("start_thread", args, kw, "target", &fn, "args?", &fargs, "name?", &name); err != nil {
			return vm.Null, err
		}
		items, err := vm.SeqToSlice(th, fargs)
		if err != nil {
			return vm.Null, err
		}
		n, _ := vm.AsStr(name)
		ns := "Thread"
		if n != nil {
			ns = n.String()
		}
		return startThread(th, fn, items, ns).Value(), nil
	})
	m.AddFunc("finish_feeders", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		finishFeeders(th)
		return vm.None, nil
	})
	m.AddFunc("wait_fds", waitFDs)
	m.AddFunc("register_exit", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		// The interpreter calls fn at shutdown, before the standard
		// streams are flushed (multiprocessing's util._exit_function).
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "register_exit() takes exactly one argument")
		}
		fn := args[0]
		th.Interp.AtExit(func(th *vm.Thread) {
			if _, err := vm.Call(th, fn, nil, nil); err != nil {
				exc := vm.AsException(err)
				if !exc.Matches(vm.SystemExit) {
					writeStderr(th, "Error in atexit._run_exitfuncs:\n"+vm.FormatException(th, exc))
				}
			}
		})
		return vm.None, nil
	})
	return nil
}

var processStart = time.Now()

// waitFDs is multiprocessing.connection.wait over descriptors: it returns
// those ready to read (or at EOF) within the timeout.
func waitFDs(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	var fdsV, timeout vm.Value = vm.Null, vm.None
	if err := vm.UnpackArgs("wait_fds", args, kw, "fds", &fdsV, "timeout?", &timeout); err != nil {
		return vm.Null, err
	}
	items, err := vm.SeqToSlice(th, fdsV)
	if err != nil {
		return vm.Null, err
	}
	d, err := timeoutArg(th, timeout)
	if err != nil {
		return vm.Null, err
	}
	fds := make([]int32, len(items))
	for i, it := range items {
		n, err := vm.AsInt64(th, it)
		if err != nil {
			return vm.Null, err
		}
		fds[i] = int32(n)
	}
	var ready []int
	th.Blocking(func() { ready = pollMany(fds, d) })
	out := make([]vm.Value, len(ready))
	for i, r := range ready {
		out[i] = vm.MakeInt(int64(r))
	}
	return vm.NewList(out).Value(), nil
}
