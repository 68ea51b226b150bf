package vm

// This file implements bytes and bytearray (one Go struct; bytearray is the
// mutable kind) and the codecs str.encode/bytes.decode use.

import (
	"strings"
	"unicode/utf8"
)

// Bytes is a bytes or bytearray object.
type Bytes struct {
	Object
	b    []byte
	hash int64
}

var bytesLayout = NewLayout[Bytes]("bytes")

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

// asBytesLike returns the buffer of bytes, bytearray or memoryview.
func asBytesLike(v Value) ([]byte, bool) {
	if b, ok := AsBytes(v); ok {
		return b.b, true
	}
	if m, ok := memoryViewLayout.Cast(v); ok {
		return m.data(), true
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

// bytesFromValue implements bytes(x) / bytearray(x) for one argument.
func bytesFromValue(th *Thread, v Value) ([]byte, error) {
	if b, ok := asBytesLike(v); ok {
		return append([]byte(nil), b...), nil
	}
	if _, ok := AsStr(v); ok {
		return nil, Errorf(TypeError, "string argument without an encoding")
	}
	if isIntLike(v) || (v.Type().Index != nil && v.Type().Iter == nil) {
		n, err := AsIndex(th, v)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, Errorf(ValueError, "negative count")
		}
		return make([]byte, n), nil
	}
	if f := v.Type().Lookup(dunderBytes); !f.IsNull() {
		r, err := callDescr(th, f, v, nil, nil)
		if err != nil {
			return nil, err
		}
		b, ok := AsBytes(r)
		if !ok {
			return nil, Errorf(TypeError, "__bytes__ returned non-bytes (type %s)", TypeName(r))
		}
		return append([]byte(nil), b.b...), nil
	}
	if v.Type().Iter == nil && v.Type().GetItem == nil {
		return nil, Errorf(TypeError, "cannot convert '%s' object to bytes", TypeName(v))
	}
	var out []byte
	err := ForEach(th, v, func(x Value) (bool, error) {
		if !isIntLike(x) && x.Type().Index == nil {
			return false, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(x))
		}
		n, err := AsIndex(th, x)
		if err != nil {
			return false, err
		}
		if n < 0 || n > 255 {
			return false, Errorf(ValueError, "bytes must be in range(0, 256)")
		}
		out = append(out, byte(n))
		return true, nil
	})
	return out, err
}

