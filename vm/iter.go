package vm

// This file defines the iterator types: over lists, tuples, ranges, the
// old sequence protocol, callables with a sentinel, and the builtin
// iterator classes enumerate, zip, map, filter and reversed.

type listIter struct {
	Object
	list *List // nil once exhausted
	i    int
}

var listIterLayout = NewLayout[listIter]("list_iterator")

func newListIterFor(l *List) Value {
	it := &listIter{list: l}
	it.typ = ListIterType
	return it.Value()
}

func newListIter(v Value) Value { return newListIterFor(listLayout.Must(v)) }

type listRevIter struct {
	Object
	list *List
	i    int
}

var listRevIterLayout = NewLayout[listRevIter]("list_reverseiterator")

func newListRevIter(v Value) Value {
	l := listLayout.Must(v)
	it := &listRevIter{list: l, i: len(l.items) - 1}
	it.typ = ListRevIterType
	return it.Value()
}

// sliceIter iterates a fixed slice of values (tuples, snapshots).
type sliceIter struct {
	Object
	owner Value
	items []Value
	i     int
}

var sliceIterLayout = NewLayout[sliceIter]("tuple_iterator")

func newSliceIter(t *Type, owner Value, items []Value) Value {
	it := &sliceIter{owner: owner, items: items}
	it.typ = t
	return it.Value()
}

// NewSliceIterator returns an iterator over items.
func NewSliceIterator(items []Value) Value { return newSliceIter(TupleIterType, Null, items) }

type rangeIter struct {
	Object
	next, step int64
	left       int64
}

var rangeIterLayout = NewLayout[rangeIter]("range_iterator")

// seqIter implements iteration through __getitem__ with 0, 1, 2, ...
type seqIter struct {
	Object
	seq Value // Null once exhausted
	i   int64
}

var seqIterLayout = NewLayout[seqIter]("iterator")

func newSeqIter(v Value) Value {
	it := &seqIter{seq: v}
	it.typ = SeqIterType
	return it.Value()
}

type callableIter struct {
	Object
	fn, sentinel Value
}

var callableIterLayout = NewLayout[callableIter]("callable_iterator")

// NewCallableIterator is iter(fn, sentinel).
func NewCallableIterator(fn, sentinel Value) Value {
	it := &callableIter{fn: fn, sentinel: sentinel}
	it.typ = CallableIterType
	return it.Value()
}

type enumerateObj struct {
	Object
	it Value
	n  Value
}

var enumerateLayout = NewLayout[enumerateObj]("enumerate")

type zipObj struct {
	Object
	its    []Value
	strict bool
	done   bool
}

var zipLayout = NewLayout[zipObj]("zip")

type mapObj struct {
	Object
	fn  Value
	its []Value
}

var mapLayout = NewLayout[mapObj]("map")

type filterObj struct {
	Object
	fn Value
	it Value
}

var filterLayout = NewLayout[filterObj]("filter")

type reversedObj struct {
	Object
	seq Value
	i   int
}

var reversedLayout = NewLayout[reversedObj]("reversed")

func selfIter(th *Thread, v Value) (Value, error) { return v, nil }

func lengthHintMethod(f func(v Value) int) []*BuiltinMethod {
	return []*BuiltinMethod{{Name: "__length_hint__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
		return MakeInt(int64(f(args[0]))), nil
	}}}
}

