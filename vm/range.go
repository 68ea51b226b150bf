package vm

// This file implements range, slice, the singletons None, NotImplemented and
// Ellipsis, and super.

import (
	"fmt"
)

// Range is a range object (int64 bounds).
type Range struct {
	Object
	start, stop, step int64
}

var rangeLayout = NewLayout[Range]("range")

func (r *Range) length() int64 {
	if r.step > 0 {
		if r.start >= r.stop {
			return 0
		}
		return (r.stop-r.start-1)/r.step + 1
	}
	if r.start <= r.stop {
		return 0
	}
	return (r.start-r.stop-1)/(-r.step) + 1
}

// NewRange returns range(start, stop, step).
func NewRange(start, stop, step int64) Value {
	r := &Range{start: start, stop: stop, step: step}
	r.typ = RangeType
	return r.Value()
}

func rangeNew(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Null, Errorf(TypeError, "range() takes no keyword arguments")
	}
	conv := func(v Value) (int64, error) {
		if v.IsSmallInt() {
			return v.SmallInt(), nil
		}
		if !isIntLike(v) && v.Type().Index == nil {
			return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(v))
		}
		n, err := AsInt64(th, v)
		if err != nil {
			return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
		}
		return n, nil
	}
	var start, stop, step int64 = 0, 0, 1
	var err error
	switch len(args) {
	case 1:
		if stop, err = conv(args[0]); err != nil {
			return Null, err
		}
	case 2, 3:
		if start, err = conv(args[0]); err != nil {
			return Null, err
		}
		if stop, err = conv(args[1]); err != nil {
			return Null, err
		}
		if len(args) == 3 {
			if step, err = conv(args[2]); err != nil {
				return Null, err
			}
			if step == 0 {
				return Null, Errorf(ValueError, "range() arg 3 must not be zero")
			}
		}
	case 0:
		return Null, Errorf(TypeError, "range expected at least 1 argument, got 0")
	default:
		return Null, Errorf(TypeError, "range expected at most 3 arguments, got %d", len(args))
	}
	return NewRange(start, stop, step), nil
}

func rangeItem(r *Range, i int64) Value { return MakeInt(r.start + i*r.step) }

func rangeGetItem(th *Thread, v, key Value) (Value, error) {
	r := rangeLayout.Must(v)
	n := r.length()
	if s, ok := AsSlice(key); ok {
		start, stop, step, _, err := s.Indices(th, int(n))
		if err != nil {
			return Null, err
		}
		// As CPython's compute_slice: the bounds map through the range
		// (so range(4)[1::2] is range(1, 4, 2), not range(1, 5, 2)).
		return NewRange(r.start+int64(start)*r.step, r.start+int64(stop)*r.step, r.step*int64(step)), nil
	}
	i, err := indexArg(th, key, "range")
	if err != nil {
		return Null, err
	}
	idx := int64(i)
	if idx < 0 {
		idx += n
	}
	if idx < 0 || idx >= n {
		return Null, Errorf(IndexError, "range object index out of range")
	}
	return rangeItem(r, idx), nil
}

func rangeContains(th *Thread, v, x Value) (bool, error) {
	r := rangeLayout.Must(v)
	if n, ok := intToInt64(x); ok && (x.IsSmallInt() || x.Type() == IntType || x.IsBool()) {
		if r.step > 0 {
			if n < r.start || n >= r.stop {
				return false, nil
			}
		} else if n > r.start || n <= r.stop {
			return false, nil
		}
		return (n-r.start)%r.step == 0, nil
	}
	found := false
	it := rangeIter{next: r.start, step: r.step, left: r.length()}
	for ; it.left > 0; it.left-- {
		eq, err := RichCompareBool(th, MakeInt(it.next), x, CmpEQ)
		if err != nil {
			return false, err
		}
		if eq {
			found = true
			break
		}
		it.next += it.step
	}
	return found, nil
}

// ----------------------------------------------------------------- slice

// Slice is a slice object.
type Slice struct {
	Object
	start, stop, step Value
}

var sliceLayout = NewLayout[Slice]("slice")

// NewSlice returns slice(start, stop, step).
func NewSlice(start, stop, step Value) *Slice {
	s := &Slice{start: start, stop: stop, step: step}
	s.typ = SliceType
	return s
}

// AsSlice returns v as a slice.
func AsSlice(v Value) (*Slice, bool) { return sliceLayout.Cast(v) }

// sliceIndexArg converts a slice bound (int or __index__) clamped to int64.
func sliceIndexArg(th *Thread, v Value) (int, error) {
	if v.IsSmallInt() {
		return int(v.SmallInt()), nil
	}
	if !isIntLike(v) && v.Type().Index == nil {
		return 0, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
	}
	r, err := Index(th, v)
	if err != nil {
		return 0, err
	}
	if n, ok := intToInt64(r); ok {
		return int(n), nil
	}
	if ToBig(r).Sign() < 0 {
		return -1 << 62, nil
	}
	return 1 << 62, nil
}

