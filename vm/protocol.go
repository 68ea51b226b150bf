package vm

// This file is the abstract object protocol: the operations every part of
// gilpy uses on values of any type (CPython's Objects/abstract.c and
// object.c). Each tries a fast path for the common concrete types and then
// goes through the type's slots.

import (
	"strconv"
)

// Repr is repr(v).
func Repr(th *Thread, v Value) (*Str, error) {
	if s, ok := castExact[Str](v, StrType); ok {
		return NewStr(StrRepr(s.s)), nil
	}
	if v.IsSmallInt() {
		return smallIntStr(v.SmallInt()), nil
	}
	f := v.Type().Repr
	if f == nil {
		f = objectRepr
	}
	if th != nil {
		if err := th.enterRecursive(" while getting the repr of an object"); err != nil {
			return nil, err
		}
		defer th.leaveRecursive()
	}
	r, err := f(th, v)
	if err != nil {
		return nil, err
	}
	s, ok := AsStr(r)
	if !ok {
		return nil, Errorf(TypeError, "__repr__ returned non-string (type %s)", TypeName(r))
	}
	return s, nil
}

// StrOf is str(v).
func StrOf(th *Thread, v Value) (*Str, error) {
	if s, ok := castExact[Str](v, StrType); ok {
		return s, nil
	}
	if v.IsSmallInt() {
		return smallIntStr(v.SmallInt()), nil
	}
	f := v.Type().Str
	if f == nil {
		return Repr(th, v)
	}
	if th != nil {
		if err := th.enterRecursive(" while getting the str of an object"); err != nil {
			return nil, err
		}
		defer th.leaveRecursive()
	}
	r, err := f(th, v)
	if err != nil {
		return nil, err
	}
	s, ok := AsStr(r)
	if !ok {
		return nil, Errorf(TypeError, "__str__ returned non-string (type %s)", TypeName(r))
	}
	return s, nil
}

// Hash is hash(v).
func Hash(th *Thread, v Value) (int64, error) {
	if v.IsSmallInt() {
		return hashSmallInt(v.SmallInt()), nil
	}
	if s, ok := castExact[Str](v, StrType); ok {
		return s.Hash(), nil
	}
	f := v.Type().Hash
	if f == nil {
		return unhashable(th, v)
	}
	return f(th, v)
}

