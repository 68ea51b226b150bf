package multiprocessing

// Fork emulation. CPython on Linux forks: the child has a copy of the
// parent's memory, so module-level code does not run again, globals set
// under `if __name__ == "__main__":` are there, and a lambda can be a
// target. gilpy re-executes itself instead, and sends the state: __main__
// and the user modules it imported (those loaded from files), by value.
//
// The state travels as one pickle. Its Encoder gets an Override that
// sends, by value:
//
//   - a user module: a skeleton module (registered in sys.modules at once),
//     then its dict filled item by item;
//   - a user module's dict (a function's globals): a reference to the
//     rebuilt module's dict;
//   - a function of a user module (or with no module): its code object,
//     globals, then name, defaults, closure cells, annotations and dict;
//   - a class of a user module: a skeleton made by its metaclass, then
//     its attributes;
//   - cells, code objects, staticmethod/classmethod/property objects.
//
// Modules that are not user modules (builtins, gilpy's embedded library)
// travel by name and are imported afresh, as a forked child would have
// them. A module-level name whose value cannot be sent (an open file, a
// lock, a generator) is left out, as fork leaves out running threads; the
// child sees a NameError only if it uses it.

import (
	"strings"

	"gilpy/stdlib/pickle"
	"gilpy/vm"
	"gilpy/vm/code"
)

type forkReducer struct {
	th        *vm.Thread
	user      map[*vm.Module]bool
	userNames map[string]bool
	dictOwner map[uint64]*vm.Module
	fns       map[string]vm.Value
	std       map[uint64]string
	omitted   []string
}

func newForkReducer(th *vm.Thread) (*forkReducer, error) {
	f := &forkReducer{th: th, user: map[*vm.Module]bool{}, userNames: map[string]bool{},
		dictOwner: map[uint64]*vm.Module{}, fns: map[string]vm.Value{}, std: map[uint64]string{}}
	fm, err := th.ImportModule("_gilpy_fork")
	if err != nil {
		return nil, err
	}
	for _, n := range []string{"module", "module_dict", "import_module", "function", "function_state",
		"cell", "cell_set", "code", "make_class", "class_state", "class_done", "std_stream"} {
		v, ok := fm.Get(n)
		if !ok {
			return nil, vm.Errorf(vm.SystemError, "_gilpy_fork.%s is missing", n)
		}
		f.fns[n] = v
	}
	keys, vals := th.Interp.Modules.Items()
	for i, k := range keys {
		ks, _ := vm.AsStr(k)
		m, ok := vm.AsModule(vals[i])
		if ks == nil || !ok {
			continue
		}
		f.dictOwner[vm.ID(m.Dict().Value())] = m
		if isUserModule(ks.String(), m) {
			f.user[m] = true
			f.userNames[moduleName(m)] = true
		}
	}
	if sys := th.Interp.Sys; sys != nil {
		for _, n := range []string{"stdin", "stdout", "stderr", "__stdin__", "__stdout__", "__stderr__"} {
			if v, ok := sys.Get(n); ok && v.IsHeap() {
				if _, seen := f.std[vm.ID(v)]; !seen {
					f.std[vm.ID(v)] = n
				}
			}
		}
	}
	return f, nil
}

// isUserModule: __main__, and modules loaded from files (not builtin, not
// embedded in the gilpy binary).
func isUserModule(key string, m *vm.Module) bool {
	if key == "__main__" || key == "__mp_main__" {
		return true
	}
	fv, ok := m.Get("__file__")
	if !ok {
		return false
	}
	fs, ok := vm.AsStr(fv)
	if !ok {
		return false
	}
	return !strings.HasPrefix(fs.String(), "<")
}

func moduleName(m *vm.Module) string {
	if n, ok := m.Get("__name__"); ok {
		if s, ok := vm.AsStr(n); ok {
			return s.String()
		}
	}
	return m.Name()
}

// userModules lists the modules to send: __main__ first.
func (f *forkReducer) userModules() []vm.Value {
	var out []vm.Value
	if mv, ok := f.th.Interp.Modules.GetString("__main__"); ok {
		out = append(out, mv)
	}
	keys, vals := f.th.Interp.Modules.Items()
	for i := range keys {
		m, ok := vm.AsModule(vals[i])
		if !ok || !f.user[m] || (len(out) > 0 && vals[i].Is(out[0])) {
			continue
		}
		out = append(out, vals[i])
	}
	return out
}

