package vm

// This file holds str's type object and methods.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func concatStr(a, b *Str) Value {
	if a.nchars == 0 {
		return b.Value()
	}
	if b.nchars == 0 {
		return a.Value()
	}
	s := &Str{s: a.s + b.s, hash: -1, nchars: a.nchars + b.nchars, ascii: a.ascii && b.ascii}
	s.typ = StrType
	return s.Value()
}

func compareStrings(a, b string, op CompareOp) bool {
	// UTF-8 byte order is code point order, so this is Python's order.
	switch op {
	case CmpLT:
		return a < b
	case CmpLE:
		return a <= b
	case CmpEQ:
		return a == b
	case CmpNE:
		return a != b
	case CmpGT:
		return a > b
	}
	return a >= b
}

// joinStrs concatenates str values (BUILD_STRING).
func joinStrs(parts []Value) Value {
	n := 0
	for _, p := range parts {
		n += len(strLayout.Must(p).s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range parts {
		b.WriteString(strLayout.Must(p).s)
	}
	return MakeStr(b.String())
}

func strArg(args []Value, i int, fn string) (*Str, error) {
	if i >= len(args) {
		return nil, Errorf(TypeError, "%s() missing required argument", fn)
	}
	s, ok := AsStr(args[i])
	if !ok {
		return nil, Errorf(TypeError, "%s() argument must be str, not %s", fn, TypeName(args[i]))
	}
	return s, nil
}

func strNew(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	var obj, encoding, errors Value = Null, Null, Null
	if err := UnpackArgs("str", args, kwnames, "object?", &obj, "encoding?", &encoding, "errors?", &errors); err != nil {
		return Null, err
	}
	var s string
	switch {
	case obj.IsNull():
		s = ""
	case !encoding.IsNull() || !errors.IsNull():
		b, ok := asBytesLike(obj)
		if !ok {
			if _, isStr := AsStr(obj); isStr {
				return Null, Errorf(TypeError, "decoding str is not supported")
			}
			return Null, Errorf(TypeError, "decoding to str: need a bytes-like object, %s found", TypeName(obj))
		}
		enc, errs := "utf-8", "strict"
		if !encoding.IsNull() {
			es, ok := AsStr(encoding)
			if !ok {
				return Null, Errorf(TypeError, "str() argument 'encoding' must be str, not %s", TypeName(encoding))
			}
			enc = es.s
		}
		if !errors.IsNull() {
			es, ok := AsStr(errors)
			if !ok {
				return Null, Errorf(TypeError, "str() argument 'errors' must be str, not %s", TypeName(errors))
			}
			errs = es.s
		}
		r, err := Decode(b, enc, errs)
		if err != nil {
			return Null, err
		}
		s = r
	default:
		r, err := StrOf(th, obj)
		if err != nil {
			return Null, err
		}
		if t == StrType {
			return r.Value(), nil
		}
		s = r.s
	}
	if t == StrType {
		return MakeStr(s), nil
	}
	obj2 := strLayout.New(t)
	obj2.s = s
	obj2.hash = -1
	obj2.nchars, obj2.ascii = countChars(s)
	return obj2.Value(), nil
}

func strGetItem(th *Thread, v, key Value) (Value, error) {
	s := strLayout.Must(v)
	if key.IsSmallInt() {
		i := key.SmallInt()
		n := int64(s.nchars)
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Null, Errorf(IndexError, "string index out of range")
		}
		return charStr(s.At(int(i))).Value(), nil
	}
	if sl, ok := AsSlice(key); ok {
		start, stop, step, n, err := sl.Indices(th, s.nchars)
		if err != nil {
			return Null, err
		}
		if step == 1 {
			if n <= 0 {
				return emptyStr.Value(), nil
			}
			if n == s.nchars && s.typ == StrType {
				return v, nil
			}
			return MakeStr(s.Slice(start, start+n)), nil
		}
		var b strings.Builder
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			b.WriteRune(s.At(j))
		}
		_ = stop
		return MakeStr(b.String()), nil
	}
	i, err := indexArg(th, key, "string")
	if err != nil {
		return Null, err
	}
	return strGetItem(th, v, MakeInt(int64(i)))
}

