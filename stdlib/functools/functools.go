// Package functools is the _functools module: partial, reduce and the
// lru_cache wrapper, in Go because they wrap hot calls (a memoised
// recursive function calls its wrapper once per step). functools.py
// (stdlib/pylib/lib) builds the rest of the module on top.
package functools

import (
	"strings"

	"gilpy/vm"
)

// Partial is functools.partial.
type Partial struct {
	vm.Object
	fn      vm.Value
	args    []vm.Value
	kwnames []vm.Value // keyword names, in order
	kwvals  []vm.Value
}

var (
	partialLayout = vm.NewLayout[Partial]("functools.partial")
	partialType   *vm.Type

	lruLayout = vm.NewLayout[lruWrapper]("functools._lru_cache_wrapper")
	lruType   *vm.Type
	lruEntryLayout = vm.NewLayout[lruEntry]("functools._lru_list_elem")
	lruEntryType   *vm.Type
)

func (p *Partial) keywords() *vm.Dict {
	d := vm.NewDict()
	for i, k := range p.kwnames {
		s, _ := vm.AsStr(k)
		d.SetStr(vm.Intern(s.String()), p.kwvals[i])
	}
	return d
}

func partialNew(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
	npos := len(args) - len(kw)
	if npos < 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "type 'partial' takes at least one argument")
	}
	fn := args[0]
	if !vm.Callable(fn) {
		return vm.Null, vm.Errorf(vm.TypeError, "the first argument must be callable")
	}
	p := partialLayout.New(t)
	var pre []vm.Value
	var kwn, kwv []vm.Value
	// Flatten partial(partial(f, ...), ...) when the inner one is a plain
	// partial without instance attributes, as CPython does.
	if inner, ok := partialLayout.Cast(fn); ok && fn.Type() == partialType && t == partialType &&
		(inner.Dict() == nil || inner.Dict().Len() == 0) {
		fn = inner.fn
		pre = append(pre, inner.args...)
		kwn = append(kwn, inner.kwnames...)
		kwv = append(kwv, inner.kwvals...)
	}
	p.fn = fn
	p.args = append(pre, args[1:npos]...)
	p.kwnames, p.kwvals = kwn, kwv
	for i, k := range kw {
		p.setKw(k, args[npos+i])
	}
	return p.Value(), nil
}

func (p *Partial) setKw(k, v vm.Value) {
	ks, _ := vm.AsStr(k)
	for j, e := range p.kwnames {
		if es, _ := vm.AsStr(e); es.String() == ks.String() {
			p.kwvals[j] = v
			return
		}
	}
	p.kwnames = append(p.kwnames, k)
	p.kwvals = append(p.kwvals, v)
}

func partialCall(th *vm.Thread, self vm.Value, args, kw []vm.Value) (vm.Value, error) {
	p := partialLayout.Must(self)
	npos := len(args) - len(kw)
	all := make([]vm.Value, 0, len(p.args)+len(args)+len(p.kwvals))
	all = append(all, p.args...)
	all = append(all, args[:npos]...)
	if len(p.kwnames) == 0 {
		all = append(all, args[npos:]...)
		return vm.Call(th, p.fn, all, kw)
	}
	// Call-time keywords override stored ones.
	names := append([]vm.Value(nil), p.kwnames...)
	vals := append([]vm.Value(nil), p.kwvals...)
	for i, k := range kw {
		ks, _ := vm.AsStr(k)
		found := false
		for j, e := range names {
			if es, _ := vm.AsStr(e); es.String() == ks.String() {
				vals[j] = args[npos+i]
				found = true
				break
			}
		}
		if !found {
			names = append(names, k)
			vals = append(vals, args[npos+i])
		}
	}
	all = append(all, vals...)
	return vm.Call(th, p.fn, all, names)
}

func partialRepr(th *vm.Thread, self vm.Value) (vm.Value, error) {
	p := partialLayout.Must(self)
	name := "functools.partial"
	if self.Type() != partialType {
		name = self.Type().Qualname
	}
	if !th.ReprEnter(self) {
		return vm.MakeStr("..."), nil
	}
	defer th.ReprLeave(self)
	r, err := vm.Repr(th, p.fn)
	if err != nil {
		return vm.Null, err
	}
	parts := []string{r.String()}
	for _, a := range p.args {
		r, err := vm.Repr(th, a)
		if err != nil {
			return vm.Null, err
		}
		parts = append(parts, r.String())
	}
	for i, k := range p.kwnames {
		ks, _ := vm.AsStr(k)
		r, err := vm.Repr(th, p.kwvals[i])
		if err != nil {
			return vm.Null, err
		}
		parts = append(parts, ks.String()+"="+r.String())
	}
	return vm.MakeStr(name + "(" + strings.Join(parts, ", ") + ")"), nil
}

