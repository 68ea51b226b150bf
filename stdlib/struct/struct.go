// Package pystruct is the _struct module (struct.py re-exports it): packing
// Python values into C structs laid out as CPython lays them out on
// linux/amd64 (native sizes and alignment for '@', standard sizes for
// '=', '<', '>' and '!'), with its error messages.
package pystruct

import (
	"encoding/binary"
	"math"
	"math/big"
	"strconv"

	"gilpy/vm"
)

// errorType is struct.error.
var errorType *vm.Type

func structErr(format string, a ...any) error {
	return vm.Errorf(errorType, format, a...)
}

type item struct {
	code  byte
	count int // repeat count (for s/p: the length)
	size  int
	off   int
}

type layout struct {
	order  binary.ByteOrder
	native bool
	items  []item
	size   int
	nargs  int
}

func nativeSize(c byte) (int, bool) {
	switch c {
	case 'x', 'c', 'b', 'B', '?', 's', 'p':
		return 1, true
	case 'h', 'H', 'e':
		return 2, true
	case 'i', 'I', 'f':
		return 4, true
	case 'l', 'L', 'q', 'Q', 'n', 'N', 'd', 'P':
		return 8, true
	}
	return 0, false
}

func stdSize(c byte) (int, bool) {
	switch c {
	case 'x', 'c', 'b', 'B', '?', 's', 'p':
		return 1, true
	case 'h', 'H', 'e':
		return 2, true
	case 'i', 'I', 'l', 'L', 'f':
		return 4, true
	case 'q', 'Q', 'd':
		return 8, true
	}
	return 0, false
}

var cache = map[string]*layout{}

func parse(format string) (*layout, error) {
	if l, ok := cache[format]; ok {
		return l, nil
	}
	l := &layout{order: binary.LittleEndian, native: true}
	s := format
	if s != "" {
		switch s[0] {
		case '@':
			s = s[1:]
		case '=', '<':
			l.native = false
			s = s[1:]
		case '>', '!':
			l.native = false
			l.order = binary.BigEndian
			s = s[1:]
		}
	}
	off := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			i++
			continue
		}
		count := 1
		if c >= '0' && c <= '9' {
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			n, err := strconv.Atoi(s[i:j])
			if err != nil {
				return nil, structErr("total struct size too long")
			}
			if j >= len(s) {
				return nil, structErr("repeat count given without format specifier")
			}
			count = n
			i = j
			c = s[i]
		}
		i++
		var size int
		var ok bool
		if l.native {
			size, ok = nativeSize(c)
		} else {
			size, ok = stdSize(c)
		}
		if !ok {
			return nil, structErr("bad char in struct format")
		}
		if l.native && size > 1 && c != 's' && c != 'p' && c != 'x' {
			if r := off % size; r != 0 {
				off += size - r
			}
		}
		switch c {
		case 's', 'p':
			l.items = append(l.items, item{code: c, count: count, size: count, off: off})
			off += count
			l.nargs++
		case 'x':
			off += count
		default:
			for k := 0; k < count; k++ {
				l.items = append(l.items, item{code: c, count: 1, size: size, off: off})
				off += size
				l.nargs++
			}
		}
	}
	l.size = off
	cache[format] = l
	return l, nil
}

func formatArg(th *vm.Thread, v vm.Value) (string, error) {
	if s, ok := vm.AsStr(v); ok {
		return s.String(), nil
	}
	if b, ok := vm.AsBytesLike(v); ok {
		return string(b), nil
	}
	return "", vm.Errorf(vm.TypeError, "Struct() argument 1 must be a str or bytes object, not %s", vm.TypeName(v))
}

func intArg(th *vm.Thread, v vm.Value) (*big.Int, error) {
	if vm.IsInt(v) {
		return vm.ToBig(v), nil
	}
	if v.Type().Index != nil {
		iv, err := vm.Index(th, v)
		if err != nil {
			return nil, err
		}
		return vm.ToBig(iv), nil
	}
	return nil, structErr("required argument is not an integer")
}

