package vm

// This file implements list.

import (
	"strings"
)

// List is a mutable sequence.
type List struct {
	Object
	items []Value
}

var listLayout = NewLayout[List]("list")

// NewList returns a list holding items (the slice is retained).
func NewList(items []Value) *List {
	l := &List{items: items}
	l.typ = ListType
	return l
}

// AsList returns v as a *List if it is a list or subclass instance.
func AsList(v Value) (*List, bool) { return listLayout.Cast(v) }

// Items are the list's elements (the live slice: do not keep it across
// calls into Python code, which may mutate the list).
func (l *List) Items() []Value { return l.items }

// Len is the number of elements.
func (l *List) Len() int { return len(l.items) }

// Append adds v at the end. The list grows by CPython's over-allocation
// pattern (about 1/8 extra) rather than append's doubling, which keeps big
// lists compact; small lists still grow fast.
func (l *List) Append(v Value) {
	if len(l.items) == cap(l.items) {
		n := len(l.items)
		newCap := n + n>>3 + 6
		if n < 64 {
			newCap = n*2 + 4
		}
		items := make([]Value, n, newCap)
		copy(items, l.items)
		l.items = items
	}
	l.items = append(l.items, v)
}

// SetItems replaces the contents.
func (l *List) SetItems(items []Value) { l.items = items }

func listRepr(th *Thread, v Value) (Value, error) {
	l := listLayout.Must(v)
	if len(l.items) == 0 {
		return MakeStr("[]"), nil
	}
	if !th.reprEnter(v) {
		return MakeStr("[...]"), nil
	}
	defer th.reprLeave(v)
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i < len(l.items); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := Repr(th, l.items[i])
		if err != nil {
			return Null, err
		}
		b.WriteString(r.s)
	}
	b.WriteByte(']')
	return MakeStr(b.String()), nil
}

func listCompare(th *Thread, a, b Value, op CompareOp) (Value, error) {
	la, ok1 := AsList(a)
	lb, ok2 := AsList(b)
	if !ok1 || !ok2 {
		return NotImplemented, nil
	}
	// Compare on snapshots: __eq__ may mutate the lists.
	return seqCompare(th, la.items, lb.items, op)
}

func listGetItem(th *Thread, v, key Value) (Value, error) {
	l := listLayout.Must(v)
	if key.IsSmallInt() {
		i := key.SmallInt()
		n := int64(len(l.items))
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Null, Errorf(IndexError, "list index out of range")
		}
		return l.items[i], nil
	}
	if s, ok := AsSlice(key); ok {
		start, stop, step, n, err := s.Indices(th, len(l.items))
		if err != nil {
			return Null, err
		}
		return NewList(sliceItems(l.items, start, stop, step, n)).Value(), nil
	}
	i, err := indexArg(th, key, "list")
	if err != nil {
		return Null, err
	}
	return listGetItem(th, v, MakeInt(int64(i)))
}

func listSetItem(th *Thread, v, key, x Value) error {
	l := listLayout.Must(v)
	if s, ok := AsSlice(key); ok {
		return listSetSlice(th, l, s, x)
	}
	var i int
	if key.IsSmallInt() {
		i = int(key.SmallInt())
	} else {
		var err error
		i, err = indexArg(th, key, "list")
		if err != nil {
			return err
		}
	}
	n := len(l.items)
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		if x.IsNull() {
			return Errorf(IndexError, "list assignment index out of range")
		}
		return Errorf(IndexError, "list assignment index out of range")
	}
	if x.IsNull() {
		copy(l.items[i:], l.items[i+1:])
		l.items[n-1] = Null
		l.items = l.items[:n-1]
		return nil
	}
	l.items[i] = x
	return nil
}

