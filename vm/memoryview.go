package vm

// This file implements memoryview over bytes and bytearray: one-
// dimensional views with a struct-module item format ('B' by default,
// others through cast), slicing (which shares memory), item assignment on
// writable memory, release() and the context-manager protocol.
//
// CPython forbids resizing a bytearray while a view exports it. gilpy
// cannot see a view die (no reference counts), so it counts an export only
// inside a `with memoryview(...)` block, where the end is explicit; views
// read their exporter's current bytes, and an index past a shrunken
// buffer is an error rather than a crash.

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"strings"
)

type memoryView struct {
	Object
	obj      Value  // the exporting object
	buf      *Bytes // its storage
	off      int    // byte offset of item 0
	n        int    // number of items
	stride   int    // bytes from one item to the next
	format   string
	itemsize int
	ro       bool
	released bool
	exported bool // counted in buf.exports (inside a with block)
}

var memoryViewLayout = NewLayout[memoryView]("memoryview")

var memoryIterType = &Type{}

type memoryIter struct {
	Object
	m *memoryView
	i int
}

var memoryIterLayout = NewLayout[memoryIter]("memory_iterator")

// formatSize is the item size of a native struct format, or 0.
func formatSize(f string) int {
	switch strings.TrimPrefix(f, "@") {
	case "B", "b", "c", "?":
		return 1
	case "H", "h", "e":
		return 2
	case "I", "i", "f":
		return 4
	case "L", "l", "Q", "q", "N", "n", "P", "d":
		return 8
	}
	return 0
}

func isByteFormat(f string) bool {
	switch strings.TrimPrefix(f, "@") {
	case "B", "b", "c":
		return true
	}
	return false
}

func (m *memoryView) check() error {
	if m.released {
		return Errorf(ValueError, "operation forbidden on released memoryview object")
	}
	return nil
}

// contiguous reports items laid out back to back.
func (m *memoryView) contiguous() bool { return m.n <= 1 || m.stride == m.itemsize }

// item returns the bytes of item i (0 <= i < n), or nil when the
// exporter has shrunk under the view.
func (m *memoryView) item(i int) []byte {
	p := m.off + i*m.stride
	if p < 0 || p+m.itemsize > len(m.buf.b) {
		return nil
	}
	return m.buf.b[p : p+m.itemsize]
}

// bytes is the content in logical order (shared when contiguous).
func (m *memoryView) bytes() []byte {
	if m.contiguous() {
		end := m.off + m.n*m.itemsize
		if m.off <= len(m.buf.b) && end <= len(m.buf.b) {
			return m.buf.b[m.off:end]
		}
		return nil
	}
	out := make([]byte, 0, m.n*m.itemsize)
	for i := 0; i < m.n; i++ {
		out = append(out, m.item(i)...)
	}
	return out
}

func (m *memoryView) shrunk() error {
	return Errorf(IndexError, "index out of bounds on dimension 1")
}

// unpack converts one item to a Python value.
func (m *memoryView) unpack(b []byte) Value {
	le := binary.LittleEndian
	switch strings.TrimPrefix(m.format, "@") {
	case "B":
		return MakeInt(int64(b[0]))
	case "b":
		return MakeInt(int64(int8(b[0])))
	case "c":
		return NewBytes([]byte{b[0]}).Value()
	case "?":
		return MakeBool(b[0] != 0)
	case "H":
		return MakeInt(int64(le.Uint16(b)))
	case "h":
		return MakeInt(int64(int16(le.Uint16(b))))
	case "I":
		return MakeInt(int64(le.Uint32(b)))
	case "i":
		return MakeInt(int64(int32(le.Uint32(b))))
	case "L", "Q", "N", "P":
		u := le.Uint64(b)
		if u > math.MaxInt64 {
			return MakeBigInt(new(big.Int).SetUint64(u))
		}
		return MakeInt(int64(u))
	case "l", "q", "n":
		return MakeInt(int64(le.Uint64(b)))
	case "f":
		return MakeFloat(float64(math.Float32frombits(le.Uint32(b))))
	case "d":
		return MakeFloat(math.Float64frombits(le.Uint64(b)))
	case "e":
		return MakeFloat(halfToFloat(le.Uint16(b)))
	}
	return None
}

