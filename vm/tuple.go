package vm

// This file implements tuple.

import "strings"

// Tuple is an immutable sequence.
type Tuple struct {
	Object
	items []Value
}

var tupleLayout = NewLayout[Tuple]("tuple")

var emptyTuple *Tuple

// NewTuple returns a tuple of items (the slice is retained).
func NewTuple(items ...Value) *Tuple {
	if len(items) == 0 && emptyTuple != nil {
		return emptyTuple
	}
	t := &Tuple{items: items}
	t.typ = TupleType
	return t
}

// NewTupleCopy returns a tuple of a copy of items.
func NewTupleCopy(items []Value) *Tuple {
	return NewTuple(append([]Value(nil), items...)...)
}

// AsTuple returns v as a *Tuple if it is a tuple or subclass instance.
func AsTuple(v Value) (*Tuple, bool) { return tupleLayout.Cast(v) }

// Items are the tuple's elements; callers must not modify them.
func (t *Tuple) Items() []Value { return t.items }

// Len is the number of elements.
func (t *Tuple) Len() int { return len(t.items) }

// At is element i.
func (t *Tuple) At(i int) Value { return t.items[i] }

func tupleHash(th *Thread, v Value) (int64, error) {
	t := tupleLayout.Must(v)
	const (
		prime1 = 11400714785074694791
		prime2 = 14029467366897019727
		prime5 = 2870177450012600261
	)
	acc := uint64(prime5)
	for _, x := range t.items {
		h, err := Hash(th, x)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * prime2
		acc = acc<<31 | acc>>33
		acc *= prime1
	}
	acc += uint64(len(t.items)) ^ (prime5 ^ 3527539)
	if acc == ^uint64(0) {
		return 1546275796, nil
	}
	return int64(acc), nil
}

// seqCompare compares two sequences lexicographically (tuple and list).
func seqCompare(th *Thread, a, b []Value, op CompareOp) (Value, error) {
	n := min(len(a), len(b))
	i := 0
	for ; i < n; i++ {
		eq, err := Equal(th, a[i], b[i])
		if err != nil {
			return Null, err
		}
		if !eq {
			break
		}
	}
	if i >= n {
		return MakeBool(compareInt64(int64(len(a)), int64(len(b)), op)), nil
	}
	switch op {
	case CmpEQ:
		return False, nil
	case CmpNE:
		return True, nil
	}
	return RichCompare(th, a[i], b[i], op)
}

func tupleCompare(th *Thread, a, b Value, op CompareOp) (Value, error) {
	ta, ok1 := AsTuple(a)
	tb, ok2 := AsTuple(b)
	if !ok1 || !ok2 {
		return NotImplemented, nil
	}
	return seqCompare(th, ta.items, tb.items, op)
}

func tupleRepr(th *Thread, v Value) (Value, error) {
	t := tupleLayout.Must(v)
	if len(t.items) == 0 {
		return MakeStr("()"), nil
	}
	if !th.reprEnter(v) {
		return MakeStr("(...)"), nil
	}
	defer th.reprLeave(v)
	var b strings.Builder
	b.WriteByte('(')
	for i, x := range t.items {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := Repr(th, x)
		if err != nil {
			return Null, err
		}
		b.WriteString(r.s)
	}
	if len(t.items) == 1 {
		b.WriteByte(',')
	}
	b.WriteByte(')')
	return MakeStr(b.String()), nil
}

func tupleGetItem(th *Thread, v, key Value) (Value, error) {
	t := tupleLayout.Must(v)
	if key.IsSmallInt() {
		i := key.SmallInt()
		n := int64(len(t.items))
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Null, Errorf(IndexError, "tuple index out of range")
		}
		return t.items[i], nil
	}
	if s, ok := AsSlice(key); ok {
		start, stop, step, n, err := s.Indices(th, len(t.items))
		if err != nil {
			return Null, err
		}
		if step == 1 && start == 0 && n == len(t.items) && t.typ == TupleType {
			return v, nil
		}
		return NewTuple(sliceItems(t.items, start, stop, step, n)...).Value(), nil
	}
	i, err := indexArg(th, key, "tuple")
	if err != nil {
		return Null, err
	}
	return tupleGetItem(th, v, MakeInt(int64(i)))
}

// indexArg converts a subscript to an int with the sequence's error text.
func indexArg(th *Thread, key Value, kind string) (int, error) {
	if key.Type().Index == nil && !isIntLike(key) {
		return 0, Errorf(TypeError, "%s indices must be integers or slices, not %s", kind, TypeName(key))
	}
	r, err := Index(th, key)
	if err != nil {
		return 0, err
	}
	n, ok := intToInt64(r)
	if !ok {
		return 0, Errorf(IndexError, "cannot fit 'int' into an index-sized integer")
	}
	return int(n), nil
}

// sliceItems copies the items a normalised slice selects.
func sliceItems(items []Value, start, stop, step, n int) []Value {
	out := make([]Value, n)
	if step == 1 {
		copy(out, items[start:start+n])
		return out
	}
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		out[i] = items[j]
	}
	return out
}

func tupleNew(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Null, Errorf(TypeError, "tuple() takes no keyword arguments")
	}
	if len(args) > 1 {
		return Null, Errorf(TypeError, "tuple expected at most 1 argument, got %d", len(args))
	}
	var items []Value
	if len(args) == 1 {
		if tt, ok := castExact[Tuple](args[0], TupleType); ok && t == TupleType {
			return tt.Value(), nil
		}
		var err error
		items, err = SeqToSlice(th, args[0])
		if err != nil {
			return Null, err
		}
	}
	if t == TupleType {
		return NewTuple(items...).Value(), nil
	}
	obj := tupleLayout.New(t)
	obj.items = items
	return obj.Value(), nil
}