// Indices normalises the slice for a sequence of length n (PySlice_GetIndicesEx):
// start, stop, step and the number of items.
func (s *Slice) Indices(th *Thread, n int) (start, stop, step, count int, err error) {
	step = 1
	if !s.step.IsNone() {
		if step, err = sliceIndexArg(th, s.step); err != nil {
			return
		}
		if step == 0 {
			err = Errorf(ValueError, "slice step cannot be zero")
			return
		}
	}
	var lower, upper int
	if step < 0 {
		lower, upper = -1, n-1
	} else {
		lower, upper = 0, n
	}
	if s.start.IsNone() {
		if step < 0 {
			start = upper
		} else {
			start = lower
		}
	} else {
		if start, err = sliceIndexArg(th, s.start); err != nil {
			return
		}
		if start < 0 {
			start += n
			if start < lower {
				start = lower
			}
		} else if start > upper {
			start = upper
		}
	}
	if s.stop.IsNone() {
		if step < 0 {
			stop = lower
		} else {
			stop = upper
		}
	} else {
		if stop, err = sliceIndexArg(th, s.stop); err != nil {
			return
		}
		if stop < 0 {
			stop += n
			if stop < lower {
				stop = lower
			}
		} else if stop > upper {
			stop = upper
		}
	}
	if step < 0 {
		if stop < start {
			count = (start-stop-1)/(-step) + 1
		}
	} else if start < stop {
		count = (stop-start-1)/step + 1
	}
	return
}

// -------------------------------------------------------------- singletons

type singleton struct {
	Object
	name string
}

var singletonLayout = NewLayout[singleton]("singleton")

func initSingletonTypes() {
	initBuiltinType(NoneType, TypeSpec{
		Name: "NoneType", Final: true, Layout: singletonLayout.info,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				if len(args) > 0 || len(kw) > 0 {
					return Null, Errorf(TypeError, "NoneType takes no arguments")
				}
				return None, nil
			},
			Repr: func(th *Thread, v Value) (Value, error) { return MakeStr("None"), nil },
			Bool: func(th *Thread, v Value) (bool, error) { return false, nil },
			Hash: func(th *Thread, v Value) (int64, error) { return 0xFCA86420 >> 4, nil },
		},
	})
	mk := func(t *Type, tname, name string) Value {
		initBuiltinType(t, TypeSpec{
			Name: tname, Final: true, Layout: singletonLayout.info,
			Slots: Slots{
				Repr: func(th *Thread, v Value) (Value, error) { return MakeStr(name), nil },
			},
			Methods: []*BuiltinMethod{{Name: "__reduce__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return MakeStr(name), nil
			}}},
		})
		s := &singleton{name: name}
		s.typ = t
		v := s.Value()
		t.New = func(th *Thread, _ *Type, args []Value, kw []Value) (Value, error) {
			if len(args) > 0 || len(kw) > 0 {
				return Null, Errorf(TypeError, "%s takes no arguments", tname)
			}
			return v, nil
		}
		return v
	}
	NotImplemented = mk(NotImplementedType, "NotImplementedType", "NotImplemented")
	Ellipsis = mk(EllipsisType, "ellipsis", "Ellipsis")
	NotImplementedType.Bool = func(th *Thread, v Value) (bool, error) {
		// 3.9+ deprecates this; the result stays True.
		return true, nil
	}
}