func rangeErr(c byte, native bool) error {
	switch c {
	case 'b':
		return structErr("byte format requires -128 <= number <= 127")
	case 'B':
		return structErr("ubyte format requires 0 <= number <= 255")
	case 'h':
		return structErr("short format requires -32768 <= number <= 32767")
	case 'H':
		return structErr("ushort format requires 0 <= number <= 65535")
	case 'i':
		return structErr("'i' format requires -2147483648 <= number <= 2147483647")
	case 'l':
		if !native {
			return structErr("'l' format requires -2147483648 <= number <= 2147483647")
		}
	}
	return structErr("argument out of range")
}

func (l *layout) packInto(th *vm.Thread, buf []byte, args []vm.Value) error {
	for k, it := range l.items {
		v := args[k]
		dst := buf[it.off:]
		switch it.code {
		case 's', 'p':
			b, ok := vm.AsBytesLike(v)
			if !ok {
				return structErr("argument for '%c' must be a bytes object", it.code)
			}
			if it.code == 's' {
				n := copy(dst[:it.count], b)
				clear(dst[n:it.count])
			} else {
				if it.count == 0 {
					continue
				}
				n := len(b)
				if n > it.count-1 {
					n = it.count - 1
				}
				if n > 255 {
					n = 255
				}
				dst[0] = byte(n)
				copy(dst[1:it.count], b[:n])
				clear(dst[1+n : it.count])
			}
		case 'c':
			b, ok := vm.AsBytesLike(v)
			if !ok || len(b) != 1 {
				return structErr("char format requires a bytes object of length 1")
			}
			dst[0] = b[0]
		case '?':
			t, err := vm.Truth(th, v)
			if err != nil {
				return err
			}
			if t {
				dst[0] = 1
			} else {
				dst[0] = 0
			}
		case 'e', 'f', 'd':
			f, err := vm.AsFloat(th, v)
			if err != nil {
				if vm.AsException(err).Matches(vm.TypeError) {
					return structErr("required argument is not a float")
				}
				return err
			}
			switch it.code {
			case 'd':
				l.order.PutUint64(dst, math.Float64bits(f))
			case 'f':
				f32 := float32(f)
				if math.IsInf(float64(f32), 0) && !math.IsInf(f, 0) && !l.native {
					return vm.Errorf(vm.OverflowError, "float too large to pack with f format")
				}
				l.order.PutUint32(dst, math.Float32bits(f32))
			case 'e':
				h, err := toHalf(f)
				if err != nil {
					return err
				}
				l.order.PutUint16(dst, h)
			}
		default:
			n, err := intArg(th, v)
			if err != nil {
				return err
			}
			signed := it.code == 'b' || it.code == 'h' || it.code == 'i' || it.code == 'l' || it.code == 'q' || it.code == 'n'
			bits := uint(it.size * 8)
			var lo, hi big.Int
			if signed {
				lo.Lsh(big.NewInt(1), bits-1)
				lo.Neg(&lo)
				hi.Lsh(big.NewInt(1), bits-1)
				hi.Sub(&hi, big.NewInt(1))
			} else {
				hi.Lsh(big.NewInt(1), bits)
				hi.Sub(&hi, big.NewInt(1))
			}
			if n.Cmp(&lo) < 0 || n.Cmp(&hi) > 0 {
				return rangeErr(it.code, l.native)
			}
			var u uint64
			if n.Sign() < 0 {
				u = uint64(n.Int64())
			} else {
				u = n.Uint64()
			}
			switch it.size {
			case 1:
				dst[0] = byte(u)
			case 2:
				l.order.PutUint16(dst, uint16(u))
			case 4:
				l.order.PutUint32(dst, uint32(u))
			case 8:
				l.order.PutUint64(dst, u)
			}
		}
	}
	return nil
}