func initTupleType() {
	initBuiltinType(TupleType, TypeSpec{
		Name: "tuple", Layout: tupleLayout.info,
		Doc: "Built-in immutable sequence.",
		Slots: Slots{
			New:     tupleNew,
			Repr:    tupleRepr,
			Hash:    tupleHash,
			Compare: tupleCompare,
			Len:     func(th *Thread, v Value) (int, error) { return len(tupleLayout.Must(v).items), nil },
			GetItem: tupleGetItem,
			Contains: func(th *Thread, v, x Value) (bool, error) {
				for _, y := range tupleLayout.Must(v).items {
					eq, err := RichCompareBool(th, y, x, CmpEQ)
					if err != nil || eq {
						return eq, err
					}
				}
				return false, nil
			},
			Iter: func(th *Thread, v Value) (Value, error) {
				return newSliceIter(TupleIterType, v, tupleLayout.Must(v).items), nil
			},
			Binary: [numBinaryOps]func(*Thread, Value, Value) (Value, error){
				OpAdd: func(th *Thread, a, b Value) (Value, error) {
					ta, ok1 := AsTuple(a)
					tb, ok2 := AsTuple(b)
					if !ok1 || !ok2 {
						if ok1 {
							return Null, Errorf(TypeError, "can only concatenate tuple (not \"%s\") to tuple", TypeName(b))
						}
						return NotImplemented, nil
					}
					items := make([]Value, 0, len(ta.items)+len(tb.items))
					items = append(append(items, ta.items...), tb.items...)
					return NewTuple(items...).Value(), nil
				},
				OpMul: func(th *Thread, a, b Value) (Value, error) {
					return seqRepeat(th, a, b, func(v Value) ([]Value, bool) {
						t, ok := AsTuple(v)
						if !ok {
							return nil, false
						}
						return t.items, true
					}, func(items []Value) Value { return NewTuple(items...).Value() })
				},
			},
		},
		Methods: []*BuiltinMethod{
			{Name: "count", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				if len(args) != 2 {
					return Null, Errorf(TypeError, "tuple.count() takes exactly one argument (%d given)", len(args)-1)
				}
				return seqCount(th, tupleLayout.Must(args[0]).items, args[1])
			}},
			{Name: "index", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return seqIndex(th, "tuple", tupleLayout.Must(args[0]).items, args[1:])
			}},
			{Name: "__getnewargs__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return NewTuple(NewTupleCopy(tupleLayout.Must(args[0]).items).Value()).Value(), nil
			}},
			{Name: "__class_getitem__", Flags: MethClass, Fn: classGetItemAlias},
		},
	})
	emptyTuple = &Tuple{}
	emptyTuple.typ = TupleType
}

// seqRepeat implements seq * n and n * seq.
func seqRepeat(th *Thread, a, b Value, items func(Value) ([]Value, bool), mk func([]Value) Value) (Value, error) {
	seq, n := a, b
	src, ok := items(a)
	if !ok {
		seq, n = b, a
		src, ok = items(b)
		if !ok {
			return NotImplemented, nil
		}
	}
	_ = seq
	if !isIntLike(n) && n.Type().Index == nil {
		return Null, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", TypeName(n))
	}
	count, err := AsIndex(th, n)
	if err != nil {
		return Null, err
	}
	if count <= 0 || len(src) == 0 {
		return mk(nil), nil
	}
	if int64(len(src))*int64(count) > 1<<31 {
		return Null, Errorf(MemoryError, "")
	}
	out := make([]Value, 0, len(src)*count)
	for i := 0; i < count; i++ {
		out = append(out, src...)
	}
	return mk(out), nil
}

func seqCount(th *Thread, items []Value, x Value) (Value, error) {
	n := 0
	for i := 0; i < len(items); i++ {
		eq, err := RichCompareBool(th, items[i], x, CmpEQ)
		if err != nil {
			return Null, err
		}
		if eq {
			n++
		}
	}
	return MakeInt(int64(n)), nil
}

func seqIndex(th *Thread, kind string, items []Value, args []Value) (Value, error) {
	if len(args) < 1 || len(args) > 3 {
		return Null, Errorf(TypeError, "index expected at least 1 argument, got %d", len(args))
	}
	start, stop := 0, len(items)
	if len(args) > 1 {
		s, err := sliceIndexArg(th, args[1])
		if err != nil {
			return Null, err
		}
		start = clampIndex(s, len(items))
	}
	if len(args) > 2 {
		s, err := sliceIndexArg(th, args[2])
		if err != nil {
			return Null, err
		}
		stop = clampIndex(s, len(items))
	}
	for i := start; i < stop && i < len(items); i++ {
		eq, err := RichCompareBool(th, items[i], args[0], CmpEQ)
		if err != nil {
			return Null, err
		}
		if eq {
			return MakeInt(int64(i)), nil
		}
	}
	if kind == "list" {
		r, err := Repr(th, args[0])
		if err != nil {
			return Null, err
		}
		return Null, Errorf(ValueError, "%s is not in list", r.s)
	}
	return Null, Errorf(ValueError, "tuple.index(x): x not in tuple")
}

func clampIndex(i, n int) int {
	if i < 0 {
		i += n
		if i < 0 {
			i = 0
		}
	}
	if i > n {
		i = n
	}
	return i
}
