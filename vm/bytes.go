package vm

// This file implements bytes and bytearray: one Go struct, bytearray being
// the mutable kind. The methods are in bytes_methods.go, the codecs in
// bytes_codecs.go and memoryview in memoryview.go.

import (
	"strings"
)

// Bytes is a bytes or bytearray object.
type Bytes struct {
	Object
	b    []byte
	hash int64
	// exports counts the memoryviews on a bytearray: while there are any
	// it may not change size (CPython's ob_exports).
	exports int
}

var bytesLayout = NewLayout[Bytes]("bytes")

// byteArrayIterType is bytearray's iterator (bytes_iterator is bytes').
var byteArrayIterType = &Type{}

// NewBytes returns a bytes object holding b (retained).
func NewBytes(b []byte) *Bytes {
	o := &Bytes{b: b, hash: -1}
	o.typ = BytesType
	return o
}

// NewByteArray returns a bytearray holding b (retained).
func NewByteArray(b []byte) *Bytes {
	o := &Bytes{b: b, hash: -1}
	o.typ = ByteArrayType
	return o
}

// AsBytes returns v as bytes or bytearray.
func AsBytes(v Value) (*Bytes, bool) { return bytesLayout.Cast(v) }

// Data is the byte content (do not modify a bytes object's).
func (b *Bytes) Data() []byte { return b.b }

// SetData replaces a bytearray's content.
func (b *Bytes) SetData(d []byte) { b.b = d }

// mutable reports a bytearray.
func (b *Bytes) mutable() bool { return b.typ.IsSubtype(ByteArrayType) }

// resizable fails while memoryviews export a bytearray's buffer.
func (b *Bytes) resizable() error {
	if b.exports > 0 {
		return Errorf(BufferError, "Existing exports of data: object cannot be re-sized")
	}
	return nil
}

// asBytesLike returns the buffer of bytes, bytearray or memoryview.
func asBytesLike(v Value) ([]byte, bool) {
	if b, ok := AsBytes(v); ok {
		return b.b, true
	}
	if m, ok := memoryViewLayout.Cast(v); ok && !m.released {
		return m.bytes(), true
	}
	return nil, false
}

// AsBytesLike is asBytesLike for other packages.
func AsBytesLike(v Value) ([]byte, bool) { return asBytesLike(v) }

// bytesRepr renders bytes as b'...'.
func bytesRepr(b []byte) string {
	quote := byte('\'')
	if strings.IndexByte(string(b), '\'') >= 0 && strings.IndexByte(string(b), '"') < 0 {
		quote = '"'
	}
	var s strings.Builder
	s.Grow(len(b) + 3)
	s.WriteByte('b')
	s.WriteByte(quote)
	for _, c := range b {
		switch {
		case c == quote || c == '\\':
			s.WriteByte('\\')
			s.WriteByte(c)
		case c == '\t':
			s.WriteString(`\t`)
		case c == '\n':
			s.WriteString(`\n`)
		case c == '\r':
			s.WriteString(`\r`)
		case c < ' ' || c >= 0x7f:
			s.WriteString(`\x`)
			s.WriteByte(hexDigits[c>>4])
			s.WriteByte(hexDigits[c&15])
		default:
			s.WriteByte(c)
		}
	}
	s.WriteByte(quote)
	return s.String()
}

// BytesRepr is bytesRepr for other packages.
func BytesRepr(b []byte) string { return bytesRepr(b) }

// byteValue converts an item stored into bytes: an int in range(256).
func byteValue(th *Thread, x Value) (byte, error) {
	if !isIntLike(x) && x.Type().Index == nil {
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(x))
	}
	r, err := Index(th, x)
	if err != nil {
		return 0, err
	}
	n, ok := intToInt64(r)
	if !ok || n < 0 || n > 255 {
		return 0, Errorf(ValueError, "byte must be in range(0, 256)")
	}
	return byte(n), nil
}