func reduce(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("reduce", kw); err != nil {
		return vm.Null, err
	}
	if err := vm.ArgCount("reduce", args, 2, 3); err != nil {
		return vm.Null, err
	}
	fn := args[0]
	acc := vm.Null
	if len(args) == 3 {
		acc = args[2]
	}
	it, err := vm.Iter(th, args[1])
	if err != nil {
		if vm.AsException(err).Matches(vm.TypeError) {
			return vm.Null, vm.Errorf(vm.TypeError, "reduce() arg 2 must support iteration")
		}
		return vm.Null, err
	}
	for {
		x, err := vm.Next(th, it)
		if err != nil {
			return vm.Null, err
		}
		if x.IsNull() {
			break
		}
		if acc.IsNull() {
			acc = x
			continue
		}
		if acc, err = vm.Call(th, fn, []vm.Value{acc, x}, nil); err != nil {
			return vm.Null, err
		}
	}
	if acc.IsNull() {
		return vm.Null, vm.Errorf(vm.TypeError, "reduce() of empty iterable with no initial value")
	}
	return acc, nil
}

// ------------------------------------------------------------ lru_cache

// lruEntry is a cached result in the recency list (bounded caches).
type lruEntry struct {
	vm.Object
	key, result vm.Value
	prev, next  *lruEntry
}

type lruWrapper struct {
	vm.Object
	fn        vm.Value
	maxsize   int // -1: unbounded
	typed     bool
	cacheInfo vm.Value
	cache     *vm.Dict
	root      lruEntry // sentinel: root.next is the oldest
	hits      int64
	misses    int64
}

var kwdMark = vm.NewTuple() // separates positional from keyword arguments

// makeKey builds the cache key as CPython's _make_key does, so that the
// same calls hit: a lone int or str argument is its own key.
func makeKey(args, kw []vm.Value, typed bool) vm.Value {
	npos := len(args) - len(kw)
	if len(kw) == 0 && npos == 1 && !typed {
		a := args[0]
		t := a.Type()
		if t == vm.IntType || t == vm.StrType {
			return a
		}
	}
	items := make([]vm.Value, 0, len(args)+len(kw)+1)
	items = append(items, args[:npos]...)
	if len(kw) > 0 {
		items = append(items, kwdMark.Value())
		for i, k := range kw {
			items = append(items, k, args[npos+i])
		}
	}
	if typed {
		for _, a := range args[:npos] {
			items = append(items, a.Type().Value())
		}
		for _, v := range args[npos:] {
			items = append(items, v.Type().Value())
		}
	}
	return vm.NewTuple(items...).Value()
}

func (w *lruWrapper) unlink(e *lruEntry) {
	e.prev.next = e.next
	e.next.prev = e.prev
}

func (w *lruWrapper) pushNewest(e *lruEntry) {
	last := w.root.prev
	last.next = e
	e.prev = last
	e.next = &w.root
	w.root.prev = e
}

func lruCall(th *vm.Thread, self vm.Value, args, kw []vm.Value) (vm.Value, error) {
	w := lruLayout.Must(self)
	if w.maxsize == 0 {
		w.misses++
		return vm.Call(th, w.fn, args, kw)
	}
	key := makeKey(args, kw, w.typed)
	v, found, err := w.cache.Get(th, key)
	if err != nil {
		return vm.Null, err
	}
	if found {
		w.hits++
		if w.maxsize < 0 {
			return v, nil
		}
		e, _ := lruEntryLayout.Cast(v)
		w.unlink(e)
		w.pushNewest(e)
		return e.result, nil
	}
	w.misses++
	r, err := vm.Call(th, w.fn, append([]vm.Value(nil), args...), kw)
	if err != nil {
		return vm.Null, err
	}
	if w.maxsize < 0 {
		if err := w.cache.Set(th, key, r); err != nil {
			return vm.Null, err
		}
		return r, nil
	}
	// The call may have filled this key already (recursion, or another
	// thread while the GIL was released).
	if _, found, err := w.cache.Get(th, key); err != nil || found {
		return r, err
	}
	e := lruEntryLayout.New(lruEntryType)
	e.key, e.result = key, r
	if w.cache.Len() >= w.maxsize {
		oldest := w.root.next
		w.unlink(oldest)
		if _, err := w.cache.Delete(th, oldest.key); err != nil {
			return vm.Null, err
		}
	}
	if err := w.cache.Set(th, key, e.Value()); err != nil {
		return vm.Null, err
	}
	w.pushNewest(e)
	return r, nil
}

func lruNew(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
	fn, maxsize, typed, info := vm.Null, vm.Null, vm.Null, vm.Null
	if err := vm.UnpackArgs("_lru_cache_wrapper", args, kw, "user_function", &fn, "maxsize", &maxsize, "typed", &typed, "cache_info_type", &info); err != nil {
		return vm.Null, err
	}
	if !vm.Callable(fn) {
		return vm.Null, vm.Errorf(vm.TypeError, "the first argument must be callable")
	}
	w := lruLayout.New(t)
	w.fn, w.cacheInfo = fn, info
	w.cache = vm.NewDict()
	w.root.next, w.root.prev = &w.root, &w.root
	w.maxsize = -1
	if !maxsize.IsNone() {
		n, err := vm.AsInt64(th, maxsize)
		if err != nil {
			return vm.Null, err
		}
		if n < 0 {
			n = 0
		}
		w.maxsize = int(n)
	}
	tb, err := vm.Truth(th, typed)
	if err != nil {
		return vm.Null, err
	}
	w.typed = tb
	w.SetDict(vm.NewDict())
	return w.Value(), nil
}

