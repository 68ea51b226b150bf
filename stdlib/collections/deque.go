// Package collections is the _collections module: deque (in Go, because
// queues and sliding windows sit in hot loops) and the helpers
// collections/__init__.py uses. The rest of collections (Counter,
// OrderedDict, namedtuple, ChainMap, defaultdict, User*) is Python, in
// stdlib/pylib/lib/collections.
//
// Thread safety: every deque operation runs under the GIL and completes
// without releasing it, so appends and pops from several threads are
// atomic, as in CPython.
package collections

import (
	"strings"

	"gilpy/vm"
)

// Deque is a double-ended queue over a ring buffer.
type Deque struct {
	vm.Object
	buf    []vm.Value // len(buf) is the capacity, a power of two or 0
	head   int
	n      int
	maxlen int // -1: unbounded
	state  uint64
}

var dequeLayout = vm.NewLayout[Deque]("collections.deque")

// DequeType is collections.deque.
var DequeType *vm.Type

func (d *Deque) at(i int) vm.Value { return d.buf[(d.head+i)&(len(d.buf)-1)] }

func (d *Deque) set(i int, v vm.Value) { d.buf[(d.head+i)&(len(d.buf)-1)] = v }

func (d *Deque) grow() {
	c := len(d.buf) * 2
	if c == 0 {
		c = 8
	}
	nb := make([]vm.Value, c)
	for i := 0; i < d.n; i++ {
		nb[i] = d.at(i)
	}
	d.buf, d.head = nb, 0
}

func (d *Deque) items() []vm.Value {
	out := make([]vm.Value, d.n)
	for i := range out {
		out[i] = d.at(i)
	}
	return out
}

func (d *Deque) pushRight(v vm.Value) {
	if d.maxlen == 0 {
		return
	}
	if d.n == len(d.buf) {
		d.grow()
	}
	d.set(d.n, v)
	d.n++
	d.state++
	if d.maxlen >= 0 && d.n > d.maxlen {
		d.popLeft()
	}
}

func (d *Deque) pushLeft(v vm.Value) {
	if d.maxlen == 0 {
		return
	}
	if d.n == len(d.buf) {
		d.grow()
	}
	d.head = (d.head - 1) & (len(d.buf) - 1)
	d.buf[d.head] = v
	d.n++
	d.state++
	if d.maxlen >= 0 && d.n > d.maxlen {
		d.popRight()
	}
}

func (d *Deque) popLeft() vm.Value {
	v := d.buf[d.head]
	d.buf[d.head] = vm.Value{}
	d.head = (d.head + 1) & (len(d.buf) - 1)
	d.n--
	d.state++
	return v
}

func (d *Deque) popRight() vm.Value {
	i := (d.head + d.n - 1) & (len(d.buf) - 1)
	v := d.buf[i]
	d.buf[i] = vm.Value{}
	d.n--
	d.state++
	return v
}

func (d *Deque) clear() {
	d.buf, d.head, d.n = nil, 0, 0
	d.state++
}

func (d *Deque) setItems(items []vm.Value) {
	d.clear()
	for _, v := range items {
		d.pushRight(v)
	}
}

func self(v vm.Value) *Deque { return dequeLayout.Must(v) }

