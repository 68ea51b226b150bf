package vm

// This file connects slots and dunder methods in both directions:
//
//   - A builtin type's own slots are exposed in its namespace as slot
//     wrappers (`int.__add__`, `object.__init__`), so `super().__init__()`,
//     `object.__repr__(x)` and explicit dunder calls work.
//   - A class statement installs, for each slot, either the builtin function
//     found along its MRO (when the dunder resolves to a slot wrapper of a
//     builtin type) or a dispatcher that calls the Python dunder method.
//
// This is CPython's slotdefs/update_slot scheme: the eval loop calls slots
// only, and a Python class pays for dunder dispatch only in the slots it
// actually overrides.

import "gilpy/vm/code"

// CompareOp is a rich comparison operator (Py_LT ... Py_GE).
type CompareOp = code.CompareOp

// The comparison operators.
const (
	CmpLT = code.CmpLT
	CmpLE = code.CmpLE
	CmpEQ = code.CmpEQ
	CmpNE = code.CmpNE
	CmpGT = code.CmpGT
	CmpGE = code.CmpGE
)

// BinaryOp numbers the binary arithmetic operators (CPython's NB_* order).
type BinaryOp = code.BinaryOp

// The binary operators.
const (
	OpAdd      = code.OpAdd
	OpAnd      = code.OpAnd
	OpFloorDiv = code.OpFloorDiv
	OpLShift   = code.OpLShift
	OpMatMul   = code.OpMatMul
	OpMul      = code.OpMul
	OpMod      = code.OpMod
	OpOr       = code.OpOr
	OpPow      = code.OpPow
	OpRShift   = code.OpRShift
	OpSub      = code.OpSub
	OpTrueDiv  = code.OpTrueDiv
	OpXor      = code.OpXor

	numBinaryOps = int(code.InplaceOffset)
)