// dictGetSet exposes an instance __dict__ on a Go type that has one.
var dictGetSet = &vm.GetSet{Name: "__dict__", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
	o := v.HeapObject()
	if o.Dict() == nil {
		o.SetDict(vm.NewDict())
	}
	return o.Dict().Value(), nil
}, Set: func(th *vm.Thread, v, d vm.Value) error {
	dd, ok := vm.AsDict(d)
	if !ok {
		return vm.Errorf(vm.TypeError, "__dict__ must be set to a dictionary, not a '%s'", vm.TypeName(d))
	}
	v.HeapObject().SetDict(dd)
	return nil
}}

func init() {
	partialType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "partial", Module: "functools", Layout: partialLayout.Info(), HasDict: true,
		Doc: "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n",
		Slots: vm.Slots{
			New:  partialNew,
			Call: partialCall,
			Repr: partialRepr,
		},
		Getters: []*vm.GetSet{
			dictGetSet,
			{Name: "func", Doc: "function object to use in future partial calls", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return partialLayout.Must(v).fn, nil
			}},
			{Name: "args", Doc: "tuple of arguments to future partial calls", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return vm.NewTuple(partialLayout.Must(v).args...).Value(), nil
			}},
			{Name: "keywords", Doc: "dictionary of keyword arguments to future partial calls", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return partialLayout.Must(v).keywords().Value(), nil
			}},
		},
		Methods: []*vm.BuiltinMethod{
			{Name: "__reduce__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				p := partialLayout.Must(args[0])
				d := vm.None
				if p.Dict() != nil && p.Dict().Len() > 0 {
					d = p.Dict().Value()
				}
				state := vm.NewTuple(p.fn, vm.NewTuple(p.args...).Value(), p.keywords().Value(), d).Value()
				return vm.NewTuple(args[0].Type().Value(), vm.NewTuple(p.fn).Value(), state).Value(), nil
			}},
			{Name: "__setstate__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				p := partialLayout.Must(args[0])
				st, ok := vm.AsTuple(args[1])
				if !ok || st.Len() != 4 {
					return vm.Null, vm.Errorf(vm.TypeError, "invalid partial state")
				}
				p.fn = st.At(0)
				a, _ := vm.SeqToSlice(th, st.At(1))
				p.args = a
				p.kwnames, p.kwvals = nil, nil
				if d, ok := vm.AsDict(st.At(2)); ok {
					keys, vals := d.Items()
					for i := range keys {
						p.setKw(keys[i], vals[i])
					}
				}
				if d, ok := vm.AsDict(st.At(3)); ok {
					p.SetDict(d.Copy())
				}
				return vm.None, nil
			}},
			{Name: "__class_getitem__", Flags: vm.MethClass, Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return vm.NewGenericAlias(args[0], args[1]), nil
			}},
		},
	})
	lruEntryType = vm.NewBuiltinType(vm.TypeSpec{Name: "_lru_list_elem", Module: "functools", Layout: lruEntryLayout.Info(), Final: true})
	lruType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "_lru_cache_wrapper", Module: "functools", Layout: lruLayout.Info(), HasDict: true,
		Slots: vm.Slots{
			New:  lruNew,
			Call: lruCall,
			DescrGet: func(th *vm.Thread, descr, obj vm.Value, t *vm.Type) (vm.Value, error) {
				if obj.IsNull() || obj.IsNone() {
					return descr, nil
				}
				return vm.NewMethod(descr, obj), nil
			},
		},
		Methods: []*vm.BuiltinMethod{
			{Name: "cache_info", Doc: "Report cache statistics", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				w := lruLayout.Must(args[0])
				ms := vm.None
				if w.maxsize >= 0 {
					ms = vm.MakeInt(int64(w.maxsize))
				}
				size := w.cache.Len()
				return vm.Call(th, w.cacheInfo, []vm.Value{vm.MakeInt(w.hits), vm.MakeInt(w.misses), ms, vm.MakeInt(int64(size))}, nil)
			}},
			{Name: "cache_clear", Doc: "Clear the cache and cache statistics", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				w := lruLayout.Must(args[0])
				w.cache = vm.NewDict()
				w.root.next, w.root.prev = &w.root, &w.root
				w.hits, w.misses = 0, 0
				return vm.None, nil
			}},
			{Name: "__reduce__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return vm.GetAttrString(th, args[0], "__qualname__")
			}},
			{Name: "__copy__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return args[0], nil }},
			{Name: "__deepcopy__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return args[0], nil }},
		},
		Getters: []*vm.GetSet{{Name: "__dict__", Get: dictGetSet.Get, Set: dictGetSet.Set}},
	})
	vm.RegisterModule("_functools", func(th *vm.Thread, m *vm.Module) error {
		m.Set("partial", partialType.Value())
		m.Set("_lru_cache_wrapper", lruType.Value())
		m.AddFunc("reduce", reduce)
		return nil
	})
}