func noArgs(name string, args, kw []vm.Value) error {
	if len(kw) > 0 {
		return vm.Errorf(vm.TypeError, "deque.%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return vm.Errorf(vm.TypeError, "deque.%s() takes no arguments (%d given)", name, len(args)-1)
	}
	return nil
}

func oneArg(name string, args, kw []vm.Value) error {
	if len(kw) > 0 {
		return vm.Errorf(vm.TypeError, "deque.%s() takes no keyword arguments", name)
	}
	if len(args) != 2 {
		return vm.Errorf(vm.TypeError, "deque.%s() takes exactly one argument (%d given)", name, len(args)-1)
	}
	return nil
}

func (d *Deque) extend(th *vm.Thread, it vm.Value, left bool) error {
	if it.Is(d.Value()) {
		it = vm.NewList(d.items()).Value()
	}
	return vm.ForEach(th, it, func(x vm.Value) (bool, error) {
		if left {
			d.pushLeft(x)
		} else {
			d.pushRight(x)
		}
		return true, nil
	})
}

func (d *Deque) normIndex(th *vm.Thread, key vm.Value) (int, error) {
	if _, ok := vm.AsSlice(key); ok {
		return 0, vm.Errorf(vm.TypeError, "sequence index must be integer, not 'slice'")
	}
	i, err := vm.AsIndex(th, key)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += d.n
	}
	if i < 0 || i >= d.n {
		return 0, vm.Errorf(vm.IndexError, "deque index out of range")
	}
	return i, nil
}

func (d *Deque) rotate(k int) {
	if d.n <= 1 {
		return
	}
	k %= d.n
	if k < 0 {
		k += d.n
	}
	if k == 0 {
		return
	}
	items := d.items()
	rot := append(append([]vm.Value{}, items[d.n-k:]...), items[:d.n-k]...)
	for i, v := range rot {
		d.set(i, v)
	}
	d.state++
}