func (f *forkReducer) call(e *pickle.Encoder, obj vm.Value, fn string, args ...vm.Value) error {
	return e.SaveReduceParts(obj, f.fns[fn], vm.NewTuple(args...).Value(), vm.None)
}

func (f *forkReducer) override(e *pickle.Encoder, v vm.Value) (bool, error) {
	if name, ok := f.std[vm.ID(v)]; ok {
		return true, f.call(e, v, "std_stream", vm.MakeStr(name))
	}
	t := v.Type()
	switch t {
	case vm.ModuleType:
		m, _ := vm.AsModule(v)
		if !f.user[m] {
			return true, f.call(e, v, "import_module", vm.MakeStr(moduleName(m)))
		}
		return true, f.saveModule(e, m)
	case vm.DictType:
		if owner := f.dictOwner[vm.ID(v)]; owner != nil {
			return true, f.call(e, v, "module_dict", owner.Value())
		}
	case vm.FunctionType:
		fn, _ := vm.AsFunction(v)
		owner := f.dictOwner[vm.ID(fn.Globals().Value())]
		if owner != nil && !f.user[owner] && !strings.Contains(fn.Qualname(), "<") {
			return false, nil // a library function: by reference
		}
		return true, f.saveFunction(e, fn, v)
	case vm.CodeType:
		co, _ := vm.AsCodeObject(v)
		return true, f.call(e, v, "code", vm.NewBytes(encodeCode(co.Code)).Value())
	case vm.CellType:
		c, _ := vm.AsCell(v)
		if err := e.SaveReduceParts(v, f.fns["cell"], vm.NewTuple().Value(), vm.None); err != nil {
			return true, err
		}
		if x := c.Get(); !x.IsNull() {
			if err := f.applyState(e, "cell_set", v, x); err != nil {
				return true, err
			}
		}
		return true, nil
	case vm.StaticMethodType, vm.ClassMethodType:
		fn, err := vm.GetAttrString(f.th, v, "__func__")
		if err != nil {
			return true, err
		}
		return true, e.SaveReduceParts(v, t.Value(), vm.NewTuple(fn).Value(), vm.None)
	case vm.PropertyType:
		var parts []vm.Value
		for _, n := range []string{"fget", "fset", "fdel", "__doc__"} {
			x, err := vm.GetAttrString(f.th, v, n)
			if err != nil {
				return true, err
			}
			parts = append(parts, x)
		}
		return true, e.SaveReduceParts(v, t.Value(), vm.NewTuple(parts...).Value(), vm.None)
	}
	if ct, ok := vm.AsType(v); ok && ct.IsHeapType() && f.userNames[ct.ModuleName()] {
		return true, f.saveClass(e, ct, v)
	}
	return false, nil
}

// applyState writes setter(obj, state) for an object already on the
// unpickler's stack and in the memo, leaving the stack as it was.
func (f *forkReducer) applyState(e *pickle.Encoder, setter string, obj, state vm.Value) error {
	if err := e.Save(f.fns[setter]); err != nil {
		return err
	}
	if err := e.Save(obj); err != nil {
		return err
	}
	if err := e.Save(state); err != nil {
		return err
	}
	e.WriteOp(0x86, 'R', '0') // TUPLE2 REDUCE POP
	return nil
}