// strIter iterates the characters of a str.
type strIter struct {
	Object
	s   *Str
	pos int // byte offset
}

var strIterLayout = NewLayout[strIter]("str_ascii_iterator")

func initStrType() {
	initBuiltinType(StrType, TypeSpec{
		Name: "str", Layout: strLayout.info,
		Doc: "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str",
		Slots: Slots{
			New:  strNew,
			Repr: func(th *Thread, v Value) (Value, error) { return MakeStr(StrRepr(strLayout.Must(v).s)), nil },
			Str: func(th *Thread, v Value) (Value, error) {
				s := strLayout.Must(v)
				if s.typ == StrType {
					return v, nil
				}
				return MakeStr(s.s), nil
			},
			Hash: func(th *Thread, v Value) (int64, error) { return strLayout.Must(v).Hash(), nil },
			Compare: func(th *Thread, a, b Value, op CompareOp) (Value, error) {
				sa := strLayout.Must(a)
				sb, ok := AsStr(b)
				if !ok {
					return NotImplemented, nil
				}
				return MakeBool(compareStrings(sa.s, sb.s, op)), nil
			},
			Len:     func(th *Thread, v Value) (int, error) { return strLayout.Must(v).nchars, nil },
			GetItem: strGetItem,
			Contains: func(th *Thread, v, x Value) (bool, error) {
				sub, ok := AsStr(x)
				if !ok {
					return false, Errorf(TypeError, "'in <string>' requires string as left operand, not %s", TypeName(x))
				}
				return strings.Contains(strLayout.Must(v).s, sub.s), nil
			},
			Iter: func(th *Thread, v Value) (Value, error) {
				it := &strIter{s: strLayout.Must(v)}
				it.typ = StrIterType
				return it.Value(), nil
			},
			Binary: [numBinaryOps]func(*Thread, Value, Value) (Value, error){
				OpAdd: func(th *Thread, a, b Value) (Value, error) {
					sa, ok1 := AsStr(a)
					sb, ok2 := AsStr(b)
					if !ok1 || !ok2 {
						if ok1 {
							return Null, Errorf(TypeError, "can only concatenate str (not \"%s\") to str", TypeName(b))
						}
						return NotImplemented, nil
					}
					return concatStr(sa, sb), nil
				},
				OpMul: func(th *Thread, a, b Value) (Value, error) {
					s, n := a, b
					if _, ok := AsStr(s); !ok {
						s, n = b, a
					}
					str, ok := AsStr(s)
					if !ok {
						return NotImplemented, nil
					}
					if !isIntLike(n) && n.Type().Index == nil {
						return Null, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", TypeName(n))
					}
					count, err := AsIndex(th, n)
					if err != nil {
						return Null, err
					}
					if count <= 0 {
						return emptyStr.Value(), nil
					}
					if int64(len(str.s))*int64(count) > 1<<34 {
						return Null, Errorf(MemoryError, "")
					}
					return MakeStr(strings.Repeat(str.s, count)), nil
				},
				OpMod: func(th *Thread, a, b Value) (Value, error) {
					s, ok := AsStr(a)
					if !ok {
						return NotImplemented, nil
					}
					r, err := PercentFormat(th, s.s, b)
					if err != nil {
						return Null, err
					}
					return MakeStr(r), nil
				},
			},
		},
		Methods: strMethods(),
	})
	initBuiltinType(StrIterType, TypeSpec{
		Name: "str_ascii_iterator", Layout: strIterLayout.info, Final: true,
		Slots: Slots{
			Iter: func(th *Thread, v Value) (Value, error) { return v, nil },
			Next: func(th *Thread, v Value) (Value, error) {
				it := strIterLayout.Must(v)
				if it.pos >= len(it.s.s) {
					return Null, nil
				}
				c := it.s.s[it.pos]
				if c < utf8.RuneSelf {
					it.pos++
					return charStrs[c].Value(), nil
				}
				r, size := utf8.DecodeRuneInString(it.s.s[it.pos:])
				it.pos += size
				return charStr(r).Value(), nil
			},
		},
	})
}

