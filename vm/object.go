package vm

// This file defines `object` and `type`: generic attribute access, instance
// creation, and class creation (type.__new__).

import (
	"fmt"
	"strings"
)

// Instance is an instance of a class whose solid base is object: all of its
// state is in the header's __dict__.
type Instance struct {
	Object
}

var (
	instanceLayout = NewLayout[Instance]("object")
	typeLayout     = NewLayout[Type]("type")
)

// The two bootstrap types; their contents are filled in initObjectTypes.
var (
	ObjectType = &Type{}
	TypeType   = &Type{}
)

func initObjectTypes() {
	ObjectType.typ = TypeType
	TypeType.typ = TypeType
	ObjectType.dict = NewDict()
	TypeType.dict = NewDict()
	initBuiltinType(ObjectType, TypeSpec{
		Name:   "object",
		Layout: instanceLayout.info,
		Doc:    "The base class of the class hierarchy.",
		Slots: Slots{
			New:     objectNew,
			Init:    objectInit,
			Repr:    objectRepr,
			Str:     objectStr,
			Hash:    objectHash,
			Compare: objectCompare,
			GetAttr: GenericGetAttr,
			SetAttr: GenericSetAttr,
		},
		Methods: []*BuiltinMethod{
			{Name: "__reduce_ex__", Fn: objectReduceEx},
			{Name: "__reduce__", Fn: objectReduceEx},
			{Name: "__dir__", Fn: objectDir},
			{Name: "__format__", Fn: objectFormat},
			{Name: "__init_subclass__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return None, nil }, Flags: MethClass},
			{Name: "__subclasshook__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return NotImplemented, nil }, Flags: MethClass},
			{Name: "__sizeof__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return MakeInt(16), nil }},
		},
		Getters: []*GetSet{
			{Name: "__class__", Get: func(th *Thread, self Value) (Value, error) { return self.Type().Value(), nil },
				Set: objectSetClass},
		},
	})
	initBuiltinType(TypeType, TypeSpec{
		Name:   "type",
		Layout: typeLayout.info,
		Doc:    "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
		Slots: Slots{
			New:     typeNew,
			Init:    func(th *Thread, self Value, args []Value, kw []Value) error { return nil },
			Call:    typeCall,
			Repr:    typeRepr,
			GetAttr: typeGetAttr,
			SetAttr: typeSetAttr,
			Compare: objectCompare,
			Hash:    objectHash,
			Binary:  [numBinaryOps]func(*Thread, Value, Value) (Value, error){OpOr: typeOr},
		},
		Methods: []*BuiltinMethod{
			{Name: "mro", Fn: typeMroMethod},
			{Name: "__subclasses__", Fn: typeSubclasses},
			{Name: "__instancecheck__", Fn: typeInstanceCheck},
			{Name: "__subclasscheck__", Fn: typeSubclassCheck},
			{Name: "__prepare__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return NewDict().Value(), nil }, Flags: MethClass},
			{Name: "__dir__", Fn: typeDir},
		},
		Getters: typeGetters(),
	})
	ObjectType.hasDict = false
}

// ----------------------------------------------------------------- object

func objectNew(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	if len(args) > 0 || len(kwnames) > 0 {
		// object.__new__ rejects arguments unless __init__ is overridden
		// and __new__ is not (CPython's excess_args rule).
		if t.Slots.New == nil || t.Lookup(dunderNew).Is(ObjectType.Lookup(dunderNew)) {
			if t.Lookup(dunderInit).Is(ObjectType.Lookup(dunderInit)) {
				return Null, Errorf(TypeError, "%s() takes no arguments", t.Name)
			}
		} else {
			return Null, Errorf(TypeError, "object.__new__() takes exactly one argument (the type to instantiate)")
		}
	}
	if t.flags&flagAbstract != 0 {
		if err := abstractError(th, t); err != nil {
			return Null, err
		}
	}
	return t.layout.new(t), nil
}

func objectInit(th *Thread, self Value, args []Value, kwnames []Value) error {
	if len(args) > 0 || len(kwnames) > 0 {
		t := self.Type()
		if t.Lookup(dunderInit).Is(ObjectType.Lookup(dunderInit)) {
			// __init__ not overridden: complain only if __new__ is.
			if !t.Lookup(dunderNew).Is(ObjectType.Lookup(dunderNew)) {
				return nil
			}
			return Errorf(TypeError, "%s() takes no arguments", t.Name)
		}
		return Errorf(TypeError, "object.__init__() takes exactly one argument (the instance to initialize)")
	}
	return nil
}

func objectRepr(th *Thread, self Value) (Value, error) {
	t := self.Type()
	return MakeStr(fmt.Sprintf("<%s object at %#x>", t.FullName(), ID(self))), nil
}

func objectStr(th *Thread, self Value) (Value, error) {
	r := self.Type().Repr
	if r == nil {
		r = objectRepr
	}
	return r(th, self)
}

func objectHash(th *Thread, self Value) (int64, error) {
	id := int64(ID(self))
	// CPython rotates the address by 4 bits so that aligned pointers spread.
	h := int64(uint64(id)>>4 | uint64(id)<<60)
	if h == -1 {
		h = -2
	}
	return h, nil
}

func objectCompare(th *Thread, a, b Value, op CompareOp) (Value, error) {
	switch op {
	case CmpEQ:
		if a.Is(b) {
			return True, nil
		}
		return NotImplemented, nil
	case CmpNE:
		// object.__ne__ inverts __eq__ unless that returns NotImplemented.
		eq := a.Type().Compare
		if eq == nil {
			return NotImplemented, nil
		}
		r, err := eq(th, a, b, CmpEQ)
		if err != nil || r.Is(NotImplemented) {
			return r, err
		}
		t, err := Truth(th, r)
		if err != nil {
			return Null, err
		}
		return MakeBool(!t), nil
	}
	return NotImplemented, nil
}

func objectSetClass(th *Thread, self Value, v Value) error {
	nt, ok := AsType(v)
	if !ok {
		return Errorf(TypeError, "__class__ must be set to a class, not '%s' object", TypeName(v))
	}
	ot := self.Type()
	if !self.IsHeap() || nt.layout != ot.layout || !nt.IsHeapType() || !ot.IsHeapType() {
		return Errorf(TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses")
	}
	self.header().typ = nt
	return nil
}

func objectReduceEx(th *Thread, args []Value, kw []Value) (Value, error) {
	if len(args) == 0 {
		return Null, Errorf(TypeError, "descriptor '__reduce_ex__' of 'object' object needs an argument")
	}
	self := args[0]
	t := self.Type()
	if !t.IsHeapType() {
		return Null, Errorf(TypeError, "cannot pickle '%s' object", t.Name)
	}
	state := None
	if d := self.header().dict; d != nil && d.Len() > 0 {
		state = d.Value()
	}
	copyreg := MakeStr("__newobj__")
	return NewTuple(copyreg, NewTuple(t.Value()).Value(), state).Value(), nil
}

func objectFormat(th *Thread, args []Value, kw []Value) (Value, error) {
	return objectFormatMethod(th, args, kw)
}

func objectDir(th *Thread, args []Value, kw []Value) (Value, error) {
	self := args[0]
	names := map[string]bool{}
	if d := self.header().dict; self.IsHeap() && d != nil {
		for _, k := range d.Keys() {
			if s, ok := AsStr(k); ok {
				names[s.s] = true
			}
		}
	}
	for _, t := range self.Type().MRO {
		for _, k := range t.dict.Keys() {
			if s, ok := AsStr(k); ok {
				names[s.s] = true
			}
		}
	}
	return sortedNameList(names), nil
}

// GenericGetAttr is object.__getattribute__: data descriptors on the type,
// then the instance dict, then other class attributes.
func GenericGetAttr(th *Thread, self Value, name *Str) (Value, error) {
	t := self.Type()
	descr := t.Lookup(name)
	var dt *Type
	if !descr.IsNull() {
		dt = descr.Type()
		if dt.DescrGet != nil && dt.DescrSet != nil {
			return dt.DescrGet(th, descr, self, t)
		}
	}
	if self.IsHeap() {
		if d := self.header().dict; d != nil {
			if v, ok := d.getStr(name); ok {
				return v, nil
			}
		}
	}
	if dt != nil {
		if dt.DescrGet != nil {
			return dt.DescrGet(th, descr, self, t)
		}
		return descr, nil
	}
	return Null, attributeError(self, name)
}

func attributeError(self Value, name *Str) error {
	e := Errorf(AttributeError, "'%s' object has no attribute '%s'", TypeName(self), name.s)
	e.setAttrErrorContext(self, name)
	return e
}

// GenericSetAttr is object.__setattr__ (and __delattr__ when v is Null).
func GenericSetAttr(th *Thread, self Value, name *Str, v Value) error {
	t := self.Type()
	descr := t.Lookup(name)
	if !descr.IsNull() {
		if ds := descr.Type().DescrSet; ds != nil {
			return ds(th, descr, self, v)
		}
	}
	if !self.IsHeap() || !t.hasDict {
		if !descr.IsNull() {
			return Errorf(AttributeError, "'%s' object attribute '%s' is read-only", t.Name, name.s)
		}
		return attributeError(self, name)
	}
	h := self.header()
	if v.IsNull() {
		if h.dict == nil || !h.dict.DeleteStr(name) {
			return attributeError(self, name)
		}
		return nil
	}
	if h.dict == nil {
		h.dict = newInstanceDict(t.dictHint)
	}
	h.dict.SetStr(name, v)
	return nil
}

// ------------------------------------------------------------------- type

// typeReprString is repr() of a type, for error messages.
func typeReprString(t *Type) string {
	r, _ := typeRepr(nil, t.Value())
	s, _ := AsStr(r)
	return s.s
}

func typeRepr(th *Thread, self Value) (Value, error) {
	t, _ := AsType(self)
	return MakeStr("<class '" + t.FullName() + "'>"), nil
}

// typeCall makes an instance: t.__new__(t, ...) then, if the result is an
// instance of t, its __init__.
func typeCall(th *Thread, self Value, args []Value, kwnames []Value) (Value, error) {
	t, _ := AsType(self)
	if t == TypeType && len(args) == 1 && len(kwnames) == 0 {
		return args[0].Type().Value(), nil
	}
	if t.New == nil {
		return Null, Errorf(TypeError, "cannot create '%s' instances", t.FullName())
	}
	obj, err := t.New(th, t, args, kwnames)
	if err != nil {
		return Null, err
	}
	ot := obj.Type()
	if !ot.IsSubtype(t) {
		return obj, nil
	}
	if ot.Init != nil {
		if err := ot.Init(th, obj, args, kwnames); err != nil {
			return Null, err
		}
	}
	return obj, nil
}

// typeGetAttr is type.__getattribute__: data descriptors of the metatype,
// then the type's own MRO (binding with obj = Null), then the metatype.
func typeGetAttr(th *Thread, self Value, name *Str) (Value, error) {
	t, _ := AsType(self)
	meta := self.Type()
	metaAttr := meta.Lookup(name)
	var metaGet func(*Thread, Value, Value, *Type) (Value, error)
	if !metaAttr.IsNull() {
		mt := metaAttr.Type()
		metaGet = mt.DescrGet
		if metaGet != nil && mt.DescrSet != nil {
			return metaGet(th, metaAttr, self, meta)
		}
	}
	if attr := t.Lookup(name); !attr.IsNull() {
		if g := attr.Type().DescrGet; g != nil {
			return g(th, attr, Null, t)
		}
		return attr, nil
	}
	if metaGet != nil {
		return metaGet(th, metaAttr, self, meta)
	}
	if !metaAttr.IsNull() {
		return metaAttr, nil
	}
	e := Errorf(AttributeError, "type object '%s' has no attribute '%s'", t.Name, name.s)
	e.setAttrErrorContext(self, name)
	return Null, e
}

func typeSetAttr(th *Thread, self Value, name *Str, v Value) error {
	t, _ := AsType(self)
	meta := self.Type()
	if descr := meta.Lookup(name); !descr.IsNull() {
		if ds := descr.Type().DescrSet; ds != nil {
			return ds(th, descr, self, v)
		}
	}
	if t.flags&flagImmutable != 0 {
		return Errorf(TypeError, "cannot set '%s' attribute of immutable type '%s'", name.s, t.Name)
	}
	if v.IsNull() {
		if !t.dict.DeleteStr(name) {
			return Errorf(AttributeError, "type object '%s' has no attribute '%s'", t.Name, name.s)
		}
	} else {
		t.dict.SetStr(name, v)
	}
	t.Modified()
	if isDunder(name.s) {
		updateSlots(t, name.s)
	}
	return nil
}

func isDunder(s string) bool {
	return len(s) > 4 && strings.HasPrefix(s, "__") && strings.HasSuffix(s, "__")
}

func typeOr(th *Thread, a, b Value) (Value, error) {
	// `int | str` builds a types.UnionType; we keep the operands in a tuple
	// subclass-like object so isinstance() works with it.
	return makeUnion(th, a, b)
}

func typeMroMethod(th *Thread, args []Value, kw []Value) (Value, error) {
	t, ok := AsType(args[0])
	if !ok {
		return Null, Errorf(TypeError, "descriptor 'mro' requires a 'type' object")
	}
	mro, err := computeMRO(t)
	if err != nil {
		return Null, err
	}
	items := make([]Value, len(mro))
	for i, m := range mro {
		items[i] = m.Value()
	}
	return NewList(items).Value(), nil
}

func typeSubclasses(th *Thread, args []Value, kw []Value) (Value, error) {
	t, _ := AsType(args[0])
	items := make([]Value, len(t.subclasses))
	for i, s := range t.subclasses {
		items[i] = s.Value()
	}
	return NewList(items).Value(), nil
}

func typeInstanceCheck(th *Thread, args []Value, kw []Value) (Value, error) {
	t, _ := AsType(args[0])
	return MakeBool(args[1].Type().IsSubtype(t)), nil
}

func typeSubclassCheck(th *Thread, args []Value, kw []Value) (Value, error) {
	t, _ := AsType(args[0])
	s, ok := AsType(args[1])
	if !ok {
		return Null, Errorf(TypeError, "issubclass() arg 1 must be a class")
	}
	return MakeBool(s.IsSubtype(t)), nil
}

func typeDir(th *Thread, args []Value, kw []Value) (Value, error) {
	t, _ := AsType(args[0])
	names := map[string]bool{}
	for _, m := range t.MRO {
		for _, k := range m.dict.Keys() {
			if s, ok := AsStr(k); ok {
				names[s.s] = true
			}
		}
	}
	return sortedNameList(names), nil
}

func typeGetters() []*GetSet {
	typeOf := func(v Value) *Type { t, _ := AsType(v); return t }
	return []*GetSet{
		{Name: "__name__",
			Get: func(th *Thread, self Value) (Value, error) { return MakeStr(typeOf(self).Name), nil },
			Set: func(th *Thread, self Value, v Value) error {
				s, ok := AsStr(v)
				if !ok {
					return Errorf(TypeError, "can only assign string to %s.__name__, not '%s'", typeOf(self).Name, TypeName(v))
				}
				typeOf(self).Name = s.s
				return nil
			}},
		{Name: "__qualname__",
			Get: func(th *Thread, self Value) (Value, error) { return MakeStr(typeOf(self).Qualname), nil },
			Set: func(th *Thread, self Value, v Value) error {
				s, ok := AsStr(v)
				if !ok {
					return Errorf(TypeError, "can only assign string to %s.__qualname__, not '%s'", typeOf(self).Name, TypeName(v))
				}
				typeOf(self).Qualname = s.s
				return nil
			}},
		{Name: "__bases__", Get: func(th *Thread, self Value) (Value, error) {
			t := typeOf(self)
			items := make([]Value, len(t.Bases))
			for i, b := range t.Bases {
				items[i] = b.Value()
			}
			return NewTuple(items...).Value(), nil
		}},
		{Name: "__base__", Get: func(th *Thread, self Value) (Value, error) {
			if b := typeOf(self).Base; b != nil {
				return b.Value(), nil
			}
			return None, nil
		}},
		{Name: "__mro__", Get: func(th *Thread, self Value) (Value, error) {
			t := typeOf(self)
			items := make([]Value, len(t.MRO))
			for i, b := range t.MRO {
				items[i] = b.Value()
			}
			return NewTuple(items...).Value(), nil
		}},
		{Name: "__dict__", Get: func(th *Thread, self Value) (Value, error) {
			return newMappingProxy(typeOf(self).dict.Value()), nil
		}},
		{Name: "__doc__", Get: func(th *Thread, self Value) (Value, error) {
			t := typeOf(self)
			if v, ok := t.dict.getStr(dunderDoc); ok {
				if g := v.Type().DescrGet; g != nil {
					return g(th, v, Null, t)
				}
				return v, nil
			}
			return None, nil
		},
			// Heap types take a new docstring (dataclasses sets one), as
			// CPython's type_set_doc.
			Set: func(th *Thread, self Value, v Value) error {
				t := typeOf(self)
				if !t.IsHeapType() {
					return Errorf(TypeError, "cannot set '__doc__' attribute of immutable type '%s'", t.Name)
				}
				if v.IsNull() {
					return Errorf(TypeError, "cannot delete '__doc__' attribute of immutable type '%s'", t.Name)
				}
				t.dict.SetStr(dunderDoc, v)
				t.Modified()
				return nil
			}},
		{Name: "__module__",
			Get: func(th *Thread, self Value) (Value, error) {
				if v, ok := typeOf(self).dict.getStr(dunderModule); ok {
					return v, nil
				}
				return MakeStr("builtins"), nil
			},
			Set: func(th *Thread, self Value, v Value) error {
				t := typeOf(self)
				t.dict.SetStr(dunderModule, v)
				t.Modified()
				return nil
			}},
		{Name: "__abstractmethods__",
			Get: func(th *Thread, self Value) (Value, error) {
				if v, ok := typeOf(self).dict.getStr(dunderAbstractmethods); ok {
					return v, nil
				}
				return Null, Errorf(AttributeError, "__abstractmethods__")
			},
			Set: func(th *Thread, self Value, v Value) error {
				t := typeOf(self)
				t.dict.SetStr(dunderAbstractmethods, v)
				t.Modified()
				n, err := Len(th, v)
				if err != nil {
					return err
				}
				if n > 0 {
					t.flags |= flagAbstract
				} else {
					t.flags &^= flagAbstract
				}
				return nil
			}},
	}
}

// instanceDictGetSet is the __dict__ attribute of instances of classes.
var instanceDictGetSet = &GetSet{Name: "__dict__",
	Get: func(th *Thread, v Value) (Value, error) {
		h := v.header()
		if h.dict == nil {
			h.dict = NewDict()
		}
		return h.dict.Value(), nil
	},
	Set: func(th *Thread, v Value, x Value) error {
		d, ok := AsDict(x)
		if !ok {
			return Errorf(TypeError, "__dict__ must be set to a dictionary, not a '%s'", TypeName(x))
		}
		v.header().dict = d
		return nil
	},
}

// ----------------------------------------------------- class creation

// typeNew is type.__new__(meta, name, bases, namespace, **kwds): the work
// behind every class statement.
func typeNew(th *Thread, meta *Type, args []Value, kwnames []Value) (Value, error) {
	npos := len(args) - len(kwnames)
	if npos == 1 && len(kwnames) == 0 && meta == TypeType {
		return args[0].Type().Value(), nil
	}
	if npos != 3 {
		return Null, Errorf(TypeError, "type() takes 1 or 3 arguments")
	}
	nameStr, ok := AsStr(args[0])
	if !ok {
		return Null, Errorf(TypeError, "type.__new__() argument 1 must be str, not %s", TypeName(args[0]))
	}
	basesTup, ok := AsTuple(args[1])
	if !ok {
		return Null, Errorf(TypeError, "type.__new__() argument 2 must be tuple, not %s", TypeName(args[1]))
	}
	ns, ok := AsDict(args[2])
	if !ok {
		return Null, Errorf(TypeError, "type.__new__() argument 3 must be dict, not %s", TypeName(args[2]))
	}
	bases := make([]*Type, 0, len(basesTup.items))
	for _, b := range basesTup.items {
		bt, ok := AsType(b)
		if !ok {
			return Null, Errorf(TypeError, "bases must be types")
		}
		if bt.flags&flagBaseType == 0 {
			return Null, Errorf(TypeError, "type '%s' is not an acceptable base type", bt.Name)
		}
		bases = append(bases, bt)
	}
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	// The most derived metaclass wins (CPython's _PyType_CalculateMetaclass).
	winner := meta
	for _, b := range bases {
		bm := b.Type()
		if winner.IsSubtype(bm) {
			continue
		}
		if bm.IsSubtype(winner) {
			winner = bm
			continue
		}
		return Null, Errorf(TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
	}
	if winner != meta && winner.New != nil {
		meta = winner
	}

	t := &Type{Name: nameStr.s, Qualname: nameStr.s}
	t.typ = meta
	t.dict = ns.Copy()
	t.Bases = bases
	t.flags = flagHeapType | flagBaseType
	if q, ok := t.dict.getStr(dunderQualname); ok {
		qs, ok := AsStr(q)
		if !ok {
			return Null, Errorf(TypeError, "type __qualname__ must be a str, not %s", TypeName(q))
		}
		t.Qualname = qs.s
		t.dict.DeleteStr(dunderQualname)
	}
	// The solid base decides the instance layout; all bases must agree.
	t.Base = bases[0]
	t.layout = bases[0].layout
	for _, b := range bases {
		if b.layout != instanceLayout.info {
			if t.layout != instanceLayout.info && t.layout != b.layout {
				return Null, Errorf(TypeError, "multiple bases have instance lay-out conflict")
			}
			t.layout = b.layout
			t.Base = b
		}
	}
	mro, err := computeMRO(t)
	if err != nil {
		return Null, err
	}
	t.MRO = mro
	for _, b := range bases {
		if b.flags&flagIsException != 0 {
			t.flags |= flagIsException
		}
		if b.flags&flagHasGetattr != 0 {
			t.flags |= flagHasGetattr
		}
	}
	t.hasDict = true
	if slots, ok := t.dict.getStr(dunderSlots); ok {
		if err := applySlots(th, t, slots); err != nil {
			return Null, err
		}
	}
	// Instances get __dict__ (and __weakref__) descriptors unless a base
	// already provides them.
	if t.hasDict && t.Lookup(dunderDict).IsNull() {
		t.dict.SetStr(dunderDict, newGetSetDescriptor(t, instanceDictGetSet))
	}
	if t.Lookup(dunderWeakref).IsNull() {
		t.dict.SetStr(dunderWeakref, newGetSetDescriptor(t, &GetSet{Name: "__weakref__",
			Get: func(th *Thread, v Value) (Value, error) { return None, nil }}))
	}
	if _, ok := t.dict.getStr(dunderModule); !ok {
		if g := th.globals(); g != nil {
			if m, ok := g.getStr(dunderName); ok {
				t.dict.SetStr(dunderModule, m)
			}
		}
	}
	if _, ok := t.dict.getStr(dunderDoc); !ok {
		t.dict.SetStr(dunderDoc, None)
	}
	// __eq__ without __hash__ makes instances unhashable.
	if _, ok := t.dict.getStr(dunderEq); ok {
		if _, ok := t.dict.getStr(dunderHash); !ok {
			t.dict.SetStr(dunderHash, None)
		}
	}
	// __new__, __init_subclass__ and __class_getitem__ are implicitly
	// static/class methods.
	if f, ok := t.dict.getStr(dunderNew); ok && isPyFunction(f) {
		t.dict.SetStr(dunderNew, newStaticMethod(f))
	}
	for _, n := range []string{"__init_subclass__", "__class_getitem__"} {
		if f, ok := t.dict.getStr(Intern(n)); ok && isPyFunction(f) {
			t.dict.SetStr(Intern(n), newClassMethod(f))
		}
	}
	t.Slots = Slots{}
	inheritSlots(t, t.Base)
	for _, b := range bases[1:] {
		inheritSlots(t, b)
	}
	fixupSlots(t)
	t.version = nextTypeVersion()
	for _, b := range bases {
		b.subclasses = append(b.subclasses, t)
	}
	// The class cell of zero-argument super() gets the new class.
	if cellV, ok := t.dict.getStr(dunderClasscell); ok {
		cell, ok := AsCell(cellV)
		if !ok {
			return Null, Errorf(TypeError, "__classcell__ must be a nonlocal cell, not %s", cellV.Type().FullName())
		}
		cell.Set(t.Value())
		t.dict.DeleteStr(dunderClasscell)
		t.version = nextTypeVersion()
	}
	// __set_name__ on every attribute that has it, then the parent's
	// __init_subclass__ with the class keywords.
	keys, vals := t.dict.Items()
	for i, k := range keys {
		if sn := vals[i].Type().LookupString("__set_name__"); !sn.IsNull() {
			if _, err := callDescr(th, sn, vals[i], []Value{t.Value(), k}, nil); err != nil {
				return Null, wrapSetNameError(err, vals[i], k, t)
			}
		}
	}
	var kwargs []Value
	if len(kwnames) > 0 {
		kwargs = args[npos:]
	}
	superT := t.MRO[1]
	if len(t.MRO) > 1 {
		if isc := lookupFrom(t.MRO[1:], dunderInitSubclass); !isc.IsNull() {
			bound, err := bindDescr(th, isc, Null, t)
			if err != nil {
				return Null, err
			}
			if _, err := Call(th, bound, kwargs, kwnames); err != nil {
				return Null, err
			}
		}
	}
	_ = superT
	return t.Value(), nil
}

func wrapSetNameError(err error, v, k Value, t *Type) error {
	// 3.11 wraps the error in a RuntimeError naming the attribute.
	ks := ""
	if s, ok := AsStr(k); ok {
		ks = s.s
	}
	e := Errorf(RuntimeError, "Error calling __set_name__ on '%s' instance '%s' in '%s'", TypeName(v), ks, t.Name)
	e.setCause(AsException(err))
	return e
}

// lookupFrom finds name in the dicts of types (an MRO tail).
func lookupFrom(types []*Type, name *Str) Value {
	for _, m := range types {
		if v, ok := m.dict.getStr(name); ok {
			return v
		}
	}
	return Null
}

// applySlots handles __slots__: instances keep no __dict__ unless
// "__dict__" is listed, and only listed names may be set.
func applySlots(th *Thread, t *Type, slots Value) error {
	var names []Value
	if s, ok := AsStr(slots); ok {
		names = []Value{s.Value()}
	} else {
		it, err := Iter(th, slots)
		if err != nil {
			return err
		}
		for {
			v, err := Next(th, it)
			if err != nil {
				return err
			}
			if v.IsNull() {
				break
			}
			names = append(names, v)
		}
	}
	baseHasDict := false
	for _, b := range t.Bases {
		if b.hasDict {
			baseHasDict = true
		}
	}
	t.hasDict = baseHasDict
	for _, n := range names {
		s, ok := AsStr(n)
		if !ok {
			return Errorf(TypeError, "__slots__ items must be strings, not '%s'", TypeName(n))
		}
		if s.s == "__dict__" {
			t.hasDict = true
			continue
		}
		if _, ok := t.dict.getStr(s); ok {
			return Errorf(ValueError, "'%s' in __slots__ conflicts with class variable", s.s)
		}
		t.slotNames = append(t.slotNames, s.s)
		t.dict.SetStr(Intern(s.s), newSlotMember(t, s.s))
	}
	// Slot values live in the instance dict; the member descriptors make
	// them behave like slots (AttributeError when unset, no other names).
	return nil
}

func sortedNameList(names map[string]bool) Value {
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sortStrings(keys)
	items := make([]Value, len(keys))
	for i, k := range keys {
		items[i] = MakeStr(k)
	}
	return NewList(items).Value()
}

func abstractError(th *Thread, t *Type) error {
	v, ok := t.dict.getStr(dunderAbstractmethods)
	if !ok {
		return nil
	}
	var names []string
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
			break
		}
		if s, ok := AsStr(x); ok {
			names = append(names, s.s)
		}
	}
	if len(names) == 0 {
		return nil
	}
	sortStrings(names)
	plural := ""
	if len(names) > 1 {
		plural = "s"
	}
	return Errorf(TypeError, "Can't instantiate abstract class %s with abstract method%s %s", t.Name, plural, strings.Join(names, ", "))
}