var binaryDunders = [numBinaryOps][3]string{
	OpAdd:      {"__add__", "__radd__", "__iadd__"},
	OpAnd:      {"__and__", "__rand__", "__iand__"},
	OpFloorDiv: {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
	OpLShift:   {"__lshift__", "__rlshift__", "__ilshift__"},
	OpMatMul:   {"__matmul__", "__rmatmul__", "__imatmul__"},
	OpMul:      {"__mul__", "__rmul__", "__imul__"},
	OpMod:      {"__mod__", "__rmod__", "__imod__"},
	OpOr:       {"__or__", "__ror__", "__ior__"},
	OpPow:      {"__pow__", "__rpow__", "__ipow__"},
	OpRShift:   {"__rshift__", "__rrshift__", "__irshift__"},
	OpSub:      {"__sub__", "__rsub__", "__isub__"},
	OpTrueDiv:  {"__truediv__", "__rtruediv__", "__itruediv__"},
	OpXor:      {"__xor__", "__rxor__", "__ixor__"},
}

var compareDunders = [...]string{CmpLT: "__lt__", CmpLE: "__le__", CmpEQ: "__eq__", CmpNE: "__ne__", CmpGT: "__gt__", CmpGE: "__ge__"}

// swappedOp is the reflected comparison (a < b is b > a).
var swappedOp = [...]CompareOp{CmpLT: CmpGT, CmpLE: CmpGE, CmpEQ: CmpEQ, CmpNE: CmpNE, CmpGT: CmpLT, CmpGE: CmpLE}

// slotWrapper is a builtin type's slot exposed as a dunder attribute.
type slotWrapper struct {
	Object
	name  *Str
	owner *Type
	id    slotID
	// call runs the slot with self and the rest of the arguments.
	call func(th *Thread, self Value, args []Value, kwnames []Value) (Value, error)
}

var slotWrapperLayout = NewLayout[slotWrapper]("wrapper_descriptor")

// slotID names a slot (or, for the binary slots, an operator and a side).
type slotID int

const (
	sNew slotID = iota
	sInit
	sCall
	sRepr
	sStr
	sHash
	sCompare
	sBool
	sGetAttr
	sSetAttr
	sDescrGet
	sDescrSet
	sIter
	sNext
	sLen
	sGetItem
	sSetItem
	sContains
	sNeg
	sPos
	sAbs
	sInvert
	sIndex
	sInt
	sFloat
	sBinary  // + op
	sInplace = sBinary + slotID(numBinaryOps)
	sEnd     = sInplace + slotID(numBinaryOps)
)

// addSlotWrappers exposes the slots a builtin type defines itself.
func addSlotWrappers(t *Type, own *Slots) {
	add := func(name string, id slotID, call func(th *Thread, self Value, args []Value, kw []Value) (Value, error)) {
		if _, exists := t.dict.getStr(Intern(name)); exists {
			return
		}
		w := &slotWrapper{name: Intern(name), owner: t, id: id, call: call}
		w.typ = WrapperDescriptorType
		t.dict.SetStr(w.name, w.Value())
	}
	noKw := func(name string, kw []Value) error {
		if len(kw) > 0 {
			return Errorf(TypeError, "wrapper %s() takes no keyword arguments", name)
		}
		return nil
	}
	nargs := func(name string, args []Value, kw []Value, n int) error {
		if err := noKw(name, kw); err != nil {
			return err
		}
		if len(args) != n {
			return Errorf(TypeError, "expected %d argument%s, got %d", n, plural(n), len(args))
		}
		return nil
	}
	if own.New != nil {
		newFn := own.New
		// __new__ is a static method taking the class first.
		bf := NewBuiltinFunction("__new__", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) == 0 {
				return Null, Errorf(TypeError, "%s.__new__(): not enough arguments", t.Name)
			}
			sub, ok := AsType(args[0])
			if !ok {
				return Null, Errorf(TypeError, "%s.__new__(X): X is not a type object (%s)", t.Name, TypeName(args[0]))
			}
			if !sub.IsSubtype(t) {
				return Null, Errorf(TypeError, "%s.__new__(%s): %s is not a subtype of %s", t.Name, sub.Name, sub.Name, t.Name)
			}
			// As CPython's tp_new_wrapper: the nearest base of sub whose
			// __new__ is not written in Python must use this very
			// __new__ (object.__new__(dict) would skip dict's own).
			staticbase := sub
			for staticbase != nil && newIsPython(staticbase) {
				staticbase = staticbase.Base
			}
			if own, _ := t.dict.getStr(dunderNew); staticbase != nil && !staticbase.Lookup(dunderNew).Is(own) {
				return Null, Errorf(TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", t.Name, sub.Name, staticbase.Name)
			}
			return newFn(th, sub, args[1:], kw)
		})
		bf.self = t.Value()
		bf.static = true
		t.dict.SetStr(dunderNew, newStaticMethod(bf.Value()))
	}
	if f := own.Init; f != nil {
		add("__init__", sInit, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			return None, f(th, self, args, kw)
		})
	}
	if f := own.Call; f != nil {
		add("__call__", sCall, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			return f(th, self, args, kw)
		})
	}
	if f := own.Repr; f != nil {
		add("__repr__", sRepr, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__repr__", args, kw, 0); err != nil {
				return Null, err
			}
			return f(th, self)
		})
	}
	if f := own.Str; f != nil {
		add("__str__", sStr, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__str__", args, kw, 0); err != nil {
				return Null, err
			}
			return f(th, self)
		})
	}
	if f := own.Hash; f != nil {
		add("__hash__", sHash, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__hash__", args, kw, 0); err != nil {
				return Null, err
			}
			h, err := f(th, self)
			return MakeInt(h), err
		})
	}
	if f := own.Compare; f != nil {
		for op, name := range compareDunders {
			op := CompareOp(op)
			add(name, sCompare, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
				if err := nargs(compareDunders[op], args, kw, 1); err != nil {
					return Null, err
				}
				return f(th, self, args[0], op)
			})
		}
	}
	if f := own.Bool; f != nil {
		add("__bool__", sBool, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__bool__", args, kw, 0); err != nil {
				return Null, err
			}
			b, err := f(th, self)
			return MakeBool(b), err
		})
	}
	if f := own.GetAttr; f != nil {
		add("__getattribute__", sGetAttr, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__getattribute__", args, kw, 1); err != nil {
				return Null, err
			}
			name, ok := AsStr(args[0])
			if !ok {
				return Null, Errorf(TypeError, "attribute name must be string, not '%s'", TypeName(args[0]))
			}
			return f(th, self, Intern(name.s))
		})
	}
	if f := own.SetAttr; f != nil {
		add("__setattr__", sSetAttr, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__setattr__", args, kw, 2); err != nil {
				return Null, err
			}
			name, ok := AsStr(args[0])
			if !ok {
				return Null, Errorf(TypeError, "attribute name must be string, not '%s'", TypeName(args[0]))
			}
			return None, f(th, self, Intern(name.s), args[1])
		})
		add("__delattr__", sSetAttr, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__delattr__", args, kw, 1); err != nil {
				return Null, err
			}
			name, ok := AsStr(args[0])
			if !ok {
				return Null, Errorf(TypeError, "attribute name must be string, not '%s'", TypeName(args[0]))
			}
			return None, f(th, self, Intern(name.s), Null)
		})
	}
	if f := own.DescrGet; f != nil {
		add("__get__", sDescrGet, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if len(args) < 1 || len(args) > 2 {
				return Null, Errorf(TypeError, "expected 1 or 2 arguments, got %d", len(args))
			}
			obj := args[0]
			var t *Type
			if len(args) == 2 && !args[1].IsNone() {
				t, _ = AsType(args[1])
			}
			if obj.IsNone() {
				obj = Null
				if t == nil {
					return Null, Errorf(TypeError, "__get__(None, None) is invalid")
				}
			}
			if t == nil {
				t = obj.Type()
			}
			return f(th, self, obj, t)
		})
	}
	if f := own.DescrSet; f != nil {
		add("__set__", sDescrSet, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__set__", args, kw, 2); err != nil {
				return Null, err
			}
			return None, f(th, self, args[0], args[1])
		})
		add("__delete__", sDescrSet, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__delete__", args, kw, 1); err != nil {
				return Null, err
			}
			return None, f(th, self, args[0], Null)
		})
	}
	if f := own.Iter; f != nil {
		add("__iter__", sIter, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__iter__", args, kw, 0); err != nil {
				return Null, err
			}
			return f(th, self)
		})
	}
	if f := own.Next; f != nil {
		add("__next__", sNext, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__next__", args, kw, 0); err != nil {
				return Null, err
			}
			v, err := f(th, self)
			if err == nil && v.IsNull() {
				return Null, NewException(StopIteration)
			}
			return v, err
		})
	}
	if f := own.Len; f != nil {
		add("__len__", sLen, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__len__", args, kw, 0); err != nil {
				return Null, err
			}
			n, err := f(th, self)
			return MakeInt(int64(n)), err
		})
	}
	if f := own.GetItem; f != nil {
		add("__getitem__", sGetItem, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__getitem__", args, kw, 1); err != nil {
				return Null, err
			}
			return f(th, self, args[0])
		})
	}
	if f := own.SetItem; f != nil {
		add("__setitem__", sSetItem, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__setitem__", args, kw, 2); err != nil {
				return Null, err
			}
			return None, f(th, self, args[0], args[1])
		})
		add("__delitem__", sSetItem, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__delitem__", args, kw, 1); err != nil {
				return Null, err
			}
			return None, f(th, self, args[0], Null)
		})
	}
	if f := own.Contains; f != nil {
		add("__contains__", sContains, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			if err := nargs("__contains__", args, kw, 1); err != nil {
				return Null, err
			}
			b, err := f(th, self, args[0])
			return MakeBool(b), err
		})
	}
	unary := func(name string, id slotID, f func(*Thread, Value) (Value, error)) {
		if f != nil {
			add(name, id, func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
				if err := nargs(name, args, kw, 0); err != nil {
					return Null, err
				}
				return f(th, self)
			})
		}
	}
	unary("__neg__", sNeg, own.Neg)
	unary("__pos__", sPos, own.Pos)
	unary("__abs__", sAbs, own.Abs)
	unary("__invert__", sInvert, own.Invert)
	unary("__index__", sIndex, own.Index)
	unary("__int__", sInt, own.Int)
	unary("__float__", sFloat, own.Float)
	for i := 0; i < numBinaryOps; i++ {
		names := binaryDunders[i]
		if f := own.Binary[i]; f != nil {
			add(names[0], sBinary+slotID(i), func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
				if i == int(OpPow) && len(args) == 2 && len(kw) == 0 {
					return ternaryPow(th, self, args[0], args[1])
				}
				if err := nargs(names[0], args, kw, 1); err != nil {
					return Null, err
				}
				return f(th, self, args[0])
			})
			add(names[1], sBinary+slotID(i), func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
				if err := nargs(names[1], args, kw, 1); err != nil {
					return Null, err
				}
				return f(th, args[0], self)
			})
		}
		if f := own.Inplace[i]; f != nil {
			add(names[2], sInplace+slotID(i), func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
				if err := nargs(names[2], args, kw, 1); err != nil {
					return Null, err
				}
				return f(th, self, args[0])
			})
		}
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// ------------------------------------------------------ Python classes

