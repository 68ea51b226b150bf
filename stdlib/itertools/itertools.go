// Package itertools is Python's itertools module, in Go: these iterators
// sit inside the inner loops of the programs that use them.
//
// Every iterator is an object of its own type (count, chain, groupby, ...)
// whose state lives in a Go closure; the types share one layout.
package itertools

import (
	"strings"

	"gilpy/vm"
)

// iterObj is an itertools iterator: next yields the following item or
// Null when exhausted; repr, when set, is the type's custom repr.
type iterObj struct {
	vm.Object
	next func(th *vm.Thread) (vm.Value, error)
	repr func(th *vm.Thread) (string, error)
	hint func() int // __length_hint__, or nil
	done bool
	tee  *teeObj
}

var iterLayout = vm.NewLayout[iterObj]("itertools.iterator")

type ctor func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error

var types = map[string]*vm.Type{}

func newType(name, doc string, c ctor, extra ...*vm.BuiltinMethod) *vm.Type {
	t := vm.NewBuiltinType(vm.TypeSpec{
		Name: name, Module: "itertools", Layout: iterLayout.Info(), Doc: doc,
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
				o := iterLayout.New(t)
				if err := c(th, o, args, kw); err != nil {
					return vm.Null, err
				}
				return o.Value(), nil
			},
			Iter: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return v, nil },
			Next: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				o := iterLayout.Must(v)
				if o.done {
					return vm.Null, nil
				}
				r, err := o.next(th)
				if err != nil {
					return vm.Null, err
				}
				if r.IsNull() {
					o.done = true
				}
				return r, nil
			},
			Repr: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				o := iterLayout.Must(v)
				if o.repr != nil {
					s, err := o.repr(th)
					if err != nil {
						return vm.Null, err
					}
					return vm.MakeStr(s), nil
				}
				return vm.MakeStr("<itertools." + v.Type().Name + " object at 0x" + hex(vm.ID(v)) + ">"), nil
			},
		},
		Methods: append([]*vm.BuiltinMethod{
			{Name: "__length_hint__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				o := iterLayout.Must(args[0])
				if o.hint == nil {
					return vm.NotImplemented, nil
				}
				return vm.MakeInt(int64(o.hint())), nil
			}},
			{Name: "__class_getitem__", Flags: vm.MethClass, Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return vm.NewGenericAlias(args[0], args[1]), nil
			}},
		}, extra...),
	})
	types[name] = t
	return t
}

func hex(n uint64) string {
	const digits = "0123456789abcdef"
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{digits[n&15]}, b...)
		n >>= 4
	}
	return string(b)
}

// iterOf is iter(v) returning a Go next function.
func iterOf(th *vm.Thread, v vm.Value) (func() (vm.Value, error), error) {
	it, err := vm.Iter(th, v)
	if err != nil {
		return nil, err
	}
	return func() (vm.Value, error) { return vm.Next(th, it) }, nil
}