func (f *forkReducer) saveModule(e *pickle.Encoder, m *vm.Module) error {
	mv := m.Value()
	file, path := vm.Value(vm.None), vm.Value(vm.None)
	if x, ok := m.Get("__file__"); ok {
		file = x
	}
	if x, ok := m.Get("__path__"); ok {
		if items, err := vm.SeqToSlice(f.th, x); err == nil {
			path = vm.NewList(items).Value()
		}
	}
	if err := f.call(e, mv, "module", vm.MakeStr(moduleName(m)), file, path); err != nil {
		return err
	}
	// module_dict(module): the rebuilt module's dict, memoized as the
	// parent's, then filled one item at a time.
	d := m.Dict()
	if err := e.Save(f.fns["module_dict"]); err != nil {
		return err
	}
	if err := e.Save(mv); err != nil {
		return err
	}
	e.WriteOp(0x85, 'R') // TUPLE1 REDUCE
	e.Memoize(d.Value())
	keys, vals := d.Items()
	for i, k := range keys {
		cp := e.Checkpoint()
		err := e.Save(k)
		if err == nil {
			err = e.Save(vals[i])
		}
		if err != nil {
			if _, fatal := err.(*vm.Exception); !fatal {
				return err
			}
			exc := vm.AsException(err)
			if exc.Matches(vm.RecursionError) || exc.Matches(vm.KeyboardInterrupt) {
				return err
			}
			e.Rollback(cp)
			if ks, ok := vm.AsStr(k); ok {
				f.omitted = append(f.omitted, moduleName(m)+"."+ks.String())
			}
			continue
		}
		e.WriteOp('s') // SETITEM
	}
	e.WriteOp('0') // POP the dict; the module stays
	return nil
}

func (f *forkReducer) saveFunction(e *pickle.Encoder, fn *vm.Function, v vm.Value) error {
	if err := f.call(e, v, "function", fn.Code().Value(), fn.Globals().Value()); err != nil {
		return err
	}
	th := f.th
	get := func(name string) (vm.Value, error) {
		x, err := vm.GetAttrString(th, v, name)
		if err != nil {
			return vm.Null, err
		}
		return x, nil
	}
	var parts []vm.Value
	for _, n := range []string{"__name__", "__qualname__", "__defaults__", "__kwdefaults__", "__closure__", "__doc__", "__module__", "__annotations__"} {
		x, err := get(n)
		if err != nil {
			return err
		}
		if n == "__annotations__" {
			if d, ok := vm.AsDict(x); ok && d.Len() == 0 {
				x = vm.None
			}
		}
		parts = append(parts, x)
	}
	fd := vm.Value(vm.None)
	if d := fn.Object.Dict(); d != nil && d.Len() > 0 {
		fd = d.Value()
	}
	parts = append(parts, fd)
	return f.applyState(e, "function_state", v, vm.NewTuple(parts...).Value())
}

// classSkip are the attributes a rebuilt class gets from its metaclass.
var classSkip = map[string]bool{"__module__": true, "__qualname__": true, "__dict__": true,
	"__weakref__": true, "__slots__": true, "__doc__": true}

func (f *forkReducer) saveClass(e *pickle.Encoder, t *vm.Type, v vm.Value) error {
	th := f.th
	bases := make([]vm.Value, len(t.Bases))
	for i, b := range t.Bases {
		bases[i] = b.Value()
	}
	ns := vm.NewDict()
	ns.SetString("__module__", vm.MakeStr(t.ModuleName()))
	ns.SetString("__qualname__", vm.MakeStr(t.Qualname))
	slots := map[string]bool{}
	if doc, ok := t.Dict().GetString("__doc__"); ok {
		ns.SetString("__doc__", doc)
	}
	if s, ok := t.Dict().GetString("__slots__"); ok {
		ns.SetString("__slots__", s)
		var names []vm.Value
		if str, ok := vm.AsStr(s); ok {
			names = []vm.Value{str.Value()}
		} else if items, err := vm.SeqToSlice(th, s); err == nil {
			names = items
		}
		for _, n := range names {
			if ns, ok := vm.AsStr(n); ok {
				slots[ns.String()] = true
			}
		}
	}
	// An Enum's members must be in the class body: give the metaclass
	// their values, in definition order; it makes the members again.
	members := map[string]bool{}
	if names, err := vm.LookupAttr(th, v, "_member_names_"); err == nil && !names.IsNull() {
		if mm, err := vm.LookupAttr(th, v, "_member_map_"); err == nil && !mm.IsNull() {
			items, _ := vm.SeqToSlice(th, names)
			for _, n := range items {
				m, err := vm.GetItem(th, mm, n)
				if err != nil {
					return err
				}
				val, err := vm.GetAttrString(th, m, "_value_")
				if err != nil {
					return err
				}
				if err := ns.Set(th, n, val); err != nil {
					return err
				}
				if s, ok := vm.AsStr(n); ok {
					members[s.String()] = true
				}
			}
		}
	}
	if err := f.call(e, v, "make_class", v.Type().Value(), vm.MakeStr(t.Name), vm.NewTuple(bases...).Value(), ns.Value()); err != nil {
		return err
	}
	// The rest of the namespace, one attribute at a time; an attribute
	// that cannot be sent is left out, as a module global would be.
	keys, vals := t.Dict().Items()
	for i, k := range keys {
		ks, ok := vm.AsStr(k)
		if !ok || classSkip[ks.String()] || slots[ks.String()] || members[ks.String()] {
			continue
		}
		if vals[i].Type() == vm.GetSetDescriptorType || vals[i].Type() == vm.MemberDescriptorType {
			continue
		}
		cp := e.Checkpoint()
		if err := f.applyState(e, "class_state", v, vm.NewList([]vm.Value{vm.NewTuple(k, vals[i]).Value()}).Value()); err != nil {
			exc := vm.AsException(err)
			if exc.Matches(vm.RecursionError) || exc.Matches(vm.KeyboardInterrupt) {
				return err
			}
			e.Rollback(cp)
			f.omitted = append(f.omitted, t.Qualname+"."+ks.String())
		}
	}
	if v.Type() != vm.TypeType {
		// An ABC computed its abstract methods from the skeleton: again.
		if err := f.applyState(e, "class_done", v, vm.None); err != nil {
			return err
		}
	}
	return nil
}

