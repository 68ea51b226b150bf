package vm

// This file defines type objects: their slots, the method resolution order,
// attribute lookup through the MRO, and the bookkeeping that lets inline
// caches trust a type (version tags).

import (
	"sync/atomic"
)

// Type is a Python type object. Builtin types fill the slot functions with Go
// code; a class statement builds a Type whose slots dispatch to the dunder
// methods found along its MRO (see slots.go). The eval loop and the protocol
// functions in protocol.go only ever call slots, so builtin and Python-defined
// behaviour go through one path.
type Type struct {
	Object

	Name     string
	Qualname string
	Doc      string

	Bases []*Type
	Base  *Type // the first base, whose layout instances share
	MRO   []*Type

	layout *layoutInfo
	flags  typeFlags

	// version identifies the current contents of this type's namespace and
	// those of its bases. Inline caches keyed by version stay valid until any
	// of them changes. 0 means "do not cache".
	version    uint32
	subclasses []*Type

	// hasDict: instances may carry a __dict__ (heap types unless __slots__
	// says otherwise; some builtins such as functions and modules).
	hasDict bool
	// pyBinary has bit i set when Binary[i] is the Python-level dispatcher
	// (binaryOp needs to know, and Go funcs cannot be compared).
	pyBinary uint32

	// ctorInit caches, for ctorVersion, the __init__ function that the
	// eval loop may call directly when instantiating this class (see
	// fastInit); nil when instantiation must go through type.__call__.
	ctorVersion uint32
	ctorInit    *Function
	// dictHint is how many attributes instances usually get, so their
	// __dict__ is allocated at the right size at once.
	dictHint int

	// slotNames lists __slots__ names (instances store them in their dict;
	// the list only restricts which attributes may be set).
	slotNames []string

	Slots
}

type typeFlags uint32

const (
	flagHeapType    typeFlags = 1 << iota // defined by a class statement
	flagBaseType                          // may be subclassed
	flagHasGetattr                        // the class or a base defines __getattr__
	flagAbstract                          // has abstract methods (abc)
	flagNoDict                            // instances have no __dict__ (__slots__ without it)
	flagIsException                       // BaseException or a subclass
	flagImmutable                         // attributes of the type itself cannot be set
)

// Slots are the type's behaviours, CPython's tp_* and nb_* slots. nil means
// the type does not support the operation.
type Slots struct {
	New  func(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error)
	Init func(th *Thread, self Value, args []Value, kwnames []Value) error
	Call func(th *Thread, self Value, args []Value, kwnames []Value) (Value, error)

	Repr func(th *Thread, self Value) (Value, error)
	Str  func(th *Thread, self Value) (Value, error)
	Hash func(th *Thread, self Value) (int64, error)
	// Compare returns NotImplemented when it cannot compare.
	Compare func(th *Thread, a, b Value, op CompareOp) (Value, error)
	Bool    func(th *Thread, self Value) (bool, error)

	// GetAttr is __getattribute__ with __getattr__ folded in.
	GetAttr func(th *Thread, self Value, name *Str) (Value, error)
	// SetAttr sets, or deletes when v is Null.
	SetAttr func(th *Thread, self Value, name *Str, v Value) error
	// DescrGet binds a descriptor; obj is Null for access through the class.
	DescrGet func(th *Thread, descr, obj Value, t *Type) (Value, error)
	// DescrSet sets, or deletes when v is Null.
	DescrSet func(th *Thread, descr, obj, v Value) error

	Iter func(th *Thread, self Value) (Value, error)
	// Next returns Null and no error when the iterator is exhausted.
	Next func(th *Thread, self Value) (Value, error)

	Len      func(th *Thread, self Value) (int, error)
	GetItem  func(th *Thread, self, key Value) (Value, error)
	SetItem  func(th *Thread, self, key, v Value) error // v Null = delete
	Contains func(th *Thread, self, v Value) (bool, error)

	// Binary and in-place arithmetic, indexed by BinaryOp. A binary slot is
	// called for both operands' types, as CPython's nb_* slots are, and
	// returns NotImplemented when it cannot handle the pair.
	Binary  [numBinaryOps]func(th *Thread, a, b Value) (Value, error)
	Inplace [numBinaryOps]func(th *Thread, a, b Value) (Value, error)

	Neg, Pos, Abs, Invert func(th *Thread, self Value) (Value, error)
	Index                 func(th *Thread, self Value) (Value, error)
	Int                   func(th *Thread, self Value) (Value, error)
	Float                 func(th *Thread, self Value) (Value, error)
}