func (d *Deque) find(th *vm.Thread, x vm.Value, start, stop int) (int, error) {
	st := d.state
	for i := start; i < stop && i < d.n; i++ {
		v := d.at(i)
		eq := v.Is(x)
		if !eq {
			var err error
			eq, err = vm.Equal(th, v, x)
			if err != nil {
				return -1, err
			}
		}
		if d.state != st {
			return -1, vm.Errorf(vm.RuntimeError, "deque mutated during iteration")
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

func dequeRepr(th *vm.Thread, v vm.Value) (vm.Value, error) {
	d := self(v)
	name := v.Type().Name
	if !th.ReprEnter(v) {
		return vm.MakeStr("[...]"), nil
	}
	defer th.ReprLeave(v)
	r, err := vm.Repr(th, vm.NewList(d.items()).Value())
	if err != nil {
		return vm.Null, err
	}
	if d.maxlen >= 0 {
		return vm.MakeStr(name + "(" + r.String() + ", maxlen=" + itoa(d.maxlen) + ")"), nil
	}
	return vm.MakeStr(name + "(" + r.String() + ")"), nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func newDequeLike(th *vm.Thread, d *Deque, items []vm.Value) (vm.Value, error) {
	if d.Type() == DequeType {
		nd := dequeLayout.New(DequeType)
		nd.maxlen = d.maxlen
		for _, x := range items {
			nd.pushRight(x)
		}
		return nd.Value(), nil
	}
	args := []vm.Value{vm.NewList(items).Value()}
	if d.maxlen >= 0 {
		args = append(args, vm.MakeInt(int64(d.maxlen)))
	}
	return vm.Call(th, d.Type().Value(), args, nil)
}

func init() {
	methods := []*vm.BuiltinMethod{
		{Name: "append", Doc: "Add an element to the right side of the deque.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := oneArg("append", args, kw); err != nil {
				return vm.Null, err
			}
			self(args[0]).pushRight(args[1])
			return vm.None, nil
		}},
		{Name: "appendleft", Doc: "Add an element to the left side of the deque.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := oneArg("appendleft", args, kw); err != nil {
				return vm.Null, err
			}
			self(args[0]).pushLeft(args[1])
			return vm.None, nil
		}},
		{Name: "pop", Doc: "Remove and return the rightmost element.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := noArgs("pop", args, kw); err != nil {
				return vm.Null, err
			}
			d := self(args[0])
			if d.n == 0 {
				return vm.Null, vm.Errorf(vm.IndexError, "pop from an empty deque")
			}
			return d.popRight(), nil
		}},
		{Name: "popleft", Doc: "Remove and return the leftmost element.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := noArgs("popleft", args, kw); err != nil {
				return vm.Null, err
			}
			d := self(args[0])
			if d.n == 0 {
				return vm.Null, vm.Errorf(vm.IndexError, "pop from an empty deque")
			}
			return d.popLeft(), nil
		}},
		{Name: "extend", Doc: "Extend the right side of the deque with elements from the iterable", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := oneArg("extend", args, kw); err != nil {
				return vm.Null, err
			}
			return vm.None, self(args[0]).extend(th, args[1], false)
		}},
		{Name: "extendleft", Doc: "Extend the left side of the deque with elements from the iterable", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := oneArg("extendleft", args, kw); err != nil {
				return vm.Null, err
			}
			return vm.None, self(args[0]).extend(th, args[1], true)
		}},
		{Name: "clear", Doc: "Remove all elements from the deque.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := noArgs("clear", args, kw); err != nil {
				return vm.Null, err
			}
			self(args[0]).clear()
			return vm.None, nil
		}},
		{Name: "copy", Doc: "Return a shallow copy of a deque.", Fn: dequeCopy},
		{Name: "__copy__", Doc: "Return a shallow copy of a deque.", Fn: dequeCopy},
		{Name: "count", Doc: "D.count(value) -> integer -- return number of occurrences of value", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := oneArg("count", args, kw); err != nil {
				return vm.Null, err
			}
			d := self(args[0])
			c, st := 0, d.state
			for i := 0; i < d.n; i++ {
				v := d.at(i)
				eq := v.Is(args[1])
				if !eq {
					var err error
					if eq, err = vm.Equal(th, v, args[1]); err != nil {
						return vm.Null, err
					}
				}
				if d.state != st {
					return vm.Null, vm.Errorf(vm.RuntimeError, "deque mutated during iteration")
				}
				if eq {
					c++
				}
			}
			return vm.MakeInt(int64(c)), nil
		}},
		{Name: "index", Doc: "D.index(value, [start, [stop]]) -> integer -- return first index of value.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.NoKeywords("index", kw); err != nil {
				return vm.Null, err
			}
			if err := vm.ArgCount("index", args[1:], 1, 3); err != nil {
				return vm.Null, err
			}
			d := self(args[0])
			start, stop := 0, d.n
			clamp := func(v vm.Value) (int, error) {
				i, err := vm.AsIndex(th, v)
				if err != nil {
					return 0, err
				}
				if i < 0 {
					i += d.n
					if i < 0 {
						i = 0
					}
				}
				return i, nil
			}
			var err error
			if len(args) > 2 {
				if start, err = clamp(args[2]); err != nil {
					return vm.Null, err
				}
			}
			if len(args) > 3 {
				if stop, err = clamp(args[3]); err != nil {
					return vm.Null, err
				}
			}
			i, err := d.find(th, args[1], start, stop)
			if err != nil {
				return vm.Null, err
			}
			if i < 0 {
				r, err := vm.Repr(th, args[1])
				if err != nil {
					return vm.Null, err
				}
				return vm.Null, vm.Errorf(vm.ValueError, "%s is not in deque", r.String())
			}
			return vm.MakeInt(int64(i)), nil
		}},
		{Name: "insert", Doc: "D.insert(index, object) -- insert object before index", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.NoKeywords("insert", kw); err != nil {
				return vm.Null, err
			}
			if err := vm.ArgCount("insert", args[1:], 2, 2); err != nil {
				return vm.Null, err
			}
			d := self(args[0])
			i, err := vm.AsIndex(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			if d.maxlen >= 0 && d.n >= d.maxlen {
				return vm.Null, vm.Errorf(vm.IndexError, "deque already at its maximum size")
			}
			if i < 0 {
				i += d.n
				if i < 0 {
					i = 0
				}
			}
			if i > d.n {
				i = d.n
			}
			items := d.items()
			items = append(items[:i], append([]vm.Value{args[2]}, items[i:]...)...)
			d.setItems(items)
			return vm.None, nil
		}},
		{Name: "remove", Doc: "D.remove(value) -- remove first occurrence of value.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := oneArg("remove", args, kw); err != nil {
				return vm.Null, err
			}
			d := self(args[0])
			i, err := d.find(th, args[1], 0, d.n)
			if err != nil {
				return vm.Null, err
			}
			if i < 0 {
				r, err := vm.Repr(th, args[1])
				if err != nil {
					return vm.Null, err
				}
				return vm.Null, vm.Errorf(vm.ValueError, "%s is not in deque", r.String())
			}
			d.delete(i)
			return vm.None, nil
		}},
		{Name: "reverse", Doc: "D.reverse() -- reverse *IN PLACE*", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := noArgs("reverse", args, kw); err != nil {
				return vm.Null, err
			}
			d := self(args[0])
			for i, j := 0, d.n-1; i < j; i, j = i+1, j-1 {
				a, b := d.at(i), d.at(j)
				d.set(i, b)
				d.set(j, a)
			}
			d.state++
			return vm.None, nil
		}},
		{Name: "rotate", Doc: "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.NoKeywords("rotate", kw); err != nil {
				return vm.Null, err
			}
			if err := vm.ArgCount("rotate", args[1:], 0, 1); err != nil {
				return vm.Null, err
			}
			k := 1
			if len(args) == 2 {
				var err error
				if k, err = vm.AsIndex(th, args[1]); err != nil {
					return vm.Null, err
				}
			}
			self(args[0]).rotate(k)
			return vm.None, nil
		}},
		{Name: "__reversed__", Doc: "D.__reversed__() -- return a reverse iterator over the deque", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			d := self(args[0])
			it := dequeIterLayout.New(dequeRevIterType)
			it.d, it.i, it.state = d, d.n-1, d.state
			return it.Value(), nil
		}},
		{Name: "__reduce__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			d := self(args[0])
			ml := vm.None
			if d.maxlen >= 0 {
				ml = vm.MakeInt(int64(d.maxlen))
			}
			state := vm.None
			if dict := d.Dict(); dict != nil && dict.Len() > 0 {
				state = dict.Value()
			}
			it, _ := vm.Iter(th, vm.NewList(d.items()).Value())
			return vm.NewTuple(args[0].Type().Value(), vm.NewTuple(vm.NewList(nil).Value(), ml).Value(), state, it).Value(), nil
		}},
		{Name: "__class_getitem__", Flags: vm.MethClass, Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			return vm.NewGenericAlias(args[0], args[1]), nil
		}},
	}
	DequeType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "deque", Module: "collections", Layout: dequeLayout.Info(),
		Doc: "A list-like sequence optimized for data accesses near its endpoints.",
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
				d := dequeLayout.New(t)
				d.maxlen = -1
				return d.Value(), nil
			},
			Init: func(th *vm.Thread, v vm.Value, args, kw []vm.Value) error {
				it, ml := vm.Null, vm.None
				if err := vm.UnpackArgs("deque", args, kw, "iterable?", &it, "maxlen?", &ml); err != nil {
					return err
				}
				d := self(v)
				d.maxlen = -1
				if !ml.IsNone() {
					n, err := vm.AsIndex(th, ml)
					if err != nil {
						return err
					}
					if n < 0 {
						return vm.Errorf(vm.ValueError, "maxlen must be non-negative")
					}
					d.maxlen = n
				}
				if d.n > 0 {
					d.clear()
				}
				if !it.IsNull() {
					return d.extend(th, it, false)
				}
				return nil
			},
			Repr: dequeRepr,
			Hash: func(th *vm.Thread, v vm.Value) (int64, error) {
				return 0, vm.Errorf(vm.TypeError, "unhashable type: '%s'", v.Type().FullName())
			},
			Compare: func(th *vm.Thread, a, b vm.Value, op vm.CompareOp) (vm.Value, error) {
				da, ok1 := dequeLayout.Cast(a)
				db, ok2 := dequeLayout.Cast(b)
				if !ok1 || !ok2 {
					return vm.NotImplemented, nil
				}
				return vm.RichCompare(th, vm.NewTuple(da.items()...).Value(), vm.NewTuple(db.items()...).Value(), op)
			},
			Bool: func(th *vm.Thread, v vm.Value) (bool, error) { return self(v).n > 0, nil },
			Len:  func(th *vm.Thread, v vm.Value) (int, error) { return self(v).n, nil },
			Iter: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				d := self(v)
				it := dequeIterLayout.New(dequeIterType)
				it.d, it.state = d, d.state
				return it.Value(), nil
			},
			GetItem: func(th *vm.Thread, v, key vm.Value) (vm.Value, error) {
				d := self(v)
				i, err := d.normIndex(th, key)
				if err != nil {
					return vm.Null, err
				}
				return d.at(i), nil
			},
			SetItem: func(th *vm.Thread, v, key, x vm.Value) error {
				d := self(v)
				i, err := d.normIndex(th, key)
				if err != nil {
					return err
				}
				if x.IsNull() {
					d.delete(i)
					return nil
				}
				d.set(i, x)
				return nil
			},
			Contains: func(th *vm.Thread, v, x vm.Value) (bool, error) {
				d := self(v)
				i, err := d.find(th, x, 0, d.n)
				return i >= 0, err
			},
		},
		Methods: methods,
		Getters: []*vm.GetSet{{Name: "maxlen", Doc: "maximum size of a deque or None if unbounded", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
			d := self(v)
			if d.maxlen < 0 {
				return vm.None, nil
			}
			return vm.MakeInt(int64(d.maxlen)), nil
		}}},
	})
	DequeType.Binary[vm.OpAdd] = func(th *vm.Thread, a, b vm.Value) (vm.Value, error) {
		da, ok := dequeLayout.Cast(a)
		if !ok {
			return vm.NotImplemented, nil
		}
		db, ok := dequeLayout.Cast(b)
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "can only concatenate deque (not \"%s\") to deque", vm.TypeName(b))
		}
		return newDequeLike(th, da, append(da.items(), db.items()...))
	}
	DequeType.Inplace[vm.OpAdd] = func(th *vm.Thread, a, b vm.Value) (vm.Value, error) {
		da, ok := dequeLayout.Cast(a)
		if !ok {
			return vm.NotImplemented, nil
		}
		if err := da.extend(th, b, false); err != nil {
			return vm.Null, err
		}
		return a, nil
	}
	mul := func(th *vm.Thread, a, b vm.Value, inplace bool) (vm.Value, error) {
		d, ok := dequeLayout.Cast(a)
		if !ok {
			d, ok = dequeLayout.Cast(b)
			if !ok || inplace {
				return vm.NotImplemented, nil
			}
			a, b = b, a
		}
		if !vm.IsInt(b) && b.Type().Index == nil {
			return vm.NotImplemented, nil
		}
		k, err := vm.AsIndex(th, b)
		if err != nil {
			return vm.Null, err
		}
		items := d.items()
		var out []vm.Value
		for i := 0; i < k; i++ {
			out = append(out, items...)
			if d.maxlen >= 0 && len(out) > 2*d.maxlen {
				out = out[len(out)-d.maxlen:]
			}
		}
		if inplace {
			d.setItems(out)
			return a, nil
		}
		return newDequeLike(th, d, out)
	}
	DequeType.Binary[vm.OpMul] = func(th *vm.Thread, a, b vm.Value) (vm.Value, error) { return mul(th, a, b, false) }
	DequeType.Inplace[vm.OpMul] = func(th *vm.Thread, a, b vm.Value) (vm.Value, error) { return mul(th, a, b, true) }
	vm.SetMatchFlags(DequeType, false, true)

	dequeIterType = newDequeIterType("_collections._deque_iterator", false)
	dequeRevIterType = newDequeIterType("_collections._deque_reverse_iterator", true)

	vm.RegisterModule("_collections", func(th *vm.Thread, m *vm.Module) error {
		m.Set("deque", DequeType.Value())
		m.Set("_deque_iterator", dequeIterType.Value())
		m.Set("_deque_reverse_iterator", dequeRevIterType.Value())
		m.AddFunc("_count_elements", countElements)
		return nil
	})
}