// ------------------------------------------------------------ _gilpy_fork

// The reconstructors a fork snapshot calls in the child.
func initForkModule(th *vm.Thread, m *vm.Module) error {
	m.AddFunc("module", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 3 {
			return vm.Null, vm.Errorf(vm.TypeError, "module() expects 3 arguments")
		}
		name, ok := vm.AsStr(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "module name must be str")
		}
		mod := vm.NewModule(name.String())
		if b, ok := th.Interp.Modules.GetString("builtins"); ok {
			mod.Set("__builtins__", b)
		}
		if !args[1].IsNone() {
			mod.Set("__file__", args[1])
		}
		if !args[2].IsNone() {
			mod.Set("__path__", args[2])
		}
		th.Interp.Modules.SetString(name.String(), mod.Value())
		return mod.Value(), nil
	})
	m.AddFunc("module_dict", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "module_dict() expects 1 argument")
		}
		mod, ok := vm.AsModule(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "module_dict() expects a module")
		}
		return mod.Dict().Value(), nil
	})
	m.AddFunc("import_module", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "import_module() expects 1 argument")
		}
		name, ok := vm.AsStr(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "module name must be str")
		}
		return th.Import(name.String())
	})
	m.AddFunc("function", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "function() expects 2 arguments")
		}
		co, ok1 := vm.AsCodeObject(args[0])
		g, ok2 := vm.AsDict(args[1])
		if !ok1 || !ok2 {
			return vm.Null, vm.Errorf(vm.TypeError, "function() expects a code object and a dict")
		}
		return vm.NewFunction(co, g).Value(), nil
	})
	m.AddFunc("function_state", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "function_state() expects 2 arguments")
		}
		fn, ok := vm.AsFunction(args[0])
		st, ok2 := vm.AsTuple(args[1])
		if !ok || !ok2 || st.Len() != 9 {
			return vm.Null, vm.Errorf(vm.TypeError, "bad function state")
		}
		s := st.Items()
		var defaults []vm.Value
		if t, ok := vm.AsTuple(s[2]); ok {
			defaults = append(defaults, t.Items()...)
		}
		kwd, _ := vm.AsDict(s[3])
		var closure []*vm.Cell
		if t, ok := vm.AsTuple(s[4]); ok {
			for _, c := range t.Items() {
				cell, ok := vm.AsCell(c)
				if !ok {
					return vm.Null, vm.Errorf(vm.TypeError, "closure items must be cells")
				}
				closure = append(closure, cell)
			}
		}
		fn.SetState(s[0], s[1], defaults, kwd, closure, s[5], s[6])
		if !s[7].IsNone() {
			if err := vm.SetAttrString(th, args[0], "__annotations__", s[7]); err != nil {
				return vm.Null, err
			}
		}
		if d, ok := vm.AsDict(s[8]); ok {
			fdv, err := vm.GetAttrString(th, args[0], "__dict__")
			if err != nil {
				return vm.Null, err
			}
			fdict, _ := vm.AsDict(fdv)
			if err := fdict.Update(th, d); err != nil {
				return vm.Null, err
			}
		}
		return vm.None, nil
	})
	m.AddFunc("cell", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		return vm.NewCell(vm.Null).Value(), nil
	})
	m.AddFunc("cell_set", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "cell_set() expects 2 arguments")
		}
		c, ok := vm.AsCell(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "cell_set() expects a cell")
		}
		c.Set(args[1])
		return vm.None, nil
	})
	m.AddFunc("code", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "code() expects 1 argument")
		}
		b, ok := vm.AsBytesLike(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "code() expects bytes")
		}
		c, err := decodeCode(b)
		if err != nil {
			return vm.Null, vm.Errorf(vm.ValueError, "%s", err.Error())
		}
		return vm.NewCodeObject(c).Value(), nil
	})
	m.AddFunc("make_class", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 4 {
			return vm.Null, vm.Errorf(vm.TypeError, "make_class() expects 4 arguments")
		}
		meta, name, bases := args[0], args[1], args[2]
		src, ok := vm.AsDict(args[3])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "make_class() expects a dict")
		}
		// The namespace the metaclass prepares (an Enum's is special).
		ns := vm.Value(vm.NewDict().Value())
		if prep, err := vm.LookupAttr(th, meta, "__prepare__"); err == nil && !prep.IsNull() {
			p, err := vm.Call(th, prep, []vm.Value{name, bases}, nil)
			if err != nil {
				return vm.Null, err
			}
			ns = p
		}
		keys, vals := src.Items()
		for i, k := range keys {
			if err := vm.SetItem(th, ns, k, vals[i]); err != nil {
				return vm.Null, err
			}
		}
		return vm.Call(th, meta, []vm.Value{name, bases, ns}, nil)
	})
	m.AddFunc("class_state", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "class_state() expects 2 arguments")
		}
		items, err := vm.SeqToSlice(th, args[1])
		if err != nil {
			return vm.Null, err
		}
		cls, _ := vm.AsType(args[0])
		plain := args[0].Type() == vm.TypeType
		for _, it := range items {
			p, ok := vm.AsTuple(it)
			if !ok || p.Len() != 2 {
				continue
			}
			name, ok := vm.AsStr(p.At(0))
			if !ok {
				continue
			}
			// What a metaclass made itself (an Enum's member map, an
			// ABC's registry) stays as it made it.
			if !plain && cls != nil {
				if _, made := cls.Dict().GetString(name.String()); made {
					continue
				}
			}
			if err := vm.SetAttr(th, args[0], vm.Intern(name.String()), p.At(1)); err != nil {
				return vm.Null, err
			}
		}
		return vm.None, nil
	})
	m.AddFunc("class_done", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) < 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "class_done() expects a class")
		}
		if _, isABC := th.Interp.Modules.GetString("abc"); !isABC {
			return vm.None, nil
		}
		if am, err := vm.LookupAttr(th, args[0], "__abstractmethods__"); err != nil || am.IsNull() {
			return vm.None, nil
		}
		abc, err := th.Import("abc")
		if err != nil {
			return vm.None, nil
		}
		if upd, err := vm.LookupAttr(th, abc, "update_abstractmethods"); err == nil && !upd.IsNull() {
			if _, err := vm.Call(th, upd, []vm.Value{args[0]}, nil); err != nil {
				return vm.Null, err
			}
		}
		return vm.None, nil
	})
	m.AddFunc("std_stream", func(th *vm.Thread, args []vm.Value, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "std_stream() expects 1 argument")
		}
		name, _ := vm.AsStr(args[0])
		if name == nil {
			return vm.None, nil
		}
		v, ok := th.Interp.Sys.Get(name.String())
		if !ok {
			return vm.None, nil
		}
		return v, nil
	})
	return nil
}

var _ = code.FlagOptimized
