package vm

// This file defines the callables and descriptors implemented in Go:
// builtin functions, method descriptors of builtin types, getset
// descriptors, bound methods, staticmethod, classmethod, property, and the
// member descriptors of __slots__.

import (
	"fmt"
)

// BuiltinFn is the signature of every function implemented in Go. args
// holds the positional arguments followed by the values of the keyword
// arguments named in kwnames (CPython's vectorcall convention), so a call
// allocates nothing. args may alias the caller's value stack: a BuiltinFn
// must not keep the slice after it returns.
type BuiltinFn func(th *Thread, args []Value, kwnames []Value) (Value, error)

// MethFlags qualify a BuiltinMethod.
type MethFlags uint8

// Method flags.
const (
	// MethClass makes the method a classmethod: args[0] is the class.
	MethClass MethFlags = 1 << iota
	// MethStatic passes no self.
	MethStatic
)

// BuiltinMethod is a method of a builtin type. For an instance method,
// args[0] is self.
type BuiltinMethod struct {
	Name  string
	Fn    BuiltinFn
	Doc   string
	Flags MethFlags
	owner *Type
}

// methodDescriptor is a BuiltinMethod in a type's namespace.
type methodDescriptor struct {
	Object
	m     *BuiltinMethod
	owner *Type
}

var methodDescriptorLayout = NewLayout[methodDescriptor]("method_descriptor")

func newMethodDescriptor(t *Type, m *BuiltinMethod) Value {
	d := &methodDescriptor{m: m, owner: t}
	switch {
	case m.Flags&MethClass != 0:
		d.typ = ClassMethodDescriptorType
	case m.Flags&MethStatic != 0:
		bf := NewBuiltinFunction(m.Name, m.Fn)
		return newStaticMethod(bf.Value())
	default:
		d.typ = MethodDescriptorType
	}
	return d.Value()
}

func methodDescrGet(th *Thread, descr, obj Value, t *Type) (Value, error) {
	d := methodDescriptorLayout.Must(descr)
	if d.m.Flags&MethClass != 0 {
		if t == nil {
			t = obj.Type()
		}
		return newBoundBuiltin(d.m.Name, d.m.Fn, t.Value()), nil
	}
	if obj.IsNull() {
		return descr, nil
	}
	if !obj.Type().IsSubtype(d.owner) {
		return Null, Errorf(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d.m.Name, d.owner.Name, TypeName(obj))
	}
	return newBoundBuiltin(d.m.Name, d.m.Fn, obj), nil
}

func methodDescrCall(th *Thread, self Value, args []Value, kwnames []Value) (Value, error) {
	d := methodDescriptorLayout.Must(self)
	if d.m.Flags&MethClass != 0 {
		if len(args) == 0 {
			return Null, Errorf(TypeError, "descriptor '%s' of '%s' object needs an argument", d.m.Name, d.owner.Name)
		}
		return d.m.Fn(th, args, kwnames)
	}
	if len(args)-len(kwnames) < 1 {
		return Null, Errorf(TypeError, "unbound method %s.%s() needs an argument", d.owner.Name, d.m.Name)
	}
	if !args[0].Type().IsSubtype(d.owner) {
		return Null, Errorf(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d.m.Name, d.owner.Name, TypeName(args[0]))
	}
	return d.m.Fn(th, args, kwnames)
}

func methodDescrRepr(th *Thread, self Value) (Value, error) {
	d := methodDescriptorLayout.Must(self)
	return MakeStr(fmt.Sprintf("<method '%s' of '%s' objects>", d.m.Name, d.owner.Name)), nil
}

// ------------------------------------------------------- builtin functions

// BuiltinFunction is a Go function as a Python object: a module function
// (`len`) or, with self set, a bound method of a builtin object.
type BuiltinFunction struct {
	Object
	Name   string
	Fn     BuiltinFn
	Doc    string
	Module string
	self   Value // Null for a plain function
	// static: self is the owner recorded for repr/__self__, never passed.
	static bool
}

var builtinFunctionLayout = NewLayout[BuiltinFunction]("builtin_function_or_method")