// fixupSlots sets every slot of a new class from what its MRO defines.
func fixupSlots(t *Type) {
	for id := slotID(0); id < sEnd; id++ {
		updateSlot(t, id)
	}
}

// updateSlots re-derives the slots a dunder name affects, in t and every
// subclass, after the class attribute changed.
func updateSlots(t *Type, name string) {
	ids := slotsForName(name)
	var walk func(*Type)
	walk = func(c *Type) {
		for _, id := range ids {
			updateSlot(c, id)
		}
		for _, s := range c.subclasses {
			walk(s)
		}
	}
	walk(t)
}

func slotsForName(name string) []slotID {
	switch name {
	case "__new__":
		return []slotID{sNew}
	case "__init__":
		return []slotID{sInit}
	case "__call__":
		return []slotID{sCall}
	case "__repr__":
		return []slotID{sRepr}
	case "__str__":
		return []slotID{sStr}
	case "__hash__":
		return []slotID{sHash}
	case "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__":
		return []slotID{sCompare, sHash}
	case "__bool__", "__len__":
		return []slotID{sBool, sLen}
	case "__getattribute__", "__getattr__":
		return []slotID{sGetAttr}
	case "__setattr__", "__delattr__":
		return []slotID{sSetAttr}
	case "__get__":
		return []slotID{sDescrGet}
	case "__set__", "__delete__":
		return []slotID{sDescrSet}
	case "__iter__":
		return []slotID{sIter}
	case "__next__":
		return []slotID{sNext}
	case "__getitem__":
		return []slotID{sGetItem}
	case "__setitem__", "__delitem__":
		return []slotID{sSetItem}
	case "__contains__":
		return []slotID{sContains}
	case "__neg__":
		return []slotID{sNeg}
	case "__pos__":
		return []slotID{sPos}
	case "__abs__":
		return []slotID{sAbs}
	case "__invert__":
		return []slotID{sInvert}
	case "__index__":
		return []slotID{sIndex}
	case "__int__":
		return []slotID{sInt}
	case "__float__":
		return []slotID{sFloat}
	}
	for i, names := range binaryDunders {
		if name == names[0] || name == names[1] {
			return []slotID{sBinary + slotID(i)}
		}
		if name == names[2] {
			return []slotID{sInplace + slotID(i)}
		}
	}
	return nil
}

