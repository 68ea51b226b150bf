// Package weakref is the _weakref module: weak references built on Go's
// weak pointers (package weak), so a referent that nothing else holds is
// really collected and its references go dead.
//
// What differs from CPython, and why: CPython frees an object the moment
// its last reference goes, so `del obj; print(r())` prints None at once.
// Go's collector runs when it decides to; a referent dies at the next
// collection after it became unreachable. gc.collect() forces one (see
// stdlib/gc), and that is when callbacks run: callbacks are queued when
// the Go runtime reports the death and run, under the GIL, in the thread
// that next calls gc.collect() or creates or calls a weak reference.
package weakref

import (
	"runtime"
	"strconv"
	"sync"
	"weak"

	"gilpy/vm"
)

// Ref is a weakref.ReferenceType instance.
type Ref struct {
	vm.Object
	wp       weak.Pointer[vm.Object]
	callback vm.Value // Null: none
	hash     int64
	hashed   bool
	key      uintptr // the referent's address while alive, for the registry
}

var (
	refLayout = vm.NewLayout[Ref]("weakref.ReferenceType")
	// RefType is weakref.ref.
	RefType *vm.Type

	mu sync.Mutex
	// registry maps live referents' addresses to their references, for
	// getweakrefcount/getweakrefs and to share the plain ref(obj).
	registry = map[uintptr][]*Ref{}
	// pending are references whose referent died, awaiting callbacks.
	pending []*Ref
)

// notWeakrefable are the builtin types CPython refuses (their instances
// have no weakref slot).
func notWeakrefable(v vm.Value) bool {
	if v.HeapObject() == nil {
		return true
	}
	switch v.Type() {
	case vm.IntType, vm.StrType, vm.TupleType, vm.ListType, vm.DictType, vm.BytesType,
		vm.FloatType, vm.BoolType, vm.ComplexType, vm.ByteArrayType:
		return true
	}
	return false
}

// Get returns the referent, or Null if it died.
func (r *Ref) Get() vm.Value {
	p := r.wp.Value()
	if p == nil {
		return vm.Null
	}
	return p.Value()
}

func newRef(th *vm.Thread, t *vm.Type, obj, callback vm.Value) (vm.Value, error) {
	if notWeakrefable(obj) {
		return vm.Null, vm.Errorf(vm.TypeError, "cannot create weak reference to '%s' object", vm.TypeName(obj))
	}
	if callback.IsNone() {
		callback = vm.Null
	}
	runPending(th)
	h := obj.HeapObject()
	addr := uintptr(vm.ID(obj))
	mu.Lock()
	if t == RefType && callback.IsNull() {
		for _, r := range registry[addr] {
			if r.Type() == RefType && r.callback.IsNull() && r.wp.Value() == h {
				mu.Unlock()
				return r.Value(), nil
			}
		}
	}
	mu.Unlock()
	r := refLayout.New(t)
	r.wp = weak.Make(h)
	r.callback = callback
	r.key = addr
	mu.Lock()
	registry[addr] = append(registry[addr], r)
	mu.Unlock()
	runtime.AddCleanup(h, died, r)
	return r.Value(), nil
}

// died runs on a runtime goroutine after a referent was collected: it
// may not touch Python objects, only queue the reference.
func died(r *Ref) {
	mu.Lock()
	defer mu.Unlock()
	list := registry[r.key]
	for i, x := range list {
		if x == r {
			list = append(list[:i], list[i+1:]...)
			break
		}
	}
	if len(list) == 0 {
		delete(registry, r.key)
	} else {
		registry[r.key] = list
	}
	if !r.callback.IsNull() {
		pending = append(pending, r)
	}
}

// RunPending calls the callbacks of references whose referents died.
// The gc module calls it after a collection.
func RunPending(th *vm.Thread) { runPending(th) }

func runPending(th *vm.Thread) {
	for {
		mu.Lock()
		if len(pending) == 0 {
			mu.Unlock()
			return
		}
		r := pending[0]
		pending = pending[1:]
		mu.Unlock()
		cb := r.callback
		r.callback = vm.Null
		if _, err := vm.Call(th, cb, []vm.Value{r.Value()}, nil); err != nil {
			writeUnraisable(th, err, cb)
		}
	}
}

// writeUnraisable reports an exception from a callback the way CPython's
// PyErr_WriteUnraisable does ("Exception ignored in: ...").
func writeUnraisable(th *vm.Thread, err error, obj vm.Value) {
	exc := vm.AsException(err)
	if hook, ok := th.Interp.Sys.Get("unraisablehook"); ok {
		_ = hook
	}
	r, rerr := vm.Repr(th, obj)
	text := "Exception ignored in: "
	if rerr == nil {
		text += r.String()
	}
	if stderr, ok := th.Interp.Sys.Get("stderr"); ok {
		_, _ = vm.CallMethod(th, stderr, "write", vm.MakeStr(text+"\n"+vm.FormatException(th, exc)))
	}
}

func refsOf(obj vm.Value) []*Ref {
	h := obj.HeapObject()
	if h == nil {
		return nil
	}
	mu.Lock()
	defer mu.Unlock()
	var out []*Ref
	for _, r := range registry[uintptr(vm.ID(obj))] {
		if r.wp.Value() == h {
			out = append(out, r)
		}
	}
	return out
}