func strMethods() []*BuiltinMethod {
	self := func(args []Value) *Str { return strLayout.Must(args[0]) }
	noArgs := func(name string, f func(s string) string) *BuiltinMethod {
		return &BuiltinMethod{Name: name, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) != 1 || len(kw) > 0 {
				return Null, Errorf(TypeError, "str.%s() takes no arguments (%d given)", name, len(args)-1)
			}
			return MakeStr(f(self(args).s)), nil
		}}
	}
	pred := func(name string, f func(s string) bool) *BuiltinMethod {
		return &BuiltinMethod{Name: name, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) != 1 || len(kw) > 0 {
				return Null, Errorf(TypeError, "str.%s() takes no arguments (%d given)", name, len(args)-1)
			}
			return MakeBool(f(self(args).s)), nil
		}}
	}
	all := func(s string, f func(r rune) bool) bool {
		if s == "" {
			return false
		}
		for _, r := range s {
			if !f(r) {
				return false
			}
		}
		return true
	}
	return []*BuiltinMethod{
		noArgs("upper", strUpper),
		noArgs("lower", strLower),
		noArgs("casefold", strLower),
		noArgs("swapcase", func(s string) string {
			var b strings.Builder
			for _, r := range s {
				switch {
				case unicode.IsUpper(r):
					b.WriteString(strLower(string(r)))
				case unicode.IsLower(r):
					b.WriteString(strUpper(string(r)))
				default:
					b.WriteRune(r)
				}
			}
			return b.String()
		}),
		noArgs("title", strTitle),
		noArgs("capitalize", func(s string) string {
			if s == "" {
				return s
			}
			r, size := utf8.DecodeRuneInString(s)
			return string(unicode.ToTitle(r)) + strLower(s[size:])
		}),
		pred("isdigit", func(s string) bool {
			return all(s, func(r rune) bool { return unicodeDigitValue(r) >= 0 || isSuperDigit(r) })
		}),
		pred("isdecimal", func(s string) bool { return all(s, func(r rune) bool { return unicodeDigitValue(r) >= 0 }) }),
		pred("isnumeric", func(s string) bool {
			return all(s, func(r rune) bool { return unicode.IsNumber(r) || unicode.Is(unicode.Han, r) && isHanNumeric(r) })
		}),
		pred("isalpha", func(s string) bool { return all(s, unicode.IsLetter) }),
		pred("isalnum", func(s string) bool {
			return all(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) })
		}),
		pred("isspace", func(s string) bool { return all(s, isPySpace) }),
		pred("isascii", func(s string) bool {
			for i := 0; i < len(s); i++ {
				if s[i] >= 0x80 {
					return false
				}
			}
			return true
		}),
		pred("isprintable", func(s string) bool {
			for _, r := range s {
				if !isPrintable(r) {
					return false
				}
			}
			return true
		}),
		pred("isupper", func(s string) bool {
			cased := false
			for _, r := range s {
				if unicode.IsLower(r) || unicode.IsTitle(r) {
					return false
				}
				if unicode.IsUpper(r) {
					cased = true
				}
			}
			return cased
		}),
		pred("islower", func(s string) bool {
			cased := false
			for _, r := range s {
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
					return false
				}
				if unicode.IsLower(r) {
					cased = true
				}
			}
			return cased
		}),
		pred("istitle", func(s string) bool {
			cased, prevCased := false, false
			for _, r := range s {
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
					if prevCased {
						return false
					}
					prevCased, cased = true, true
				} else if unicode.IsLower(r) {
					if !prevCased {
						return false
					}
					prevCased, cased = true, true
				} else {
					prevCased = false
				}
			}
			return cased
		}),
		pred("isidentifier", IsIdentifier),
		{Name: "join", Fn: strJoin},
		{Name: "split", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return strSplit(th, args, kw, false) }},
		{Name: "rsplit", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return strSplit(th, args, kw, true) }},
		{Name: "splitlines", Fn: strSplitlines},
		{Name: "strip", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return strStrip(args, 3, "strip") }},
		{Name: "lstrip", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return strStrip(args, 1, "lstrip") }},
		{Name: "rstrip", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return strStrip(args, 2, "rstrip") }},
		{Name: "startswith", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return strStartsEnds(th, args, false) }},
		{Name: "endswith", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return strStartsEnds(th, args, true) }},
		{Name: "find", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return strFind(th, args, "find", false, false)
		}},
		{Name: "rfind", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return strFind(th, args, "rfind", true, false)
		}},
		{Name: "index", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return strFind(th, args, "index", false, true)
		}},
		{Name: "rindex", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return strFind(th, args, "rindex", true, true)
		}},
		{Name: "count", Fn: strCount},
		{Name: "replace", Fn: strReplace},
		{Name: "center", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return strPad(th, args, "center") }},
		{Name: "ljust", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return strPad(th, args, "ljust") }},
		{Name: "rjust", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return strPad(th, args, "rjust") }},
		{Name: "zfill", Fn: strZfill},
		{Name: "partition", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return strPartition(args, false) }},
		{Name: "rpartition", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return strPartition(args, true) }},
		{Name: "removeprefix", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			p, err := strArg(args, 1, "removeprefix")
			if err != nil {
				return Null, err
			}
			return MakeStr(strings.TrimPrefix(self(args).s, p.s)), nil
		}},
		{Name: "removesuffix", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			p, err := strArg(args, 1, "removesuffix")
			if err != nil {
				return Null, err
			}
			return MakeStr(strings.TrimSuffix(self(args).s, p.s)), nil
		}},
		{Name: "expandtabs", Fn: strExpandTabs},
		{Name: "encode", Fn: strEncode},
		{Name: "format", Fn: StrFormatMethod},
		{Name: "format_map", Fn: StrFormatMapMethod},
		{Name: "__format__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) != 2 {
				return Null, Errorf(TypeError, "__format__ expects 1 argument")
			}
			spec, ok := AsStr(args[1])
			if !ok {
				return Null, Errorf(TypeError, "format spec must be a str")
			}
			r, err := FormatStr(th, self(args).s, spec.s)
			if err != nil {
				return Null, err
			}
			return MakeStr(r), nil
		}},
		{Name: "maketrans", Flags: MethStatic, Fn: strMakeTrans},
		{Name: "translate", Fn: strTranslate},
		{Name: "__getnewargs__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return NewTuple(MakeStr(self(args).s)).Value(), nil
		}},
		{Name: "__sizeof__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			s := self(args)
			if s.ascii {
				return MakeInt(int64(49 + len(s.s))), nil
			}
			return MakeInt(int64(74 + 4*s.nchars)), nil
		}},
	}
}

