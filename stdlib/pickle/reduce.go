package pickle

// This file is the default way an instance reduces (object.__reduce_ex__
// with copyreg's helpers): the class plus the arguments __new__ needs,
// and the state BUILD restores. The copyreg module itself is Python
// (stdlib/pylib/lib/copyreg.py); pickling consults its dispatch_table.

import (
	"strings"

	"gilpy/vm"
)

func callNew(th *vm.Thread, cls, args, kwargs vm.Value) (vm.Value, error) {
	nf, err := vm.GetAttrString(th, cls, "__new__")
	if err != nil {
		return vm.Null, err
	}
	a := []vm.Value{cls}
	if t, ok := vm.AsTuple(args); ok {
		a = append(a, t.Items()...)
	}
	var kwnames []vm.Value
	if d, ok := vm.AsDict(kwargs); ok && d.Len() > 0 {
		keys, vals := d.Items()
		a = append(a, vals...)
		kwnames = keys
	}
	return vm.Call(th, nf, a, kwnames)
}

func copyregDispatchTable(th *vm.Thread) vm.Value {
	m, err := th.Import("copyreg")
	if err != nil {
		return vm.Null
	}
	mod, ok := vm.AsModule(m)
	if !ok {
		return vm.Null
	}
	dt, ok := mod.Get("dispatch_table")
	if !ok {
		return vm.Null
	}
	return dt
}

// slotNames lists the __slots__ names of t and its bases (private names
// mangled), without __dict__ and __weakref__, as copyreg._slotnames.
func slotNames(th *vm.Thread, t *vm.Type) []string {
	var out []string
	for _, c := range t.MRO {
		s, ok := c.Dict().GetString("__slots__")
		if !ok {
			continue
		}
		var names []vm.Value
		if str, ok := vm.AsStr(s); ok {
			names = []vm.Value{str.Value()}
		} else if items, err := vm.SeqToSlice(th, s); err == nil {
			names = items
		}
		for _, n := range names {
			ns, ok := vm.AsStr(n)
			if !ok {
				continue
			}
			name := ns.String()
			if name == "__dict__" || name == "__weakref__" {
				continue
			}
			if strings.HasPrefix(name, "__") && !strings.HasSuffix(name, "__") {
				name = "_" + strings.TrimLeft(c.Name, "_") + name
			}
			out = append(out, name)
		}
	}
	return out
}

// ReduceDefault is object.__reduce_ex__(proto) for an object whose class
// overrides neither __reduce_ex__ nor __reduce__.
func ReduceDefault(th *vm.Thread, v vm.Value, proto int) (vm.Value, error) {
	if proto < 2 {
		return reduceEx01(th, v)
	}
	t := v.Type()
	if t.New == nil {
		return vm.Null, vm.Errorf(vm.TypeError, "cannot pickle '%s' object", tpName(t))
	}
	args, kwargs := vm.Value(vm.NewTuple().Value()), vm.Value(vm.None)
	hasArgs := false
	if g := t.LookupString("__getnewargs_ex__"); !g.IsNull() {
		r, err := vm.CallMethod(th, v, "__getnewargs_ex__")
		if err != nil {
			return vm.Null, err
		}
		p, ok := vm.AsTuple(r)
		if !ok || p.Len() != 2 {
			return vm.Null, vm.Errorf(vm.TypeError, "__getnewargs_ex__ should return a tuple of length 2")
		}
		args, kwargs, hasArgs = p.At(0), p.At(1), true
	} else if g := t.LookupString("__getnewargs__"); !g.IsNull() {
		r, err := vm.CallMethod(th, v, "__getnewargs__")
		if err != nil {
			return vm.Null, err
		}
		if _, ok := vm.AsTuple(r); !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "__getnewargs__ should return a tuple, not '%s'", vm.TypeName(r))
		}
		args, hasArgs = r, true
	}
	isList := t.IsSubtype(vm.ListType)
	isDict := t.IsSubtype(vm.DictType)
	state, err := getState(th, v, !hasArgs && !isList && !isDict)
	if err != nil {
		return vm.Null, err
	}
	listItems, dictItems := vm.Value(vm.None), vm.Value(vm.None)
	if isList {
		if listItems, err = vm.Iter(th, v); err != nil {
			return vm.Null, err
		}
	}
	if isDict {
		items, err := vm.CallMethod(th, v, "items")
		if err != nil {
			return vm.Null, err
		}
		if dictItems, err = vm.Iter(th, items); err != nil {
			return vm.Null, err
		}
	}
	if d, ok := vm.AsDict(kwargs); ok && d.Len() > 0 {
		fn, err := globalFrom(th, "copyreg", "__newobj_ex__")
		if err != nil {
			return vm.Null, err
		}
		return vm.NewTuple(fn, vm.NewTuple(t.Value(), args, kwargs).Value(), state, listItems, dictItems).Value(), nil
	}
	fn, err := globalFrom(th, "copyreg", "__newobj__")
	if err != nil {
		return vm.Null, err
	}
	at, _ := vm.AsTuple(args)
	newArgs := append([]vm.Value{t.Value()}, at.Items()...)
	return vm.NewTuple(fn, vm.NewTuple(newArgs...).Value(), state, listItems, dictItems).Value(), nil
}

