// Package pickle implements Python's pickle module in Go:
// the pickle protocols 0 to 5 (dumps writes the bytes CPython's _pickle
// writes for the same values, loads reads any of them), reduction through
// __reduce_ex__/__reduce__/__getnewargs_ex__/__getstate__/__setstate__ and
// copyreg's dispatch table (copyreg itself is Python, in pylib), and Pickler/Unpickler classes that programs
// can subclass (persistent_id, persistent_load, find_class,
// reducer_override, dispatch_table).
//
// multiprocessing uses the same Encoder and Decoder: its queues and pipes
// send values as pickles, and a child process started with the emulated
// fork method receives its parent's state as a pickle whose Encoder has an
// Override hook that sends functions and classes by value.
package pickle

import (
	"gilpy/vm"
)

// The pickle exceptions; CPython defines them in _pickle.
var (
	PickleError = vm.NewBuiltinType(vm.TypeSpec{Name: "PickleError", Module: "_pickle",
		Base: vm.ExceptionType, Doc: "Base class for pickle errors."})
	PicklingError = vm.NewBuiltinType(vm.TypeSpec{Name: "PicklingError", Module: "_pickle",
		Base: PickleError, Doc: "This exception is raised when an unpicklable object is passed to the dump() method."})
	UnpicklingError = vm.NewBuiltinType(vm.TypeSpec{Name: "UnpicklingError", Module: "_pickle",
		Base: PickleError, Doc: "This exception is raised when there is a problem unpickling an object."})
)

// defaultFindClass is Unpickler.find_class as defined here, so load() can
// tell whether a subclass overrides it.
var defaultFindClass vm.Value

func init() {
	defaultFindClass = unpicklerType.LookupString("find_class")
	vm.RegisterModule("pickle", initPickle)
	vm.RegisterModule("_pickle", initPickle)
}

// Dumps pickles v with the given protocol (CPython's pickle.dumps).
func Dumps(th *vm.Thread, v vm.Value, proto int) ([]byte, error) {
	e := NewEncoder(th, proto)
	return e.Dump(v)
}

// Loads unpickles one value from data.
func Loads(th *vm.Thread, data []byte) (vm.Value, error) {
	return NewDecoder(th, data).Load()
}

func protoArg(th *vm.Thread, v vm.Value) (int, error) {
	if v.IsNull() || v.IsNone() {
		return DefaultProtocol, nil
	}
	n, err := vm.AsInt64(th, v)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return HighestProtocol, nil
	}
	if n > HighestProtocol {
		return 0, vm.Errorf(vm.ValueError, "pickle protocol must be <= %d", HighestProtocol)
	}
	return int(n), nil
}

func initPickle(th *vm.Thread, m *vm.Module) error {
	m.Set("PickleError", PickleError.Value())
	m.Set("PicklingError", PicklingError.Value())
	m.Set("UnpicklingError", UnpicklingError.Value())
	m.Set("HIGHEST_PROTOCOL", vm.MakeInt(HighestProtocol))
	m.Set("DEFAULT_PROTOCOL", vm.MakeInt(DefaultProtocol))
	m.AddType(picklerType)
	m.AddType(unpicklerType)
	m.AddFunc("dumps", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		var obj, proto, fix, bufcb vm.Value = vm.Null, vm.None, vm.True, vm.None
		if err := vm.UnpackArgs("dumps", args, kw, "obj", &obj, "protocol?", &proto, "*", "fix_imports?", &fix, "buffer_callback?", &bufcb); err != nil {
			return vm.Null, err
		}
		p, err := protoArg(th, proto)
		if err != nil {
			return vm.Null, err
		}
		b, err := Dumps(th, obj, p)
		if err != nil {
			return vm.Null, err
		}
		return vm.NewBytes(append([]byte(nil), b...)).Value(), nil
	})
	m.AddFunc("dump", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		var obj, file, proto, fix, bufcb vm.Value = vm.Null, vm.Null, vm.None, vm.True, vm.None
		if err := vm.UnpackArgs("dump", args, kw, "obj", &obj, "file", &file, "protocol?", &proto, "*", "fix_imports?", &fix, "buffer_callback?", &bufcb); err != nil {
			return vm.Null, err
		}
		p, err := protoArg(th, proto)
		if err != nil {
			return vm.Null, err
		}
		b, err := Dumps(th, obj, p)
		if err != nil {
			return vm.Null, err
		}
		_, err = vm.CallMethod(th, file, "write", vm.NewBytes(append([]byte(nil), b...)).Value())
		return vm.None, err
	})
	m.AddFunc("loads", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		var data, fix, enc, errs, bufs vm.Value = vm.Null, vm.True, vm.MakeStr("ASCII"), vm.MakeStr("strict"), vm.None
		if err := vm.UnpackArgs("loads", args, kw, "data", &data, "/", "*", "fix_imports?", &fix, "encoding?", &enc, "errors?", &errs, "buffers?", &bufs); err != nil {
			return vm.Null, err
		}
		b, ok := vm.AsBytesLike(data)
		if !ok {
			if _, isStr := vm.AsStr(data); isStr {
				return vm.Null, vm.Errorf(vm.TypeError, "a bytes-like object is required, not 'str'")
			}
			return vm.Null, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(data))
		}
		d := NewDecoder(th, b)
		setDecodeOpts(d, fix, enc, errs)
		return d.Load()
	})
	m.AddFunc("load", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		var file, fix, enc, errs, bufs vm.Value = vm.Null, vm.True, vm.MakeStr("ASCII"), vm.MakeStr("strict"), vm.None
		if err := vm.UnpackArgs("load", args, kw, "file", &file, "*", "fix_imports?", &fix, "encoding?", &enc, "errors?", &errs, "buffers?", &bufs); err != nil {
			return vm.Null, err
		}
		d := NewFileDecoder(th, file)
		setDecodeOpts(d, fix, enc, errs)
		return d.Load()
	})
	return nil
}