func listSetSlice(th *Thread, l *List, s *Slice, x Value) error {
	start, stop, step, n, err := s.Indices(th, len(l.items))
	if err != nil {
		return err
	}
	if x.IsNull() {
		// del l[slice]
		if step == 1 {
			if stop < start {
				stop = start
			}
			l.items = append(l.items[:start], l.items[stop:]...)
			return nil
		}
		del := make(map[int]bool, n)
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			del[j] = true
		}
		out := l.items[:0:0]
		for i, it := range l.items {
			if !del[i] {
				out = append(out, it)
			}
		}
		l.items = out
		return nil
	}
	var src []Value
	if xl, ok := AsList(x); ok && xl == l {
		src = append([]Value(nil), l.items...)
	} else {
		src, err = SeqToSlice(th, x)
		if err != nil {
			if AsException(err).Matches(TypeError) && x.Type().Iter == nil {
				if step == 1 {
					return Errorf(TypeError, "can only assign an iterable")
				}
				return Errorf(TypeError, "must assign iterable to extended slice")
			}
			return err
		}
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		out := make([]Value, 0, len(l.items)-(stop-start)+len(src))
		out = append(out, l.items[:start]...)
		out = append(out, src...)
		out = append(out, l.items[stop:]...)
		l.items = out
		return nil
	}
	if len(src) != n {
		return Errorf(ValueError, "attempt to assign sequence of size %d to extended slice of size %d", len(src), n)
	}
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		l.items[j] = src[i]
	}
	return nil
}

func listNew(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	l := listLayout.New(t)
	return l.Value(), nil
}

func listInit(th *Thread, self Value, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 {
		return Errorf(TypeError, "list() takes no keyword arguments")
	}
	if len(args) > 1 {
		return Errorf(TypeError, "list expected at most 1 argument, got %d", len(args))
	}
	l := listLayout.Must(self)
	l.items = nil
	if len(args) == 1 {
		items, err := SeqToSlice(th, args[0])
		if err != nil {
			return err
		}
		l.items = items
	}
	return nil
}

func listExtend(th *Thread, l *List, v Value) error {
	if other, ok := AsList(v); ok {
		l.items = append(l.items, other.items...)
		return nil
	}
	if t, ok := AsTuple(v); ok {
		l.items = append(l.items, t.items...)
		return nil
	}
	return ForEach(th, v, func(x Value) (bool, error) {
		l.Append(x)
		return true, nil
	})
}

// ListExtend is list.extend for other packages and the eval loop.
func ListExtend(th *Thread, l *List, v Value) error { return listExtend(th, l, v) }

func initListType() {
	initBuiltinType(ListType, TypeSpec{
		Name: "list", Layout: listLayout.info,
		Doc: "Built-in mutable sequence.",
		Slots: Slots{
			New:     listNew,
			Init:    listInit,
			Repr:    listRepr,
			Hash:    unhashable,
			Compare: listCompare,
			Len:     func(th *Thread, v Value) (int, error) { return len(listLayout.Must(v).items), nil },
			GetItem: listGetItem,
			SetItem: listSetItem,
			Contains: func(th *Thread, v, x Value) (bool, error) {
				l := listLayout.Must(v)
				for i := 0; i < len(l.items); i++ {
					eq, err := RichCompareBool(th, l.items[i], x, CmpEQ)
					if err != nil || eq {
						return eq, err
					}
				}
				return false, nil
			},
			Iter: func(th *Thread, v Value) (Value, error) { return newListIter(v), nil },
			Binary: [numBinaryOps]func(*Thread, Value, Value) (Value, error){
				OpAdd: func(th *Thread, a, b Value) (Value, error) {
					la, ok1 := AsList(a)
					lb, ok2 := AsList(b)
					if !ok1 || !ok2 {
						if ok1 {
							return Null, Errorf(TypeError, "can only concatenate list (not \"%s\") to list", TypeName(b))
						}
						return NotImplemented, nil
					}
					items := make([]Value, 0, len(la.items)+len(lb.items))
					items = append(append(items, la.items...), lb.items...)
					return NewList(items).Value(), nil
				},
				OpMul: func(th *Thread, a, b Value) (Value, error) {
					return seqRepeat(th, a, b, func(v Value) ([]Value, bool) {
						l, ok := AsList(v)
						if !ok {
							return nil, false
						}
						return l.items, true
					}, func(items []Value) Value { return NewList(items).Value() })
				},
			},
			Inplace: [numBinaryOps]func(*Thread, Value, Value) (Value, error){
				OpAdd: func(th *Thread, a, b Value) (Value, error) {
					if err := listExtend(th, listLayout.Must(a), b); err != nil {
						return Null, err
					}
					return a, nil
				},
				OpMul: func(th *Thread, a, b Value) (Value, error) {
					l := listLayout.Must(a)
					if !isIntLike(b) && b.Type().Index == nil {
						return Null, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", TypeName(b))
					}
					n, err := AsIndex(th, b)
					if err != nil {
						return Null, err
					}
					if n <= 0 {
						l.items = nil
						return a, nil
					}
					src := l.items
					out := make([]Value, 0, len(src)*n)
					for i := 0; i < n; i++ {
						out = append(out, src...)
					}
					l.items = out
					return a, nil
				},
			},
		},
		Methods: listMethods(),
	})
}