// slotNames lists the dunders that feed a slot.
func slotDunders(id slotID) []string {
	switch id {
	case sNew:
		return []string{"__new__"}
	case sInit:
		return []string{"__init__"}
	case sCall:
		return []string{"__call__"}
	case sRepr:
		return []string{"__repr__"}
	case sStr:
		return []string{"__str__"}
	case sHash:
		return []string{"__hash__"}
	case sCompare:
		return compareDunders[:]
	case sBool:
		return []string{"__bool__"}
	case sGetAttr:
		return []string{"__getattribute__", "__getattr__"}
	case sSetAttr:
		return []string{"__setattr__", "__delattr__"}
	case sDescrGet:
		return []string{"__get__"}
	case sDescrSet:
		return []string{"__set__", "__delete__"}
	case sIter:
		return []string{"__iter__"}
	case sNext:
		return []string{"__next__"}
	case sLen:
		return []string{"__len__"}
	case sGetItem:
		return []string{"__getitem__"}
	case sSetItem:
		return []string{"__setitem__", "__delitem__"}
	case sContains:
		return []string{"__contains__"}
	case sNeg:
		return []string{"__neg__"}
	case sPos:
		return []string{"__pos__"}
	case sAbs:
		return []string{"__abs__"}
	case sInvert:
		return []string{"__invert__"}
	case sIndex:
		return []string{"__index__"}
	case sInt:
		return []string{"__int__"}
	case sFloat:
		return []string{"__float__"}
	}
	if id >= sBinary && id < sInplace {
		n := binaryDunders[id-sBinary]
		return []string{n[0], n[1]}
	}
	if id >= sInplace && id < sEnd {
		return []string{binaryDunders[id-sInplace][2]}
	}
	return nil
}