func bytesNewFor(mutable bool) func(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	return func(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
		var src, enc, errs Value = Null, Null, Null
		name := "bytes"
		if mutable {
			name = "bytearray"
		}
		if err := UnpackArgs(name, args, kwnames, "source?", &src, "encoding?", &enc, "errors?", &errs); err != nil {
			return Null, err
		}
		var data []byte
		switch {
		case src.IsNull():
			if !enc.IsNull() {
				return Null, Errorf(TypeError, "encoding without a string argument")
			}
		case !enc.IsNull():
			s, ok := AsStr(src)
			if !ok {
				return Null, Errorf(TypeError, "encoding without a string argument")
			}
			es, ok := AsStr(enc)
			if !ok {
				return Null, Errorf(TypeError, "%s() argument 'encoding' must be str, not %s", name, TypeName(enc))
			}
			e := "strict"
			if s2, ok := AsStr(errs); ok {
				e = s2.s
			}
			var err error
			if data, err = Encode(s, es.s, e); err != nil {
				return Null, err
			}
		default:
			var err error
			if data, err = bytesFromValue(th, src); err != nil {
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
		out := make([]byte, n)
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			out[i] = b.b[j]
		}
		if b.typ.IsSubtype(ByteArrayType) {
			return NewByteArray(out).Value(), nil
		}
		return NewBytes(out).Value(), nil
	}
	kind := "byte"
	if b.typ.IsSubtype(ByteArrayType) {
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

type bytesIter struct {
	Object
	b *Bytes
	i int
}

var bytesIterLayout = NewLayout[bytesIter]("bytes_iterator")

func initBytesTypes() {
	common := Slots{
		Repr: func(th *Thread, v Value) (Value, error) {
			b := bytesLayout.Must(v)
			if b.typ.IsSubtype(ByteArrayType) {
				return MakeStr(b.typ.Name + "(" + bytesRepr(b.b) + ")"), nil
			}
			return MakeStr(bytesRepr(b.b)), nil
		},
		Compare: func(th *Thread, a, b Value, op CompareOp) (Value, error) {
			x := bytesLayout.Must(a).b
			y, ok := asBytesLike(b)
			if !ok {
				return NotImplemented, nil
			}
			return MakeBool(compareStrings(string(x), string(y), op)), nil
		},
		Len:     func(th *Thread, v Value) (int, error) { return len(bytesLayout.Must(v).b), nil },
		GetItem: bytesGetItem,
		Contains: func(th *Thread, v, x Value) (bool, error) {
			b := bytesLayout.Must(v).b
			if isIntLike(x) {
				n, _ := intToInt64(x)
				if n < 0 || n > 255 {
					return false, Errorf(ValueError, "byte must be in range(0, 256)")
				}
				return strings.IndexByte(string(b), byte(n)) >= 0, nil
			}
			sub, ok := asBytesLike(x)
			if !ok {
				return false, Errorf(TypeError, "a bytes-like object is required, not '%s'", TypeName(x))
			}
			return strings.Contains(string(b), string(sub)), nil
		},
		Iter: func(th *Thread, v Value) (Value, error) {
			it := &bytesIter{b: bytesLayout.Must(v)}
			it.typ = BytesIterType
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
				out := append(append([]byte(nil), x.b...), y...)
				if x.typ.IsSubtype(ByteArrayType) {
					return NewByteArray(out).Value(), nil
				}
				return NewBytes(out).Value(), nil
			},
			OpMul: func(th *Thread, a, b Value) (Value, error) {
				s, n := a, b
				if _, ok := AsBytes(s); !ok {
					s, n = b, a
				}
				x, ok := AsBytes(s)
				if !ok || !isIntLike(n) {
					return NotImplemented, nil
				}
				c, _ := intToInt64(n)
				if c < 0 {
					c = 0
				}
				out := []byte(strings.Repeat(string(x.b), int(c)))
				if x.typ.IsSubtype(ByteArrayType) {
					return NewByteArray(out).Value(), nil
				}
				return NewBytes(out).Value(), nil
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
				if x.typ.IsSubtype(ByteArrayType) {
					return NewByteArray(r).Value(), nil
				}
				return NewBytes(r).Value(), nil
			},
		},
	}
	bs := common
	bs.New = bytesNewFor(false)
	bs.Hash = func(th *Thread, v Value) (int64, error) {
		b := bytesLayout.Must(v)
		if b.hash == -1 {
			b.hash = NewStr(string(b.b)).Hash()
		}
		return b.hash, nil
	}
	initBuiltinType(BytesType, TypeSpec{Name: "bytes", Layout: bytesLayout.info, Slots: bs, Methods: bytesMethods(false)})
	ba := common
	ba.New = bytesNewFor(true)
	ba.Hash = unhashable
	ba.SetItem = func(th *Thread, v, key, x Value) error {
		b := bytesLayout.Must(v)
		if s, ok := AsSlice(key); ok {
			start, stop, step, n, err := s.Indices(th, len(b.b))
			if err != nil {
				return err
			}
			if x.IsNull() {
				if step == 1 {
					if stop < start {
						stop = start
					}
					b.b = append(b.b[:start], b.b[stop:]...)
					return nil
				}
				del := map[int]bool{}
				for i, j := 0, start; i < n; i, j = i+1, j+step {
					del[j] = true
				}
				var out []byte
				for i, c := range b.b {
					if !del[i] {
						out = append(out, c)
					}
				}
				b.b = out
				return nil
			}
			src, err := bytesFromValue(th, x)
			if err != nil {
				return err
			}
			if step == 1 {
				if stop < start {
					stop = start
				}
				out := append(append(append([]byte(nil), b.b[:start]...), src...), b.b[stop:]...)
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
			b.b = append(b.b[:i], b.b[i+1:]...)
			return nil
		}
		n, err := AsIndex(th, x)
		if err != nil {
			return err
		}
		if n < 0 || n > 255 {
			return Errorf(ValueError, "byte must be in range(0, 256)")
		}
		b.b[i] = byte(n)
		return nil
	}
	ba.Inplace = [numBinaryOps]func(*Thread, Value, Value) (Value, error){
		OpAdd: func(th *Thread, a, b Value) (Value, error) {
			y, ok := asBytesLike(b)
			if !ok {
				return Null, Errorf(TypeError, "can't concat %s to %s", TypeName(b), TypeName(a))
			}
			x := bytesLayout.Must(a)
			x.b = append(x.b, y...)
			return a, nil
		},
	}
	initBuiltinType(ByteArrayType, TypeSpec{Name: "bytearray", Layout: bytesLayout.info, Slots: ba, Methods: bytesMethods(true)})
	initBuiltinType(BytesIterType, TypeSpec{
		Name: "bytes_iterator", Layout: bytesIterLayout.info, Final: true,
		Slots: Slots{Iter: selfIter, Next: func(th *Thread, v Value) (Value, error) {
			it := bytesIterLayout.Must(v)
			if it.b == nil || it.i >= len(it.b.b) {
				it.b = nil
				return Null, nil
			}
			it.i++
			return MakeInt(int64(it.b.b[it.i-1])), nil
		}},
	})
}

func bytesMethods(mutable bool) []*BuiltinMethod {
	self := func(args []Value) *Bytes { return bytesLayout.Must(args[0]) }
	mk := func(args []Value, b []byte) Value {
		if self(args).typ.IsSubtype(ByteArrayType) {
			return NewByteArray(b).Value()
		}
		return NewBytes(b).Value()
	}
	ms := []*BuiltinMethod{
		{Name: "decode", Fn: func(th *Thread, args []Value, kwnames []Value) (Value, error) {
			var s, enc, errs Value = Null, MakeStr("utf-8"), MakeStr("strict")
			if err := UnpackArgs("decode", args, kwnames, "self", &s, "encoding?", &enc, "errors?", &errs); err != nil {
				return Null, err
			}
			es, _ := AsStr(enc)
			ers, _ := AsStr(errs)
			if es == nil || ers == nil {
				return Null, Errorf(TypeError, "decode() argument must be str")
			}
			r, err := Decode(self(args).b, es.s, ers.s)
			if err != nil {
				return Null, err
			}
			return MakeStr(r), nil
		}},
		{Name: "hex", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			var b strings.Builder
			sep := ""
			if len(args) > 1 {
				if s, ok := AsStr(args[1]); ok {
					sep = s.s
				}
			}
			for i, c := range self(args).b {
				if i > 0 && sep != "" {
					b.WriteString(sep)
				}
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&15])
			}
			return MakeStr(b.String()), nil
		}},
		{Name: "fromhex", Flags: MethClass, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			s, err := strArg(args, 1, "fromhex")
			if err != nil {
				return Null, err
			}
			var out []byte
			str := s.s
			for i := 0; i < len(str); {
				if str[i] == ' ' {
					i++
					continue
				}
				if i+1 >= len(str) || hexVal(str[i]) < 0 || hexVal(str[i+1]) < 0 {
					return Null, Errorf(ValueError, "non-hexadecimal number found in fromhex() arg at position %d", i+1)
				}
				out = append(out, byte(hexVal(str[i])<<4|hexVal(str[i+1])))
				i += 2
			}
			if t, ok := AsType(args[0]); ok && t.IsSubtype(ByteArrayType) {
				return NewByteArray(out).Value(), nil
			}
			return NewBytes(out).Value(), nil
		}},
		{Name: "startswith", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			p, ok := asBytesLike(args[1])
			if !ok {
				return Null, Errorf(TypeError, "startswith first arg must be bytes or a tuple of bytes, not %s", TypeName(args[1]))
			}
			return MakeBool(strings.HasPrefix(string(self(args).b), string(p))), nil
		}},
		{Name: "endswith", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			p, ok := asBytesLike(args[1])
			if !ok {
				return Null, Errorf(TypeError, "endswith first arg must be bytes or a tuple of bytes, not %s", TypeName(args[1]))
			}
			return MakeBool(strings.HasSuffix(string(self(args).b), string(p))), nil
		}},
		{Name: "find", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			p, ok := asBytesLike(args[1])
			if !ok {
				return Null, Errorf(TypeError, "argument should be integer or bytes-like object, not '%s'", TypeName(args[1]))
			}
			return MakeInt(int64(strings.Index(string(self(args).b), string(p)))), nil
		}},
		{Name: "count", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			p, ok := asBytesLike(args[1])
			if !ok {
				return Null, Errorf(TypeError, "argument should be integer or bytes-like object, not '%s'", TypeName(args[1]))
			}
			return MakeInt(int64(strings.Count(string(self(args).b), string(p)))), nil
		}},
		{Name: "replace", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			o, ok1 := asBytesLike(args[1])
			n, ok2 := asBytesLike(args[2])
			if !ok1 || !ok2 {
				return Null, Errorf(TypeError, "a bytes-like object is required")
			}
			return mk(args, []byte(strings.ReplaceAll(string(self(args).b), string(o), string(n)))), nil
		}},
		{Name: "split", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			var parts []string
			s := string(self(args).b)
			if len(args) > 1 && !args[1].IsNone() {
				sep, ok := asBytesLike(args[1])
				if !ok {
					return Null, Errorf(TypeError, "a bytes-like object is required, not '%s'", TypeName(args[1]))
				}
				parts = strings.Split(s, string(sep))
			} else {
				parts = strings.Fields(s)
			}
			items := make([]Value, len(parts))
			for i, p := range parts {
				items[i] = mk(args, []byte(p))
			}
			return NewList(items).Value(), nil
		}},
		{Name: "join", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			items, err := SeqToSlice(th, args[1])
			if err != nil {
				return Null, err
			}
			var out []byte
			for i, it := range items {
				b, ok := asBytesLike(it)
				if !ok {
					return Null, Errorf(TypeError, "sequence item %d: expected a bytes-like object, %s found", i, TypeName(it))
				}
				if i > 0 {
					out = append(out, self(args).b...)
				}
				out = append(out, b...)
			}
			return mk(args, out), nil
		}},
		{Name: "strip", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			cut := " \t\n\r\v\f"
			if len(args) > 1 && !args[1].IsNone() {
				c, _ := asBytesLike(args[1])
				cut = string(c)
			}
			return mk(args, []byte(strings.Trim(string(self(args).b), cut))), nil
		}},
		{Name: "upper", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return mk(args, []byte(strings.ToUpper(string(self(args).b)))), nil
		}},
		{Name: "lower", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return mk(args, []byte(strings.ToLower(string(self(args).b)))), nil
		}},
		{Name: "__getnewargs__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return NewTuple(NewBytes(append([]byte(nil), self(args).b...)).Value()).Value(), nil
		}},
	}
	if mutable {
		ms = append(ms,
			&BuiltinMethod{Name: "append", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				n, err := AsIndex(th, args[1])
				if err != nil {
					return Null, err
				}
				if n < 0 || n > 255 {
					return Null, Errorf(ValueError, "byte must be in range(0, 256)")
				}
				b := self(args)
				b.b = append(b.b, byte(n))
				return None, nil
			}},
			&BuiltinMethod{Name: "extend", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				d, err := bytesFromValue(th, args[1])
				if err != nil {
					return Null, err
				}
				b := self(args)
				b.b = append(b.b, d...)
				return None, nil
			}},
			&BuiltinMethod{Name: "clear", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				self(args).b = nil
				return None, nil
			}},
			&BuiltinMethod{Name: "copy", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return NewByteArray(append([]byte(nil), self(args).b...)).Value(), nil
			}},
		)
	}
	return ms
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