// bytesOfIterable collects an iterable of ints in range(256).
func bytesOfIterable(th *Thread, v Value, rangeMsg string) ([]byte, error) {
	var out []byte
	if n, err := LengthHint(th, v, 0); err == nil && n > 0 {
		out = make([]byte, 0, n)
	}
	err := ForEach(th, v, func(x Value) (bool, error) {
		c, err := byteValue(th, x)
		if err != nil {
			if e := AsException(err); e != nil && e.Matches(ValueError) {
				return false, Errorf(ValueError, "%s", rangeMsg)
			}
			return false, err
		}
		out = append(out, c)
		return true, nil
	})
	return out, err
}

// bytesFromValue implements bytes(x) / bytearray(x) for one argument.
func bytesFromValue(th *Thread, v Value, mutable bool) ([]byte, error) {
	if !mutable {
		if f := v.Type().Lookup(dunderBytes); !f.IsNull() {
			r, err := callDescr(th, f, v, nil, nil)
			if err != nil {
				return nil, err
			}
			b, ok := AsBytes(r)
			if !ok || b.mutable() {
				return nil, Errorf(TypeError, "__bytes__ returned non-bytes (type %s)", TypeName(r))
			}
			return append([]byte(nil), b.b...), nil
		}
	}
	if b, ok := asBytesLike(v); ok {
		return append([]byte(nil), b...), nil
	}
	if _, ok := AsStr(v); ok {
		return nil, Errorf(TypeError, "string argument without an encoding")
	}
	if isIntLike(v) || v.Type().Index != nil {
		n, err := AsIndex(th, v)
		if err != nil {
			if e := AsException(err); e != nil && e.Matches(IndexError) {
				return nil, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
			}
			return nil, err
		}
		if n < 0 {
			return nil, Errorf(ValueError, "negative count")
		}
		if n > maxAlloc {
			return nil, Errorf(MemoryError, "")
		}
		return make([]byte, n), nil
	}
	if v.Type().Iter == nil && v.Type().GetItem == nil {
		if mutable {
			return nil, Errorf(TypeError, "cannot convert '%s' object to bytearray", TypeName(v))
		}
		return nil, Errorf(TypeError, "cannot convert '%s' object to bytes", TypeName(v))
	}
	return bytesOfIterable(th, v, "bytes must be in range(0, 256)")
}

func bytesNewFor(mutable bool) func(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	return func(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
		src, enc, errs := Null, Null, Null
		name := "bytes"
		if mutable {
			name = "bytearray"
		}
		if err := argsKeywords(name, args, kwnames, []string{"source", "encoding", "errors"}, 0, &src, &enc, &errs); err != nil {
			return Null, err
		}
		var data []byte
		switch {
		case src.IsNull():
			if !enc.IsNull() {
				return Null, Errorf(TypeError, "encoding without a string argument")
			}
			if !errs.IsNull() {
				return Null, Errorf(TypeError, "errors without a string argument")
			}
		case !enc.IsNull() || !errs.IsNull():
			s, ok := AsStr(src)
			if !ok {
				if enc.IsNull() {
					return Null, Errorf(TypeError, "errors without a string argument")
				}
				return Null, Errorf(TypeError, "encoding without a string argument")
			}
			e, es := "utf-8", "strict"
			if !enc.IsNull() {
				x, ok := AsStr(enc)
				if !ok {
					return Null, Errorf(TypeError, "%s() argument 'encoding' must be str, not %s", name, TypeName(enc))
				}
				e = x.s
			} else {
				return Null, Errorf(TypeError, "string argument without an encoding")
			}
			if !errs.IsNull() {
				x, ok := AsStr(errs)
				if !ok {
					return Null, Errorf(TypeError, "%s() argument 'errors' must be str, not %s", name, TypeName(errs))
				}
				es = x.s
			}
			var err error
			if data, err = encodeWith(th, s, e, es); err != nil {
				return Null, err
			}
		default:
			var err error
			if data, err = bytesFromValue(th, src, mutable); err != nil {
				return Null, err
			}
		}
		o := bytesLayout.New(t)
		o.b = data
		o.hash = -1
		return o.Value(), nil
	}
}

