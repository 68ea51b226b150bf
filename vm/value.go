package vm

// This file holds every use of package unsafe in the VM: the Value
// representation and the checked conversions between a Value and the Go
// struct of a heap object. See doc.go for why Values look like this.

import (
	"fmt"
	"math"
	"reflect"
	"unsafe"
)

// Value is a Python object reference, 16 bytes, passed by value.
//
//   - p == nil: a small int, the int64 in n. The zero Value is the int 0.
//   - p == &tags[tagFloat], [tagBool], [tagNone], [tagNull]: an immediate float
//     (bits in n), bool (n = 0/1), None, or the internal "no value" marker.
//   - otherwise p points at a heap object whose first field is an Object
//     header, and n is unused (0).
//
// Every pointer is a real Go pointer, so the garbage collector sees it.
type Value struct {
	p unsafe.Pointer
	n uint64
}

// Object is the header at the start of every heap object: the object's type
// and its instance __dict__ (nil when it has none). Keeping __dict__ in the
// header lets instances of subclasses of any builtin type carry attributes
// with one mechanism.
type Object struct {
	typ  *Type
	dict *Dict
}

// Immediate tags. Only their addresses and typ fields are used; a tag is
// never converted to anything larger than an Object. They live in one array
// so that "is this pointer a tag?" is a single range check: a float tag's
// type is float, whose layout is also that of heap float-subclass instances,
// so Layout.Cast must rule tags out before it casts.
var tags [4]Object

// Indices into tags. Code writes &tags[tagFloat] (a constant address) rather
// than keeping pointers in variables, so a tag test is one compare.
const (
	tagFloat = iota
	tagBool
	tagNone
	tagNull
)

// isTag reports whether p points at one of the immediate tags.
func isTag(p unsafe.Pointer) bool {
	return uintptr(p)-uintptr(unsafe.Pointer(&tags[0])) < unsafe.Sizeof(tags)
}

// The immediate singletons.
var (
	None  = Value{p: unsafe.Pointer(&tags[tagNone])}
	True  = Value{p: unsafe.Pointer(&tags[tagBool]), n: 1}
	False = Value{p: unsafe.Pointer(&tags[tagBool]), n: 0}
	// Null is "no value": an unbound local, the NULL CALL pushes below a
	// plain callable, an exhausted iterator's result. Python code never sees it.
	Null = Value{p: unsafe.Pointer(&tags[tagNull])}
)

// MakeInt returns the small int i.
func MakeInt(i int64) Value { return Value{n: uint64(i)} }

// MakeFloat returns the float f.
func MakeFloat(f float64) Value {
	return Value{p: unsafe.Pointer(&tags[tagFloat]), n: math.Float64bits(f)}
}

// MakeBool returns True or False.
func MakeBool(b bool) Value {
	if b {
		return True
	}
	return False
}

// IsSmallInt reports whether v is an int held inline.
func (v Value) IsSmallInt() bool { return v.p == nil }

// SmallInt is the inline int of v; only meaningful if IsSmallInt.
func (v Value) SmallInt() int64 { return int64(v.n) }

// IsFloat reports whether v is an exact float (not a subclass instance).
func (v Value) IsFloat() bool { return v.p == unsafe.Pointer(&tags[tagFloat]) }

// Float is the float of v; only meaningful if IsFloat.
func (v Value) Float() float64 { return math.Float64frombits(v.n) }

// IsBool reports whether v is True or False.
func (v Value) IsBool() bool { return v.p == unsafe.Pointer(&tags[tagBool]) }

// IsTrue reports whether v is exactly True.
func (v Value) IsTrue() bool { return v.p == unsafe.Pointer(&tags[tagBool]) && v.n != 0 }

// IsNone reports whether v is None.
func (v Value) IsNone() bool { return v.p == unsafe.Pointer(&tags[tagNone]) }

// IsNull reports whether v is the internal Null marker.
func (v Value) IsNull() bool { return v.p == unsafe.Pointer(&tags[tagNull]) }

// IsHeap reports whether v refers to a heap object.
func (v Value) IsHeap() bool { return v.p != nil && !isTag(v.p) }

// Is is Python's `is`. Immediates are identical when their bits are equal.
func (v Value) Is(w Value) bool { return v.p == w.p && v.n == w.n }

// Type is the Python type of v.
func (v Value) Type() *Type {
	if v.p == nil {
		return IntType
	}
	return (*Object)(v.p).typ
}

// header is the Object header of a heap value (or of an immediate's tag).
func (v Value) header() *Object { return (*Object)(v.p) }