// typeVersion hands out version tags.
var typeVersion atomic.Uint32

func nextTypeVersion() uint32 {
	v := typeVersion.Add(1)
	if v == 0 {
		v = typeVersion.Add(1)
	}
	return v
}

// Version is the type's current version tag.
func (t *Type) Version() uint32 { return t.version }

// Modified bumps the version of t and every subclass: something in t's
// namespace or MRO changed, so cached lookups must be redone.
func (t *Type) Modified() {
	t.version = nextTypeVersion()
	for _, s := range t.subclasses {
		s.Modified()
	}
}

// IsSubtype reports whether t is s or a subclass of s.
func (t *Type) IsSubtype(s *Type) bool {
	if t == s {
		return true
	}
	for _, m := range t.MRO {
		if m == s {
			return true
		}
	}
	return false
}

// IsHeapType reports whether the type was made by a class statement.
func (t *Type) IsHeapType() bool { return t.flags&flagHeapType != 0 }

// Layout reports the Go layout name instances are made of.
func (t *Type) LayoutName() string { return t.layout.name }

// Value is the type as a Python value.
func (t *Type) Value() Value { return t.Object.Value() }

// Dict is the type's namespace.
func (t *Type) Dict() *Dict { return t.dict }

// Lookup finds name along the MRO (without invoking descriptors), or Null.
func (t *Type) Lookup(name *Str) Value {
	v := t.version
	if v == 0 {
		return t.lookupMRO(name)
	}
	slot := &methodCache[(uint64(v)*0x9E3779B1^uint64(name.Hash()))&(methodCacheSize-1)]
	if e := slot.Load(); e != nil && e.version == v && (e.name == name || e.name.s == name.s) {
		return e.value
	}
	r := t.lookupMRO(name)
	slot.Store(&methodCacheEntry{version: v, name: name, value: r})
	return r
}

func (t *Type) lookupMRO(name *Str) Value {
	for _, m := range t.MRO {
		if v, ok := m.dict.getStr(name); ok {
			return v
		}
	}
	return Null
}

// methodCache is CPython's type attribute cache (Objects/typeobject.c): a
// global direct-mapped table from (type version, name) to the result of
// the MRO walk, so that looking up a method or a special method costs one
// probe instead of a dict lookup per class in the MRO. Versions are unique
// across types and change on every change to a type's namespace or MRO
// (Modified), so an entry filled under an old version simply misses.
// Entries are immutable and published atomically: lookups made without
// the GIL (finalizers, the GIL-off mode) see a whole entry or none.
var methodCache [methodCacheSize]atomic.Pointer[methodCacheEntry]

const methodCacheSize = 1 << 12

type methodCacheEntry struct {
	version uint32
	name    *Str
	value   Value
}

// LookupString is Lookup for a Go string.
func (t *Type) LookupString(name string) Value { return t.Lookup(Intern(name)) }

// SetAttrString stores a class attribute, updating slots and versions.
func (t *Type) SetAttrString(name string, v Value) {
	t.dict.SetStr(Intern(name), v)
	t.Modified()
}

// ----------------------------------------------------------------- MRO

// computeMRO is C3 linearization, as type.mro() does.
func computeMRO(t *Type) ([]*Type, error) {
	seqs := make([][]*Type, 0, len(t.Bases)+1)
	for _, b := range t.Bases {
		seqs = append(seqs, append([]*Type(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Type(nil), t.Bases...))
	result := []*Type{t}
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
				break
			}
		}
		if empty {
			return result, nil
		}
		var cand *Type
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			c := s[0]
			inTail := false
			for _, s2 := range seqs {
				for _, x := range s2[min(1, len(s2)):] {
					if x == c {
						inTail = true
						break
					}
				}
				if inTail {
					break
				}
			}
			if !inTail {
				cand = c
				break
			}
		}
		if cand == nil {
			names := ""
			seen := map[*Type]bool{}
			for _, s := range seqs {
				if len(s) > 0 && !seen[s[0]] {
					seen[s[0]] = true
					if names != "" {
						names += ", "
					}
					names += s[0].Name
				}
			}
			return nil, Errorf(TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s", names)
		}
		result = append(result, cand)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == cand {
				seqs[i] = s[1:]
			}
		}
	}
}