// ------------------------------------------------------------------ codecs

// normalizeEncoding maps an encoding name to its canonical form.
func normalizeEncoding(enc string) string {
	e := strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(enc, "-", "_"), " ", "_"))
	switch e {
	case "utf8", "utf_8", "u8", "utf", "cp65001":
		return "utf-8"
	case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819":
		return "latin-1"
	case "ascii", "us_ascii", "646":
		return "ascii"
	}
	return e
}

// Encode encodes s with a codec name and error handler.
func Encode(s *Str, encoding, errors string) ([]byte, error) {
	switch normalizeEncoding(encoding) {
	case "utf-8":
		if errors == "strict" || errors == "surrogateescape" || utf8.ValidString(s.s) {
			return []byte(s.s), nil
		}
		return []byte(s.s), nil
	case "latin-1", "ascii":
		limit := rune(256)
		name := "latin-1"
		if normalizeEncoding(encoding) == "ascii" {
			limit, name = 128, "ascii"
		}
		out := make([]byte, 0, len(s.s))
		for i, r := range s.Runes() {
			if r < limit {
				out = append(out, byte(r))
				continue
			}
			switch errors {
			case "ignore":
			case "replace":
				out = append(out, '?')
			case "backslashreplace":
				var b strings.Builder
				writeUEscape(&b, r)
				out = append(out, b.String()...)
			case "xmlcharrefreplace":
				out = append(out, []byte("&#"+formatInt(int(r))+";")...)
			default:
				j := i + 1
				rs := s.Runes()
				for j < len(rs) && rs[j] >= limit {
					j++
				}
				e := NewException(UnicodeEncodeError, MakeStr(name), s.Value(), MakeInt(int64(i)), MakeInt(int64(j)), MakeStr("ordinal not in range("+formatInt(int(limit))+")"))
				_ = unicodeErrorInit(nil, e.Value(), e.args.items, nil)
				return nil, e
			}
		}
		return out, nil
	}
	return nil, Errorf(LookupError, "unknown encoding: %s", encoding)
}