func (l *layout) unpack(buf []byte) []vm.Value {
	out := make([]vm.Value, len(l.items))
	for k, it := range l.items {
		src := buf[it.off:]
		switch it.code {
		case 's':
			out[k] = vm.NewBytes(append([]byte(nil), src[:it.count]...)).Value()
		case 'p':
			if it.count == 0 {
				out[k] = vm.NewBytes(nil).Value()
				continue
			}
			n := int(src[0])
			if n > it.count-1 {
				n = it.count - 1
			}
			out[k] = vm.NewBytes(append([]byte(nil), src[1:1+n]...)).Value()
		case 'c':
			out[k] = vm.NewBytes([]byte{src[0]}).Value()
		case '?':
			out[k] = vm.MakeBool(src[0] != 0)
		case 'd':
			out[k] = vm.MakeFloat(math.Float64frombits(l.order.Uint64(src)))
		case 'f':
			out[k] = vm.MakeFloat(float64(math.Float32frombits(l.order.Uint32(src))))
		case 'e':
			out[k] = vm.MakeFloat(fromHalf(l.order.Uint16(src)))
		default:
			var u uint64
			switch it.size {
			case 1:
				u = uint64(src[0])
			case 2:
				u = uint64(l.order.Uint16(src))
			case 4:
				u = uint64(l.order.Uint32(src))
			case 8:
				u = l.order.Uint64(src)
			}
			signed := it.code == 'b' || it.code == 'h' || it.code == 'i' || it.code == 'l' || it.code == 'q' || it.code == 'n'
			if signed {
				shift := 64 - uint(it.size*8)
				out[k] = vm.MakeInt(int64(u<<shift) >> shift)
			} else if u > math.MaxInt64 {
				out[k] = vm.MakeBigInt(new(big.Int).SetUint64(u))
			} else {
				out[k] = vm.MakeInt(int64(u))
			}
		}
	}
	return out
}

// toHalf rounds to IEEE 754 binary16, half to even, as PyFloat_Pack2.
func toHalf(f float64) (uint16, error) {
	sign := uint16(0)
	if math.Signbit(f) {
		sign = 0x8000
		f = -f
	}
	switch {
	case math.IsNaN(f):
		return sign | 0x7e00, nil
	case math.IsInf(f, 0):
		return sign | 0x7c00, nil
	case f == 0:
		return sign, nil
	}
	frac, exp := math.Frexp(f) // f = frac * 2**exp, 0.5 <= frac < 1
	if exp > 16 {
		return 0, vm.Errorf(vm.OverflowError, "float too large to pack with e format")
	}
	var bits uint32
	if exp < -13 {
		// Subnormal: value / 2**-24 rounded.
		m := math.Ldexp(f, 24)
		r := math.RoundToEven(m)
		bits = uint32(r)
	} else {
		m := math.Ldexp(frac, 11) // 1024 <= m < 2048
		r := math.RoundToEven(m)
		e := exp - 1 + 15
		if r >= 2048 {
			r /= 2
			e++
		}
		if e >= 31 {
			return 0, vm.Errorf(vm.OverflowError, "float too large to pack with e format")
		}
		bits = uint32(e)<<10 | (uint32(r) - 1024)
	}
	return sign | uint16(bits), nil
}

func fromHalf(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	e := int(h>>10) & 0x1f
	m := float64(h & 0x3ff)
	switch e {
	case 0:
		return sign * math.Ldexp(m, -24)
	case 31:
		if m == 0 {
			return sign * math.Inf(1)
		}
		return math.NaN()
	}
	return sign * math.Ldexp(1+m/1024, e-15)
}

func pack(th *vm.Thread, l *layout, args []vm.Value) (vm.Value, error) {
	if len(args) != l.nargs {
		return vm.Null, structErr("pack expected %d items for packing (got %d)", l.nargs, len(args))
	}
	buf := make([]byte, l.size)
	if err := l.packInto(th, buf, args); err != nil {
		return vm.Null, err
	}
	return vm.NewBytes(buf).Value(), nil
}

func unpack(l *layout, data []byte) (vm.Value, error) {
	if len(data) != l.size {
		return vm.Null, structErr("unpack requires a buffer of %d bytes", l.size)
	}
	return vm.NewTuple(l.unpack(data)...).Value(), nil
}