func (d *Deque) delete(i int) {
	items := d.items()
	items = append(items[:i], items[i+1:]...)
	ml := d.maxlen
	d.maxlen = -1
	d.setItems(items)
	d.maxlen = ml
}

func dequeCopy(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := noArgs("copy", args, kw); err != nil {
		return vm.Null, err
	}
	d := self(args[0])
	return newDequeLike(th, d, d.items())
}

type dequeIter struct {
	vm.Object
	d     *Deque
	i     int
	state uint64
}

var (
	dequeIterLayout                 = vm.NewLayout[dequeIter]("_collections._deque_iterator")
	dequeIterType, dequeRevIterType *vm.Type
)

func newDequeIterType(name string, reverse bool) *vm.Type {
	short := name[strings.LastIndexByte(name, '.')+1:]
	return vm.NewBuiltinType(vm.TypeSpec{
		Name: short, Module: "_collections", Layout: dequeIterLayout.Info(), Final: true,
		Slots: vm.Slots{
			Iter: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return v, nil },
			Next: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				it := dequeIterLayout.Must(v)
				if it.d == nil {
					return vm.Null, nil
				}
				if it.d.state != it.state {
					it.d = nil
					return vm.Null, vm.Errorf(vm.RuntimeError, "deque mutated during iteration")
				}
				if reverse {
					if it.i < 0 {
						it.d = nil
						return vm.Null, nil
					}
					x := it.d.at(it.i)
					it.i--
					return x, nil
				}
				if it.i >= it.d.n {
					it.d = nil
					return vm.Null, nil
				}
				x := it.d.at(it.i)
				it.i++
				return x, nil
			},
		},
		Methods: []*vm.BuiltinMethod{{Name: "__length_hint__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			it := dequeIterLayout.Must(args[0])
			if it.d == nil {
				return vm.MakeInt(0), nil
			}
			if reverse {
				return vm.MakeInt(int64(it.i + 1)), nil
			}
			return vm.MakeInt(int64(it.d.n - it.i)), nil
		}}},
	})
}