func setDecodeOpts(d *Decoder, fix, enc, errs vm.Value) {
	d.FixImports = fix.IsTrue() || (!fix.IsBool() && !fix.IsNone())
	if s, ok := vm.AsStr(enc); ok {
		d.Encoding = s.String()
	}
	if s, ok := vm.AsStr(errs); ok {
		d.Errors = s.String()
	}
}

// ------------------------------------------------------------ Pickler

// Pickler is pickle.Pickler: an encoder bound to a file, whose hooks a
// subclass may define.
type Pickler struct {
	vm.Object
	file  vm.Value
	proto int
	enc   *Encoder
}

var picklerLayout = vm.NewLayout[Pickler]("Pickler")

var picklerType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "Pickler", Module: "_pickle", Layout: picklerLayout.Info(), HasDict: true,
	Doc: "This takes a binary file for writing a pickle data stream.",
	Slots: vm.Slots{
		New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			p := picklerLayout.New(t)
			p.file = vm.None
			return p.Value(), nil
		},
		Init: func(th *vm.Thread, self vm.Value, args []vm.Value, kw []vm.Value) error {
			var file, proto, fix, bufcb vm.Value = vm.Null, vm.None, vm.True, vm.None
			if err := vm.UnpackArgs("Pickler", args, kw, "file", &file, "protocol?", &proto, "fix_imports?", &fix, "buffer_callback?", &bufcb); err != nil {
				return err
			}
			p := picklerLayout.Must(self)
			n, err := protoArg(th, proto)
			if err != nil {
				return err
			}
			if w, err := vm.LookupAttr(th, file, "write"); err != nil || w.IsNull() {
				return vm.Errorf(vm.TypeError, "file must have a 'write' attribute")
			}
			p.file, p.proto = file, n
			p.enc = NewEncoder(th, n)
			return nil
		},
	},
	Methods: []*vm.BuiltinMethod{
		{Name: "dump", Fn: picklerDump},
		{Name: "clear_memo", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			if p := picklerLayout.Must(args[0]); p.enc != nil {
				p.enc.ClearMemo()
			}
			return vm.None, nil
		}},
	},
})