// NewBuiltinFunction wraps fn.
func NewBuiltinFunction(name string, fn BuiltinFn) *BuiltinFunction {
	f := &BuiltinFunction{Name: name, Fn: fn, self: Null}
	f.typ = BuiltinFunctionType
	return f
}

// NewFunc is NewBuiltinFunction returning a Value.
func NewFunc(name string, fn BuiltinFn) Value { return NewBuiltinFunction(name, fn).Value() }

func newBoundBuiltin(name string, fn BuiltinFn, self Value) Value {
	f := &BuiltinFunction{Name: name, Fn: fn, self: self}
	f.typ = BuiltinFunctionType
	return f.Value()
}

// Self is the object a bound builtin method is bound to, or Null.
func (f *BuiltinFunction) Self() Value {
	if f.static {
		return Null
	}
	return f.self
}

func builtinFunctionCall(th *Thread, self Value, args []Value, kwnames []Value) (Value, error) {
	f := builtinFunctionLayout.Must(self)
	if f.self.IsNull() || f.static {
		return f.Fn(th, args, kwnames)
	}
	all := make([]Value, len(args)+1)
	all[0] = f.self
	copy(all[1:], args)
	return f.Fn(th, all, kwnames)
}

func builtinFunctionRepr(th *Thread, self Value) (Value, error) {
	f := builtinFunctionLayout.Must(self)
	if f.self.IsNull() || f.static {
		return MakeStr("<built-in function " + f.Name + ">"), nil
	}
	if m, ok := AsModule(f.self); ok {
		_ = m
		return MakeStr("<built-in function " + f.Name + ">"), nil
	}
	if t, ok := AsType(f.self); ok {
		return MakeStr(fmt.Sprintf("<built-in method %s of type object at %#x>", f.Name, ID(t.Value()))), nil
	}
	return MakeStr(fmt.Sprintf("<built-in method %s of %s object at %#x>", f.Name, TypeName(f.self), ID(f.self))), nil
}

// ----------------------------------------------------------- getset

// GetSet is a computed attribute of a builtin type.
type GetSet struct {
	Name  string
	Get   func(th *Thread, self Value) (Value, error)
	Set   func(th *Thread, self Value, v Value) error // nil: read-only; v Null deletes
	Doc   string
	owner *Type
}

type getSetDescriptor struct {
	Object
	g *GetSet
}

var getSetLayout = NewLayout[getSetDescriptor]("getset_descriptor")

func newGetSetDescriptor(t *Type, g *GetSet) Value {
	d := &getSetDescriptor{g: g}
	d.typ = GetSetDescriptorType
	g.owner = t
	return d.Value()
}

func getSetGet(th *Thread, descr, obj Value, t *Type) (Value, error) {
	d := getSetLayout.Must(descr)
	if obj.IsNull() {
		return descr, nil
	}
	if d.g.Get == nil {
		return Null, Errorf(AttributeError, "attribute '%s' of '%s' objects is not readable", d.g.Name, d.g.owner.Name)
	}
	return d.g.Get(th, obj)
}

func getSetSet(th *Thread, descr, obj, v Value) error {
	d := getSetLayout.Must(descr)
	if d.g.Set == nil {
		if v.IsNull() {
			return Errorf(AttributeError, "attribute '%s' of '%s' objects is not writable", d.g.Name, d.g.owner.Name)
		}
		return Errorf(AttributeError, "attribute '%s' of '%s' objects is not writable", d.g.Name, d.g.owner.Name)
	}
	return d.g.Set(th, obj, v)
}

// --------------------------------------------------------- bound method

// Method is a Python function bound to an object (`obj.method`).
type Method struct {
	Object
	fn   Value
	self Value
}

var methodLayout = NewLayout[Method]("method")

// NewMethod binds fn to self.
func NewMethod(fn, self Value) Value {
	m := &Method{fn: fn, self: self}
	m.typ = MethodType
	return m.Value()
}

// AsMethod returns v as a bound method.
func AsMethod(v Value) (*Method, bool) { return methodLayout.Cast(v) }

// Func is the underlying function; Self the bound object.
func (m *Method) Func() Value { return m.fn }

// Self is the object the method is bound to.
func (m *Method) Self() Value { return m.self }