// RichCompare is the comparison a op b, returning any object (not only
// bools), with CPython's reflection rules.
func RichCompare(th *Thread, a, b Value, op CompareOp) (Value, error) {
	if a.IsSmallInt() && b.IsSmallInt() {
		return MakeBool(compareInt64(a.SmallInt(), b.SmallInt(), op)), nil
	}
	ta, tb := a.Type(), b.Type()
	checkedReverse := false
	if ta != tb && tb.IsSubtype(ta) && tb.Compare != nil {
		checkedReverse = true
		r, err := tb.Compare(th, b, a, swappedOp[op])
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if ta.Compare != nil {
		if th != nil {
			if err := th.enterRecursive(" in comparison"); err != nil {
				return Null, err
			}
		}
		r, err := ta.Compare(th, a, b, op)
		if th != nil {
			th.leaveRecursive()
		}
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if !checkedReverse && tb.Compare != nil {
		r, err := tb.Compare(th, b, a, swappedOp[op])
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	switch op {
	case CmpEQ:
		return MakeBool(a.Is(b)), nil
	case CmpNE:
		return MakeBool(!a.Is(b)), nil
	}
	return Null, Errorf(TypeError, "'%s' not supported between instances of '%s' and '%s'", CompareOpSymbol(op), ta.Name, tb.Name)
}

// CompareOpSymbol spells a comparison.
func CompareOpSymbol(op CompareOp) string { return [...]string{"<", "<=", "==", "!=", ">", ">="}[op] }

// RichCompareBool is a op b as a Go bool; identity implies equality, as in
// CPython's PyObject_RichCompareBool (so [nan] == [nan]).
func RichCompareBool(th *Thread, a, b Value, op CompareOp) (bool, error) {
	if a.Is(b) {
		if op == CmpEQ {
			return true, nil
		}
		if op == CmpNE {
			return false, nil
		}
	}
	r, err := RichCompare(th, a, b, op)
	if err != nil {
		return false, err
	}
	if r.IsBool() {
		return r.IsTrue(), nil
	}
	return Truth(th, r)
}

// Equal is a == b as a Go bool.
func Equal(th *Thread, a, b Value) (bool, error) {
	if a.Is(b) {
		return true, nil
	}
	if a.IsSmallInt() && b.IsSmallInt() {
		return a.n == b.n, nil
	}
	if sa, ok := castExact[Str](a, StrType); ok {
		if sb, ok := castExact[Str](b, StrType); ok {
			return sa.s == sb.s, nil
		}
	}
	return RichCompareBool(th, a, b, CmpEQ)
}

// Truth is bool(v).
func Truth(th *Thread, v Value) (bool, error) {
	switch {
	case v.IsBool():
		return v.n != 0, nil
	case v.IsNone():
		return false, nil
	case v.IsSmallInt():
		return v.n != 0, nil
	case v.IsFloat():
		return v.Float() != 0, nil
	}
	t := v.Type()
	if t.Bool != nil {
		return t.Bool(th, v)
	}
	if t.Len != nil {
		n, err := t.Len(th, v)
		return n != 0, err
	}
	return true, nil
}

// ----------------------------------------------------------- attributes

// GetAttr is getattr(v, name).
func GetAttr(th *Thread, v Value, name *Str) (Value, error) {
	f := v.Type().GetAttr
	if f == nil {
		return Null, attributeError(v, name)
	}
	return f(th, v, name)
}

// GetAttrString is GetAttr with a Go string.
func GetAttrString(th *Thread, v Value, name string) (Value, error) {
	return GetAttr(th, v, Intern(name))
}

// LookupAttr is getattr(v, name, Null): AttributeError becomes Null.
func LookupAttr(th *Thread, v Value, name string) (Value, error) {
	r, err := GetAttr(th, v, Intern(name))
	if err != nil {
		if AsException(err).Matches(AttributeError) {
			return Null, nil
		}
		return Null, err
	}
	return r, nil
}

// SetAttr is setattr(v, name, x); x Null deletes.
func SetAttr(th *Thread, v Value, name *Str, x Value) error {
	f := v.Type().SetAttr
	if f == nil {
		if x.IsNull() {
			return Errorf(AttributeError, "'%s' object has no attribute '%s'", TypeName(v), name.s)
		}
		return Errorf(AttributeError, "'%s' object has no attribute '%s'", TypeName(v), name.s)
	}
	return f(th, v, name, x)
}

// SetAttrString is SetAttr with a Go string.
func SetAttrString(th *Thread, v Value, name string, x Value) error {
	return SetAttr(th, v, Intern(name), x)
}

// ---------------------------------------------------------------- calls

// Call calls callable with positional args followed by the values of the
// keywords named in kwnames.
func Call(th *Thread, callable Value, args []Value, kwnames []Value) (Value, error) {
	if fn, ok := AsFunction(callable); ok {
		return th.callFunction(fn, args, kwnames)
	}
	t := callable.Type()
	if t.Call == nil {
		return Null, Errorf(TypeError, "'%s' object is not callable", t.Name)
	}
	if err := th.enterRecursive(" while calling a Python object"); err != nil {
		return Null, err
	}
	r, err := t.Call(th, callable, args, kwnames)
	th.leaveRecursive()
	return r, err
}

// errRecursionCalling is the RecursionError of a call that would go one
// level too deep. Every builtin call is a level, as in CPython's generic
// call path; CPython's specialized CALL instructions skip the check for
// METH_FASTCALL builtins once warmed up, which only changes how deep a
// recursion through such builtins gets, not whether it ends cleanly.
func errRecursionCalling() error {
	return Errorf(RecursionError, "maximum recursion depth exceeded while calling a Python object")
}

// CallMethod calls v.name(args...).
func CallMethod(th *Thread, v Value, name string, args ...Value) (Value, error) {
	f := v.Type().Lookup(Intern(name))
	if !f.IsNull() && (v.Type().GetAttr == nil || sameGetAttr(v.Type())) {
		// No instance-level override possible for a plain method lookup
		// unless the instance dict shadows it.
		if !v.IsHeap() || v.header().dict == nil {
			return callDescr(th, f, v, args, nil)
		}
		if _, shadow := v.header().dict.getStr(Intern(name)); !shadow {
			return callDescr(th, f, v, args, nil)
		}
	}
	m, err := GetAttrString(th, v, name)
	if err != nil {
		return Null, err
	}
	return Call(th, m, args, nil)
}

// CallMethodKw calls v.name(args..., **kw) with vectorcall keywords.
func CallMethodKw(th *Thread, v Value, name string, args []Value, kwnames []Value) (Value, error) {
	m, err := GetAttrString(th, v, name)
	if err != nil {
		return Null, err
	}
	return Call(th, m, args, kwnames)
}

// sameGetAttr reports whether t uses the generic attribute lookup, so that
// a method found on the type is what attribute access would return.
func sameGetAttr(t *Type) bool { return t.flags&flagHasGetattr == 0 && isGenericGetAttr(t) }

// Callable is callable(v).
func Callable(v Value) bool {
	if _, ok := AsFunction(v); ok {
		return true
	}
	return v.Type().Call != nil
}

// ------------------------------------------------------------ iteration

// Iter is iter(v).
func Iter(th *Thread, v Value) (Value, error) {
	t := v.Type()
	if t.Iter != nil {
		it, err := t.Iter(th, v)
		if err != nil {
			return Null, err
		}
		if it.Type().Next == nil {
			return Null, Errorf(TypeError, "iter() returned non-iterator of type '%s'", TypeName(it))
		}
		return it, nil
	}
	if t.GetItem != nil && !t.IsSubtype(DictType) {
		return newSeqIter(v), nil
	}
	return Null, Errorf(TypeError, "'%s' object is not iterable", t.Name)
}

// Next advances an iterator: Null, nil at the end. A StopIteration raised
// by the iterator also means the end, as for CPython's iteration
// consumers (a generator's return value rides in it).
func Next(th *Thread, it Value) (Value, error) {
	f := it.Type().Next
	if f == nil {
		return Null, Errorf(TypeError, "'%s' object is not an iterator", TypeName(it))
	}
	v, err := f(th, it)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.typ.IsSubtype(StopIteration) {
			return Null, nil
		}
	}
	return v, err
}

// SeqToSlice collects an iterable into a new slice (sharing nothing).
func SeqToSlice(th *Thread, v Value) ([]Value, error) {
	if l, ok := castExact[List](v, ListType); ok {
		return append([]Value(nil), l.items...), nil
	}
	if t, ok := castExact[Tuple](v, TupleType); ok {
		return append([]Value(nil), t.items...), nil
	}
	it, err := Iter(th, v)
	if err != nil {
		return nil, err
	}
	var out []Value
	if n, err := LengthHint(th, v, 0); err == nil && n > 0 {
		out = make([]Value, 0, n)
	}
	for {
		x, err := Next(th, it)
		if err != nil {
			return nil, err
		}
		if x.IsNull() {
			return out, nil
		}
		out = append(out, x)
	}
}

// ForEach calls f for each item of an iterable until f returns false.
func ForEach(th *Thread, v Value, f func(x Value) (bool, error)) error {
	if l, ok := castExact[List](v, ListType); ok {
		for i := 0; i < len(l.items); i++ {
			cont, err := f(l.items[i])
			if err != nil || !cont {
				return err
			}
		}
		return nil
	}
	if t, ok := castExact[Tuple](v, TupleType); ok {
		for _, x := range t.items {
			cont, err := f(x)
			if err != nil || !cont {
				return err
			}
		}
		return nil
	}
	it, err := Iter(th, v)
	if err != nil {
		return err
	}
	for {
		x, err := Next(th, it)
		if err != nil {
			return err
		}
		if x.IsNull() {
			return nil
		}
		cont, err := f(x)
		if err != nil || !cont {
			return err
		}
	}
}

// LengthHint is operator.length_hint.
func LengthHint(th *Thread, v Value, def int) (int, error) {
	if t := v.Type(); t.Len != nil {
		n, err := t.Len(th, v)
		if err == nil {
			return n, nil
		}
		if !AsException(err).Matches(TypeError) {
			return 0, err
		}
	}
	return def, nil
}

// --------------------------------------------------------- containers

// Len is len(v).
func Len(th *Thread, v Value) (int, error) {
	switch {
	case v.p == nil:
	default:
		if l, ok := castExact[List](v, ListType); ok {
			return len(l.items), nil
		}
		if s, ok := castExact[Str](v, StrType); ok {
			return s.nchars, nil
		}
	}
	f := v.Type().Len
	if f == nil {
		return 0, Errorf(TypeError, "object of type '%s' has no len()", TypeName(v))
	}
	return f(th, v)
}

// GetItem is v[key].
func GetItem(th *Thread, v, key Value) (Value, error) {
	t := v.Type()
	if t.GetItem != nil {
		return t.GetItem(th, v, key)
	}
	if vt, ok := AsType(v); ok {
		// Type subscripting: __class_getitem__, or a generic alias for
		// builtins such as list[int].
		if f := vt.Lookup(dunderClassGetitem); !f.IsNull() {
			b, err := bindDescr(th, f, Null, vt)
			if err != nil {
				return Null, err
			}
			return Call(th, b, []Value{key}, nil)
		}
		if !vt.IsHeapType() {
			return newGenericAlias(v, key), nil
		}
		return Null, Errorf(TypeError, "type '%s' is not subscriptable", vt.Name)
	}
	return Null, Errorf(TypeError, "'%s' object is not subscriptable", t.Name)
}

// SetItem is v[key] = x (x Null deletes).
func SetItem(th *Thread, v, key, x Value) error {
	f := v.Type().SetItem
	if f == nil {
		if x.IsNull() {
			return Errorf(TypeError, "'%s' object doesn't support item deletion", TypeName(v))
		}
		return Errorf(TypeError, "'%s' object does not support item assignment", TypeName(v))
	}
	return f(th, v, key, x)
}

// Contains is x in v.
func Contains(th *Thread, v, x Value) (bool, error) {
	t := v.Type()
	if t.Contains != nil {
		return t.Contains(th, v, x)
	}
	if t.Iter == nil && t.GetItem == nil {
		return false, Errorf(TypeError, "argument of type '%s' is not iterable", t.Name)
	}
	found := false
	err := ForEach(th, v, func(y Value) (bool, error) {
		eq, err := RichCompareBool(th, y, x, CmpEQ)
		if eq {
			found = true
		}
		return !eq, err
	})
	return found, err
}

// ------------------------------------------------------------ numbers

// BinaryOperation is a op b for a binary arithmetic operator, with
// CPython's rules for trying the right operand's reflected method.
func BinaryOperation(th *Thread, a, b Value, op BinaryOp) (Value, error) {
	ta, tb := a.Type(), b.Type()
	slotA := ta.Binary[op]
	var slotB func(*Thread, Value, Value) (Value, error)
	if tb != ta {
		slotB = tb.Binary[op]
		if slotB != nil && slotA != nil && sameBinarySlot(ta, tb, op) {
			slotB = nil
		}
	}
	if slotA != nil && slotB != nil && seqOperand(ta, op) && !seqOperand(tb, op) {
		// a's + or * is a sequence's concatenation or repetition, which
		// CPython tries only after both operands' number slots: b's
		// reflected method goes first.
		r, err := slotB(th, a, b)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
		slotB = nil
	}
	if slotA != nil {
		if slotB != nil && tb.IsSubtype(ta) {
			r, err := slotB(th, a, b)
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
			slotB = nil
		}
		r, err := slotA(th, a, b)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if slotB != nil {
		r, err := slotB(th, a, b)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if op == OpAdd || op == OpMul {
		// Sequence concatenation/repetition for types that only define
		// them through the sequence protocol is folded into Binary here.
	}
	return Null, binaryTypeError(a, b, op, "")
}

// seqOperand reports whether t's op slot is a builtin sequence's
// concatenation or repetition (CPython's sq_concat / sq_repeat).
func seqOperand(t *Type, op BinaryOp) bool {
	if (op != OpAdd && op != OpMul) || t.pyBinary&(uint32(1)<<uint(op)) != 0 {
		return false
	}
	switch binarySlotOwner(t, op) {
	case StrType, ListType, TupleType, BytesType, ByteArrayType:
		return true
	}
	return false
}

// sameBinarySlot reports whether two types share the same binary slot for
// op (both Python dispatchers, or one inherited from the other's builtin).
func sameBinarySlot(ta, tb *Type, op BinaryOp) bool {
	bit := uint32(1) << uint(op)
	if ta.pyBinary&bit != 0 || tb.pyBinary&bit != 0 {
		return ta.pyBinary&bit != 0 && tb.pyBinary&bit != 0
	}
	// Builtin slots: the same owner type means the same function.
	return binarySlotOwner(ta, op) == binarySlotOwner(tb, op)
}

func binarySlotOwner(t *Type, op BinaryOp) *Type {
	name := Intern(binaryDunders[op][0])
	for _, m := range t.MRO {
		if v, ok := m.dict.getStr(name); ok {
			if w, ok := slotWrapperLayout.Cast(v); ok {
				return w.owner
			}
			return m
		}
	}
	return nil
}

func binaryTypeError(a, b Value, op BinaryOp, inplace string) error {
	sym := binaryOpSymbol(op) + inplace
	if op == OpPow && inplace == "" {
		return Errorf(TypeError, "unsupported operand type(s) for ** or pow(): '%s' and '%s'", TypeName(a), TypeName(b))
	}
	if op == OpPow {
		return Errorf(TypeError, "unsupported operand type(s) for **=: '%s' and '%s'", TypeName(a), TypeName(b))
	}
	if op == OpRShift && inplace == "" {
		if f, ok := builtinFunctionLayout.Cast(a); ok && f.Name == "print" {
			return Errorf(TypeError, "unsupported operand type(s) for >>: '%s' and '%s'. Did you mean \"print(<message>, file=<output_stream>)\"?", TypeName(a), TypeName(b))
		}
	}
	return Errorf(TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym, TypeName(a), TypeName(b))
}

func binaryOpSymbol(op BinaryOp) string {
	return [...]string{"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"}[op]
}

// InplaceOperation is a op= b: the in-place slot first, then the binary one.
func InplaceOperation(th *Thread, a, b Value, op BinaryOp) (Value, error) {
	if f := a.Type().Inplace[op]; f != nil {
		r, err := f(th, a, b)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	r, err := BinaryOperation(th, a, b, op)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Matches(TypeError) && isBinaryTypeError(e) {
			return Null, binaryTypeError(a, b, op, "=")
		}
	}
	return r, err
}

func isBinaryTypeError(e *Exception) bool {
	msg := e.message()
	return len(msg) > 30 && msg[:30] == "unsupported operand type(s) fo"
}

// Neg is -v; Pos +v; Invert ~v; Abs abs(v).
func Neg(th *Thread, v Value) (Value, error) {
	if f := v.Type().Neg; f != nil {
		return f(th, v)
	}
	return Null, Errorf(TypeError, "bad operand type for unary -: '%s'", TypeName(v))
}

// Pos is +v.
func Pos(th *Thread, v Value) (Value, error) {
	if f := v.Type().Pos; f != nil {
		return f(th, v)
	}
	return Null, Errorf(TypeError, "bad operand type for unary +: '%s'", TypeName(v))
}

// Invert is ~v.
func Invert(th *Thread, v Value) (Value, error) {
	if f := v.Type().Invert; f != nil {
		return f(th, v)
	}
	return Null, Errorf(TypeError, "bad operand type for unary ~: '%s'", TypeName(v))
}

// Abs is abs(v).
func Abs(th *Thread, v Value) (Value, error) {
	if f := v.Type().Abs; f != nil {
		return f(th, v)
	}
	return Null, Errorf(TypeError, "bad operand type for abs(): '%s'", TypeName(v))
}

// Index is operator.index(v): an exact int from __index__.
func Index(th *Thread, v Value) (Value, error) {
	if v.IsSmallInt() {
		return v, nil
	}
	if v.IsBool() {
		return MakeInt(int64(v.n)), nil
	}
	if b, ok := castExact[Int](v, IntType); ok {
		return b.Value(), nil
	}
	f := v.Type().Index
	if f == nil {
		return Null, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(v))
	}
	r, err := f(th, v)
	if err != nil {
		return Null, err
	}
	if !isIntLike(r) {
		return Null, Errorf(TypeError, "__index__ returned non-int (type %s)", TypeName(r))
	}
	return r, nil
}

// AsIndex converts v with __index__ to a Go int, with CPython's errors.
func AsIndex(th *Thread, v Value) (int, error) {
	if v.IsSmallInt() {
		return int(v.SmallInt()), nil
	}
	r, err := Index(th, v)
	if err != nil {
		return 0, err
	}
	n, ok := intToInt64(r)
	if !ok {
		return 0, Errorf(IndexError, "cannot fit 'int' into an index-sized integer")
	}
	return int(n), nil
}

// AsInt64 converts an int-like value (int, bool, __index__) to int64.
func AsInt64(th *Thread, v Value) (int64, error) {
	if v.IsSmallInt() {
		return v.SmallInt(), nil
	}
	r, err := Index(th, v)
	if err != nil {
		return 0, err
	}
	n, ok := intToInt64(r)
	if !ok {
		return 0, Errorf(OverflowError, "Python int too large to convert to C long")
	}
	return n, nil
}

// ID is id(v): the object's address for heap objects, and a value that no
// heap object can have for immediates.
func ID(v Value) uint64 {
	if v.IsHeap() {
		return uint64(v.ptrID())
	}
	// Immediates: synthesize an id from the tag and payload that stays
	// clear of real addresses (which are below 2^47 on linux/amd64).
	tag := uint64(1)
	switch {
	case v.IsFloat():
		tag = 2
	case v.IsBool():
		tag = 3
	case v.IsNone():
		tag = 4
	}
	return 1<<62 | tag<<56 | (v.n & (1<<56 - 1))
}

// TypeCheck is isinstance(v, t) for a single type, with __instancecheck__
// left out (used by builtins for their own argument checks).
func TypeCheck(v Value, t *Type) bool { return v.Type().IsSubtype(t) }

// smallIntStr is str() of an int64, built in one allocation.
func smallIntStr(i int64) *Str {
	var buf [24]byte
	return newStrBytes(strconv.AppendInt(buf[:0], i, 10))
}

// formatSmallInt is str() of an int64.
func formatSmallInt(i int64) string { return strconv.FormatInt(i, 10) }