// ------------------------------------------------------- builtin types

// TypeSpec describes a builtin type for NewBuiltinType.
type TypeSpec struct {
	Name     string
	Qualname string // defaults to Name
	Module   string // "builtins" when empty
	Doc      string
	Base     *Type   // defaults to object
	Bases    []*Type // for multiple inheritance (exceptions); Base is Bases[0]
	Layout   *layoutInfo
	// Final types (bool, NoneType, ...) cannot be subclassed.
	Final bool
	// HasDict gives instances a __dict__ (functions, modules).
	HasDict bool
	Slots   Slots
	// Methods, Getters and Members fill the type's namespace.
	Methods []*BuiltinMethod
	Getters []*GetSet
	// Attrs are extra class attributes (constants).
	Attrs map[string]Value
}

// NewBuiltinType builds a type implemented in Go. Slots not given in the spec
// are inherited from the base; every slot the type defines itself is also
// exposed in its namespace as a slot wrapper (`int.__add__`), so Python code
// and subclasses see the same behaviour through the MRO.
func NewBuiltinType(spec TypeSpec) *Type {
	t := &Type{Name: spec.Name, Qualname: spec.Qualname, Doc: spec.Doc}
	if t.Qualname == "" {
		t.Qualname = spec.Name
	}
	t.typ = TypeType
	t.dict = NewDict()
	initBuiltinType(t, spec)
	return t
}

// initBuiltinType fills a Type allocated elsewhere (the bootstrap types are
// package variables that must exist before their specs can be built).
func initBuiltinType(t *Type, spec TypeSpec) {
	t.Name, t.Qualname, t.Doc = spec.Name, spec.Qualname, spec.Doc
	if t.Qualname == "" {
		t.Qualname = spec.Name
	}
	if t.dict == nil {
		t.dict = NewDict()
	}
	if t.typ == nil {
		t.typ = TypeType
	}
	switch {
	case len(spec.Bases) > 0:
		t.Bases = spec.Bases
	case spec.Base != nil:
		t.Bases = []*Type{spec.Base}
	case t != ObjectType:
		t.Bases = []*Type{ObjectType}
	}
	if len(t.Bases) > 0 {
		t.Base = t.Bases[0]
	}
	t.layout = spec.Layout
	if t.layout == nil && t.Base != nil {
		t.layout = t.Base.layout
	}
	if !spec.Final {
		t.flags |= flagBaseType
	}
	t.hasDict = spec.HasDict
	t.flags |= flagImmutable
	if t.Base != nil && t.Base.flags&flagIsException != 0 {
		t.flags |= flagIsException
	}
	mro, err := computeMRO(t)
	if err != nil {
		panic("vm: bad builtin MRO for " + t.Name)
	}
	t.MRO = mro
	for _, b := range t.Bases {
		b.subclasses = append(b.subclasses, t)
	}
	own := spec.Slots
	t.Slots = own
	if t.Base != nil {
		inheritSlots(t, t.Base)
		t.hasDict = t.hasDict || t.Base.hasDict
	}
	module := spec.Module
	if module == "" {
		module = "builtins"
	}
	t.dict.SetStr(dunderModule, MakeStr(module))
	if spec.Doc != "" {
		t.dict.SetStr(dunderDoc, MakeStr(spec.Doc))
	} else {
		t.dict.SetStr(dunderDoc, None)
	}
	addSlotWrappers(t, &own)
	for _, m := range spec.Methods {
		m.owner = t
		t.dict.SetStr(Intern(m.Name), newMethodDescriptor(t, m))
	}
	for _, g := range spec.Getters {
		g.owner = t
		t.dict.SetStr(Intern(g.Name), newGetSetDescriptor(t, g))
	}
	for k, v := range spec.Attrs {
		t.dict.SetStr(Intern(k), v)
	}
	t.version = nextTypeVersion()
}