func listMethods() []*BuiltinMethod {
	self := func(args []Value) *List { return listLayout.Must(args[0]) }
	nargs := func(name string, args []Value, kw []Value, lo, hi int) error {
		if len(kw) > 0 {
			return Errorf(TypeError, "list.%s() takes no keyword arguments", name)
		}
		n := len(args) - 1
		if n < lo || n > hi {
			if lo == hi {
				if lo == 0 {
					return Errorf(TypeError, "list.%s() takes no arguments (%d given)", name, n)
				}
				return Errorf(TypeError, "list.%s() takes exactly one argument (%d given)", name, n)
			}
			return Errorf(TypeError, "%s expected at most %d argument%s, got %d", name, hi, plural(hi), n)
		}
		return nil
	}
	return []*BuiltinMethod{
		{Name: "append", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := nargs("append", args, kw, 1, 1); err != nil {
				return Null, err
			}
			self(args).Append(args[1])
			return None, nil
		}},
		{Name: "extend", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := nargs("extend", args, kw, 1, 1); err != nil {
				return Null, err
			}
			return None, listExtend(th, self(args), args[1])
		}},
		{Name: "insert", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) != 3 {
				return Null, Errorf(TypeError, "insert expected 2 arguments, got %d", len(args)-1)
			}
			l := self(args)
			i, err := AsIndex(th, args[1])
			if err != nil {
				return Null, err
			}
			n := len(l.items)
			if i < 0 {
				i += n
				if i < 0 {
					i = 0
				}
			}
			if i > n {
				i = n
			}
			l.items = append(l.items, Null)
			copy(l.items[i+1:], l.items[i:])
			l.items[i] = args[2]
			return None, nil
		}},
		{Name: "pop", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := nargs("pop", args, kw, 0, 1); err != nil {
				return Null, err
			}
			l := self(args)
			if len(l.items) == 0 {
				return Null, Errorf(IndexError, "pop from empty list")
			}
			i := len(l.items) - 1
			if len(args) == 2 {
				j, err := AsIndex(th, args[1])
				if err != nil {
					return Null, err
				}
				if j < 0 {
					j += len(l.items)
				}
				if j < 0 || j >= len(l.items) {
					return Null, Errorf(IndexError, "pop index out of range")
				}
				i = j
			}
			v := l.items[i]
			copy(l.items[i:], l.items[i+1:])
			l.items[len(l.items)-1] = Null
			l.items = l.items[:len(l.items)-1]
			return v, nil
		}},
		{Name: "remove", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := nargs("remove", args, kw, 1, 1); err != nil {
				return Null, err
			}
			l := self(args)
			for i := 0; i < len(l.items); i++ {
				eq, err := RichCompareBool(th, l.items[i], args[1], CmpEQ)
				if err != nil {
					return Null, err
				}
				if eq {
					if i < len(l.items) {
						l.items = append(l.items[:i], l.items[i+1:]...)
					}
					return None, nil
				}
			}
			return Null, Errorf(ValueError, "list.remove(x): x not in list")
		}},
		{Name: "clear", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := nargs("clear", args, kw, 0, 0); err != nil {
				return Null, err
			}
			self(args).items = nil
			return None, nil
		}},
		{Name: "copy", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := nargs("copy", args, kw, 0, 0); err != nil {
				return Null, err
			}
			return NewList(append([]Value(nil), self(args).items...)).Value(), nil
		}},
		{Name: "count", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := nargs("count", args, kw, 1, 1); err != nil {
				return Null, err
			}
			return seqCount(th, self(args).items, args[1])
		}},
		{Name: "index", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return seqIndex(th, "list", self(args).items, args[1:])
		}},
		{Name: "reverse", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := nargs("reverse", args, kw, 0, 0); err != nil {
				return Null, err
			}
			it := self(args).items
			for i, j := 0, len(it)-1; i < j; i, j = i+1, j-1 {
				it[i], it[j] = it[j], it[i]
			}
			return None, nil
		}},
		{Name: "sort", Fn: listSortMethod, Doc: listSortDoc},
		{Name: "__reversed__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return newListRevIter(args[0]), nil
		}},
		{Name: "__class_getitem__", Flags: MethClass, Fn: classGetItemAlias},
		{Name: "__sizeof__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return MakeInt(int64(40 + 8*cap(self(args).items))), nil
		}},
	}
}

