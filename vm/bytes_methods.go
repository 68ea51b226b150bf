package vm

// This file holds the methods of bytes and bytearray, with CPython 3.11's
// argument handling and error messages. Character classes and case
// mappings are ASCII-only, as in CPython.

import (
	"bytes"
	"math"
	"strings"
)

func bytesSelf(args []Value) *Bytes { return bytesLayout.Must(args[0]) }

// bytesLike returns self's kind of object (bytes or bytearray) holding b.
func bytesLike(self *Bytes, b []byte) Value {
	if self.mutable() {
		return NewByteArray(b).Value()
	}
	return NewBytes(b).Value()
}

// bytesKeep returns self when it is an exact bytes holding b, else a new
// object of self's kind.
func bytesKeep(self *Bytes, b []byte) Value {
	if self.typ == BytesType && len(b) == len(self.b) && (len(b) == 0 || &b[0] == &self.b[0]) {
		return self.Value()
	}
	return bytesLike(self, append([]byte(nil), b...))
}

// bytesArg requires a bytes-like object.
func bytesArg(v Value) ([]byte, error) {
	if b, ok := asBytesLike(v); ok {
		return b, nil
	}
	return nil, Errorf(TypeError, "a bytes-like object is required, not '%s'", TypeName(v))
}

// byteSubArg is the needle of find/count/index and 'in': an int in
// range(256) or a bytes-like object.
func byteSubArg(th *Thread, v Value, contains bool) ([]byte, error) {
	if b, ok := asBytesLike(v); ok {
		return b, nil
	}
	if isIntLike(v) || v.Type().Index != nil {
		c, err := byteValue(th, v)
		if err != nil {
			return nil, err
		}
		return []byte{c}, nil
	}
	if contains {
		return nil, Errorf(TypeError, "a bytes-like object is required, not '%s'", TypeName(v))
	}
	return nil, Errorf(TypeError, "argument should be integer or bytes-like object, not '%s'", TypeName(v))
}

func isByteSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
func isByteLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isByteUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isByteAlpha(c byte) bool { return isByteLower(c) || isByteUpper(c) }
func isByteDigit(c byte) bool { return c >= '0' && c <= '9' }

func byteLower(c byte) byte {
	if isByteUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

func byteUpper(c byte) byte {
	if isByteLower(c) {
		return c - ('a' - 'A')
	}
	return c
}

func mapBytes(b []byte, f func(i int, c byte) byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		out[i] = f(i, c)
	}
	return out
}