func unpackFrom(l *layout, data []byte, offset int) (vm.Value, error) {
	if offset < 0 {
		if offset+len(data) < 0 {
			return vm.Null, structErr("offset %d out of range for %d-byte buffer", offset, len(data))
		}
		offset += len(data)
	}
	if len(data)-offset < l.size {
		if offset > len(data) {
			return vm.Null, structErr("offset %d out of range for %d-byte buffer", offset, len(data))
		}
		return vm.Null, structErr("unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d (actual buffer size is %d)", l.size+offset, l.size, offset, len(data))
	}
	return vm.NewTuple(l.unpack(data[offset : offset+l.size])...).Value(), nil
}

func packInto(th *vm.Thread, l *layout, bufV vm.Value, offset int, args []vm.Value) error {
	b, ok := vm.AsBytes(bufV)
	if !ok || b.Type() == vm.BytesType {
		return vm.Errorf(vm.TypeError, "argument must be read-write bytes-like object, not %s", vm.TypeName(bufV))
	}
	if len(args) != l.nargs {
		return structErr("pack_into expected %d items for packing (got %d)", l.nargs, len(args))
	}
	data := b.Data()
	if offset < 0 {
		if offset+len(data) < 0 {
			return structErr("offset %d out of range for %d-byte buffer", offset, len(data))
		}
		offset += len(data)
	}
	if len(data)-offset < l.size {
		return structErr("pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d (actual buffer size is %d)", l.size+offset, l.size, offset, len(data))
	}
	return l.packInto(th, data[offset:], args)
}

// Struct is a compiled struct format (struct.Struct).
type Struct struct {
	vm.Object
	l      *layout
	format vm.Value
}

var structLayout = vm.NewLayout[Struct]("_struct.Struct")

func bufferArg(v vm.Value) ([]byte, error) {
	b, ok := vm.AsBytesLike(v)
	if !ok {
		return nil, vm.Errorf(vm.TypeError, "a bytes-like object is required, not '%s'", vm.TypeName(v))
	}
	return b, nil
}

func layoutOf(th *vm.Thread, v vm.Value) (*layout, error) {
	if s, ok := structLayout.Cast(v); ok {
		return s.l, nil
	}
	f, err := formatArg(th, v)
	if err != nil {
		return nil, err
	}
	return parse(f)
}