func initIteratorTypes() {
	initBuiltinType(ListIterType, TypeSpec{
		Name: "list_iterator", Layout: listIterLayout.info, Final: true,
		Slots: Slots{Iter: selfIter, Next: func(th *Thread, v Value) (Value, error) {
			it := listIterLayout.Must(v)
			if it.list != nil && it.i < len(it.list.items) {
				it.i++
				return it.list.items[it.i-1], nil
			}
			it.list = nil
			return Null, nil
		}},
		Methods: lengthHintMethod(func(v Value) int {
			it := listIterLayout.Must(v)
			if it.list == nil {
				return 0
			}
			return max(0, len(it.list.items)-it.i)
		}),
	})
	initBuiltinType(ListRevIterType, TypeSpec{
		Name: "list_reverseiterator", Layout: listRevIterLayout.info, Final: true,
		Slots: Slots{Iter: selfIter, Next: func(th *Thread, v Value) (Value, error) {
			it := listRevIterLayout.Must(v)
			if it.list != nil && it.i >= 0 && it.i < len(it.list.items) {
				it.i--
				return it.list.items[it.i+1], nil
			}
			it.list = nil
			return Null, nil
		}},
		Methods: lengthHintMethod(func(v Value) int {
			it := listRevIterLayout.Must(v)
			if it.list == nil {
				return 0
			}
			return it.i + 1
		}),
	})
	initBuiltinType(TupleIterType, TypeSpec{
		Name: "tuple_iterator", Layout: sliceIterLayout.info, Final: true,
		Slots: Slots{Iter: selfIter, Next: func(th *Thread, v Value) (Value, error) {
			it := sliceIterLayout.Must(v)
			if it.i < len(it.items) {
				it.i++
				return it.items[it.i-1], nil
			}
			it.items = nil
			return Null, nil
		}},
		Methods: lengthHintMethod(func(v Value) int {
			it := sliceIterLayout.Must(v)
			return len(it.items) - it.i
		}),
	})
	initBuiltinType(RangeIterType, TypeSpec{
		Name: "range_iterator", Layout: rangeIterLayout.info, Final: true,
		Slots: Slots{Iter: selfIter, Next: func(th *Thread, v Value) (Value, error) {
			it := rangeIterLayout.Must(v)
			if it.left <= 0 {
				return Null, nil
			}
			r := it.next
			it.next += it.step
			it.left--
			return MakeInt(r), nil
		}},
		Methods: lengthHintMethod(func(v Value) int { return int(rangeIterLayout.Must(v).left) }),
	})
	initBuiltinType(SeqIterType, TypeSpec{
		Name: "iterator", Layout: seqIterLayout.info, Final: true,
		Slots: Slots{Iter: selfIter, Next: func(th *Thread, v Value) (Value, error) {
			it := seqIterLayout.Must(v)
			if it.seq.IsNull() {
				return Null, nil
			}
			r, err := GetItem(th, it.seq, MakeInt(it.i))
			if err != nil {
				e := AsException(err)
				if e.Matches(IndexError) || e.Matches(StopIteration) {
					it.seq = Null
					return Null, nil
				}
				return Null, err
			}
			it.i++
			return r, nil
		}},
	})
	initBuiltinType(CallableIterType, TypeSpec{
		Name: "callable_iterator", Layout: callableIterLayout.info, Final: true,
		Slots: Slots{Iter: selfIter, Next: func(th *Thread, v Value) (Value, error) {
			it := callableIterLayout.Must(v)
			if it.fn.IsNull() {
				return Null, nil
			}
			r, err := Call(th, it.fn, nil, nil)
			if err != nil {
				if AsException(err).Matches(StopIteration) {
					it.fn = Null
					return Null, nil
				}
				return Null, err
			}
			eq, err := RichCompareBool(th, r, it.sentinel, CmpEQ)
			if err != nil {
				return Null, err
			}
			if eq {
				it.fn = Null
				return Null, nil
			}
			return r, nil
		}},
	})
	initBuiltinType(EnumerateType, TypeSpec{
		Name: "enumerate", Layout: enumerateLayout.info,
		Doc: "Return an enumerate object.",
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
				var iterable, start Value = Null, MakeInt(0)
				if err := UnpackArgs("enumerate", args, kwnames, "iterable", &iterable, "start?", &start); err != nil {
					return Null, err
				}
				if !isIntLike(start) {
					if start.Type().Index == nil {
						return Null, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(start))
					}
					var err error
					if start, err = Index(th, start); err != nil {
						return Null, err
					}
				}
				it, err := Iter(th, iterable)
				if err != nil {
					return Null, err
				}
				e := enumerateLayout.New(t)
				e.it, e.n = it, normalizeInt(start)
				return e.Value(), nil
			},
			Iter: selfIter,
			Next: func(th *Thread, v Value) (Value, error) {
				e := enumerateLayout.Must(v)
				x, err := Next(th, e.it)
				if err != nil || x.IsNull() {
					return Null, err
				}
				n := e.n
				if n.IsSmallInt() && n.SmallInt() < 1<<62 {
					e.n = MakeInt(n.SmallInt() + 1)
				} else {
					e.n, _ = intBinary(th, n, MakeInt(1), OpAdd)
				}
				return NewTuple(n, x).Value(), nil
			},
		},
		Methods: []*BuiltinMethod{{Name: "__class_getitem__", Flags: MethClass, Fn: classGetItemAlias}},
	})
	initBuiltinType(ZipType, TypeSpec{
		Name: "zip", Layout: zipLayout.info,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
				npos := len(args) - len(kwnames)
				z := zipLayout.New(t)
				for i, k := range kwnames {
					ks, _ := AsStr(k)
					if ks.s != "strict" {
						return Null, Errorf(TypeError, "zip() got an unexpected keyword argument '%s'", ks.s)
					}
					b, err := Truth(th, args[npos+i])
					if err != nil {
						return Null, err
					}
					z.strict = b
				}
				for i, a := range args[:npos] {
					it, err := Iter(th, a)
					if err != nil {
						if AsException(err).Matches(TypeError) {
							return Null, Errorf(TypeError, "zip argument #%d must support iteration", i+1)
						}
						return Null, err
					}
					z.its = append(z.its, it)
				}
				return z.Value(), nil
			},
			Iter: selfIter,
			Next: zipNext,
		},
	})
	initBuiltinType(MapType, TypeSpec{
		Name: "map", Layout: mapLayout.info,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
				if len(kwnames) > 0 {
					return Null, Errorf(TypeError, "map() takes no keyword arguments")
				}
				if len(args) < 2 {
					return Null, Errorf(TypeError, "map() must have at least two arguments.")
				}
				m := mapLayout.New(t)
				m.fn = args[0]
				for _, a := range args[1:] {
					it, err := Iter(th, a)
					if err != nil {
						return Null, err
					}
					m.its = append(m.its, it)
				}
				return m.Value(), nil
			},
			Iter: selfIter,
			Next: func(th *Thread, v Value) (Value, error) {
				m := mapLayout.Must(v)
				args := make([]Value, len(m.its))
				for i, it := range m.its {
					x, err := Next(th, it)
					if err != nil || x.IsNull() {
						return Null, err
					}
					args[i] = x
				}
				return Call(th, m.fn, args, nil)
			},
		},
	})
	initBuiltinType(FilterType, TypeSpec{
		Name: "filter", Layout: filterLayout.info,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
				if len(kwnames) > 0 {
					return Null, Errorf(TypeError, "filter() takes no keyword arguments")
				}
				if len(args) != 2 {
					return Null, Errorf(TypeError, "filter expected 2 arguments, got %d", len(args))
				}
				it, err := Iter(th, args[1])
				if err != nil {
					return Null, err
				}
				f := filterLayout.New(t)
				f.fn, f.it = args[0], it
				return f.Value(), nil
			},
			Iter: selfIter,
			Next: func(th *Thread, v Value) (Value, error) {
				f := filterLayout.Must(v)
				for {
					x, err := Next(th, f.it)
					if err != nil || x.IsNull() {
						return Null, err
					}
					var keep bool
					if f.fn.IsNone() {
						keep, err = Truth(th, x)
					} else {
						var r Value
						r, err = Call(th, f.fn, []Value{x}, nil)
						if err == nil {
							keep, err = Truth(th, r)
						}
					}
					if err != nil {
						return Null, err
					}
					if keep {
						return x, nil
					}
				}
			},
		},
	})
	initBuiltinType(ReversedType, TypeSpec{
		Name: "reversed", Layout: reversedLayout.info,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
				if len(kwnames) > 0 {
					return Null, Errorf(TypeError, "reversed() takes no keyword arguments")
				}
				if len(args) != 1 {
					return Null, Errorf(TypeError, "reversed expected 1 argument, got %d", len(args))
				}
				seq := args[0]
				if f := seq.Type().Lookup(dunderReversed); !f.IsNull() {
					if f.IsNone() {
						return Null, Errorf(TypeError, "'%s' object is not reversible", TypeName(seq))
					}
					return callDescr(th, f, seq, nil, nil)
				}
				st := seq.Type()
				if st.GetItem == nil || st.Len == nil || st.IsSubtype(DictType) {
					return Null, Errorf(TypeError, "'%s' object is not reversible", TypeName(seq))
				}
				n, err := Len(th, seq)
				if err != nil {
					return Null, err
				}
				r := reversedLayout.New(t)
				r.seq, r.i = seq, n-1
				return r.Value(), nil
			},
			Iter: selfIter,
			Next: func(th *Thread, v Value) (Value, error) {
				r := reversedLayout.Must(v)
				if r.i < 0 || r.seq.IsNull() {
					r.seq = Null
					return Null, nil
				}
				x, err := GetItem(th, r.seq, MakeInt(int64(r.i)))
				if err != nil {
					if AsException(err).Matches(IndexError) || AsException(err).Matches(StopIteration) {
						r.seq = Null
						return Null, nil
					}
					return Null, err
				}
				r.i--
				return x, nil
			},
		},
		Methods: lengthHintMethod(func(v Value) int { return reversedLayout.Must(v).i + 1 }),
	})
}

func zipNext(th *Thread, v Value) (Value, error) {
	z := zipLayout.Must(v)
	if z.done || len(z.its) == 0 {
		return Null, nil
	}
	items := make([]Value, len(z.its))
	for i, it := range z.its {
		x, err := Next(th, it)
		if err != nil {
			return Null, err
		}
		if x.IsNull() {
			z.done = true
			if z.strict {
				if i > 0 {
					plural := ""
					if i > 1 {
						plural = "s"
					}
					return Null, Errorf(ValueError, "zip() argument %d is shorter than argument%s %s", i+1, plural, argRange(i))
				}
				for j := 1; j < len(z.its); j++ {
					y, err := Next(th, z.its[j])
					if err != nil {
						return Null, err
					}
					if !y.IsNull() {
						plural := ""
						if j > 1 {
							plural = "s"
						}
						return Null, Errorf(ValueError, "zip() argument %d is longer than argument%s %s", j+1, plural, argRange(j))
					}
				}
			}
			return Null, nil
		}
		items[i] = x
	}
	return NewTuple(items...).Value(), nil
}

func argRange(i int) string {
	if i == 1 {
		return "1"
	}
	return "1-" + formatInt(i)
}