// pack converts a Python value into one item.
func (m *memoryView) pack(th *Thread, v Value, dst []byte) error {
	le := binary.LittleEndian
	f := strings.TrimPrefix(m.format, "@")
	invalid := func() error {
		return Errorf(ValueError, "memoryview: invalid value for format '%s'", f)
	}
	switch f {
	case "c":
		b, ok := AsBytes(v)
		if !ok || len(b.b) != 1 {
			return invalid()
		}
		dst[0] = b.b[0]
		return nil
	case "?":
		t, err := Truth(th, v)
		if err != nil {
			return err
		}
		dst[0] = 0
		if t {
			dst[0] = 1
		}
		return nil
	case "f", "d", "e":
		x, err := AsFloat(th, v)
		if err != nil {
			return Errorf(TypeError, "memoryview: invalid type for format '%s'", f)
		}
		switch f {
		case "f":
			le.PutUint32(dst, math.Float32bits(float32(x)))
		case "d":
			le.PutUint64(dst, math.Float64bits(x))
		default:
			le.PutUint16(dst, floatToHalf(x))
		}
		return nil
	}
	if !isIntLike(v) {
		return Errorf(TypeError, "memoryview: invalid type for format '%s'", f)
	}
	n := ToBig(v)
	signed := f == "b" || f == "h" || f == "i" || f == "l" || f == "q" || f == "n"
	bits := uint(8 * m.itemsize)
	if signed {
		if n.BitLen() > int(bits)-1 && !(n.Sign() < 0 && n.BitLen() == int(bits) && n.TrailingZeroBits() == bits-1) {
			return invalid()
		}
	} else if n.Sign() < 0 || n.BitLen() > int(bits) {
		return invalid()
	}
	var u uint64
	if n.IsUint64() {
		u = n.Uint64()
	} else {
		u = uint64(n.Int64())
	}
	for i := 0; i < m.itemsize; i++ {
		dst[i] = byte(u >> (8 * i))
	}
	return nil
}

func newMemoryView(t *Type, src Value) (*memoryView, error) {
	m := memoryViewLayout.New(t)
	if o, ok := memoryViewLayout.Cast(src); ok {
		if err := o.check(); err != nil {
			return nil, err
		}
		*m = memoryView{Object: m.Object, obj: o.obj, buf: o.buf, off: o.off, n: o.n, stride: o.stride,
			format: o.format, itemsize: o.itemsize, ro: o.ro}
		return m, nil
	}
	b, ok := AsBytes(src)
	if !ok {
		return nil, Errorf(TypeError, "memoryview: a bytes-like object is required, not '%s'", TypeName(src))
	}
	m.obj, m.buf, m.n, m.stride, m.format, m.itemsize, m.ro = src, b, len(b.b), 1, "B", 1, !b.mutable()
	return m, nil
}

// NewMemoryView is memoryview(obj) for other packages.
func NewMemoryView(obj Value) (Value, error) {
	m, err := newMemoryView(MemoryViewType, obj)
	if err != nil {
		return Null, err
	}
	return m.Value(), nil
}

func memoryViewGetItem(th *Thread, v, key Value) (Value, error) {
	m := memoryViewLayout.Must(v)
	if err := m.check(); err != nil {
		return Null, err
	}
	if s, ok := AsSlice(key); ok {
		start, _, step, n, err := s.Indices(th, m.n)
		if err != nil {
			return Null, err
		}
		r := memoryViewLayout.New(MemoryViewType)
		*r = memoryView{Object: r.Object, obj: m.obj, buf: m.buf, off: m.off + start*m.stride, n: max(n, 0),
			stride: m.stride * step, format: m.format, itemsize: m.itemsize, ro: m.ro}
		return r.Value(), nil
	}
	if !isIntLike(key) && key.Type().Index == nil {
		return Null, Errorf(TypeError, "memoryview: invalid slice key")
	}
	i, err := AsIndex(th, key)
	if err != nil {
		return Null, err
	}
	if i < 0 {
		i += m.n
	}
	if i < 0 || i >= m.n {
		return Null, Errorf(IndexError, "index out of bounds on dimension 1")
	}
	b := m.item(i)
	if b == nil {
		return Null, m.shrunk()
	}
	return m.unpack(b), nil
}