// Value returns the Value referring to the heap object that starts with o.
// Every heap struct embeds Object as its first field, so this is promoted
// to all of them: list.Value(), fn.Value(), ...
func (o *Object) Value() Value { return Value{p: unsafe.Pointer(o)} }

// Type is the object's type.
func (o *Object) Type() *Type { return o.typ }

// Dict is the object's instance dictionary, or nil.
func (o *Object) Dict() *Dict { return o.dict }

// SetDict replaces the instance dictionary.
func (o *Object) SetDict(d *Dict) { o.dict = d }

// isObj reports whether v refers to the heap object starting with o.
func (v Value) isObj(o *Object) bool { return v.p == unsafe.Pointer(o) }

// ptrID is the address of a heap object, for id() and reprs.
func (v Value) ptrID() uintptr { return uintptr(v.p) }

// ---------------------------------------------------------------- layouts

// layoutInfo identifies the Go struct that instances of a type are made of.
// A Python subclass inherits the layout of its base, so that an instance of
// `class MyList(list)` is a *List with a dict in its header.
type layoutInfo struct {
	name   string
	goType reflect.Type
	// new allocates a zeroed instance with header type t.
	new func(t *Type) Value
}

// Layout ties the Go struct T of a heap object kind to its layout identity.
// It is the only way to turn a Value back into a *T, and it checks the
// layout first, so a wrong cast cannot happen.
type Layout[T any] struct{ info *layoutInfo }

// NewLayout declares a heap object kind. T must embed Object as its first
// field; NewLayout panics at init time otherwise.
func NewLayout[T any](name string) Layout[T] {
	var zero T
	rt := reflect.TypeOf(zero)
	if rt.Kind() != reflect.Struct || rt.NumField() == 0 || rt.Field(0).Type != reflect.TypeOf(Object{}) || rt.Field(0).Offset != 0 {
		panic(fmt.Sprintf("vm.NewLayout[%s]: the first field must be an embedded vm.Object", rt))
	}
	info := &layoutInfo{name: name, goType: rt}
	info.new = func(t *Type) Value {
		p := new(T)
		(*Object)(unsafe.Pointer(p)).typ = t
		return Value{p: unsafe.Pointer(p)}
	}
	return Layout[T]{info: info}
}

// Cast returns v as a *T if v's type has this layout (is the kind or a
// subclass of it).
func (l Layout[T]) Cast(v Value) (*T, bool) {
	if v.p != nil && (*Object)(v.p).typ.layout == l.info && !isTag(v.p) {
		return (*T)(v.p), true
	}
	return nil, false
}

// Must is Cast for callers that already checked the type.
func (l Layout[T]) Must(v Value) *T {
	if p, ok := l.Cast(v); ok {
		return p
	}
	panic("vm: wrong layout for " + l.info.name)
}

// New allocates a zeroed instance whose header type is t.
func (l Layout[T]) New(t *Type) *T { return (*T)(l.info.new(t).p) }

// Info is the layout identity, for NewType.
func (l Layout[T]) Info() *layoutInfo { return l.info }

// castExact returns v as a *T when v's type is exactly t (the fast paths of
// the eval loop use it for str, list, tuple, dict).
func castExact[T any](v Value, t *Type) (*T, bool) {
	if v.p != nil && (*Object)(v.p).typ == t {
		return (*T)(v.p), true
	}
	return nil, false
}

// ------------------------------------------------------ strs in one block

// Short strs are allocated together with their bytes: a str made at run
// time (a concatenation, str(int), a formatted value) would otherwise cost
// two allocations, the Go string and the Str header. The string points
// into the same block, which the collector keeps alive through either
// pointer; the bytes are never written after construction.
type (
	strInline16 struct {
		Str
		buf [16]byte
	}
	strInline32 struct {
		Str
		buf [32]byte
	}
	strInline48 struct {
		Str
		buf [48]byte
	}
)

// newStrParts returns a new str (typ, length and kind unset) holding the
// concatenation of parts, in one allocation when it is short.
func newStrParts(parts ...string) *Str {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	var st *Str
	var buf []byte
	switch {
	case n <= 16:
		x := &strInline16{}
		st, buf = &x.Str, x.buf[:0]
	case n <= 32:
		x := &strInline32{}
		st, buf = &x.Str, x.buf[:0]
	case n <= 48:
		x := &strInline48{}
		st, buf = &x.Str, x.buf[:0]
	default:
		st = &Str{}
		buf = make([]byte, 0, n)
	}
	for _, p := range parts {
		buf = append(buf, p...)
	}
	st.s = unsafe.String(unsafe.SliceData(buf), n)
	return st
}

// unsafeString views b as a string without copying; the caller must not
// keep the string beyond b's next change.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