// inheritSlots copies every slot t does not define from base.
func inheritSlots(t, base *Type) {
	s, b := &t.Slots, &base.Slots
	if s.New == nil {
		s.New = b.New
	}
	if s.Init == nil {
		s.Init = b.Init
	}
	if s.Call == nil {
		s.Call = b.Call
	}
	if s.Repr == nil {
		s.Repr = b.Repr
	}
	if s.Str == nil {
		s.Str = b.Str
	}
	if s.Hash == nil && s.Compare == nil {
		// Like CPython, a type that overrides comparison but not hashing
		// does not inherit the hash.
		s.Hash = b.Hash
	}
	if s.Compare == nil {
		s.Compare = b.Compare
	}
	if s.Bool == nil {
		s.Bool = b.Bool
	}
	if s.GetAttr == nil {
		s.GetAttr = b.GetAttr
	}
	if s.SetAttr == nil {
		s.SetAttr = b.SetAttr
	}
	if s.DescrGet == nil {
		s.DescrGet = b.DescrGet
	}
	if s.DescrSet == nil {
		s.DescrSet = b.DescrSet
	}
	if s.Iter == nil {
		s.Iter = b.Iter
	}
	if s.Next == nil {
		s.Next = b.Next
	}
	if s.Len == nil {
		s.Len = b.Len
	}
	if s.GetItem == nil {
		s.GetItem = b.GetItem
	}
	if s.SetItem == nil {
		s.SetItem = b.SetItem
	}
	if s.Contains == nil {
		s.Contains = b.Contains
	}
	for i := range s.Binary {
		if s.Binary[i] == nil {
			s.Binary[i] = b.Binary[i]
		}
		if s.Inplace[i] == nil {
			s.Inplace[i] = b.Inplace[i]
		}
	}
	if s.Neg == nil {
		s.Neg = b.Neg
	}
	if s.Pos == nil {
		s.Pos = b.Pos
	}
	if s.Abs == nil {
		s.Abs = b.Abs
	}
	if s.Invert == nil {
		s.Invert = b.Invert
	}
	if s.Index == nil {
		s.Index = b.Index
	}
	if s.Int == nil {
		s.Int = b.Int
	}
	if s.Float == nil {
		s.Float = b.Float
	}
}

// ------------------------------------------------------------ utilities

// TypeName is the type's name as error messages print it.
func TypeName(v Value) string { return v.Type().Name }

// FullName is module.qualname, or the qualname for builtins, as reprs show it.
func (t *Type) FullName() string {
	mod := t.dict.getStrString("__module__")
	if mod == "" || mod == "builtins" {
		return t.Qualname
	}
	return mod + "." + t.Qualname
}

// ModuleName is the type's __module__ as a Go string.
func (t *Type) ModuleName() string { return t.dict.getStrString("__module__") }

// AsType returns v as a *Type if it is a type object.
func AsType(v Value) (*Type, bool) {
	return typeLayout.Cast(v)
}

// inheritsSlotFrom reports whether name resolves on t to the attribute
// owner defines (t does not override it).
func inheritsSlotFrom(t *Type, name string, owner *Type) bool {
	n := Intern(name)
	v := t.Lookup(n)
	w, ok := owner.dict.getStr(n)
	return ok && v.Is(w)
}

// fastInit returns the Python __init__ to run when calling t can skip
// type.__call__: t's metaclass is type, its __new__ is object's and its
// __init__ is a plain Python function. The answer is cached per version.
func (t *Type) fastInit() *Function {
	if t.ctorVersion == t.version && t.version != 0 {
		return t.ctorInit
	}
	t.ctorVersion = t.version
	t.ctorInit = nil
	if t.typ != TypeType || t.flags&flagAbstract != 0 || !t.IsHeapType() {
		return nil
	}
	if !t.Lookup(dunderNew).Is(ObjectType.dict.mustGetStr(dunderNew)) {
		return nil
	}
	if fn, ok := AsFunction(t.Lookup(dunderInit)); ok && !fn.code.IsGenerator() {
		t.ctorInit = fn
	}
	return t.ctorInit
}