func memoryViewSetItem(th *Thread, v, key, x Value) error {
	m := memoryViewLayout.Must(v)
	if err := m.check(); err != nil {
		return err
	}
	if m.ro {
		return Errorf(TypeError, "cannot modify read-only memory")
	}
	if x.IsNull() {
		return Errorf(TypeError, "cannot delete memory")
	}
	if s, ok := AsSlice(key); ok {
		start, _, step, n, err := s.Indices(th, m.n)
		if err != nil {
			return err
		}
		src, ok := asBytesLike(x)
		if !ok {
			return Errorf(TypeError, "a bytes-like object is required, not '%s'", TypeName(x))
		}
		if xm, ok := memoryViewLayout.Cast(x); ok && xm.format != m.format {
			return Errorf(ValueError, "memoryview assignment: lvalue and rvalue have different structures")
		}
		if len(src) != n*m.itemsize {
			return Errorf(ValueError, "memoryview assignment: lvalue and rvalue have different structures")
		}
		src = append([]byte(nil), src...)
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			d := m.item(j)
			if d == nil {
				return m.shrunk()
			}
			copy(d, src[i*m.itemsize:(i+1)*m.itemsize])
		}
		return nil
	}
	if !isIntLike(key) && key.Type().Index == nil {
		return Errorf(TypeError, "memoryview: invalid slice key")
	}
	i, err := AsIndex(th, key)
	if err != nil {
		return err
	}
	if i < 0 {
		i += m.n
	}
	if i < 0 || i >= m.n {
		return Errorf(IndexError, "index out of bounds on dimension 1")
	}
	d := m.item(i)
	if d == nil {
		return m.shrunk()
	}
	return m.pack(th, x, d)
}

// release ends the view (and its export, when a with block counted one).
func (m *memoryView) release() {
	if m.exported {
		m.buf.exports--
		m.exported = false
	}
	m.released = true
}

func memoryViewCompare(th *Thread, a, b Value, op CompareOp) (Value, error) {
	if op != CmpEQ && op != CmpNE {
		return NotImplemented, nil
	}
	m := memoryViewLayout.Must(a)
	if a.Is(b) {
		return MakeBool(op == CmpEQ), nil
	}
	var other []Value
	if om, ok := memoryViewLayout.Cast(b); ok {
		if m.released || om.released {
			return MakeBool(op == CmpNE), nil
		}
		other = om.values()
	} else if ob, ok := AsBytes(b); ok {
		other = make([]Value, len(ob.b))
		for i, c := range ob.b {
			other[i] = MakeInt(int64(c))
		}
	} else {
		return NotImplemented, nil
	}
	if m.released {
		return MakeBool(op == CmpNE), nil
	}
	mine := m.values()
	eq := len(mine) == len(other)
	for i := 0; eq && i < len(mine); i++ {
		r, err := Equal(th, mine[i], other[i])
		if err != nil {
			return Null, err
		}
		eq = r
	}
	return MakeBool(eq == (op == CmpEQ)), nil
}

// values is tolist() as a Go slice.
func (m *memoryView) values() []Value {
	out := make([]Value, 0, m.n)
	for i := 0; i < m.n; i++ {
		b := m.item(i)
		if b == nil {
			break
		}
		out = append(out, m.unpack(b))
	}
	return out
}

func memoryViewCast(th *Thread, args []Value, kw []Value) (Value, error) {
	formatV, shapeV := Null, Null
	if err := argsKeywords("cast", args[1:], kw, []string{"format", "shape"}, 1, &formatV, &shapeV); err != nil {
		return Null, err
	}
	m := memoryViewLayout.Must(args[0])
	if err := m.check(); err != nil {
		return Null, err
	}
	fs, ok := AsStr(formatV)
	if !ok {
		return Null, Errorf(TypeError, "memoryview: format argument must be a string")
	}
	size := formatSize(fs.s)
	if size == 0 {
		return Null, Errorf(ValueError, "memoryview: destination format must be a native single character format prefixed with an optional '@'")
	}
	if !m.contiguous() {
		return Null, Errorf(TypeError, "memoryview: casts are restricted to C-contiguous views")
	}
	if !isByteFormat(m.format) && !isByteFormat(fs.s) {
		return Null, Errorf(TypeError, "memoryview: cannot cast between two non-byte formats")
	}
	nbytes := m.n * m.itemsize
	if nbytes%size != 0 {
		return Null, Errorf(TypeError, "memoryview: length is not a multiple of itemsize")
	}
	n := nbytes / size
	if !shapeV.IsNull() {
		items, err := SeqToSlice(th, shapeV)
		if err != nil {
			return Null, Errorf(TypeError, "shape must be a list or a tuple")
		}
		if len(items) != 1 {
			return Null, Errorf(NotImplementedError, "memoryview: only one-dimensional shapes are supported")
		}
		k, err := AsIndex(th, items[0])
		if err != nil {
			return Null, err
		}
		if k*size != nbytes {
			return Null, Errorf(TypeError, "memoryview: product(shape) * itemsize != buffer size")
		}
	}
	r := memoryViewLayout.New(MemoryViewType)
	*r = memoryView{Object: r.Object, obj: m.obj, buf: m.buf, off: m.off, n: n, stride: size,
		format: fs.s, itemsize: size, ro: m.ro}
	return r.Value(), nil
}