// updateSlot recomputes one slot of t. If every dunder feeding the slot
// resolves to a slot wrapper of one builtin type, that type's Go function is
// installed directly; if any resolves to something else (a Python function),
// the dispatcher that calls dunders is installed; if none is found, the slot
// is cleared.
func updateSlot(t *Type, id slotID) {
	var owner *Type
	generic := false
	found := false
	for _, name := range slotDunders(id) {
		v := t.Lookup(Intern(name))
		if v.IsNull() {
			continue
		}
		found = true
		if w, ok := slotWrapperLayout.Cast(v); ok && w.id == id {
			if owner == nil || owner.IsSubtype(w.owner) {
				if owner == nil {
					owner = w.owner
				}
				continue
			}
		}
		if id == sNew {
			if sm, ok := staticMethodLayout.Cast(v); ok {
				if bf, ok := builtinFunctionLayout.Cast(sm.fn); ok && bf.static {
					if ot, ok := AsType(bf.self); ok {
						if owner == nil {
							owner = ot
						}
						continue
					}
				}
			}
		}
		generic = true
	}
	s := &t.Slots
	if !found {
		clearSlot(s, id)
		t.setPyBinary(id, false)
		return
	}
	if !generic && owner != nil {
		copySlot(s, &owner.Slots, id)
		t.setPyBinary(id, false)
		return
	}
	installDispatcher(t, id)
}

// setPyBinary records which binary slots are Python dispatchers (Go funcs
// cannot be compared, and binaryOp needs to know).
func (t *Type) setPyBinary(id slotID, on bool) {
	if id >= sBinary && id < sInplace {
		bit := uint32(1) << uint(id-sBinary)
		if on {
			t.pyBinary |= bit
		} else {
			t.pyBinary &^= bit
		}
	}
}

func copySlot(dst, src *Slots, id slotID) {
	switch id {
	case sNew:
		dst.New = src.New
	case sInit:
		dst.Init = src.Init
	case sCall:
		dst.Call = src.Call
	case sRepr:
		dst.Repr = src.Repr
	case sStr:
		dst.Str = src.Str
	case sHash:
		dst.Hash = src.Hash
	case sCompare:
		dst.Compare = src.Compare
	case sBool:
		dst.Bool = src.Bool
	case sGetAttr:
		dst.GetAttr = src.GetAttr
	case sSetAttr:
		dst.SetAttr = src.SetAttr
	case sDescrGet:
		dst.DescrGet = src.DescrGet
	case sDescrSet:
		dst.DescrSet = src.DescrSet
	case sIter:
		dst.Iter = src.Iter
	case sNext:
		dst.Next = src.Next
	case sLen:
		dst.Len = src.Len
	case sGetItem:
		dst.GetItem = src.GetItem
	case sSetItem:
		dst.SetItem = src.SetItem
	case sContains:
		dst.Contains = src.Contains
	case sNeg:
		dst.Neg = src.Neg
	case sPos:
		dst.Pos = src.Pos
	case sAbs:
		dst.Abs = src.Abs
	case sInvert:
		dst.Invert = src.Invert
	case sIndex:
		dst.Index = src.Index
	case sInt:
		dst.Int = src.Int
	case sFloat:
		dst.Float = src.Float
	default:
		if id >= sBinary && id < sInplace {
			dst.Binary[id-sBinary] = src.Binary[id-sBinary]
		} else if id >= sInplace && id < sEnd {
			dst.Inplace[id-sInplace] = src.Inplace[id-sInplace]
		}
	}
}