func methodCall(th *Thread, self Value, args []Value, kwnames []Value) (Value, error) {
	m := methodLayout.Must(self)
	if fn, ok := AsFunction(m.fn); ok {
		return th.callFunctionWithSelf(fn, m.self, args, kwnames)
	}
	all := make([]Value, len(args)+1)
	all[0] = m.self
	copy(all[1:], args)
	return Call(th, m.fn, all, kwnames)
}

func methodRepr(th *Thread, self Value) (Value, error) {
	m := methodLayout.Must(self)
	name := "?"
	if q, err := GetAttrString(th, m.fn, "__qualname__"); err == nil {
		if s, ok := AsStr(q); ok {
			name = s.s
		}
	}
	r, err := Repr(th, m.self)
	if err != nil {
		return Null, err
	}
	return MakeStr(fmt.Sprintf("<bound method %s of %s>", name, r.s)), nil
}

func methodCompare(th *Thread, a, b Value, op CompareOp) (Value, error) {
	ma := methodLayout.Must(a)
	mb, ok := methodLayout.Cast(b)
	if !ok || (op != CmpEQ && op != CmpNE) {
		return NotImplemented, nil
	}
	eq := ma.self.Is(mb.self) && ma.fn.Is(mb.fn)
	return MakeBool(eq == (op == CmpEQ)), nil
}

func methodHash(th *Thread, self Value) (int64, error) {
	m := methodLayout.Must(self)
	a, _ := objectHash(th, m.self)
	b, err := Hash(th, m.fn)
	h := a ^ b
	if h == -1 {
		h = -2
	}
	return h, err
}

// methodGetAttr forwards unknown attributes to the function (__name__, __doc__).
func methodGetAttr(th *Thread, self Value, name *Str) (Value, error) {
	m := methodLayout.Must(self)
	switch name.s {
	case "__func__":
		return m.fn, nil
	case "__self__":
		return m.self, nil
	}
	v, err := GenericGetAttr(th, self, name)
	if err == nil {
		return v, nil
	}
	return GetAttr(th, m.fn, name)
}

// ------------------------------------------------- static/class methods

type staticMethod struct {
	Object
	fn Value
}

var staticMethodLayout = NewLayout[staticMethod]("staticmethod")

func newStaticMethod(fn Value) Value {
	s := &staticMethod{fn: fn}
	s.typ = StaticMethodType
	return s.Value()
}

type classMethod struct {
	Object
	fn Value
}

var classMethodLayout = NewLayout[classMethod]("classmethod")

func newClassMethod(fn Value) Value {
	c := &classMethod{fn: fn}
	c.typ = ClassMethodType
	return c.Value()
}