const listSortDoc = `Sort the list in ascending order and return None.

The sort is in-place (i.e. the list itself is modified) and stable (i.e. the
order of two equal elements is maintained).

If a key function is given, apply it once to each list item and sort them,
ascending or descending, according to their function values.

The reverse flag can be set to sort in descending order.`

// listSortMethod is list.sort(*, key=None, reverse=False).
func listSortMethod(th *Thread, args []Value, kwnames []Value) (Value, error) {
	if len(args)-len(kwnames) > 1 {
		return Null, Errorf(TypeError, "sort() takes no positional arguments")
	}
	var self Value
	var key, reverse Value = None, False
	if err := UnpackArgs("sort", args, kwnames, "self", &self, "*", "key?", &key, "reverse?", &reverse); err != nil {
		return Null, err
	}
	// reverse is a C int (Argument Clinic's bool(accept={int})).
	rev := reverse.IsTrue()
	if !reverse.IsBool() {
		r, err := Index(th, reverse)
		if err != nil {
			return Null, err
		}
		n, ok := intToInt64(r)
		if !ok || n != int64(int32(n)) {
			return Null, Errorf(OverflowError, "Python int too large to convert to C int")
		}
		rev = n != 0
	}
	return None, ListSort(th, listLayout.Must(self), key, rev)
}

// ListSort sorts l in place as list.sort(key=, reverse=) (sort.go). While it
// runs the list is empty, as in CPython: the key function and __lt__ see
// an empty list, and anything they store in it is dropped at the end with
// "list modified during sort". An exception from the key function leaves
// the list as it was; one from a comparison leaves the permutation
// CPython leaves.
func ListSort(th *Thread, l *List, key Value, reverse bool) error {
	items := l.items
	l.items = nil
	var keys []Value
	if !key.IsNone() && len(items) > 0 {
		var err error
		if keys, err = sortKeys(th, items, key); err != nil {
			l.items = items
			return err
		}
	}
	err := sortValues(th, items, keys, reverse)
	modified := l.items != nil
	l.items = items
	if err != nil {
		return err
	}
	if modified {
		return Errorf(ValueError, "list modified during sort")
	}
	return nil
}