// countElements is Counter's fast path: mapping[elem] += 1 for each
// element of iterable.
func countElements(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.ArgCount("_count_elements", args, 2, 2); err != nil {
		return vm.Null, err
	}
	mapping, iterable := args[0], args[1]
	d, isDict := vm.AsDict(mapping)
	// The fast path is valid while get and __setitem__ are dict's own
	// (Counter overrides neither).
	t := mapping.Type()
	exact := isDict && (t == vm.DictType ||
		(t.LookupString("get").Is(vm.DictType.LookupString("get")) &&
			t.LookupString("__setitem__").Is(vm.DictType.LookupString("__setitem__"))))
	one := vm.MakeInt(1)
	err := vm.ForEach(th, iterable, func(x vm.Value) (bool, error) {
		if exact {
			old, found, err := d.Get(th, x)
			if err != nil {
				return false, err
			}
			if !found {
				return true, d.Set(th, x, one)
			}
			nv, err := vm.BinaryOperation(th, old, one, vm.OpAdd)
			if err != nil {
				return false, err
			}
			return true, d.Set(th, x, nv)
		}
		old, err := vm.CallMethod(th, mapping, "get", x, vm.MakeInt(0))
		if err != nil {
			return false, err
		}
		nv, err := vm.BinaryOperation(th, old, one, vm.OpAdd)
		if err != nil {
			return false, err
		}
		return true, vm.SetItem(th, mapping, x, nv)
	})
	if err != nil {
		return vm.Null, err
	}
	return vm.None, nil
}