func clearSlot(s *Slots, id slotID) { copySlot(s, &Slots{}, id) }

// callSpecial looks name up on v's type and calls it bound to v. It returns
// Null, nil when the type has no such attribute.
func callSpecial(th *Thread, v Value, name string, args ...Value) (Value, error) {
	f := v.Type().Lookup(Intern(name))
	if f.IsNull() {
		return Null, nil
	}
	return callDescr(th, f, v, args, nil)
}

// callDescr calls the class attribute f as a method of v, binding it the
// way attribute access would (functions get v prepended without building
// a bound method).
func callDescr(th *Thread, f Value, v Value, args []Value, kwnames []Value) (Value, error) {
	if fn, ok := AsFunction(f); ok {
		return th.callFunctionWithSelf(fn, v, args, kwnames)
	}
	if md, ok := methodDescriptorLayout.Cast(f); ok && md.m.Flags&(MethClass|MethStatic) == 0 {
		all := make([]Value, 0, len(args)+1)
		all = append(all, v)
		all = append(all, args...)
		return md.m.Fn(th, all, kwnames)
	}
	if w, ok := slotWrapperLayout.Cast(f); ok {
		return w.call(th, v, args, kwnames)
	}
	bound, err := bindDescr(th, f, v, v.Type())
	if err != nil {
		return Null, err
	}
	return Call(th, bound, args, kwnames)
}

// bindDescr applies f's __get__ (if any) for obj (Null for the class).
func bindDescr(th *Thread, f Value, obj Value, t *Type) (Value, error) {
	if g := f.Type().DescrGet; g != nil {
		return g(th, f, obj, t)
	}
	return f, nil
}

// newIsPython reports whether t's __new__ is written in Python (its New
// slot is then CPython's slot_tp_new).
func newIsPython(t *Type) bool {
	v := t.Lookup(dunderNew)
	if sm, ok := castExact[staticMethod](v, StaticMethodType); ok {
		v = sm.fn
	}
	_, ok := AsFunction(v)
	return ok
}