func bytesGetItem(th *Thread, v, key Value) (Value, error) {
	b := bytesLayout.Must(v)
	if s, ok := AsSlice(key); ok {
		start, _, step, n, err := s.Indices(th, len(b.b))
		if err != nil {
			return Null, err
		}
		out := make([]byte, max(n, 0))
		if step == 1 {
			copy(out, b.b[start:])
		} else {
			for i, j := 0, start; i < n; i, j = i+1, j+step {
				out[i] = b.b[j]
			}
		}
		if b.mutable() {
			return NewByteArray(out).Value(), nil
		}
		if n == len(b.b) && b.typ == BytesType {
			return v, nil
		}
		return NewBytes(out).Value(), nil
	}
	kind := "byte"
	if b.mutable() {
		kind = "bytearray"
	}
	i, err := indexArg(th, key, kind)
	if err != nil {
		return Null, err
	}
	if i < 0 {
		i += len(b.b)
	}
	if i < 0 || i >= len(b.b) {
		if kind == "bytearray" {
			return Null, Errorf(IndexError, "bytearray index out of range")
		}
		return Null, Errorf(IndexError, "index out of range")
	}
	return MakeInt(int64(b.b[i])), nil
}

// byteArraySetItem is bytearray's item and slice assignment and deletion
// (x is Null).
func byteArraySetItem(th *Thread, v, key, x Value) error {
	b := bytesLayout.Must(v)
	if s, ok := AsSlice(key); ok {
		start, stop, step, n, err := s.Indices(th, len(b.b))
		if err != nil {
			return err
		}
		var src []byte
		if !x.IsNull() {
			if d, ok := asBytesLike(x); ok {
				src = append([]byte(nil), d...)
			} else if isNumber(x) || isStrValue(x) {
				return Errorf(TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
			} else if src, err = bytesFromValue(th, x, true); err != nil {
				return err
			}
		}
		if step == 1 {
			if stop < start {
				stop = start
			}
			if len(src) != stop-start {
				if err := b.resizable(); err != nil {
					return err
				}
			}
			out := make([]byte, 0, len(b.b)-(stop-start)+len(src))
			out = append(append(append(out, b.b[:start]...), src...), b.b[stop:]...)
			b.b = out
			return nil
		}
		if x.IsNull() {
			if n == 0 {
				return nil
			}
			if err := b.resizable(); err != nil {
				return err
			}
			del := make([]bool, len(b.b))
			for i, j := 0, start; i < n; i, j = i+1, j+step {
				del[j] = true
			}
			out := b.b[:0:0]
			for i, c := range b.b {
				if !del[i] {
					out = append(out, c)
				}
			}
			b.b = out
			return nil
		}
		if len(src) != n {
			return Errorf(ValueError, "attempt to assign bytes of size %d to extended slice of size %d", len(src), n)
		}
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			b.b[j] = src[i]
		}
		return nil
	}
	i, err := indexArg(th, key, "bytearray")
	if err != nil {
		return err
	}
	if i < 0 {
		i += len(b.b)
	}
	if i < 0 || i >= len(b.b) {
		return Errorf(IndexError, "bytearray index out of range")
	}
	if x.IsNull() {
		if err := b.resizable(); err != nil {
			return err
		}
		b.b = append(b.b[:i], b.b[i+1:]...)
		return nil
	}
	c, err := byteValue(th, x)
	if err != nil {
		return err
	}
	b.b[i] = c
	return nil
}

type bytesIter struct {
	Object
	b *Bytes
	i int
}

var bytesIterLayout = NewLayout[bytesIter]("bytes_iterator")