func strUpper(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'ß':
			b.WriteString("SS")
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

func strLower(s string) string { return strings.ToLower(s) }

func strTitle(s string) string {
	var b strings.Builder
	prevCased := false
	for _, r := range s {
		if prevCased {
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteRune(unicode.ToTitle(r))
		}
		prevCased = unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r)
	}
	return b.String()
}

// isPySpace is str.isspace's notion of whitespace (also split()'s).
func isPySpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x1f, 0x85:
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

func isSuperDigit(r rune) bool {
	switch r {
	case '²', '³', '¹', '⁰', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
		return true
	}
	return r >= 0x2460 && r <= 0x2468
}

func isHanNumeric(r rune) bool {
	return strings.ContainsRune("〇一二三四五六七八九十百千万亿", r)
}

// unicodeDigitValue is the decimal value of a Unicode decimal digit (Nd),
// or -1.
func unicodeDigitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r < 0x80 || !unicode.Is(unicode.Nd, r) {
		return -1
	}
	// Decimal digits come in contiguous runs of ten starting at a zero.
	z := r
	for unicode.Is(unicode.Nd, z-1) && r-z < 9 {
		z--
	}
	return int(r-z) % 10
}

// IsIdentifier is str.isidentifier.
func IsIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) {
			continue
		}
		if i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r) || unicode.Is(unicode.Nd, r)) {
			continue
		}
		return false
	}
	return true
}