func initRangeSliceTypes() {
	initBuiltinType(RangeType, TypeSpec{
		Name: "range", Layout: rangeLayout.info, Final: true,
		Doc: "range(stop) -> range object\nrange(start, stop[, step]) -> range object",
		Slots: Slots{
			New: rangeNew,
			Repr: func(th *Thread, v Value) (Value, error) {
				r := rangeLayout.Must(v)
				if r.step == 1 {
					return MakeStr(fmt.Sprintf("range(%d, %d)", r.start, r.stop)), nil
				}
				return MakeStr(fmt.Sprintf("range(%d, %d, %d)", r.start, r.stop, r.step)), nil
			},
			Len: func(th *Thread, v Value) (int, error) { return int(rangeLayout.Must(v).length()), nil },
			Bool: func(th *Thread, v Value) (bool, error) {
				return rangeLayout.Must(v).length() > 0, nil
			},
			GetItem:  rangeGetItem,
			Contains: rangeContains,
			Iter: func(th *Thread, v Value) (Value, error) {
				r := rangeLayout.Must(v)
				it := &rangeIter{next: r.start, step: r.step, left: r.length()}
				it.typ = RangeIterType
				return it.Value(), nil
			},
			Hash: func(th *Thread, v Value) (int64, error) {
				r := rangeLayout.Must(v)
				n := r.length()
				var t *Tuple
				switch n {
				case 0:
					t = NewTuple(MakeInt(0), None, None)
				case 1:
					t = NewTuple(MakeInt(1), MakeInt(r.start), None)
				default:
					t = NewTuple(MakeInt(n), MakeInt(r.start), MakeInt(r.step))
				}
				return tupleHash(th, t.Value())
			},
			Compare: func(th *Thread, a, b Value, op CompareOp) (Value, error) {
				ra := rangeLayout.Must(a)
				rb, ok := rangeLayout.Cast(b)
				if !ok || (op != CmpEQ && op != CmpNE) {
					return NotImplemented, nil
				}
				na, nb := ra.length(), rb.length()
				eq := na == nb && (na == 0 || ra.start == rb.start && (na == 1 || ra.step == rb.step))
				return MakeBool(eq == (op == CmpEQ)), nil
			},
		},
		Methods: []*BuiltinMethod{
			{Name: "index", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				r := rangeLayout.Must(args[0])
				if len(args) != 2 {
					return Null, Errorf(TypeError, "index() takes exactly one argument")
				}
				if n, ok := intToInt64(args[1]); ok {
					if ok, _ := rangeContains(th, args[0], args[1]); ok {
						return MakeInt((n - r.start) / r.step), nil
					}
				}
				rv, _ := Repr(th, args[1])
				return Null, Errorf(ValueError, "%s is not in range", rv.s)
			}},
			{Name: "count", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				ok, err := rangeContains(th, args[0], args[1])
				if ok {
					return MakeInt(1), err
				}
				return MakeInt(0), err
			}},
			{Name: "__reversed__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				r := rangeLayout.Must(args[0])
				n := r.length()
				it := &rangeIter{next: r.start + (n-1)*r.step, step: -r.step, left: n}
				it.typ = RangeIterType
				return it.Value(), nil
			}},
		},
		Getters: []*GetSet{
			{Name: "start", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(rangeLayout.Must(v).start), nil }},
			{Name: "stop", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(rangeLayout.Must(v).stop), nil }},
			{Name: "step", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(rangeLayout.Must(v).step), nil }},
		},
	})
	initBuiltinType(SliceType, TypeSpec{
		Name: "slice", Layout: sliceLayout.info, Final: true,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				if len(kw) > 0 {
					return Null, Errorf(TypeError, "slice() takes no keyword arguments")
				}
				switch len(args) {
				case 1:
					return NewSlice(None, args[0], None).Value(), nil
				case 2:
					return NewSlice(args[0], args[1], None).Value(), nil
				case 3:
					return NewSlice(args[0], args[1], args[2]).Value(), nil
				}
				return Null, Errorf(TypeError, "slice expected at least 1 argument, got %d", len(args))
			},
			Repr: func(th *Thread, v Value) (Value, error) {
				s := sliceLayout.Must(v)
				parts := make([]string, 3)
				for i, x := range []Value{s.start, s.stop, s.step} {
					r, err := Repr(th, x)
					if err != nil {
						return Null, err
					}
					parts[i] = r.s
				}
				return MakeStr("slice(" + parts[0] + ", " + parts[1] + ", " + parts[2] + ")"), nil
			},
			Hash: unhashable,
			Compare: func(th *Thread, a, b Value, op CompareOp) (Value, error) {
				sa := sliceLayout.Must(a)
				sb, ok := AsSlice(b)
				if !ok {
					return NotImplemented, nil
				}
				return tupleCompare(th, NewTuple(sa.start, sa.stop, sa.step).Value(), NewTuple(sb.start, sb.stop, sb.step).Value(), op)
			},
		},
		Methods: []*BuiltinMethod{{Name: "indices", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			s := sliceLayout.Must(args[0])
			n, err := AsIndex(th, args[1])
			if err != nil {
				return Null, err
			}
			start, stop, step, _, err := s.Indices(th, n)
			if err != nil {
				return Null, err
			}
			return NewTuple(MakeInt(int64(start)), MakeInt(int64(stop)), MakeInt(int64(step))).Value(), nil
		}}},
		Getters: []*GetSet{
			{Name: "start", Get: func(th *Thread, v Value) (Value, error) { return sliceLayout.Must(v).start, nil }},
			{Name: "stop", Get: func(th *Thread, v Value) (Value, error) { return sliceLayout.Must(v).stop, nil }},
			{Name: "step", Get: func(th *Thread, v Value) (Value, error) { return sliceLayout.Must(v).step, nil }},
		},
	})
}

// ----------------------------------------------------------------- super

type superObj struct {
	Object
	typ2   *Type // the class super() starts after
	obj    Value // the instance or class being looked at (Null: unbound)
	objTyp *Type
}