func bytesMethods(mutable bool) []*BuiltinMethod {
	tname := "bytes"
	if mutable {
		tname = "bytearray"
	}
	method := func(name string, fn BuiltinFn) *BuiltinMethod { return &BuiltinMethod{Name: name, Fn: fn} }
	transform := func(name string, f func(b []byte) []byte) *BuiltinMethod {
		return method(name, func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsNone(tname, name, args[1:], kw); err != nil {
				return Null, err
			}
			return bytesLike(bytesSelf(args), f(bytesSelf(args).b)), nil
		})
	}
	pred := func(name string, f func(b []byte) bool) *BuiltinMethod {
		return method(name, func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsNone(tname, name, args[1:], kw); err != nil {
				return Null, err
			}
			return MakeBool(f(bytesSelf(args).b)), nil
		})
	}
	all := func(f func(c byte) bool) func(b []byte) bool {
		return func(b []byte) bool {
			if len(b) == 0 {
				return false
			}
			for _, c := range b {
				if !f(c) {
					return false
				}
			}
			return true
		}
	}
	find := func(name string, right, raise bool) *BuiltinMethod {
		return method(name, func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsTuple(tname, name, args[1:], kw, 1, 3); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			sub, err := byteSubArg(th, args[1], false)
			if err != nil {
				return Null, err
			}
			start, end, err := adjustIndices(th, args[2:], len(self.b))
			if err != nil {
				return Null, err
			}
			idx := -1
			if start <= len(self.b) && end-start >= len(sub) {
				hay := self.b[start:end]
				if right {
					idx = bytes.LastIndex(hay, sub)
				} else {
					idx = bytes.Index(hay, sub)
				}
				if idx >= 0 {
					idx += start
				}
			}
			if idx < 0 && raise {
				return Null, Errorf(ValueError, "subsection not found")
			}
			return MakeInt(int64(idx)), nil
		})
	}
	startsEnds := func(name string, ends bool) *BuiltinMethod {
		return method(name, func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsTuple(tname, name, args[1:], kw, 1, 3); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			start, end, err := adjustIndices(th, args[2:], len(self.b))
			if err != nil {
				return Null, err
			}
			check := func(p Value) (bool, error) {
				pb, ok := asBytesLike(p)
				if !ok {
					return false, Errorf(TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name, TypeName(p))
				}
				if start > len(self.b) || end-len(pb) < start {
					return false, nil
				}
				if ends {
					return bytes.HasSuffix(self.b[start:end], pb), nil
				}
				return bytes.HasPrefix(self.b[start:end], pb), nil
			}
			if t, ok := AsTuple(args[1]); ok {
				for _, p := range t.items {
					r, err := check(p)
					if err != nil {
						return Null, err
					}
					if r {
						return True, nil
					}
				}
				return False, nil
			}
			r, err := check(args[1])
			if err != nil {
				return Null, err
			}
			return MakeBool(r), nil
		})
	}
	split := func(name string, right bool) *BuiltinMethod {
		return method(name, func(th *Thread, args []Value, kw []Value) (Value, error) {
			sepV, maxV := None, MakeInt(-1)
			if err := argsKeywords(name, args[1:], kw, []string{"sep", "maxsplit"}, 0, &sepV, &maxV); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			maxsplit, err := ssizeArg(th, maxV)
			if err != nil {
				return Null, err
			}
			if maxsplit < 0 {
				maxsplit = len(self.b) + 1
			}
			s := string(self.b)
			var parts []string
			if sepV.IsNone() {
				parts = splitSpace(s, maxsplit, right,
					func(s string) (rune, int) { return rune(s[0]), 1 },
					func(s string) (rune, int) { return rune(s[len(s)-1]), 1 },
					func(r rune) bool { return isByteSpace(byte(r)) })
			} else {
				sep, err := bytesArg(sepV)
				if err != nil {
					return Null, err
				}
				if len(sep) == 0 {
					return Null, Errorf(ValueError, "empty separator")
				}
				parts = splitSep(s, string(sep), maxsplit, right)
			}
			items := make([]Value, len(parts))
			for i, p := range parts {
				items[i] = bytesLike(self, []byte(p))
			}
			return NewList(items).Value(), nil
		})
	}
	strip := func(name string, which int) *BuiltinMethod {
		return method(name, func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsPositional(tname, name, args[1:], kw, 0, 1); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			in := isByteSpace
			if len(args) == 2 && !args[1].IsNone() {
				set, err := bytesArg(args[1])
				if err != nil {
					return Null, err
				}
				in = func(c byte) bool { return bytes.IndexByte(set, c) >= 0 }
			}
			b := self.b
			if which&1 != 0 {
				for len(b) > 0 && in(b[0]) {
					b = b[1:]
				}
			}
			if which&2 != 0 {
				for len(b) > 0 && in(b[len(b)-1]) {
					b = b[:len(b)-1]
				}
			}
			return bytesKeep(self, b), nil
		})
	}
	pad := func(name string) *BuiltinMethod {
		return method(name, func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsPositional(tname, name, args[1:], kw, 1, 2); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			width, err := ssizeArg(th, args[1])
			if err != nil {
				return Null, err
			}
			fill := byte(' ')
			if len(args) == 3 {
				f, ok := AsBytes(args[2])
				if !ok || len(f.b) != 1 {
					return Null, Errorf(TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name, TypeName(args[2]))
				}
				fill = f.b[0]
			}
			if width <= len(self.b) {
				return bytesKeep(self, self.b), nil
			}
			if err := checkAlloc(width); err != nil {
				return Null, err
			}
			n := width - len(self.b)
			left := padSplit(name, n, width)
			out := make([]byte, 0, width)
			out = append(out, bytes.Repeat([]byte{fill}, left)...)
			out = append(out, self.b...)
			out = append(out, bytes.Repeat([]byte{fill}, n-left)...)
			return bytesLike(self, out), nil
		})
	}
	partition := func(name string, right bool) *BuiltinMethod {
		return method(name, func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsOne(tname, name, args[1:], kw); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			sep, err := bytesArg(args[1])
			if err != nil {
				return Null, err
			}
			if len(sep) == 0 {
				return Null, Errorf(ValueError, "empty separator")
			}
			empty := func() Value { return bytesLike(self, []byte{}) }
			var i int
			if right {
				if i = bytes.LastIndex(self.b, sep); i < 0 {
					return NewTuple(empty(), empty(), bytesKeep(self, self.b)).Value(), nil
				}
			} else if i = bytes.Index(self.b, sep); i < 0 {
				return NewTuple(bytesKeep(self, self.b), empty(), empty()).Value(), nil
			}
			sepV := args[1]
			if b, ok := castExact[Bytes](sepV, BytesType); !ok || self.mutable() {
				sepV = bytesLike(self, append([]byte(nil), sep...))
			} else {
				sepV = b.Value()
			}
			return NewTuple(bytesLike(self, append([]byte(nil), self.b[:i]...)), sepV,
				bytesLike(self, append([]byte(nil), self.b[i+len(sep):]...))).Value(), nil
		})
	}
	affix := func(name string, suffix bool) *BuiltinMethod {
		return method(name, func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsOne(tname, name, args[1:], kw); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			p, err := bytesArg(args[1])
			if err != nil {
				return Null, err
			}
			b := self.b
			if suffix && bytes.HasSuffix(b, p) {
				b = b[:len(b)-len(p)]
			} else if !suffix && bytes.HasPrefix(b, p) {
				b = b[len(p):]
			}
			return bytesKeep(self, b), nil
		})
	}
	ms := []*BuiltinMethod{
		method("decode", func(th *Thread, args []Value, kwnames []Value) (Value, error) {
			enc, errs := Null, Null
			if err := argsKeywords("decode", args[1:], kwnames, []string{"encoding", "errors"}, 0, &enc, &errs); err != nil {
				return Null, err
			}
			encoding, errors := "utf-8", "strict"
			if !enc.IsNull() {
				es, ok := AsStr(enc)
				if !ok {
					return Null, Errorf(TypeError, "decode() argument 'encoding' must be str, not %s", TypeName(enc))
				}
				encoding = es.s
			}
			if !errs.IsNull() {
				es, ok := AsStr(errs)
				if !ok {
					return Null, Errorf(TypeError, "decode() argument 'errors' must be str, not %s", TypeName(errs))
				}
				errors = es.s
			}
			r, err := decodeWith(th, bytesSelf(args).b, encoding, errors)
			if err != nil {
				return Null, err
			}
			return MakeStr(r), nil
		}),
		method("hex", func(th *Thread, args []Value, kwnames []Value) (Value, error) {
			sep, per := Null, MakeInt(1)
			if err := argsKeywords("hex", args[1:], kwnames, []string{"sep", "bytes_per_sep"}, 0, &sep, &per); err != nil {
				return Null, err
			}
			s, err := hexString(th, bytesSelf(args).b, sep, per)
			if err != nil {
				return Null, err
			}
			return MakeStr(s), nil
		}),
		{Name: "fromhex", Flags: MethClass, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsOne(tname, "fromhex", args[1:], kw); err != nil {
				return Null, err
			}
			s, ok := AsStr(args[1])
			if !ok {
				return Null, Errorf(TypeError, "fromhex() argument must be str, not %s", TypeName(args[1]))
			}
			out, err := fromHex(s)
			if err != nil {
				return Null, err
			}
			t, _ := AsType(args[0])
			if t == BytesType {
				return NewBytes(out).Value(), nil
			}
			if t == ByteArrayType {
				return NewByteArray(out).Value(), nil
			}
			return Call(th, args[0], []Value{NewBytes(out).Value()}, nil)
		}},
		startsEnds("startswith", false),
		startsEnds("endswith", true),
		find("find", false, false),
		find("rfind", true, false),
		find("index", false, true),
		find("rindex", true, true),
		method("count", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsTuple(tname, "count", args[1:], kw, 1, 3); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			sub, err := byteSubArg(th, args[1], false)
			if err != nil {
				return Null, err
			}
			start, end, err := adjustIndices(th, args[2:], len(self.b))
			if err != nil {
				return Null, err
			}
			if start > len(self.b) || end < start {
				return MakeInt(0), nil
			}
			if len(sub) == 0 {
				return MakeInt(int64(end - start + 1)), nil
			}
			return MakeInt(int64(bytes.Count(self.b[start:end], sub))), nil
		}),
		method("replace", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsPositional(tname, "replace", args[1:], kw, 2, 3); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			old, err := bytesArg(args[1])
			if err != nil {
				return Null, err
			}
			nw, err := bytesArg(args[2])
			if err != nil {
				return Null, err
			}
			n := -1
			if len(args) == 4 {
				if n, err = ssizeArg(th, args[3]); err != nil {
					return Null, err
				}
			}
			if len(old) == 0 {
				if n < 0 || n > len(self.b)+1 {
					n = len(self.b) + 1
				}
				var out []byte
				i := 0
				for ; i < len(self.b) && n > 0; n-- {
					out = append(out, nw...)
					out = append(out, self.b[i])
					i++
				}
				if i == len(self.b) && n > 0 {
					out = append(out, nw...)
				}
				out = append(out, self.b[i:]...)
				return bytesLike(self, out), nil
			}
			return bytesLike(self, bytes.Replace(self.b, old, nw, n)), nil
		}),
		split("split", false),
		split("rsplit", true),
		method("splitlines", func(th *Thread, args []Value, kw []Value) (Value, error) {
			keep := False
			if err := argsKeywords("splitlines", args[1:], kw, []string{"keepends"}, 0, &keep); err != nil {
				return Null, err
			}
			keepends, err := keependsArg(th, keep)
			if err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			b := self.b
			var items []Value
			start := 0
			for i := 0; i < len(b); {
				if b[i] != '\n' && b[i] != '\r' {
					i++
					continue
				}
				eol := i + 1
				if b[i] == '\r' && eol < len(b) && b[eol] == '\n' {
					eol++
				}
				end := i
				if keepends {
					end = eol
				}
				items = append(items, bytesLike(self, append([]byte(nil), b[start:end]...)))
				i, start = eol, eol
			}
			if start < len(b) {
				items = append(items, bytesLike(self, append([]byte(nil), b[start:]...)))
			}
			return NewList(items).Value(), nil
		}),
		partition("partition", false),
		partition("rpartition", true),
		method("join", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsOne(tname, "join", args[1:], kw); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			if args[1].Type().Iter == nil && args[1].Type().GetItem == nil {
				return Null, Errorf(TypeError, "can only join an iterable")
			}
			items, err := SeqToSlice(th, args[1])
			if err != nil {
				return Null, err
			}
			n := 0
			for i, it := range items {
				b, ok := asBytesLike(it)
				if !ok {
					return Null, Errorf(TypeError, "sequence item %d: expected a bytes-like object, %s found", i, TypeName(it))
				}
				n += len(b)
			}
			out := make([]byte, 0, n+len(self.b)*len(items))
			for i, it := range items {
				if i > 0 {
					out = append(out, self.b...)
				}
				b, _ := asBytesLike(it)
				out = append(out, b...)
			}
			return bytesLike(self, out), nil
		}),
		strip("strip", 3),
		strip("lstrip", 1),
		strip("rstrip", 2),
		pad("center"),
		pad("ljust"),
		pad("rjust"),
		method("zfill", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsOne(tname, "zfill", args[1:], kw); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			width, err := ssizeArg(th, args[1])
			if err != nil {
				return Null, err
			}
			if width <= len(self.b) {
				return bytesKeep(self, self.b), nil
			}
			if err := checkAlloc(width); err != nil {
				return Null, err
			}
			n := width - len(self.b)
			out := append(bytes.Repeat([]byte{'0'}, n), self.b...)
			if len(self.b) > 0 && (self.b[0] == '+' || self.b[0] == '-') {
				out[0], out[n] = self.b[0], '0'
			}
			return bytesLike(self, out), nil
		}),
		method("expandtabs", func(th *Thread, args []Value, kw []Value) (Value, error) {
			tab := MakeInt(8)
			if err := argsKeywords("expandtabs", args[1:], kw, []string{"tabsize"}, 0, &tab); err != nil {
				return Null, err
			}
			ts, err := ssizeArg(th, tab)
			if err != nil {
				return Null, err
			}
			if ts > math.MaxInt32 || ts < math.MinInt32 {
				return Null, Errorf(OverflowError, "Python int too large to convert to C int")
			}
			self := bytesSelf(args)
			var out []byte
			col := 0
			for _, c := range self.b {
				switch c {
				case '\t':
					if ts > 0 {
						n := ts - col%ts
						if err := checkAlloc(len(out) + n); err != nil {
							return Null, err
						}
						out = append(out, bytes.Repeat([]byte{' '}, n)...)
						col += n
					}
				case '\n', '\r':
					out = append(out, c)
					col = 0
				default:
					out = append(out, c)
					col++
				}
			}
			return bytesLike(self, out), nil
		}),
		affix("removeprefix", false),
		affix("removesuffix", true),
		transform("upper", func(b []byte) []byte { return mapBytes(b, func(_ int, c byte) byte { return byteUpper(c) }) }),
		transform("lower", func(b []byte) []byte { return mapBytes(b, func(_ int, c byte) byte { return byteLower(c) }) }),
		transform("swapcase", func(b []byte) []byte {
			return mapBytes(b, func(_ int, c byte) byte {
				if isByteUpper(c) {
					return byteLower(c)
				}
				return byteUpper(c)
			})
		}),
		transform("capitalize", func(b []byte) []byte {
			return mapBytes(b, func(i int, c byte) byte {
				if i == 0 {
					return byteUpper(c)
				}
				return byteLower(c)
			})
		}),
		transform("title", func(b []byte) []byte {
			prev := false
			return mapBytes(b, func(_ int, c byte) byte {
				r := c
				if prev {
					r = byteLower(c)
				} else {
					r = byteUpper(c)
				}
				prev = isByteAlpha(c)
				return r
			})
		}),
		pred("isalnum", all(func(c byte) bool { return isByteAlpha(c) || isByteDigit(c) })),
		pred("isalpha", all(isByteAlpha)),
		pred("isdigit", all(isByteDigit)),
		pred("isspace", all(isByteSpace)),
		pred("isascii", func(b []byte) bool {
			for _, c := range b {
				if c >= 0x80 {
					return false
				}
			}
			return true
		}),
		pred("islower", func(b []byte) bool {
			cased := false
			for _, c := range b {
				if isByteUpper(c) {
					return false
				}
				cased = cased || isByteLower(c)
			}
			return cased
		}),
		pred("isupper", func(b []byte) bool {
			cased := false
			for _, c := range b {
				if isByteLower(c) {
					return false
				}
				cased = cased || isByteUpper(c)
			}
			return cased
		}),
		pred("istitle", func(b []byte) bool {
			cased, prev := false, false
			for _, c := range b {
				switch {
				case isByteUpper(c):
					if prev {
						return false
					}
					prev, cased = true, true
				case isByteLower(c):
					if !prev {
						return false
					}
					prev, cased = true, true
				default:
					prev = false
				}
			}
			return cased
		}),
		method("translate", func(th *Thread, args []Value, kw []Value) (Value, error) {
			table, del := Null, Null
			npos := len(args) - 1 - len(kw)
			if npos+len(kw) > 2 {
				return Null, Errorf(TypeError, "translate() takes at most 2 arguments (%d given)", npos+len(kw))
			}
			if npos < 1 {
				return Null, Errorf(TypeError, "translate() takes at least 1 positional argument (%d given)", npos)
			}
			table = args[1]
			if npos == 2 {
				del = args[2]
			}
			for k, kn := range kw {
				name := strLayout.Must(kn).s
				if name != "delete" {
					return Null, Errorf(TypeError, "'%s' is an invalid keyword argument for translate()", name)
				}
				if npos == 2 {
					return Null, Errorf(TypeError, "argument for translate() given by name ('delete') and position (2)")
				}
				del = args[1+npos+k]
			}
			self := bytesSelf(args)
			var tab []byte
			if !table.IsNone() {
				t, err := bytesArg(table)
				if err != nil {
					return Null, err
				}
				if len(t) != 256 {
					return Null, Errorf(ValueError, "translation table must be 256 characters long")
				}
				tab = t
			}
			var delset []byte
			if !del.IsNull() {
				d, err := bytesArg(del)
				if err != nil {
					return Null, err
				}
				delset = d
			}
			out := make([]byte, 0, len(self.b))
			for _, c := range self.b {
				if bytes.IndexByte(delset, c) >= 0 {
					continue
				}
				if tab != nil {
					c = tab[c]
				}
				out = append(out, c)
			}
			return bytesLike(self, out), nil
		}),
		{Name: "maketrans", Flags: MethStatic, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsPositional(tname, "maketrans", args, kw, 2, 2); err != nil {
				return Null, err
			}
			frm, err := bytesArg(args[0])
			if err != nil {
				return Null, err
			}
			to, err := bytesArg(args[1])
			if err != nil {
				return Null, err
			}
			if len(frm) != len(to) {
				return Null, Errorf(ValueError, "maketrans arguments must have same length")
			}
			out := make([]byte, 256)
			for i := range out {
				out[i] = byte(i)
			}
			for i, c := range frm {
				out[c] = to[i]
			}
			return NewBytes(out).Value(), nil
		}},
	}
	if !mutable {
		ms = append(ms,
			method("__getnewargs__", func(th *Thread, args []Value, kw []Value) (Value, error) {
				return NewTuple(NewBytes(append([]byte(nil), bytesSelf(args).b...)).Value()).Value(), nil
			}),
			method("__bytes__", func(th *Thread, args []Value, kw []Value) (Value, error) {
				if err := argsNone(tname, "__bytes__", args[1:], kw); err != nil {
					return Null, err
				}
				self := bytesSelf(args)
				if self.typ == BytesType {
					return self.Value(), nil
				}
				return NewBytes(self.b).Value(), nil
			}),
		)
		return ms
	}
	resize := func(self *Bytes) error { return self.resizable() }
	return append(ms,
		method("append", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsOne(tname, "append", args[1:], kw); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			c, err := byteValue(th, args[1])
			if err != nil {
				return Null, err
			}
			if err := resize(self); err != nil {
				return Null, err
			}
			self.b = append(self.b, c)
			return None, nil
		}),
		method("extend", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsOne(tname, "extend", args[1:], kw); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			var d []byte
			if b, ok := asBytesLike(args[1]); ok {
				d = append([]byte(nil), b...)
			} else {
				if args[1].Type().Iter == nil && args[1].Type().GetItem == nil {
					return Null, Errorf(TypeError, "can't extend bytearray with %s", TypeName(args[1]))
				}
				var err error
				if d, err = bytesOfIterable(th, args[1], "byte must be in range(0, 256)"); err != nil {
					return Null, err
				}
			}
			if len(d) > 0 {
				if err := resize(self); err != nil {
					return Null, err
				}
			}
			self.b = append(self.b, d...)
			return None, nil
		}),
		method("insert", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsPositional(tname, "insert", args[1:], kw, 2, 2); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			i, err := ssizeArg(th, args[1])
			if err != nil {
				return Null, err
			}
			c, err := byteValue(th, args[2])
			if err != nil {
				return Null, err
			}
			if err := resize(self); err != nil {
				return Null, err
			}
			n := len(self.b)
			if i < 0 {
				i = max(i+n, 0)
			}
			i = min(i, n)
			self.b = append(self.b, 0)
			copy(self.b[i+1:], self.b[i:])
			self.b[i] = c
			return None, nil
		}),
		method("pop", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsPositional(tname, "pop", args[1:], kw, 0, 1); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			i := -1
			if len(args) == 2 {
				var err error
				if i, err = ssizeArg(th, args[1]); err != nil {
					return Null, err
				}
			}
			n := len(self.b)
			if n == 0 {
				return Null, Errorf(IndexError, "pop from empty bytearray")
			}
			if i < 0 {
				i += n
			}
			if i < 0 || i >= n {
				return Null, Errorf(IndexError, "pop index out of range")
			}
			if err := resize(self); err != nil {
				return Null, err
			}
			c := self.b[i]
			self.b = append(self.b[:i], self.b[i+1:]...)
			return MakeInt(int64(c)), nil
		}),
		method("remove", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsOne(tname, "remove", args[1:], kw); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			c, err := byteValue(th, args[1])
			if err != nil {
				return Null, err
			}
			i := bytes.IndexByte(self.b, c)
			if i < 0 {
				return Null, Errorf(ValueError, "value not found in bytearray")
			}
			if err := resize(self); err != nil {
				return Null, err
			}
			self.b = append(self.b[:i], self.b[i+1:]...)
			return None, nil
		}),
		method("reverse", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsNone(tname, "reverse", args[1:], kw); err != nil {
				return Null, err
			}
			b := bytesSelf(args).b
			for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
				b[i], b[j] = b[j], b[i]
			}
			return None, nil
		}),
		method("clear", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsNone(tname, "clear", args[1:], kw); err != nil {
				return Null, err
			}
			self := bytesSelf(args)
			if err := resize(self); err != nil {
				return Null, err
			}
			self.b = nil
			return None, nil
		}),
		method("copy", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsNone(tname, "copy", args[1:], kw); err != nil {
				return Null, err
			}
			return NewByteArray(append([]byte(nil), bytesSelf(args).b...)).Value(), nil
		}),
		method("__sizeof__", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if b := bytesSelf(args).b; len(b) > 0 {
				return MakeInt(int64(56 + cap(b) + 1)), nil
			}
			return MakeInt(56), nil
		}),
		method("__alloc__", func(th *Thread, args []Value, kw []Value) (Value, error) {
			b := bytesSelf(args).b
			if len(b) == 0 {
				return MakeInt(0), nil
			}
			return MakeInt(int64(cap(b) + 1)), nil
		}),
		method("__reduce__", func(th *Thread, args []Value, kw []Value) (Value, error) {
			return byteArrayReduce(bytesSelf(args)), nil
		}),
		method("__reduce_ex__", func(th *Thread, args []Value, kw []Value) (Value, error) {
			return byteArrayReduce(bytesSelf(args)), nil
		}),
	)
}