func positional(name string, args, kw []vm.Value, lo, hi int) error {
	if len(kw) > 0 {
		return vm.Errorf(vm.TypeError, "%s() takes no keyword arguments", name)
	}
	n := len(args)
	if n < lo || (hi >= 0 && n > hi) {
		switch {
		case lo == hi:
			return vm.Errorf(vm.TypeError, "%s expected %d argument%s, got %d", name, lo, plural(lo), n)
		case n < lo:
			return vm.Errorf(vm.TypeError, "%s expected at least %d argument%s, got %d", name, lo, plural(lo), n)
		default:
			return vm.Errorf(vm.TypeError, "%s expected at most %d argument%s, got %d", name, hi, plural(hi), n)
		}
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func reprOf(th *vm.Thread, v vm.Value) (string, error) {
	r, err := vm.Repr(th, v)
	if err != nil {
		return "", err
	}
	return r.String(), nil
}

func init() {
	initTypes()
	vm.RegisterModule("itertools", func(th *vm.Thread, m *vm.Module) error {
		for name, t := range types {
			if !strings.HasPrefix(name, "_") {
				m.Set(name, t.Value())
			}
		}
		m.Set("_tee", types["_tee"].Value())
		m.Set("_grouper", types["_grouper"].Value())
		m.AddFunc("tee", tee)
		return nil
	})
}

func initTypes() {
	newType("count", "Return a count object whose .__next__() method returns consecutive values.", func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
		start, step := vm.MakeInt(0), vm.MakeInt(1)
		if err := vm.UnpackArgs("count", args, kw, "start?", &start, "step?", &step); err != nil {
			return err
		}
		for _, v := range []vm.Value{start, step} {
			if !isNumber(v) {
				return vm.Errorf(vm.TypeError, "a number is required")
			}
		}
		cur := start
		stepIsOne := step.IsSmallInt() && step.SmallInt() == 1
		o.next = func(th *vm.Thread) (vm.Value, error) {
			r := cur
			n, err := vm.BinaryOperation(th, cur, step, vm.OpAdd)
			if err != nil {
				return vm.Null, err
			}
			cur = n
			return r, nil
		}
		o.repr = func(th *vm.Thread) (string, error) {
			s, err := reprOf(th, cur)
			if err != nil {
				return "", err
			}
			if stepIsOne {
				return "count(" + s + ")", nil
			}
			st, err := reprOf(th, step)
			if err != nil {
				return "", err
			}
			return "count(" + s + ", " + st + ")", nil
		}
		return nil
	})
	newType("cycle", "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.", func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
		if err := positional("cycle", args, kw, 1, 1); err != nil {
			return err
		}
		next, err := iterOf(th, args[0])
		if err != nil {
			return err
		}
		var saved []vm.Value
		i, first := 0, true
		o.next = func(th *vm.Thread) (vm.Value, error) {
			if first {
				v, err := next()
				if err != nil {
					return vm.Null, err
				}
				if !v.IsNull() {
					saved = append(saved, v)
					return v, nil
				}
				first = false
			}
			if len(saved) == 0 {
				return vm.Null, nil
			}
			v := saved[i]
			i = (i + 1) % len(saved)
			return v, nil
		}
		return nil
	})
	newType("repeat", "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly.", func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
		obj, timesV := vm.Null, vm.Null
		if err := vm.UnpackArgs("repeat", args, kw, "object", &obj, "times?", &timesV); err != nil {
			return err
		}
		left := -1
		if !timesV.IsNull() {
			n, err := vm.AsIndex(th, timesV)
			if err != nil {
				return err
			}
			if n < 0 {
				n = 0
			}
			left = n
		}
		o.next = func(th *vm.Thread) (vm.Value, error) {
			if left == 0 {
				return vm.Null, nil
			}
			if left > 0 {
				left--
			}
			return obj, nil
		}
		if left >= 0 {
			o.hint = func() int { return left }
		}
		o.repr = func(th *vm.Thread) (string, error) {
			s, err := reprOf(th, obj)
			if err != nil {
				return "", err
			}
			if left < 0 {
				return "repeat(" + s + ")", nil
			}
			return "repeat(" + s + ", " + itoa(left) + ")", nil
		}
		return nil
	})
	newType("accumulate", "Return series of accumulated sums (or other binary function results).", func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
		iterable, fn, initial := vm.Null, vm.None, vm.None
		for _, k := range kw {
			s, _ := vm.AsStr(k)
			if s.String() != "initial" && s.String() != "func" && s.String() != "iterable" {
				return vm.Errorf(vm.TypeError, "'%s' is an invalid keyword argument for accumulate()", s.String())
			}
		}
		if err := vm.UnpackArgs("accumulate", args, kw, "iterable", &iterable, "func?", &fn, "*", "initial?", &initial); err != nil {
			return err
		}
		next, err := iterOf(th, iterable)
		if err != nil {
			return err
		}
		total := vm.Null
		pendingInitial := !initial.IsNone()
		o.next = func(th *vm.Thread) (vm.Value, error) {
			if pendingInitial {
				pendingInitial = false
				total = initial
				return total, nil
			}
			v, err := next()
			if err != nil || v.IsNull() {
				return vm.Null, err
			}
			if total.IsNull() {
				total = v
				return total, nil
			}
			if fn.IsNone() {
				total, err = vm.BinaryOperation(th, total, v, vm.OpAdd)
			} else {
				total, err = vm.Call(th, fn, []vm.Value{total, v}, nil)
			}
			if err != nil {
				return vm.Null, err
			}
			return total, nil
		}
		return nil
	})
	chainCtor := func(th *vm.Thread, o *iterObj, sources func() (vm.Value, error)) {
		var cur func() (vm.Value, error)
		o.next = func(th *vm.Thread) (vm.Value, error) {
			for {
				if cur == nil {
					src, err := sources()
					if err != nil || src.IsNull() {
						return vm.Null, err
					}
					if cur, err = iterOf(th, src); err != nil {
						return vm.Null, err
					}
				}
				v, err := cur()
				if err != nil {
					return vm.Null, err
				}
				if !v.IsNull() {
					return v, nil
				}
				cur = nil
			}
		}
	}
	chain := newType("chain", "Return a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted.", func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
		if len(kw) > 0 {
			return vm.Errorf(vm.TypeError, "chain() takes no keyword arguments")
		}
		srcs := append([]vm.Value(nil), args...)
		i := 0
		chainCtor(th, o, func() (vm.Value, error) {
			if i >= len(srcs) {
				return vm.Null, nil
			}
			i++
			return srcs[i-1], nil
		})
		return nil
	})
	chain.SetAttrString("from_iterable", vm.NewFunc("from_iterable", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "chain.from_iterable() takes exactly one argument (%d given)", len(args))
		}
		next, err := iterOf(th, args[0])
		if err != nil {
			return vm.Null, err
		}
		o := iterLayout.New(chain)
		chainCtor(th, o, next)
		return o.Value(), nil
	}))
	newType("compress", "Return data elements corresponding to true selector elements.", func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
		data, sel := vm.Null, vm.Null
		if err := vm.UnpackArgs("compress", args, kw, "data", &data, "selectors", &sel); err != nil {
			return err
		}
		dn, err := iterOf(th, data)
		if err != nil {
			return err
		}
		sn, err := iterOf(th, sel)
		if err != nil {
			return err
		}
		o.next = func(th *vm.Thread) (vm.Value, error) {
			for {
				d, err := dn()
				if err != nil || d.IsNull() {
					return vm.Null, err
				}
				s, err := sn()
				if err != nil || s.IsNull() {
					return vm.Null, err
				}
				ok, err := vm.Truth(th, s)
				if err != nil {
					return vm.Null, err
				}
				if ok {
					return d, nil
				}
			}
		}
		return nil
	})
	predicateIter := func(name string, f func(th *vm.Thread, o *iterObj, pred vm.Value, next func() (vm.Value, error))) ctor {
		return func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
			if err := positional(name, args, kw, 2, 2); err != nil {
				return err
			}
			next, err := iterOf(th, args[1])
			if err != nil {
				return err
			}
			f(th, o, args[0], next)
			return nil
		}
	}
	truth := func(th *vm.Thread, pred, v vm.Value) (bool, error) {
		if pred.IsNone() {
			return vm.Truth(th, v)
		}
		r, err := vm.Call(th, pred, []vm.Value{v}, nil)
		if err != nil {
			return false, err
		}
		return vm.Truth(th, r)
	}
	newType("dropwhile", "Drop items from the iterable while predicate(item) is true.", predicateIter("dropwhile", func(th *vm.Thread, o *iterObj, pred vm.Value, next func() (vm.Value, error)) {
		dropping := true
		o.next = func(th *vm.Thread) (vm.Value, error) {
			for {
				v, err := next()
				if err != nil || v.IsNull() {
					return vm.Null, err
				}
				if !dropping {
					return v, nil
				}
				ok, err := truth(th, pred, v)
				if err != nil {
					return vm.Null, err
				}
				if !ok {
					dropping = false
					return v, nil
				}
			}
		}
	}))
	newType("takewhile", "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.", predicateIter("takewhile", func(th *vm.Thread, o *iterObj, pred vm.Value, next func() (vm.Value, error)) {
		o.next = func(th *vm.Thread) (vm.Value, error) {
			v, err := next()
			if err != nil || v.IsNull() {
				return vm.Null, err
			}
			ok, err := truth(th, pred, v)
			if err != nil || !ok {
				return vm.Null, err
			}
			return v, nil
		}
	}))
	newType("filterfalse", "Return those items of iterable for which function(item) is false.", predicateIter("filterfalse", func(th *vm.Thread, o *iterObj, pred vm.Value, next func() (vm.Value, error)) {
		o.next = func(th *vm.Thread) (vm.Value, error) {
			for {
				v, err := next()
				if err != nil || v.IsNull() {
					return vm.Null, err
				}
				ok, err := truth(th, pred, v)
				if err != nil {
					return vm.Null, err
				}
				if !ok {
					return v, nil
				}
			}
		}
	}))
	newType("starmap", "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.", predicateIter("starmap", func(th *vm.Thread, o *iterObj, fn vm.Value, next func() (vm.Value, error)) {
		o.next = func(th *vm.Thread) (vm.Value, error) {
			v, err := next()
			if err != nil || v.IsNull() {
				return vm.Null, err
			}
			args, err := vm.SeqToSlice(th, v)
			if err != nil {
				return vm.Null, err
			}
			return vm.Call(th, fn, args, nil)
		}
	}))
	newType("islice", "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object", islice)
	newType("pairwise", "Return an iterator of overlapping pairs taken from the input iterator.", func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
		if err := positional("pairwise", args, kw, 1, 1); err != nil {
			return err
		}
		next, err := iterOf(th, args[0])
		if err != nil {
			return err
		}
		prev := vm.Null
		o.next = func(th *vm.Thread) (vm.Value, error) {
			if prev.IsNull() {
				v, err := next()
				if err != nil || v.IsNull() {
					return vm.Null, err
				}
				prev = v
			}
			v, err := next()
			if err != nil || v.IsNull() {
				return vm.Null, err
			}
			r := vm.NewTuple(prev, v).Value()
			prev = v
			return r, nil
		}
		return nil
	})
	newType("zip_longest", "Return a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument.", func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
		fill := vm.None
		npos := len(args) - len(kw)
		for i, k := range kw {
			s, _ := vm.AsStr(k)
			if s.String() != "fillvalue" {
				return vm.Errorf(vm.TypeError, "zip_longest() got an unexpected keyword argument '%s'", s.String())
			}
			fill = args[npos+i]
		}
		nexts := make([]func() (vm.Value, error), npos)
		for i := 0; i < npos; i++ {
			n, err := iterOf(th, args[i])
			if err != nil {
				return err
			}
			nexts[i] = n
		}
		active := npos
		o.next = func(th *vm.Thread) (vm.Value, error) {
			if npos == 0 || active == 0 {
				return vm.Null, nil
			}
			out := make([]vm.Value, npos)
			for i, n := range nexts {
				if n == nil {
					out[i] = fill
					continue
				}
				v, err := n()
				if err != nil {
					return vm.Null, err
				}
				if v.IsNull() {
					nexts[i] = nil
					active--
					if active == 0 {
						return vm.Null, nil
					}
					v = fill
				}
				out[i] = v
			}
			return vm.NewTuple(out...).Value(), nil
		}
		return nil
	})
	newType("groupby", "make an iterator that returns consecutive keys and groups from the iterable", groupby)
	newType("_grouper", "", func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
		return vm.Errorf(vm.TypeError, "cannot create 'itertools._grouper' instances")
	})
	newType("product", "Cartesian product of input iterables.  Equivalent to nested for-loops.", product)
	newType("permutations", "Return successive r-length permutations of elements in the iterable.", permutations)
	newType("combinations", "Return successive r-length combinations of elements in the iterable.", func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
		return combinations(th, o, args, kw, false)
	})
	newType("combinations_with_replacement", "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.", func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
		return combinations(th, o, args, kw, true)
	})
	newType("_tee", "Iterator wrapped to make it copyable.", func(th *vm.Thread, o *iterObj, args, kw []vm.Value) error {
		if err := positional("_tee", args, kw, 1, 1); err != nil {
			return err
		}
		next, err := iterOf(th, args[0])
		if err != nil {
			return err
		}
		initTee(o, &teeShared{next: next})
		return nil
	}, &vm.BuiltinMethod{Name: "__copy__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		return teeCopy(iterLayout.Must(args[0])), nil
	}})
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

func isNumber(v vm.Value) bool {
	if vm.IsInt(v) || v.IsFloat() {
		return true
	}
	if _, ok := vm.AsComplex(v); ok {
		return true
	}
	t := v.Type()
	return t.Float != nil || t.Int != nil || t.Index != nil
}