// installDispatcher gives t's slot a Go function that calls the dunder.
func installDispatcher(t *Type, id slotID) {
	s := &t.Slots
	switch id {
	case sNew:
		s.New = func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
			f := t.Lookup(dunderNew)
			fn, err := bindDescr(th, f, Null, t)
			if err != nil {
				return Null, err
			}
			all := make([]Value, 0, len(args)+1)
			all = append(append(all, t.Value()), args...)
			return Call(th, fn, all, kw)
		}
	case sInit:
		s.Init = func(th *Thread, self Value, args []Value, kw []Value) error {
			r, err := callDescr(th, self.Type().Lookup(dunderInit), self, args, kw)
			if err != nil {
				return err
			}
			if !r.IsNone() {
				return Errorf(TypeError, "__init__() should return None, not '%s'", TypeName(r))
			}
			return nil
		}
	case sCall:
		s.Call = func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
			return callDescr(th, self.Type().Lookup(dunderCall), self, args, kw)
		}
	case sRepr:
		s.Repr = func(th *Thread, self Value) (Value, error) {
			return callSpecial(th, self, "__repr__")
		}
	case sStr:
		s.Str = func(th *Thread, self Value) (Value, error) {
			return callSpecial(th, self, "__str__")
		}
	case sHash:
		if h := t.Lookup(dunderHash); h.IsNone() {
			s.Hash = unhashable
			return
		}
		s.Hash = func(th *Thread, self Value) (int64, error) {
			f := self.Type().Lookup(dunderHash)
			if f.IsNone() {
				return unhashable(th, self)
			}
			r, err := callDescr(th, f, self, nil, nil)
			if err != nil {
				return 0, err
			}
			if !isIntLike(r) {
				return 0, Errorf(TypeError, "__hash__ method should return an integer")
			}
			// As CPython's slot_tp_hash: a result that fits in Py_hash_t is
			// used as is (-1 becomes -2); only a bigger int is hashed.
			if n, ok := intToInt64(r); ok {
				if n == -1 {
					n = -2
				}
				return n, nil
			}
			return hashInt(r), nil
		}
	case sCompare:
		s.Compare = func(th *Thread, a, b Value, op CompareOp) (Value, error) {
			f := a.Type().Lookup(Intern(compareDunders[op]))
			if f.IsNull() {
				return NotImplemented, nil
			}
			return callDescr(th, f, a, []Value{b}, nil)
		}
	case sBool:
		s.Bool = func(th *Thread, self Value) (bool, error) {
			t := self.Type()
			if f := t.Lookup(dunderBool); !f.IsNull() {
				r, err := callDescr(th, f, self, nil, nil)
				if err != nil {
					return false, err
				}
				if !r.IsBool() {
					return false, Errorf(TypeError, "__bool__ should return bool, returned %s", TypeName(r))
				}
				return r.IsTrue(), nil
			}
			if f := t.Lookup(dunderLen); !f.IsNull() {
				n, err := lenViaDunder(th, self, f)
				return n != 0, err
			}
			return true, nil
		}
	case sGetAttr:
		t.flags &^= flagHasGetattr
		if !t.Lookup(dunderGetattr).IsNull() {
			t.flags |= flagHasGetattr
		}
		s.GetAttr = slotGetAttr
	case sSetAttr:
		s.SetAttr = func(th *Thread, self Value, name *Str, v Value) error {
			var err error
			if v.IsNull() {
				_, err = callSpecial(th, self, "__delattr__", name.Value())
			} else {
				_, err = callSpecial(th, self, "__setattr__", name.Value(), v)
			}
			return err
		}
	case sDescrGet:
		s.DescrGet = func(th *Thread, descr, obj Value, t *Type) (Value, error) {
			o := obj
			if o.IsNull() {
				o = None
			}
			return callSpecial(th, descr, "__get__", o, t.Value())
		}
	case sDescrSet:
		s.DescrSet = func(th *Thread, descr, obj, v Value) error {
			var err error
			var r Value
			if v.IsNull() {
				r, err = callSpecial(th, descr, "__delete__", obj)
				if err == nil && r.IsNull() {
					err = Errorf(AttributeError, "__delete__")
				}
			} else {
				r, err = callSpecial(th, descr, "__set__", obj, v)
				if err == nil && r.IsNull() {
					err = Errorf(AttributeError, "__set__")
				}
			}
			return err
		}
	case sIter:
		s.Iter = func(th *Thread, self Value) (Value, error) {
			f := self.Type().Lookup(dunderIter)
			if f.IsNone() {
				return Null, Errorf(TypeError, "'%s' object is not iterable", TypeName(self))
			}
			return callDescr(th, f, self, nil, nil)
		}
	case sNext:
		s.Next = func(th *Thread, self Value) (Value, error) {
			// A StopIteration raised by __next__ stays an error: its
			// value matters to next() and yield from.
			return callSpecial(th, self, "__next__")
		}
	case sLen:
		s.Len = func(th *Thread, self Value) (int, error) {
			return lenViaDunder(th, self, self.Type().Lookup(dunderLen))
		}
	case sGetItem:
		s.GetItem = func(th *Thread, self, key Value) (Value, error) {
			return callSpecial(th, self, "__getitem__", key)
		}
	case sSetItem:
		s.SetItem = func(th *Thread, self, key, v Value) error {
			var r Value
			var err error
			if v.IsNull() {
				r, err = callSpecial(th, self, "__delitem__", key)
				if err == nil && r.IsNull() {
					err = Errorf(AttributeError, "__delitem__")
				}
			} else {
				r, err = callSpecial(th, self, "__setitem__", key, v)
				if err == nil && r.IsNull() {
					err = Errorf(TypeError, "'%s' object does not support item assignment", TypeName(self))
				}
			}
			return err
		}
	case sContains:
		s.Contains = func(th *Thread, self, v Value) (bool, error) {
			f := self.Type().Lookup(dunderContains)
			if f.IsNone() {
				return false, Errorf(TypeError, "'%s' object is not a container", TypeName(self))
			}
			r, err := callDescr(th, f, self, []Value{v}, nil)
			if err != nil {
				return false, err
			}
			return Truth(th, r)
		}
	case sNeg, sPos, sAbs, sInvert, sIndex, sInt, sFloat:
		name := slotDunders(id)[0]
		f := func(th *Thread, self Value) (Value, error) { return callSpecial(th, self, name) }
		switch id {
		case sNeg:
			s.Neg = f
		case sPos:
			s.Pos = f
		case sAbs:
			s.Abs = f
		case sInvert:
			s.Invert = f
		case sIndex:
			s.Index = f
		case sInt:
			s.Int = f
		case sFloat:
			s.Float = f
		}
	default:
		if id >= sBinary && id < sInplace {
			i := int(id - sBinary)
			s.Binary[i] = binaryDispatcher(i)
			t.setPyBinary(id, true)
		} else if id >= sInplace && id < sEnd {
			i := int(id - sInplace)
			name := binaryDunders[i][2]
			s.Inplace[i] = func(th *Thread, a, b Value) (Value, error) {
				f := a.Type().Lookup(Intern(name))
				if f.IsNull() || f.IsNone() {
					return NotImplemented, nil
				}
				return callDescr(th, f, a, []Value{b}, nil)
			}
		}
	}
}