// byteArrayReduce is bytearray.__reduce__: (type, (latin-1 text,
// 'latin-1'), __dict__ or None).
func byteArrayReduce(self *Bytes) Value {
	rs := make([]rune, len(self.b))
	for i, c := range self.b {
		rs[i] = rune(c)
	}
	state := None
	if d := self.dict; d != nil && d.Len() > 0 {
		state = d.Value()
	}
	var args Value
	if len(self.b) == 0 {
		args = NewTuple().Value()
	} else {
		args = NewTuple(MakeStr(string(rs)), MakeStr("latin-1")).Value()
	}
	return NewTuple(self.typ.Value(), args, state).Value()
}

// hexString is bytes.hex(sep, bytes_per_sep): sep goes between groups of
// bytes_per_sep bytes counted from the right (from the left when
// negative).
func hexString(th *Thread, b []byte, sepV, perV Value) (string, error) {
	var sep byte
	if !sepV.IsNull() {
		var sb []byte
		switch {
		case isStrValue(sepV):
			s := strLayout.Must(sepV)
			if s.nchars != 1 {
				return "", Errorf(ValueError, "sep must be length 1.")
			}
			if !s.ascii {
				return "", Errorf(ValueError, "sep must be ASCII.")
			}
			sb = []byte(s.s)
		default:
			x, ok := asBytesLike(sepV)
			if !ok {
				return "", Errorf(TypeError, "object of type '%s' has no len()", TypeName(sepV))
			}
			if len(x) != 1 {
				return "", Errorf(ValueError, "sep must be length 1.")
			}
			if x[0] >= 0x80 {
				return "", Errorf(ValueError, "sep must be ASCII.")
			}
			sb = x
		}
		sep = sb[0]
	}
	per, err := ssizeArg(th, perV)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	out.Grow(len(b) * 3)
	n := len(b)
	group := per
	if group < 0 {
		group = -group
	}
	for i, c := range b {
		if i > 0 && sep != 0 && group > 0 {
			var boundary bool
			if per > 0 {
				boundary = (n-i)%group == 0
			} else {
				boundary = i%group == 0
			}
			if boundary {
				out.WriteByte(sep)
			}
		}
		out.WriteByte(hexDigits[c>>4])
		out.WriteByte(hexDigits[c&15])
	}
	return out.String(), nil
}