func picklerDump(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	if len(args) != 2 {
		return vm.Null, vm.Errorf(vm.TypeError, "dump() takes exactly one argument (%d given)", len(args)-1)
	}
	self := args[0]
	p := picklerLayout.Must(self)
	if p.enc == nil {
		return vm.Null, vm.Errorf(PicklingError, "Pickler.__init__() was not called by %s.__init__()", vm.TypeName(self))
	}
	e := p.enc
	e.th = th
	e.Reset()
	e.PersistentID, e.DispatchTable, e.ReducerOverride = nil, vm.Null, vm.Null
	if pid, err := vm.LookupAttr(th, self, "persistent_id"); err == nil && !pid.IsNull() {
		e.PersistentID = func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			return vm.Call(th, pid, []vm.Value{v}, nil)
		}
	}
	if dt, err := vm.LookupAttr(th, self, "dispatch_table"); err == nil && !dt.IsNull() {
		e.DispatchTable = dt
	}
	if ro, err := vm.LookupAttr(th, self, "reducer_override"); err == nil && !ro.IsNull() {
		e.ReducerOverride = ro
	}
	b, err := e.Dump(args[1])
	if err != nil {
		return vm.Null, err
	}
	_, err = vm.CallMethod(th, p.file, "write", vm.NewBytes(append([]byte(nil), b...)).Value())
	e.Reset()
	if err != nil {
		return vm.Null, err
	}
	return vm.None, nil
}

// ------------------------------------------------------------ Unpickler

// Unpickler is pickle.Unpickler.
type Unpickler struct {
	vm.Object
	file             vm.Value
	enc, errs        vm.Value
	fix              vm.Value
	memo             map[int]vm.Value
	initialized      bool
	dec              *Decoder
	decoderWithState bool
}

var unpicklerLayout = vm.NewLayout[Unpickler]("Unpickler")

var unpicklerType = vm.NewBuiltinType(vm.TypeSpec{
	Name: "Unpickler", Module: "_pickle", Layout: unpicklerLayout.Info(), HasDict: true,
	Doc: "This takes a binary file for reading a pickle data stream.",
	Slots: vm.Slots{
		New: func(th *vm.Thread, t *vm.Type, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			u := unpicklerLayout.New(t)
			u.file = vm.None
			return u.Value(), nil
		},
		Init: func(th *vm.Thread, self vm.Value, args []vm.Value, kw []vm.Value) error {
			var file, fix, enc, errs, bufs vm.Value = vm.Null, vm.True, vm.MakeStr("ASCII"), vm.MakeStr("strict"), vm.None
			if err := vm.UnpackArgs("Unpickler", args, kw, "file", &file, "*", "fix_imports?", &fix, "encoding?", &enc, "errors?", &errs, "buffers?", &bufs); err != nil {
				return err
			}
			u := unpicklerLayout.Must(self)
			u.file, u.fix, u.enc, u.errs = file, fix, enc, errs
			u.initialized = true
			u.dec = NewFileDecoder(th, file)
			setDecodeOpts(u.dec, fix, enc, errs)
			return nil
		},
	},
	Methods: []*vm.BuiltinMethod{
		{Name: "load", Fn: unpicklerLoad},
		{Name: "find_class", Fn: func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
			if len(args) != 3 {
				return vm.Null, vm.Errorf(vm.TypeError, "find_class expected 2 arguments, got %d", len(args)-1)
			}
			ms, ok1 := vm.AsStr(args[1])
			ns, ok2 := vm.AsStr(args[2])
			if !ok1 || !ok2 {
				return vm.Null, vm.Errorf(vm.TypeError, "find_class arguments must be str")
			}
			u := unpicklerLayout.Must(args[0])
			dotted := true
			if u.dec != nil {
				dotted = u.dec.proto >= 4
			}
			return FindClass(th, ms.String(), ns.String(), dotted)
		}},
	},
})

func unpicklerLoad(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
	self := args[0]
	u := unpicklerLayout.Must(self)
	if !u.initialized {
		return vm.Null, vm.Errorf(UnpicklingError, "Unpickler.__init__() was not called by %s.__init__()", vm.TypeName(self))
	}
	d := u.dec
	d.th = th
	d.FindClass, d.PersistentLoad = nil, nil
	if !self.Type().LookupString("find_class").Is(defaultFindClass) {
		if fc, err := vm.LookupAttr(th, self, "find_class"); err == nil && !fc.IsNull() {
			d.FindClass = func(th *vm.Thread, module, name string) (vm.Value, error) {
				return vm.Call(th, fc, []vm.Value{vm.MakeStr(module), vm.MakeStr(name)}, nil)
			}
		}
	}
	if pl, err := vm.LookupAttr(th, self, "persistent_load"); err == nil && !pl.IsNull() {
		d.PersistentLoad = func(th *vm.Thread, pid vm.Value) (vm.Value, error) {
			return vm.Call(th, pl, []vm.Value{pid}, nil)
		}
	}
	return d.Load()
}