var superLayout = NewLayout[superObj]("super")

func initSuperType() {
	initBuiltinType(SuperType, TypeSpec{
		Name: "super", Layout: superLayout.info,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				s := superLayout.New(t)
				s.obj = Null
				return s.Value(), nil
			},
			Init:    superInit,
			GetAttr: superGetAttr,
			Repr: func(th *Thread, v Value) (Value, error) {
				s := superLayout.Must(v)
				if s.objTyp != nil {
					return MakeStr(fmt.Sprintf("<super: <class '%s'>, <%s object>>", s.typ2.Name, s.objTyp.Name)), nil
				}
				return MakeStr(fmt.Sprintf("<super: <class '%s'>, NULL>", s.typ2.Name)), nil
			},
			DescrGet: func(th *Thread, descr, obj Value, t *Type) (Value, error) {
				s := superLayout.Must(descr)
				if obj.IsNull() || !s.obj.IsNull() {
					return descr, nil
				}
				return Call(th, SuperType.Value(), []Value{s.typ2.Value(), obj}, nil)
			},
		},
		Getters: []*GetSet{
			{Name: "__thisclass__", Get: func(th *Thread, v Value) (Value, error) { return superLayout.Must(v).typ2.Value(), nil }},
			{Name: "__self__", Get: func(th *Thread, v Value) (Value, error) {
				s := superLayout.Must(v)
				if s.obj.IsNull() {
					return None, nil
				}
				return s.obj, nil
			}},
			{Name: "__self_class__", Get: func(th *Thread, v Value) (Value, error) {
				s := superLayout.Must(v)
				if s.objTyp == nil {
					return None, nil
				}
				return s.objTyp.Value(), nil
			}},
		},
	})
}

func superInit(th *Thread, self Value, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 {
		return Errorf(TypeError, "super() takes no keyword arguments")
	}
	s := superLayout.Must(self)
	var typ *Type
	obj := Null
	switch len(args) {
	case 0:
		// Zero-argument form: the caller's __class__ cell and first argument.
		f := th.frame
		if f == nil || f.fn == nil {
			return Errorf(RuntimeError, "super(): no arguments")
		}
		co := f.code
		if co.ArgCount == 0 && co.Flags&0x4 == 0 {
			return Errorf(RuntimeError, "super(): no arguments")
		}
		first := f.slots[0]
		if co.Kinds[0]&0x40 != 0 { // an argument that is also a cell
			if c, ok := AsCell(first); ok {
				first = c.v
			}
		}
		if first.IsNull() {
			return Errorf(RuntimeError, "super(): arg[0] deleted")
		}
		found := false
		for i, name := range co.LocalsPlus {
			if name == "__class__" && co.Kinds[i]&0x80 != 0 {
				c, ok := AsCell(f.slots[i])
				if !ok || c.v.IsNull() {
					return Errorf(RuntimeError, "super(): empty __class__ cell")
				}
				t, ok := AsType(c.v)
				if !ok {
					return Errorf(RuntimeError, "super(): __class__ is not a type (%s)", TypeName(c.v))
				}
				typ = t
				found = true
				break
			}
		}
		if !found {
			return Errorf(RuntimeError, "super(): __class__ cell not found")
		}
		obj = first
	case 1, 2:
		t, ok := AsType(args[0])
		if !ok {
			return Errorf(TypeError, "super() argument 1 must be a type, not %s", TypeName(args[0]))
		}
		typ = t
		if len(args) == 2 {
			obj = args[1]
			if obj.IsNone() {
				obj = Null
			}
		}
	default:
		return Errorf(TypeError, "super() takes at most 2 arguments (%d given)", len(args))
	}
	s.typ2 = typ
	s.obj = obj
	if !obj.IsNull() {
		if ot, ok := AsType(obj); ok && ot.IsSubtype(typ) {
			s.objTyp = ot
		} else if obj.Type().IsSubtype(typ) {
			s.objTyp = obj.Type()
		} else {
			return Errorf(TypeError, "super(type, obj): obj must be an instance or subtype of type")
		}
	}
	return nil
}

func superGetAttr(th *Thread, self Value, name *Str) (Value, error) {
	s := superLayout.Must(self)
	if s.objTyp != nil && name.s != "__class__" {
		mro := s.objTyp.MRO
		i := 0
		for ; i < len(mro); i++ {
			if mro[i] == s.typ2 {
				break
			}
		}
		for i++; i < len(mro); i++ {
			if v, ok := mro[i].dict.getStr(name); ok {
				if g := v.Type().DescrGet; g != nil {
					obj := s.obj
					if obj.Is(s.objTyp.Value()) {
						obj = Null
					}
					return g(th, v, obj, s.objTyp)
				}
				return v, nil
			}
		}
	}
	return GenericGetAttr(th, self, name)
}