func tpName(t *vm.Type) string {
	if t.IsHeapType() {
		return t.Name
	}
	return t.FullName()
}

// getState is object.__getstate__: a user __getstate__ if the class has
// one, else the instance dict (None when empty) plus set slots. required
// means the object can only be rebuilt from its state, so a Go-level
// object with hidden fields cannot be pickled.
func getState(th *vm.Thread, v vm.Value, required bool) (vm.Value, error) {
	t := v.Type()
	if gs := t.LookupString("__getstate__"); !gs.IsNull() && !gs.Is(vm.ObjectType.LookupString("__getstate__")) {
		return vm.CallMethod(th, v, "__getstate__")
	}
	if required && t.LayoutName() != "object" {
		return vm.Null, vm.Errorf(vm.TypeError, "cannot pickle '%s' object", tpName(t))
	}
	state := vm.Value(vm.None)
	if d, err := vm.LookupAttr(th, v, "__dict__"); err == nil && !d.IsNull() {
		if dd, ok := vm.AsDict(d); ok && dd.Len() > 0 {
			state = d
		}
	}
	names := slotNames(th, t)
	if len(names) > 0 {
		slots := vm.NewDict()
		hasDictState := !state.IsNone()
		for _, n := range names {
			x, err := vm.LookupAttr(th, v, n)
			if err != nil {
				return vm.Null, err
			}
			if !x.IsNull() {
				slots.SetString(n, x)
			}
		}
		// Slot values live in the instance dict in gilpy; send them once.
		if hasDictState {
			sd, _ := vm.AsDict(state)
			rest := vm.NewDict()
			keys, vals := sd.Items()
			for i, k := range keys {
				if ks, ok := vm.AsStr(k); ok {
					if _, isSlot := slots.GetString(ks.String()); isSlot {
						continue
					}
				}
				_ = rest.Set(th, k, vals[i])
			}
			state = vm.None
			if rest.Len() > 0 {
				state = rest.Value()
			}
		}
		if slots.Len() > 0 {
			state = vm.NewTuple(state, slots.Value()).Value()
		}
	}
	return state, nil
}

// reduceEx01 is copyreg._reduce_ex for protocols 0 and 1.
func reduceEx01(th *vm.Thread, v vm.Value) (vm.Value, error) {
	t := v.Type()
	base := vm.ObjectType
	for _, c := range t.MRO {
		if !c.IsHeapType() {
			base = c
			break
		}
	}
	state := vm.Value(vm.None)
	if base != vm.ObjectType {
		if base == t {
			return vm.Null, vm.Errorf(vm.TypeError, "cannot pickle %s object", strRepr(t.Name))
		}
		s, err := vm.Call(th, base.Value(), []vm.Value{v}, nil)
		if err != nil {
			return vm.Null, err
		}
		state = s
	}
	rc, err := globalFrom(th, "copyreg", "_reconstructor")
	if err != nil {
		return vm.Null, err
	}
	args := vm.NewTuple(t.Value(), base.Value(), state).Value()
	var dict vm.Value = vm.None
	if gs := t.LookupString("__getstate__"); !gs.IsNull() && !gs.Is(vm.ObjectType.LookupString("__getstate__")) {
		if dict, err = vm.CallMethod(th, v, "__getstate__"); err != nil {
			return vm.Null, err
		}
	} else if d, err := vm.LookupAttr(th, v, "__dict__"); err == nil && !d.IsNull() {
		if dd, ok := vm.AsDict(d); ok && dd.Len() > 0 {
			dict = d
		}
	}
	if dict.IsNone() {
		return vm.NewTuple(rc, args).Value(), nil
	}
	return vm.NewTuple(rc, args, dict).Value(), nil
}