// tpName is CPython's tp_name: the bare name for classes made by a class
// statement, module-qualified for other types outside builtins.
func tpName(t *vm.Type) string {
	if t.IsHeapType() {
		return t.Name
	}
	return t.FullName()
}

func hexAddr(v vm.Value) string { return "0x" + strconv.FormatUint(vm.ID(v), 16) }

func init() {
	RefType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "ReferenceType", Module: "weakref", Layout: refLayout.Info(),
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
				npos := len(args) - len(kw)
				if npos < 1 || npos > 2 {
					return vm.Null, vm.Errorf(vm.TypeError, "__new__ expected at most 2 arguments, got %d", npos)
				}
				cb := vm.None
				if npos == 2 {
					cb = args[1]
				}
				return newRef(th, t, args[0], cb)
			},
			Init: func(th *vm.Thread, self vm.Value, args, kw []vm.Value) error { return nil },
			Call: func(th *vm.Thread, self vm.Value, args, kw []vm.Value) (vm.Value, error) {
				if len(args) > 0 || len(kw) > 0 {
					return vm.Null, vm.Errorf(vm.TypeError, "weakref() takes no arguments")
				}
				runPending(th)
				v := refLayout.Must(self).Get()
				if v.IsNull() {
					return vm.None, nil
				}
				return v, nil
			},
			Repr: func(th *vm.Thread, self vm.Value) (vm.Value, error) {
				r := refLayout.Must(self)
				v := r.Get()
				if v.IsNull() {
					return vm.MakeStr("<weakref at " + hexAddr(self) + "; dead>"), nil
				}
				name, err := vm.LookupAttr(th, v, "__name__")
				if err == nil && !name.IsNull() {
					if s, ok := vm.AsStr(name); ok {
						return vm.MakeStr("<weakref at " + hexAddr(self) + "; to '" + tpName(v.Type()) + "' at " + hexAddr(v) + " (" + s.String() + ")>"), nil
					}
				}
				return vm.MakeStr("<weakref at " + hexAddr(self) + "; to '" + tpName(v.Type()) + "' at " + hexAddr(v) + ">"), nil
			},
			Hash: func(th *vm.Thread, self vm.Value) (int64, error) {
				r := refLayout.Must(self)
				if r.hashed {
					return r.hash, nil
				}
				v := r.Get()
				if v.IsNull() {
					return 0, vm.Errorf(vm.TypeError, "weak object has gone away")
				}
				h, err := vm.Hash(th, v)
				if err != nil {
					return 0, err
				}
				r.hash, r.hashed = h, true
				return h, nil
			},
			Compare: func(th *vm.Thread, a, b vm.Value, op vm.CompareOp) (vm.Value, error) {
				ra, ok1 := refLayout.Cast(a)
				rb, ok2 := refLayout.Cast(b)
				if !ok1 || !ok2 || (op != vm.CmpEQ && op != vm.CmpNE) {
					return vm.NotImplemented, nil
				}
				x, y := ra.Get(), rb.Get()
				if x.IsNull() || y.IsNull() {
					eq := a.Is(b)
					return vm.MakeBool(eq == (op == vm.CmpEQ)), nil
				}
				return vm.RichCompare(th, x, y, op)
			},
		},
		Getters: []*vm.GetSet{{Name: "__callback__", Get: func(th *vm.Thread, self vm.Value) (vm.Value, error) {
			cb := refLayout.Must(self).callback
			if cb.IsNull() {
				return vm.None, nil
			}
			return cb, nil
		}}},
		Methods: []*vm.BuiltinMethod{{Name: "__class_getitem__", Flags: vm.MethClass, Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			return vm.NewGenericAlias(args[0], args[1]), nil
		}}},
	})
	vm.RegisterModule("_weakref", func(th *vm.Thread, m *vm.Module) error {
		m.Set("ref", RefType.Value())
		m.Set("ReferenceType", RefType.Value())
		m.AddFunc("getweakrefcount", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("getweakrefcount", args, 1, 1); err != nil {
				return vm.Null, err
			}
			return vm.MakeInt(int64(len(refsOf(args[0])))), nil
		})
		m.AddFunc("getweakrefs", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("getweakrefs", args, 1, 1); err != nil {
				return vm.Null, err
			}
			var out []vm.Value
			for _, r := range refsOf(args[0]) {
				out = append(out, r.Value())
			}
			return vm.NewList(out).Value(), nil
		})
		m.AddFunc("_remove_dead_weakref", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("_remove_dead_weakref", args, 2, 2); err != nil {
				return vm.Null, err
			}
			d, ok := vm.AsDict(args[0])
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeError, "not a dict")
			}
			v, found, err := d.Get(th, args[1])
			if err != nil || !found {
				return vm.None, err
			}
			if r, ok := refLayout.Cast(v); ok && r.Get().IsNull() {
				if _, err := d.Delete(th, args[1]); err != nil {
					return vm.Null, err
				}
			}
			return vm.None, nil
		})
		m.AddFunc("_run_pending", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			runPending(th)
			return vm.None, nil
		})
		return nil
	})
}