func initStaticClassMethodTypes() {
	initBuiltinType(StaticMethodType, TypeSpec{
		Name: "staticmethod", Layout: staticMethodLayout.info, HasDict: true,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				s := staticMethodLayout.New(t)
				s.fn = None
				return s.Value(), nil
			},
			Init: func(th *Thread, self Value, args []Value, kw []Value) error {
				if len(args) != 1 || len(kw) != 0 {
					return Errorf(TypeError, "staticmethod expected 1 argument, got %d", len(args))
				}
				staticMethodLayout.Must(self).fn = args[0]
				return copyWrapperAttrs(th, self, args[0])
			},
			DescrGet: func(th *Thread, descr, obj Value, t *Type) (Value, error) {
				return staticMethodLayout.Must(descr).fn, nil
			},
			Call: func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
				return Call(th, staticMethodLayout.Must(self).fn, args, kw)
			},
			Repr: func(th *Thread, self Value) (Value, error) {
				r, err := Repr(th, staticMethodLayout.Must(self).fn)
				if err != nil {
					return Null, err
				}
				return MakeStr("<staticmethod(" + r.s + ")>"), nil
			},
		},
		Getters: []*GetSet{
			{Name: "__func__", Get: func(th *Thread, self Value) (Value, error) { return staticMethodLayout.Must(self).fn, nil }},
			{Name: "__wrapped__", Get: func(th *Thread, self Value) (Value, error) { return staticMethodLayout.Must(self).fn, nil }},
			{Name: "__isabstractmethod__", Get: func(th *Thread, self Value) (Value, error) {
				return isAbstract(th, staticMethodLayout.Must(self).fn)
			}},
		},
	})
	initBuiltinType(ClassMethodType, TypeSpec{
		Name: "classmethod", Layout: classMethodLayout.info, HasDict: true,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				c := classMethodLayout.New(t)
				c.fn = None
				return c.Value(), nil
			},
			Init: func(th *Thread, self Value, args []Value, kw []Value) error {
				if len(args) != 1 || len(kw) != 0 {
					return Errorf(TypeError, "classmethod expected 1 argument, got %d", len(args))
				}
				classMethodLayout.Must(self).fn = args[0]
				return copyWrapperAttrs(th, self, args[0])
			},
			DescrGet: func(th *Thread, descr, obj Value, t *Type) (Value, error) {
				c := classMethodLayout.Must(descr)
				if t == nil {
					t = obj.Type()
				}
				// 3.9+: classmethod chains through __get__ of the wrapped object.
				if g := c.fn.Type().DescrGet; g != nil && !isPyFunction(c.fn) {
					if _, ok := builtinFunctionLayout.Cast(c.fn); !ok {
						return g(th, c.fn, t.Value(), t.Type())
					}
				}
				return NewMethod(c.fn, t.Value()), nil
			},
			Repr: func(th *Thread, self Value) (Value, error) {
				r, err := Repr(th, classMethodLayout.Must(self).fn)
				if err != nil {
					return Null, err
				}
				return MakeStr("<classmethod(" + r.s + ")>"), nil
			},
		},
		Getters: []*GetSet{
			{Name: "__func__", Get: func(th *Thread, self Value) (Value, error) { return classMethodLayout.Must(self).fn, nil }},
			{Name: "__wrapped__", Get: func(th *Thread, self Value) (Value, error) { return classMethodLayout.Must(self).fn, nil }},
			{Name: "__isabstractmethod__", Get: func(th *Thread, self Value) (Value, error) {
				return isAbstract(th, classMethodLayout.Must(self).fn)
			}},
		},
	})
}

// copyWrapperAttrs copies __name__, __qualname__, __doc__, __module__ from
// the wrapped function, as staticmethod/classmethod do in 3.10+.
func copyWrapperAttrs(th *Thread, self, fn Value) error {
	d := NewDict()
	for _, n := range []string{"__module__", "__name__", "__qualname__", "__doc__"} {
		v, err := GetAttrString(th, fn, n)
		if err == nil {
			d.SetString(n, v)
		}
	}
	self.header().dict = d
	return nil
}

func isAbstract(th *Thread, fn Value) (Value, error) {
	v, err := GetAttrString(th, fn, "__isabstractmethod__")
	if err != nil {
		return False, nil
	}
	t, err := Truth(th, v)
	return MakeBool(t), err
}

// ------------------------------------------------------------- property

type property struct {
	Object
	fget, fset, fdel, doc Value
	name                  Value
}

var propertyLayout = NewLayout[property]("property")