func isStrValue(v Value) bool { _, ok := AsStr(v); return ok }

// fromHex is bytes.fromhex: pairs of hex digits, ASCII whitespace allowed
// between pairs.
func fromHex(s *Str) ([]byte, error) {
	rs := []rune(s.s)
	if s.ascii {
		rs = nil
	} else {
		rs = s.Runes()
	}
	n := s.nchars
	at := func(i int) rune {
		if rs == nil {
			return rune(s.s[i])
		}
		return rs[i]
	}
	hexOf := func(r rune) int {
		if r >= 0x80 {
			return -1
		}
		return hexVal(byte(r))
	}
	out := make([]byte, 0, n/2)
	for i := 0; i < n; {
		if r := at(i); r < 0x80 && isByteSpace(byte(r)) {
			i++
			continue
		}
		top := hexOf(at(i))
		if top < 0 {
			return nil, Errorf(ValueError, "non-hexadecimal number found in fromhex() arg at position %d", i)
		}
		if i+1 >= n {
			return nil, Errorf(ValueError, "non-hexadecimal number found in fromhex() arg at position %d", i+1)
		}
		bot := hexOf(at(i + 1))
		if bot < 0 {
			return nil, Errorf(ValueError, "non-hexadecimal number found in fromhex() arg at position %d", i+1)
		}
		out = append(out, byte(top<<4|bot))
		i += 2
	}
	return out, nil
}