func strJoin(th *Thread, args []Value, kw []Value) (Value, error) {
	if len(args) != 2 {
		return Null, Errorf(TypeError, "str.join() takes exactly one argument (%d given)", len(args)-1)
	}
	sep := strLayout.Must(args[0])
	var items []Value
	if l, ok := castExact[List](args[1], ListType); ok {
		items = l.items
	} else if t, ok := castExact[Tuple](args[1], TupleType); ok {
		items = t.items
	} else {
		var err error
		items, err = SeqToSlice(th, args[1])
		if err != nil {
			if AsException(err).Matches(TypeError) && args[1].Type().Iter == nil && args[1].Type().GetItem == nil {
				return Null, Errorf(TypeError, "can only join an iterable")
			}
			return Null, err
		}
	}
	n := 0
	for i, it := range items {
		s, ok := AsStr(it)
		if !ok {
			return Null, Errorf(TypeError, "sequence item %d: expected str instance, %s found", i, TypeName(it))
		}
		n += len(s.s)
	}
	var b strings.Builder
	b.Grow(n + len(sep.s)*len(items))
	for i, it := range items {
		if i > 0 {
			b.WriteString(sep.s)
		}
		b.WriteString(strLayout.Must(it).s)
	}
	return MakeStr(b.String()), nil
}

func strSplit(th *Thread, args []Value, kwnames []Value, right bool) (Value, error) {
	var self, sepV, maxV Value = Null, None, MakeInt(-1)
	name := "split"
	if right {
		name = "rsplit"
	}
	if err := UnpackArgs(name, args, kwnames, "self", &self, "sep?", &sepV, "maxsplit?", &maxV); err != nil {
		return Null, err
	}
	s := strLayout.Must(self).s
	maxsplit, err := AsInt64(th, maxV)
	if err != nil {
		return Null, err
	}
	var parts []string
	if sepV.IsNone() {
		parts = splitWhitespace(s, int(maxsplit), right)
	} else {
		sep, ok := AsStr(sepV)
		if !ok {
			return Null, Errorf(TypeError, "must be str or None, not %s", TypeName(sepV))
		}
		if sep.s == "" {
			return Null, Errorf(ValueError, "empty separator")
		}
		if maxsplit < 0 {
			parts = strings.Split(s, sep.s)
		} else if !right {
			parts = strings.SplitN(s, sep.s, int(maxsplit)+1)
		} else {
			parts = rsplitN(s, sep.s, int(maxsplit))
		}
	}
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = MakeStr(p)
	}
	return NewList(items).Value(), nil
}