// bytesRepeat is bytes * n.
func bytesRepeat(th *Thread, a, n Value) (Value, error) {
	x := bytesLayout.Must(a)
	if !isIntLike(n) && n.Type().Index == nil {
		return Null, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", TypeName(n))
	}
	c, err := AsIndex(th, n)
	if err != nil {
		if e := AsException(err); e != nil && e.Matches(IndexError) {
			return Null, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
		}
		return Null, err
	}
	if c < 0 {
		c = 0
	}
	if c > 0 && int64(len(x.b))*int64(c) > maxAlloc {
		return Null, Errorf(MemoryError, "")
	}
	out := []byte(strings.Repeat(string(x.b), c))
	if x.mutable() {
		return NewByteArray(out).Value(), nil
	}
	if c == 1 && x.typ == BytesType {
		return a, nil
	}
	return NewBytes(out).Value(), nil
}

func initBytesTypes() {
	common := Slots{
		Repr: func(th *Thread, v Value) (Value, error) {
			b := bytesLayout.Must(v)
			if b.mutable() {
				// bytearray's repr escapes a single quote even inside
				// double quotes (CPython's bytearray_repr).
				r := bytesRepr(b.b)
				if r[1] == '"' {
					r = `b"` + strings.ReplaceAll(r[2:len(r)-1], "'", `\'`) + `"`
				}
				return MakeStr(b.typ.Name + "(" + r + ")"), nil
			}
			return MakeStr(bytesRepr(b.b)), nil
		},
		Compare: func(th *Thread, a, b Value, op CompareOp) (Value, error) {
			xb := bytesLayout.Must(a)
			// bytes compares with bytes and bytearray only (a memoryview
			// answers == itself, and has no order); bytearray compares
			// with any buffer.
			var y []byte
			if ob, ok := AsBytes(b); ok {
				y = ob.b
			} else if m, ok := memoryViewLayout.Cast(b); ok && xb.mutable() && !m.released {
				y = m.bytes()
			} else {
				return NotImplemented, nil
			}
			return MakeBool(compareStrings(string(xb.b), string(y), op)), nil
		},
		Len:     func(th *Thread, v Value) (int, error) { return len(bytesLayout.Must(v).b), nil },
		GetItem: bytesGetItem,
		Contains: func(th *Thread, v, x Value) (bool, error) {
			b := bytesLayout.Must(v).b
			sub, err := byteSubArg(th, x, true)
			if err != nil {
				return false, err
			}
			return strings.Contains(string(b), string(sub)), nil
		},
		Iter: func(th *Thread, v Value) (Value, error) {
			b := bytesLayout.Must(v)
			it := &bytesIter{b: b}
			it.typ = BytesIterType
			if b.mutable() {
				it.typ = byteArrayIterType
			}
			return it.Value(), nil
		},
		Binary: [numBinaryOps]func(*Thread, Value, Value) (Value, error){
			OpAdd: func(th *Thread, a, b Value) (Value, error) {
				x, ok1 := AsBytes(a)
				y, ok2 := asBytesLike(b)
				if !ok1 || !ok2 {
					if ok1 {
						return Null, Errorf(TypeError, "can't concat %s to %s", TypeName(b), TypeName(a))
					}
					return NotImplemented, nil
				}
				out := make([]byte, 0, len(x.b)+len(y))
				out = append(append(out, x.b...), y...)
				if x.mutable() {
					return NewByteArray(out).Value(), nil
				}
				return NewBytes(out).Value(), nil
			},
			OpMul: func(th *Thread, a, b Value) (Value, error) {
				if _, ok := AsBytes(a); ok {
					return bytesRepeat(th, a, b)
				}
				if _, ok := AsBytes(b); ok {
					return bytesRepeat(th, b, a)
				}
				return NotImplemented, nil
			},
			OpMod: func(th *Thread, a, b Value) (Value, error) {
				x, ok := AsBytes(a)
				if !ok {
					return NotImplemented, nil
				}
				r, err := PercentFormatBytes(th, x.b, b)
				if err != nil {
					return Null, err
				}
				if x.mutable() {
					return NewByteArray(r).Value(), nil
				}
				return NewBytes(r).Value(), nil
			},
		},
	}
	bs := common
	bs.New = bytesNewFor(false)
	bs.Str = bs.Repr
	bs.Hash = func(th *Thread, v Value) (int64, error) {
		b := bytesLayout.Must(v)
		if b.hash == -1 {
			b.hash = NewStr(string(b.b)).Hash()
		}
		return b.hash, nil
	}
	initBuiltinType(BytesType, TypeSpec{Name: "bytes", Layout: bytesLayout.info, Slots: bs, Methods: bytesMethods(false),
		Doc: "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object"})
	ba := common
	// bytearray is filled by __init__ (so that subclasses may take other
	// arguments and call super().__init__(data)); __new__ ignores them.
	ba.New = func(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
		o := bytesLayout.New(t)
		o.hash = -1
		return o.Value(), nil
	}
	ba.Init = func(th *Thread, self Value, args []Value, kwnames []Value) error {
		r, err := bytesNewFor(true)(th, ByteArrayType, args, kwnames)
		if err != nil {
			return err
		}
		b := bytesLayout.Must(self)
		nb := bytesLayout.Must(r).b
		if len(nb) != len(b.b) {
			if err := b.resizable(); err != nil {
				return err
			}
		}
		b.b = nb
		return nil
	}
	ba.Str = ba.Repr
	ba.Hash = unhashable
	ba.SetItem = byteArraySetItem
	ba.Inplace = [numBinaryOps]func(*Thread, Value, Value) (Value, error){
		OpAdd: func(th *Thread, a, b Value) (Value, error) {
			y, ok := asBytesLike(b)
			if !ok {
				return Null, Errorf(TypeError, "can't concat %s to %s", TypeName(b), TypeName(a))
			}
			x := bytesLayout.Must(a)
			if len(y) > 0 {
				if err := x.resizable(); err != nil {
					return Null, err
				}
			}
			x.b = append(x.b, y...)
			return a, nil
		},
		OpMul: func(th *Thread, a, b Value) (Value, error) {
			if !isIntLike(b) && b.Type().Index == nil {
				return Null, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", TypeName(b))
			}
			r, err := bytesRepeat(th, a, b)
			if err != nil {
				return Null, err
			}
			x := bytesLayout.Must(a)
			nb := bytesLayout.Must(r).b
			if len(nb) != len(x.b) {
				if err := x.resizable(); err != nil {
					return Null, err
				}
			}
			x.b = nb
			return a, nil
		},
	}
	initBuiltinType(ByteArrayType, TypeSpec{Name: "bytearray", Layout: bytesLayout.info, Slots: ba, Methods: bytesMethods(true),
		Doc: "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array"})
	iterSlots := Slots{Iter: selfIter, Next: func(th *Thread, v Value) (Value, error) {
		it := bytesIterLayout.Must(v)
		if it.b == nil || it.i >= len(it.b.b) {
			it.b = nil
			return Null, nil
		}
		it.i++
		return MakeInt(int64(it.b.b[it.i-1])), nil
	}}
	lengthHint := []*BuiltinMethod{{Name: "__length_hint__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
		it := bytesIterLayout.Must(args[0])
		if it.b == nil {
			return MakeInt(0), nil
		}
		return MakeInt(int64(max(len(it.b.b)-it.i, 0))), nil
	}}}
	initBuiltinType(BytesIterType, TypeSpec{Name: "bytes_iterator", Layout: bytesIterLayout.info, Final: true, Slots: iterSlots, Methods: lengthHint})
	initBuiltinType(byteArrayIterType, TypeSpec{Name: "bytearray_iterator", Layout: bytesIterLayout.info, Final: true, Slots: iterSlots, Methods: lengthHint})
	initFormatterIterTypes()
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