func init() {
	errorType = vm.NewBuiltinType(vm.TypeSpec{Name: "error", Module: "struct", Base: vm.ExceptionType, Doc: ""})
	st := vm.NewBuiltinType(vm.TypeSpec{
		Name: "Struct", Module: "_struct", Layout: structLayout.Info(),
		Doc: "Struct(fmt) --> compiled struct object",
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
				format := vm.Null
				if err := vm.UnpackArgs("Struct", args, kw, "format", &format); err != nil {
					return vm.Null, err
				}
				f, err := formatArg(th, format)
				if err != nil {
					return vm.Null, err
				}
				l, err := parse(f)
				if err != nil {
					return vm.Null, err
				}
				s := structLayout.New(t)
				s.l, s.format = l, vm.MakeStr(f)
				return s.Value(), nil
			},
			Init: func(th *vm.Thread, self vm.Value, args, kw []vm.Value) error { return nil },
		},
		Methods: []*vm.BuiltinMethod{
			{Name: "pack", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return pack(th, structLayout.Must(args[0]).l, args[1:])
			}},
			{Name: "unpack", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				if err := vm.ArgCount("unpack", args[1:], 1, 1); err != nil {
					return vm.Null, err
				}
				b, err := bufferArg(args[1])
				if err != nil {
					return vm.Null, err
				}
				return unpack(structLayout.Must(args[0]).l, b)
			}},
			{Name: "unpack_from", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				buf, off := vm.Null, vm.MakeInt(0)
				if err := vm.UnpackArgs("unpack_from", args[1:], kw, "buffer", &buf, "offset?", &off); err != nil {
					return vm.Null, err
				}
				b, err := bufferArg(buf)
				if err != nil {
					return vm.Null, err
				}
				o, err := vm.AsIndex(th, off)
				if err != nil {
					return vm.Null, err
				}
				return unpackFrom(structLayout.Must(args[0]).l, b, o)
			}},
			{Name: "pack_into", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				if len(args) < 3 {
					return vm.Null, vm.Errorf(vm.TypeError, "pack_into expected buffer argument")
				}
				o, err := vm.AsIndex(th, args[2])
				if err != nil {
					return vm.Null, err
				}
				return vm.None, packInto(th, structLayout.Must(args[0]).l, args[1], o, args[3:])
			}},
			{Name: "iter_unpack", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return iterUnpack(structLayout.Must(args[0]).l, args[1])
			}},
		},
		Getters: []*vm.GetSet{
			{Name: "size", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				return vm.MakeInt(int64(structLayout.Must(v).l.size)), nil
			}},
			{Name: "format", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return structLayout.Must(v).format, nil }},
		},
	})
	vm.RegisterModule("_struct", func(th *vm.Thread, m *vm.Module) error {
		m.Set("error", errorType.Value())
		m.Set("Struct", st.Value())
		m.AddFunc("pack", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if len(args) < 1 {
				return vm.Null, vm.Errorf(vm.TypeError, "pack expected at least 1 argument, got 0")
			}
			l, err := layoutOf(th, args[0])
			if err != nil {
				return vm.Null, err
			}
			return pack(th, l, args[1:])
		})
		m.AddFunc("unpack", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("unpack", args, 2, 2); err != nil {
				return vm.Null, err
			}
			l, err := layoutOf(th, args[0])
			if err != nil {
				return vm.Null, err
			}
			b, err := bufferArg(args[1])
			if err != nil {
				return vm.Null, err
			}
			return unpack(l, b)
		})
		m.AddFunc("unpack_from", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			format, buf, off := vm.Null, vm.Null, vm.MakeInt(0)
			if err := vm.UnpackArgs("unpack_from", args, kw, "format", &format, "/", "buffer", &buf, "offset?", &off); err != nil {
				return vm.Null, err
			}
			l, err := layoutOf(th, format)
			if err != nil {
				return vm.Null, err
			}
			b, err := bufferArg(buf)
			if err != nil {
				return vm.Null, err
			}
			o, err := vm.AsIndex(th, off)
			if err != nil {
				return vm.Null, err
			}
			return unpackFrom(l, b, o)
		})
		m.AddFunc("pack_into", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if len(args) < 3 {
				return vm.Null, vm.Errorf(vm.TypeError, "pack_into expected at least 3 arguments, got %d", len(args))
			}
			l, err := layoutOf(th, args[0])
			if err != nil {
				return vm.Null, err
			}
			o, err := vm.AsIndex(th, args[2])
			if err != nil {
				return vm.Null, err
			}
			return vm.None, packInto(th, l, args[1], o, args[3:])
		})
		m.AddFunc("calcsize", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("calcsize", args, 1, 1); err != nil {
				return vm.Null, err
			}
			l, err := layoutOf(th, args[0])
			if err != nil {
				return vm.Null, err
			}
			return vm.MakeInt(int64(l.size)), nil
		})
		m.AddFunc("iter_unpack", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("iter_unpack", args, 2, 2); err != nil {
				return vm.Null, err
			}
			l, err := layoutOf(th, args[0])
			if err != nil {
				return vm.Null, err
			}
			return iterUnpack(l, args[1])
		})
		m.AddFunc("_clearcache", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			cache = map[string]*layout{}
			return vm.None, nil
		})
		return nil
	})
}

func iterUnpack(l *layout, bufV vm.Value) (vm.Value, error) {
	b, err := bufferArg(bufV)
	if err != nil {
		return vm.Null, err
	}
	if l.size == 0 {
		return vm.Null, structErr("cannot iteratively unpack with a struct of length 0")
	}
	if len(b)%l.size != 0 {
		return vm.Null, structErr("iterative unpacking requires a buffer of a multiple of %d bytes", l.size)
	}
	var out []vm.Value
	for off := 0; off < len(b); off += l.size {
		out = append(out, vm.NewTuple(l.unpack(b[off:off+l.size])...).Value())
	}
	return vm.NewSliceIterator(out), nil
}