func initMemoryViewType() {
	mv := func(args []Value) (*memoryView, error) {
		m := memoryViewLayout.Must(args[0])
		return m, m.check()
	}
	getter := func(name string, f func(m *memoryView) Value) *GetSet {
		return &GetSet{Name: name, Get: func(th *Thread, v Value) (Value, error) {
			m := memoryViewLayout.Must(v)
			if err := m.check(); err != nil {
				return Null, err
			}
			return f(m), nil
		}}
	}
	initBuiltinType(MemoryViewType, TypeSpec{
		Name: "memoryview", Layout: memoryViewLayout.info, Final: true,
		Doc: "Create a new memoryview object which references the given object.",
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				obj := Null
				if err := argsKeywords("memoryview", args, kw, []string{"object"}, 1, &obj); err != nil {
					return Null, err
				}
				m, err := newMemoryView(t, obj)
				if err != nil {
					return Null, err
				}
				return m.Value(), nil
			},
			Repr: func(th *Thread, v Value) (Value, error) {
				m := memoryViewLayout.Must(v)
				if m.released {
					return MakeStr(fmt.Sprintf("<released memory at %#x>", ID(v))), nil
				}
				return MakeStr(fmt.Sprintf("<memory at %#x>", ID(v))), nil
			},
			Len: func(th *Thread, v Value) (int, error) {
				m := memoryViewLayout.Must(v)
				if err := m.check(); err != nil {
					return 0, err
				}
				return m.n, nil
			},
			GetItem: memoryViewGetItem,
			SetItem: memoryViewSetItem,
			Compare: memoryViewCompare,
			Hash: func(th *Thread, v Value) (int64, error) {
				m := memoryViewLayout.Must(v)
				if err := m.check(); err != nil {
					return 0, err
				}
				if !m.ro {
					return 0, Errorf(ValueError, "cannot hash writable memoryview object")
				}
				if !isByteFormat(m.format) {
					return 0, Errorf(ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
				}
				return NewStr(string(m.bytes())).Hash(), nil
			},
			Iter: func(th *Thread, v Value) (Value, error) {
				m := memoryViewLayout.Must(v)
				if err := m.check(); err != nil {
					return Null, err
				}
				it := &memoryIter{m: m}
				it.typ = memoryIterType
				return it.Value(), nil
			},
		},
		Methods: []*BuiltinMethod{
			{Name: "tobytes", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				order := None
				if err := argsKeywords("tobytes", args[1:], kw, []string{"order"}, 0, &order); err != nil {
					return Null, err
				}
				m, err := mv(args)
				if err != nil {
					return Null, err
				}
				return NewBytes(append([]byte(nil), m.bytes()...)).Value(), nil
			}},
			{Name: "tolist", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				if err := argsNone("memoryview", "tolist", args[1:], kw); err != nil {
					return Null, err
				}
				m, err := mv(args)
				if err != nil {
					return Null, err
				}
				return NewList(m.values()).Value(), nil
			}},
			{Name: "hex", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				sep, per := Null, MakeInt(1)
				if err := argsKeywords("hex", args[1:], kw, []string{"sep", "bytes_per_sep"}, 0, &sep, &per); err != nil {
					return Null, err
				}
				m, err := mv(args)
				if err != nil {
					return Null, err
				}
				s, err := hexString(th, m.bytes(), sep, per)
				if err != nil {
					return Null, err
				}
				return MakeStr(s), nil
			}},
			{Name: "toreadonly", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				m, err := mv(args)
				if err != nil {
					return Null, err
				}
				r := memoryViewLayout.New(MemoryViewType)
				*r = memoryView{Object: r.Object, obj: m.obj, buf: m.buf, off: m.off, n: m.n, stride: m.stride,
					format: m.format, itemsize: m.itemsize, ro: true}
				return r.Value(), nil
			}},
			{Name: "cast", Fn: memoryViewCast},
			{Name: "release", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				if err := argsNone("memoryview", "release", args[1:], kw); err != nil {
					return Null, err
				}
				memoryViewLayout.Must(args[0]).release()
				return None, nil
			}},
			{Name: "__enter__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				m, err := mv(args)
				if err != nil {
					return Null, err
				}
				if !m.exported && m.buf.mutable() {
					m.exported = true
					m.buf.exports++
				}
				return args[0], nil
			}},
			{Name: "__exit__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				memoryViewLayout.Must(args[0]).release()
				return None, nil
			}},
		},
		Getters: []*GetSet{
			getter("obj", func(m *memoryView) Value { return m.obj }),
			getter("nbytes", func(m *memoryView) Value { return MakeInt(int64(m.n * m.itemsize)) }),
			getter("readonly", func(m *memoryView) Value { return MakeBool(m.ro) }),
			getter("itemsize", func(m *memoryView) Value { return MakeInt(int64(m.itemsize)) }),
			getter("format", func(m *memoryView) Value { return MakeStr(m.format) }),
			getter("ndim", func(m *memoryView) Value { return MakeInt(1) }),
			getter("shape", func(m *memoryView) Value { return NewTuple(MakeInt(int64(m.n))).Value() }),
			getter("strides", func(m *memoryView) Value { return NewTuple(MakeInt(int64(m.stride))).Value() }),
			getter("suboffsets", func(m *memoryView) Value { return NewTuple().Value() }),
			getter("c_contiguous", func(m *memoryView) Value { return MakeBool(m.contiguous()) }),
			getter("f_contiguous", func(m *memoryView) Value { return MakeBool(m.contiguous()) }),
			getter("contiguous", func(m *memoryView) Value { return MakeBool(m.contiguous()) }),
		},
	})
	initBuiltinType(memoryIterType, TypeSpec{
		Name: "memory_iterator", Layout: memoryIterLayout.info, Final: true,
		Slots: Slots{Iter: selfIter, Next: func(th *Thread, v Value) (Value, error) {
			it := memoryIterLayout.Must(v)
			if it.m == nil {
				return Null, nil
			}
			if err := it.m.check(); err != nil {
				return Null, err
			}
			if it.i >= it.m.n {
				it.m = nil
				return Null, nil
			}
			b := it.m.item(it.i)
			if b == nil {
				it.m = nil
				return Null, nil
			}
			it.i++
			return it.m.unpack(b), nil
		}},
	})
}

// halfToFloat decodes an IEEE 754 binary16.
func halfToFloat(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	exp := int(h>>10) & 0x1f
	frac := float64(h & 0x3ff)
	switch exp {
	case 0:
		return sign * math.Ldexp(frac, -24)
	case 31:
		if frac == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * math.Ldexp(1+frac/1024, exp-15)
}

// floatToHalf encodes an IEEE 754 binary16, rounding to nearest even.
func floatToHalf(x float64) uint16 {
	var sign uint16
	if math.Signbit(x) {
		sign = 0x8000
		x = -x
	}
	switch {
	case math.IsNaN(x):
		return sign | 0x7e00
	case math.IsInf(x, 0) || x >= 65520:
		return sign | 0x7c00
	case x < math.Ldexp(1, -14):
		return sign | uint16(math.RoundToEven(x*math.Ldexp(1, 24)))
	}
	frac, exp := math.Frexp(x) // x = frac * 2**exp, frac in [0.5, 1)
	m := math.RoundToEven((frac*2 - 1) * 1024)
	e := exp - 1 + 15
	if m == 1024 {
		m, e = 0, e+1
	}
	return sign | uint16(e)<<10 | uint16(m)
}