// Decode decodes b with a codec name and error handler.
func Decode(b []byte, encoding, errors string) (string, error) {
	switch normalizeEncoding(encoding) {
	case "utf-8":
		if utf8.Valid(b) {
			return string(b), nil
		}
		var out strings.Builder
		for i := 0; i < len(b); {
			r, size := utf8.DecodeRune(b[i:])
			if r != utf8.RuneError || size > 1 {
				out.WriteRune(r)
				i += size
				continue
			}
			switch errors {
			case "ignore":
			case "replace":
				out.WriteRune(0xfffd)
			case "backslashreplace":
				out.WriteString(`\x`)
				out.WriteByte(hexDigits[b[i]>>4])
				out.WriteByte(hexDigits[b[i]&15])
			case "surrogateescape":
				out.WriteByte(b[i])
			default:
				reason := "invalid start byte"
				if b[i] >= 0xc0 && b[i] < 0xf8 {
					if i+1 >= len(b) {
						reason = "unexpected end of data"
					} else {
						reason = "invalid continuation byte"
					}
				}
				e := NewException(UnicodeDecodeError, MakeStr("utf-8"), NewBytes(append([]byte(nil), b...)).Value(), MakeInt(int64(i)), MakeInt(int64(i+1)), MakeStr(reason))
				_ = unicodeErrorInit(nil, e.Value(), e.args.items, nil)
				return "", e
			}
			i++
		}
		return out.String(), nil
	case "latin-1":
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		return string(rs), nil
	case "ascii":
		var out strings.Builder
		for i, c := range b {
			if c < 128 {
				out.WriteByte(c)
				continue
			}
			switch errors {
			case "ignore":
			case "replace":
				out.WriteRune(0xfffd)
			default:
				e := NewException(UnicodeDecodeError, MakeStr("ascii"), NewBytes(append([]byte(nil), b...)).Value(), MakeInt(int64(i)), MakeInt(int64(i+1)), MakeStr("ordinal not in range(128)"))
				_ = unicodeErrorInit(nil, e.Value(), e.args.items, nil)
				return "", e
			}
		}
		return out.String(), nil
	}
	return "", Errorf(LookupError, "unknown encoding: %s", encoding)
}