func initPropertyType() {
	initBuiltinType(PropertyType, TypeSpec{
		Name: "property", Layout: propertyLayout.info,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				p := propertyLayout.New(t)
				p.fget, p.fset, p.fdel, p.doc, p.name = None, None, None, None, None
				return p.Value(), nil
			},
			Init: func(th *Thread, self Value, args []Value, kw []Value) error {
				var fget, fset, fdel, doc Value = None, None, None, None
				if err := UnpackArgs("property", args, kw, "fget?", &fget, "fset?", &fset, "fdel?", &fdel, "doc?", &doc); err != nil {
					return err
				}
				p := propertyLayout.Must(self)
				p.fget, p.fset, p.fdel, p.doc = fget, fset, fdel, doc
				if doc.IsNone() && !fget.IsNone() {
					if d, err := GetAttrString(th, fget, "__doc__"); err == nil {
						p.doc = d
					}
				}
				return nil
			},
			DescrGet: func(th *Thread, descr, obj Value, t *Type) (Value, error) {
				p := propertyLayout.Must(descr)
				if obj.IsNull() {
					return descr, nil
				}
				if p.fget.IsNone() {
					return Null, Errorf(AttributeError, "property %s of '%s' object has no getter", propName(th, p), TypeName(obj))
				}
				return Call(th, p.fget, []Value{obj}, nil)
			},
			DescrSet: func(th *Thread, descr, obj, v Value) error {
				p := propertyLayout.Must(descr)
				if v.IsNull() {
					if p.fdel.IsNone() {
						return Errorf(AttributeError, "property %s of '%s' object has no deleter", propName(th, p), TypeName(obj))
					}
					_, err := Call(th, p.fdel, []Value{obj}, nil)
					return err
				}
				if p.fset.IsNone() {
					return Errorf(AttributeError, "property %s of '%s' object has no setter", propName(th, p), TypeName(obj))
				}
				_, err := Call(th, p.fset, []Value{obj, v}, nil)
				return err
			},
		},
		Methods: []*BuiltinMethod{
			{Name: "getter", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return propertyCopy(th, args, 0) }},
			{Name: "setter", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return propertyCopy(th, args, 1) }},
			{Name: "deleter", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return propertyCopy(th, args, 2) }},
			{Name: "__set_name__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				if len(args) == 3 {
					propertyLayout.Must(args[0]).name = args[2]
				}
				return None, nil
			}},
		},
		Getters: []*GetSet{
			{Name: "fget", Get: func(th *Thread, self Value) (Value, error) { return propertyLayout.Must(self).fget, nil }},
			{Name: "fset", Get: func(th *Thread, self Value) (Value, error) { return propertyLayout.Must(self).fset, nil }},
			{Name: "fdel", Get: func(th *Thread, self Value) (Value, error) { return propertyLayout.Must(self).fdel, nil }},
			{Name: "__doc__", Get: func(th *Thread, self Value) (Value, error) { return propertyLayout.Must(self).doc, nil },
				Set: func(th *Thread, self Value, v Value) error { propertyLayout.Must(self).doc = v; return nil }},
			{Name: "__isabstractmethod__", Get: func(th *Thread, self Value) (Value, error) {
				p := propertyLayout.Must(self)
				for _, f := range []Value{p.fget, p.fset, p.fdel} {
					if !f.IsNone() {
						if v, _ := isAbstract(th, f); v.IsTrue() {
							return True, nil
						}
					}
				}
				return False, nil
			}},
		},
	})
}

func propName(th *Thread, p *property) string {
	if s, ok := AsStr(p.name); ok {
		return "'" + s.s + "'"
	}
	return "'?'"
}

func propertyCopy(th *Thread, args []Value, which int) (Value, error) {
	if len(args) != 2 {
		return Null, Errorf(TypeError, "expected 1 argument")
	}
	old := propertyLayout.Must(args[0])
	p := propertyLayout.New(args[0].Type())
	*p = *old
	p.typ = args[0].Type()
	p.dict = nil
	switch which {
	case 0:
		p.fget = args[1]
		if d, err := GetAttrString(th, args[1], "__doc__"); err == nil && old.doc.IsNone() {
			p.doc = d
		}
	case 1:
		p.fset = args[1]
	case 2:
		p.fdel = args[1]
	}
	return p.Value(), nil
}

// ---------------------------------------------------------- slot member

// slotMember is the descriptor for one name in __slots__. Values live in
// the instance dict; the descriptor keeps CPython's errors for unset slots.
type slotMember struct {
	Object
	name  *Str
	owner *Type
}

var slotMemberLayout = NewLayout[slotMember]("member_descriptor")

func newSlotMember(t *Type, name string) Value {
	m := &slotMember{name: Intern(name), owner: t}
	m.typ = MemberDescriptorType
	return m.Value()
}

func slotMemberGet(th *Thread, descr, obj Value, t *Type) (Value, error) {
	m := slotMemberLayout.Must(descr)
	if obj.IsNull() {
		return descr, nil
	}
	if d := obj.header().dict; obj.IsHeap() && d != nil {
		if v, ok := d.getStr(m.name); ok {
			return v, nil
		}
	}
	return Null, Errorf(AttributeError, "'%s' object has no attribute '%s'", TypeName(obj), m.name.s)
}