// binaryDispatcher is CPython's SLOT1BINFULL: called with (a, b) because a's
// or b's type has this slot; it tries a.__op__(b) and b.__rop__(a) in the
// right order, preferring a subclass's reflected method.
func binaryDispatcher(i int) func(th *Thread, a, b Value) (Value, error) {
	op, rop := binaryDunders[i][0], binaryDunders[i][1]
	bit := uint32(1) << uint(i)
	return func(th *Thread, a, b Value) (Value, error) {
		ta, tb := a.Type(), b.Type()
		doOther := ta != tb && tb.pyBinary&bit != 0
		if ta.pyBinary&bit != 0 {
			if doOther && tb.IsSubtype(ta) {
				if r, err := callBinaryDunder(th, b, rop, a); err != nil || !r.Is(NotImplemented) {
					return r, err
				}
				doOther = false
			}
			r, err := callBinaryDunder(th, a, op, b)
			if err != nil || !r.Is(NotImplemented) || ta == tb {
				return r, err
			}
		}
		if doOther {
			return callBinaryDunder(th, b, rop, a)
		}
		return NotImplemented, nil
	}
}

func callBinaryDunder(th *Thread, self Value, name string, other Value) (Value, error) {
	f := self.Type().Lookup(Intern(name))
	if f.IsNull() || f.IsNone() {
		return NotImplemented, nil
	}
	if i := int(OpPow); name == binaryDunders[i][0] || name == binaryDunders[i][1] {
		// pow's dunders may take an optional third argument; pass two.
		return callDescr(th, f, self, []Value{other}, nil)
	}
	return callDescr(th, f, self, []Value{other}, nil)
}

// slotGetAttr runs __getattribute__ (the generic one unless overridden)
// and falls back to __getattr__ on AttributeError.
func slotGetAttr(th *Thread, self Value, name *Str) (Value, error) {
	t := self.Type()
	ga := t.Lookup(dunderGetattribute)
	var v Value
	var err error
	if w, ok := slotWrapperLayout.Cast(ga); ok && w.owner.GetAttr != nil && w.id == sGetAttr {
		v, err = w.owner.GetAttr(th, self, name)
	} else {
		v, err = callDescr(th, ga, self, []Value{name.Value()}, nil)
	}
	if err == nil || t.flags&flagHasGetattr == 0 {
		return v, err
	}
	if e := AsException(err); !e.Type().IsSubtype(AttributeError) {
		return Null, err
	}
	g := t.Lookup(dunderGetattr)
	if g.IsNull() {
		return Null, err
	}
	return callDescr(th, g, self, []Value{name.Value()}, nil)
}

func unhashable(th *Thread, self Value) (int64, error) {
	return 0, Errorf(TypeError, "unhashable type: '%s'", TypeName(self))
}

func lenViaDunder(th *Thread, self Value, f Value) (int, error) {
	r, err := callDescr(th, f, self, nil, nil)
	if err != nil {
		return 0, err
	}
	if !isIntLike(r) {
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(r))
	}
	n, ok := intToInt64(r)
	if !ok {
		return 0, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
	}
	if n < 0 {
		return 0, Errorf(ValueError, "__len__() should return >= 0")
	}
	return int(n), nil
}