func rsplitN(s, sep string, n int) []string {
	var out []string
	for n > 0 {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			break
		}
		out = append(out, s[i+len(sep):])
		s = s[:i]
		n--
	}
	out = append(out, s)
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func splitWhitespace(s string, maxsplit int, right bool) []string {
	runes := []rune(s)
	var out []string
	if !right {
		i := 0
		for i < len(runes) {
			for i < len(runes) && isPySpace(runes[i]) {
				i++
			}
			if i >= len(runes) {
				break
			}
			if maxsplit >= 0 && len(out) == maxsplit {
				j := len(runes)
				for j > i && isPySpace(runes[j-1]) {
					j--
				}
				out = append(out, string(runes[i:j]))
				return out
			}
			j := i
			for j < len(runes) && !isPySpace(runes[j]) {
				j++
			}
			out = append(out, string(runes[i:j]))
			i = j
		}
		return out
	}
	i := len(runes)
	for i > 0 {
		for i > 0 && isPySpace(runes[i-1]) {
			i--
		}
		if i <= 0 {
			break
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			j := 0
			for j < i && isPySpace(runes[j]) {
				j++
			}
			out = append(out, string(runes[j:i]))
			break
		}
		j := i
		for j > 0 && !isPySpace(runes[j-1]) {
			j--
		}
		out = append(out, string(runes[j:i]))
		i = j
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

func strSplitlines(th *Thread, args []Value, kwnames []Value) (Value, error) {
	var self, keep Value = Null, False
	if err := UnpackArgs("splitlines", args, kwnames, "self", &self, "keepends?", &keep); err != nil {
		return Null, err
	}
	keepends, err := Truth(th, keep)
	if err != nil {
		return Null, err
	}
	runes := []rune(strLayout.Must(self).s)
	var items []Value
	start := 0
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		eol := 0
		switch r {
		case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			eol = 1
		case '\r':
			eol = 1
			if i+1 < len(runes) && runes[i+1] == '\n' {
				eol = 2
			}
		}
		if eol == 0 {
			continue
		}
		end := i
		if keepends {
			end = i + eol
		}
		items = append(items, MakeStr(string(runes[start:end])))
		i += eol - 1
		start = i + 1
	}
	if start < len(runes) {
		items = append(items, MakeStr(string(runes[start:])))
	}
	return NewList(items).Value(), nil
}

func strStrip(args []Value, which int, name string) (Value, error) {
	s := strLayout.Must(args[0]).s
	if len(args) > 2 {
		return Null, Errorf(TypeError, "%s expected at most 1 argument, got %d", name, len(args)-1)
	}
	if len(args) == 1 || args[1].IsNone() {
		f := func(r rune) bool { return isPySpace(r) }
		if which&1 != 0 {
			s = strings.TrimLeftFunc(s, f)
		}
		if which&2 != 0 {
			s = strings.TrimRightFunc(s, f)
		}
		return MakeStr(s), nil
	}
	chars, ok := AsStr(args[1])
	if !ok {
		return Null, Errorf(TypeError, "%s arg must be None or str", name)
	}
	if which&1 != 0 {
		s = strings.TrimLeft(s, chars.s)
	}
	if which&2 != 0 {
		s = strings.TrimRight(s, chars.s)
	}
	return MakeStr(s), nil
}

// sliceArgs normalises optional start/end arguments over a length n.
func sliceArgs(th *Thread, args []Value, n int) (int, int, error) {
	start, end := 0, n
	if len(args) > 0 && !args[0].IsNone() {
		v, err := sliceIndexArg(th, args[0])
		if err != nil {
			return 0, 0, err
		}
		start = v
	}
	if len(args) > 1 && !args[1].IsNone() {
		v, err := sliceIndexArg(th, args[1])
		if err != nil {
			return 0, 0, err
		}
		end = v
	}
	if start < 0 {
		start += n
		if start < 0 {
			start = 0
		}
	}
	if end < 0 {
		end += n
		if end < 0 {
			end = 0
		}
	}
	if end > n {
		end = n
	}
	return start, end, nil
}

func strStartsEnds(th *Thread, args []Value, ends bool) (Value, error) {
	name := "startswith"
	if ends {
		name = "endswith"
	}
	if len(args) < 2 || len(args) > 4 {
		return Null, Errorf(TypeError, "%s expected at least 1 argument, got %d", name, len(args)-1)
	}
	s := strLayout.Must(args[0])
	start, end, err := sliceArgs(th, args[2:], s.nchars)
	if err != nil {
		return Null, err
	}
	if start > s.nchars {
		return False, nil
	}
	sub := ""
	if end >= start {
		sub = s.Slice(start, end)
	} else {
		sub = ""
		if start > end {
			return False, nil
		}
	}
	check := func(p Value) (bool, error) {
		ps, ok := AsStr(p)
		if !ok {
			return false, Errorf(TypeError, "%s first arg must be str or a tuple of str, not %s", name, TypeName(p))
		}
		if ends {
			return strings.HasSuffix(sub, ps.s), nil
		}
		return strings.HasPrefix(sub, ps.s), nil
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
	return MakeBool(r), err
}

func strFind(th *Thread, args []Value, name string, right, raise bool) (Value, error) {
	if len(args) < 2 || len(args) > 4 {
		return Null, Errorf(TypeError, "%s expected at least 1 argument, got %d", name, len(args)-1)
	}
	s := strLayout.Must(args[0])
	sub, ok := AsStr(args[1])
	if !ok {
		return Null, Errorf(TypeError, "must be str, not %s", TypeName(args[1]))
	}
	start, end, err := sliceArgs(th, args[2:], s.nchars)
	if err != nil {
		return Null, err
	}
	idx := -1
	if start <= end && start <= s.nchars {
		hay := s.Slice(start, end)
		var bi int
		if right {
			bi = strings.LastIndex(hay, sub.s)
		} else {
			bi = strings.Index(hay, sub.s)
		}
		if bi >= 0 {
			idx = start + utf8.RuneCountInString(hay[:bi])
		}
	}
	if idx < 0 && raise {
		return Null, Errorf(ValueError, "substring not found")
	}
	return MakeInt(int64(idx)), nil
}

func strCount(th *Thread, args []Value, kw []Value) (Value, error) {
	if len(args) < 2 || len(args) > 4 {
		return Null, Errorf(TypeError, "count expected at least 1 argument, got %d", len(args)-1)
	}
	s := strLayout.Must(args[0])
	sub, ok := AsStr(args[1])
	if !ok {
		return Null, Errorf(TypeError, "must be str, not %s", TypeName(args[1]))
	}
	start, end, err := sliceArgs(th, args[2:], s.nchars)
	if err != nil {
		return Null, err
	}
	if start > end || start > s.nchars {
		return MakeInt(0), nil
	}
	hay := s.Slice(start, end)
	if sub.s == "" {
		return MakeInt(int64(utf8.RuneCountInString(hay) + 1)), nil
	}
	return MakeInt(int64(strings.Count(hay, sub.s))), nil
}

func strReplace(th *Thread, args []Value, kw []Value) (Value, error) {
	if len(args) < 3 || len(args) > 4 {
		return Null, Errorf(TypeError, "replace expected at least 2 arguments, got %d", len(args)-1)
	}
	s := strLayout.Must(args[0])
	old, ok := AsStr(args[1])
	if !ok {
		return Null, Errorf(TypeError, "replace() argument 1 must be str, not %s", TypeName(args[1]))
	}
	nw, ok := AsStr(args[2])
	if !ok {
		return Null, Errorf(TypeError, "replace() argument 2 must be str, not %s", TypeName(args[2]))
	}
	n := -1
	if len(args) == 4 {
		c, err := AsInt64(th, args[3])
		if err != nil {
			return Null, err
		}
		n = int(c)
	}
	return MakeStr(strings.Replace(s.s, old.s, nw.s, n)), nil
}

func strPad(th *Thread, args []Value, kind string) (Value, error) {
	if len(args) < 2 || len(args) > 3 {
		return Null, Errorf(TypeError, "%s expected at least 1 argument, got %d", kind, len(args)-1)
	}
	s := strLayout.Must(args[0])
	width, err := AsIndex(th, args[1])
	if err != nil {
		return Null, err
	}
	fill := " "
	if len(args) == 3 {
		f, ok := AsStr(args[2])
		if !ok || f.nchars != 1 {
			return Null, Errorf(TypeError, "The fill character must be exactly one character long")
		}
		fill = f.s
	}
	pad := width - s.nchars
	if pad <= 0 {
		return args[0], nil
	}
	switch kind {
	case "ljust":
		return MakeStr(s.s + strings.Repeat(fill, pad)), nil
	case "rjust":
		return MakeStr(strings.Repeat(fill, pad) + s.s), nil
	}
	left := pad/2 + (pad & width & 1)
	return MakeStr(strings.Repeat(fill, left) + s.s + strings.Repeat(fill, pad-left)), nil
}

func strZfill(th *Thread, args []Value, kw []Value) (Value, error) {
	if len(args) != 2 {
		return Null, Errorf(TypeError, "zfill() takes exactly one argument (%d given)", len(args)-1)
	}
	s := strLayout.Must(args[0])
	width, err := AsIndex(th, args[1])
	if err != nil {
		return Null, err
	}
	pad := width - s.nchars
	if pad <= 0 {
		return MakeStr(s.s), nil
	}
	if s.s != "" && (s.s[0] == '+' || s.s[0] == '-') {
		return MakeStr(s.s[:1] + strings.Repeat("0", pad) + s.s[1:]), nil
	}
	return MakeStr(strings.Repeat("0", pad) + s.s), nil
}

func strPartition(args []Value, right bool) (Value, error) {
	if len(args) != 2 {
		return Null, Errorf(TypeError, "partition() takes exactly one argument (%d given)", len(args)-1)
	}
	s := strLayout.Must(args[0]).s
	sep, ok := AsStr(args[1])
	if !ok {
		return Null, Errorf(TypeError, "must be str, not %s", TypeName(args[1]))
	}
	if sep.s == "" {
		return Null, Errorf(ValueError, "empty separator")
	}
	var i int
	if right {
		i = strings.LastIndex(s, sep.s)
		if i < 0 {
			return NewTuple(emptyStr.Value(), emptyStr.Value(), MakeStr(s)).Value(), nil
		}
	} else {
		i = strings.Index(s, sep.s)
		if i < 0 {
			return NewTuple(MakeStr(s), emptyStr.Value(), emptyStr.Value()).Value(), nil
		}
	}
	return NewTuple(MakeStr(s[:i]), sep.Value(), MakeStr(s[i+len(sep.s):])).Value(), nil
}

func strExpandTabs(th *Thread, args []Value, kwnames []Value) (Value, error) {
	var self, tab Value = Null, MakeInt(8)
	if err := UnpackArgs("expandtabs", args, kwnames, "self", &self, "tabsize?", &tab); err != nil {
		return Null, err
	}
	ts, err := AsInt64(th, tab)
	if err != nil {
		return Null, err
	}
	var b strings.Builder
	col := 0
	for _, r := range strLayout.Must(self).s {
		switch r {
		case '\t':
			if ts > 0 {
				n := int(ts) - col%int(ts)
				b.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return MakeStr(b.String()), nil
}

func strEncode(th *Thread, args []Value, kwnames []Value) (Value, error) {
	var self, enc, errs Value = Null, MakeStr("utf-8"), MakeStr("strict")
	if err := UnpackArgs("encode", args, kwnames, "self", &self, "encoding?", &enc, "errors?", &errs); err != nil {
		return Null, err
	}
	es, ok := AsStr(enc)
	if !ok {
		return Null, Errorf(TypeError, "encode() argument 'encoding' must be str, not %s", TypeName(enc))
	}
	ers, ok := AsStr(errs)
	if !ok {
		return Null, Errorf(TypeError, "encode() argument 'errors' must be str, not %s", TypeName(errs))
	}
	b, err := Encode(strLayout.Must(self), es.s, ers.s)
	if err != nil {
		return Null, err
	}
	return NewBytes(b).Value(), nil
}

func strMakeTrans(th *Thread, args []Value, kw []Value) (Value, error) {
	d := NewDict()
	switch len(args) {
	case 1:
		src, ok := AsDict(args[0])
		if !ok {
			return Null, Errorf(TypeError, "if you give only one argument to maketrans it must be a dict")
		}
		keys, vals := src.Items()
		for i, k := range keys {
			if s, ok := AsStr(k); ok {
				if s.nchars != 1 {
					return Null, Errorf(ValueError, "string keys in translate table must be of length 1")
				}
				k = MakeInt(int64(s.At(0)))
			}
			if err := d.Set(th, k, vals[i]); err != nil {
				return Null, err
			}
		}
	case 2, 3:
		x, ok1 := AsStr(args[0])
		y, ok2 := AsStr(args[1])
		if !ok1 || !ok2 {
			return Null, Errorf(TypeError, "maketrans() argument must be str")
		}
		if x.nchars != y.nchars {
			return Null, Errorf(ValueError, "the first two maketrans arguments must have equal length")
		}
		xr, yr := x.Runes(), y.Runes()
		for i := range xr {
			_ = d.Set(th, MakeInt(int64(xr[i])), MakeInt(int64(yr[i])))
		}
		if len(args) == 3 {
			z, ok := AsStr(args[2])
			if !ok {
				return Null, Errorf(TypeError, "maketrans() argument 3 must be str")
			}
			for _, r := range z.s {
				_ = d.Set(th, MakeInt(int64(r)), None)
			}
		}
	default:
		return Null, Errorf(TypeError, "maketrans() takes 1 to 3 arguments")
	}
	return d.Value(), nil
}

func strTranslate(th *Thread, args []Value, kw []Value) (Value, error) {
	if len(args) != 2 {
		return Null, Errorf(TypeError, "translate() takes exactly one argument (%d given)", len(args)-1)
	}
	s := strLayout.Must(args[0]).s
	table := args[1]
	var b strings.Builder
	for _, r := range s {
		v, err := GetItem(th, table, MakeInt(int64(r)))
		if err != nil {
			e := AsException(err)
			if e.Matches(LookupError) {
				b.WriteRune(r)
				continue
			}
			return Null, err
		}
		switch {
		case v.IsNone():
		case isIntLike(v):
			n, _ := intToInt64(v)
			b.WriteRune(rune(n))
		default:
			sv, ok := AsStr(v)
			if !ok {
				return Null, Errorf(TypeError, "character mapping must return integer, None or str")
			}
			b.WriteString(sv.s)
		}
	}
	return MakeStr(b.String()), nil
}