func slotMemberSet(th *Thread, descr, obj, v Value) error {
	m := slotMemberLayout.Must(descr)
	h := obj.header()
	if v.IsNull() {
		if h.dict == nil || !h.dict.DeleteStr(m.name) {
			return Errorf(AttributeError, "'%s' object has no attribute '%s'", TypeName(obj), m.name.s)
		}
		return nil
	}
	if h.dict == nil {
		h.dict = NewDict()
	}
	h.dict.SetStr(m.name, v)
	return nil
}

// ------------------------------------------------------- type registry

func initDescriptorTypes() {
	initBuiltinType(MethodDescriptorType, TypeSpec{
		Name: "method_descriptor", Layout: methodDescriptorLayout.info, Final: true,
		Slots: Slots{DescrGet: methodDescrGet, Call: methodDescrCall, Repr: methodDescrRepr},
		Getters: []*GetSet{
			{Name: "__name__", Get: func(th *Thread, self Value) (Value, error) {
				return MakeStr(methodDescriptorLayout.Must(self).m.Name), nil
			}},
			{Name: "__qualname__", Get: func(th *Thread, self Value) (Value, error) {
				d := methodDescriptorLayout.Must(self)
				return MakeStr(d.owner.Name + "." + d.m.Name), nil
			}},
			{Name: "__objclass__", Get: func(th *Thread, self Value) (Value, error) {
				return methodDescriptorLayout.Must(self).owner.Value(), nil
			}},
			{Name: "__doc__", Get: func(th *Thread, self Value) (Value, error) {
				return docValue(methodDescriptorLayout.Must(self).m.Doc), nil
			}},
		},
	})
	initBuiltinType(ClassMethodDescriptorType, TypeSpec{
		Name: "classmethod_descriptor", Layout: methodDescriptorLayout.info, Final: true,
		Slots: Slots{DescrGet: methodDescrGet, Call: methodDescrCall, Repr: methodDescrRepr},
	})
	initBuiltinType(BuiltinFunctionType, TypeSpec{
		Name: "builtin_function_or_method", Layout: builtinFunctionLayout.info, Final: true,
		Slots: Slots{Call: builtinFunctionCall, Repr: builtinFunctionRepr},
		Getters: []*GetSet{
			{Name: "__name__", Get: func(th *Thread, self Value) (Value, error) {
				return MakeStr(builtinFunctionLayout.Must(self).Name), nil
			}},
			{Name: "__qualname__", Get: func(th *Thread, self Value) (Value, error) {
				f := builtinFunctionLayout.Must(self)
				if t, ok := AsType(f.self); ok {
					return MakeStr(t.Name + "." + f.Name), nil
				}
				if !f.self.IsNull() && !f.static {
					if _, ok := AsModule(f.self); !ok {
						return MakeStr(TypeName(f.self) + "." + f.Name), nil
					}
				}
				return MakeStr(f.Name), nil
			}},
			{Name: "__self__", Get: func(th *Thread, self Value) (Value, error) {
				f := builtinFunctionLayout.Must(self)
				if f.self.IsNull() {
					return None, nil
				}
				return f.self, nil
			}},
			{Name: "__doc__", Get: func(th *Thread, self Value) (Value, error) {
				return docValue(builtinFunctionLayout.Must(self).Doc), nil
			}},
			{Name: "__module__", Get: func(th *Thread, self Value) (Value, error) {
				f := builtinFunctionLayout.Must(self)
				if f.Module == "" {
					return None, nil
				}
				return MakeStr(f.Module), nil
			}},
		},
	})
	initBuiltinType(WrapperDescriptorType, TypeSpec{
		Name: "wrapper_descriptor", Layout: slotWrapperLayout.info, Final: true,
		Slots: Slots{
			DescrGet: func(th *Thread, descr, obj Value, t *Type) (Value, error) {
				w := slotWrapperLayout.Must(descr)
				if obj.IsNull() {
					return descr, nil
				}
				call := w.call
				bf := &BuiltinFunction{Name: w.name.s, self: obj, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
					return call(th, args[0], args[1:], kw)
				}}
				bf.typ = MethodWrapperType
				return bf.Value(), nil
			},
			Call: func(th *Thread, self Value, args []Value, kw []Value) (Value, error) {
				w := slotWrapperLayout.Must(self)
				if len(args)-len(kw) < 1 {
					return Null, Errorf(TypeError, "descriptor '%s' of '%s' object needs an argument", w.name.s, w.owner.Name)
				}
				if !args[0].Type().IsSubtype(w.owner) {
					return Null, Errorf(TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", w.name.s, w.owner.Name, TypeName(args[0]))
				}
				return w.call(th, args[0], args[1:], kw)
			},
			Repr: func(th *Thread, self Value) (Value, error) {
				w := slotWrapperLayout.Must(self)
				return MakeStr(fmt.Sprintf("<slot wrapper '%s' of '%s' objects>", w.name.s, w.owner.Name)), nil
			},
		},
		Getters: []*GetSet{
			{Name: "__name__", Get: func(th *Thread, self Value) (Value, error) { return slotWrapperLayout.Must(self).name.Value(), nil }},
			{Name: "__objclass__", Get: func(th *Thread, self Value) (Value, error) { return slotWrapperLayout.Must(self).owner.Value(), nil }},
		},
	})
	initBuiltinType(MethodWrapperType, TypeSpec{
		Name: "method-wrapper", Layout: builtinFunctionLayout.info, Final: true,
		Slots: Slots{
			Call: builtinFunctionCall,
			Repr: func(th *Thread, self Value) (Value, error) {
				f := builtinFunctionLayout.Must(self)
				return MakeStr(fmt.Sprintf("<method-wrapper '%s' of %s object at %#x>", f.Name, TypeName(f.self), ID(f.self))), nil
			},
		},
		Getters: []*GetSet{
			{Name: "__name__", Get: func(th *Thread, self Value) (Value, error) {
				return MakeStr(builtinFunctionLayout.Must(self).Name), nil
			}},
			{Name: "__self__", Get: func(th *Thread, self Value) (Value, error) { return builtinFunctionLayout.Must(self).self, nil }},
		},
	})
	initBuiltinType(GetSetDescriptorType, TypeSpec{
		Name: "getset_descriptor", Layout: getSetLayout.info, Final: true,
		Slots: Slots{DescrGet: getSetGet, DescrSet: getSetSet,
			Repr: func(th *Thread, self Value) (Value, error) {
				d := getSetLayout.Must(self)
				return MakeStr(fmt.Sprintf("<attribute '%s' of '%s' objects>", d.g.Name, d.g.owner.Name)), nil
			}},
		Getters: []*GetSet{
			{Name: "__name__", Get: func(th *Thread, self Value) (Value, error) { return MakeStr(getSetLayout.Must(self).g.Name), nil }},
		},
	})
	initBuiltinType(MemberDescriptorType, TypeSpec{
		Name: "member_descriptor", Layout: slotMemberLayout.info, Final: true,
		Slots: Slots{DescrGet: slotMemberGet, DescrSet: slotMemberSet,
			Repr: func(th *Thread, self Value) (Value, error) {
				m := slotMemberLayout.Must(self)
				return MakeStr(fmt.Sprintf("<member '%s' of '%s' objects>", m.name.s, m.owner.Name)), nil
			}},
	})
	initBuiltinType(MethodType, TypeSpec{
		Name: "method", Layout: methodLayout.info, Final: true,
		Slots: Slots{
			// types.MethodType(function, instance), as CPython's method_new.
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				if len(kw) > 0 {
					return Null, Errorf(TypeError, "method() takes no keyword arguments")
				}
				if len(args) != 2 {
					return Null, Errorf(TypeError, "method expected 2 arguments, got %d", len(args))
				}
				if !Callable(args[0]) {
					return Null, Errorf(TypeError, "first argument must be callable")
				}
				if args[1].IsNone() {
					return Null, Errorf(TypeError, "instance must not be None")
				}
				return NewMethod(args[0], args[1]), nil
			},
			Call: methodCall, Repr: methodRepr, Compare: methodCompare, Hash: methodHash,
			GetAttr: methodGetAttr,
			DescrGet: func(th *Thread, descr, obj Value, t *Type) (Value, error) {
				return descr, nil
			},
		},
	})
}

func docValue(s string) Value {
	if s == "" {
		return None
	}
	return MakeStr(s)
}
