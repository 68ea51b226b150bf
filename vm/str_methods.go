package vm

// This file holds str's type object and methods, with CPython 3.11's
// argument handling and error messages. Indices are code points; the
// Go string is (generalized) UTF-8, see str_unicode.go. ASCII strings take
// byte-indexed fast paths.

import (
	"math"
	"strings"
	"unicode/utf8"
)

func concatStr(a, b *Str) Value {
	if a.nchars == 0 {
		return b.Value()
	}
	if b.nchars == 0 {
		return a.Value()
	}
	s := newStrParts(a.s, b.s)
	s.typ, s.nchars, s.ascii = StrType, a.nchars+b.nchars, a.ascii && b.ascii
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

// ------------------------------------------------- argument conventions
//
// CPython's methods parse their arguments in a few ways, each with its own
// error messages; these helpers reproduce them. args and kwnames are the
// vectorcall arguments without self.

// argsNone is METH_NOARGS ("str.upper() takes no arguments (1 given)").
func argsNone(tname, name string, args, kwnames []Value) error {
	if len(kwnames) > 0 {
		return Errorf(TypeError, "%s.%s() takes no keyword arguments", tname, name)
	}
	if len(args) > 0 {
		return Errorf(TypeError, "%s.%s() takes no arguments (%d given)", tname, name, len(args))
	}
	return nil
}

// argsOne is METH_O ("str.join() takes exactly one argument (0 given)").
func argsOne(tname, name string, args, kwnames []Value) error {
	if len(kwnames) > 0 {
		return Errorf(TypeError, "%s.%s() takes no keyword arguments", tname, name)
	}
	if len(args) != 1 {
		return Errorf(TypeError, "%s.%s() takes exactly one argument (%d given)", tname, name, len(args))
	}
	return nil
}

// argsPositional is Argument Clinic's positional-only parsing
// ("center expected at least 1 argument, got 0").
func argsPositional(tname, name string, args, kwnames []Value, lo, hi int) error {
	if len(kwnames) > 0 {
		return Errorf(TypeError, "%s.%s() takes no keyword arguments", tname, name)
	}
	n := len(args)
	switch {
	case n < lo && lo == hi:
		return Errorf(TypeError, "%s expected %d argument%s, got %d", name, lo, plural(lo), n)
	case n < lo:
		return Errorf(TypeError, "%s expected at least %d argument%s, got %d", name, lo, plural(lo), n)
	case n > hi:
		return Errorf(TypeError, "%s expected at most %d argument%s, got %d", name, hi, plural(hi), n)
	}
	return nil
}

// argsTuple is PyArg_ParseTuple's "O|OO:find"
// ("find() takes at least 1 argument (0 given)").
func argsTuple(tname, name string, args, kwnames []Value, lo, hi int) error {
	if len(kwnames) > 0 {
		return Errorf(TypeError, "%s.%s() takes no keyword arguments", tname, name)
	}
	n := len(args)
	switch {
	case n < lo:
		return Errorf(TypeError, "%s() takes at least %d argument%s (%d given)", name, lo, plural(lo), n)
	case n > hi:
		return Errorf(TypeError, "%s() takes at most %d argument%s (%d given)", name, hi, plural(hi), n)
	}
	return nil
}

// argsKeywords is Argument Clinic's parsing of positional-or-keyword
// parameters: names are the parameters, the first required of them must
// be given; out receives the values (unset ones keep what they held).
func argsKeywords(name string, args, kwnames []Value, names []string, required int, out ...*Value) error {
	nkw := len(kwnames)
	npos := len(args) - nkw
	max := len(names)
	if npos+nkw > max {
		kwd := ""
		if npos == 0 {
			kwd = "keyword "
		}
		return Errorf(TypeError, "%s() takes at most %d %sargument%s (%d given)", name, max, kwd, plural(max), npos+nkw)
	}
	set := make([]bool, max)
	for i := 0; i < npos; i++ {
		*out[i] = args[i]
		set[i] = true
	}
	var unknown *Str
	for k, kn := range kwnames {
		key, _ := AsStr(kn)
		idx := -1
		for i, n := range names {
			if n == key.s {
				idx = i
				break
			}
		}
		switch {
		case idx < 0:
			if unknown == nil {
				unknown = key
			}
		case set[idx]:
			return Errorf(TypeError, "argument for %s() given by name ('%s') and position (%d)", name, key.s, idx+1)
		default:
			*out[idx] = args[npos+k]
			set[idx] = true
		}
	}
	for i := 0; i < required; i++ {
		if !set[i] {
			return Errorf(TypeError, "%s() missing required argument '%s' (pos %d)", name, names[i], i+1)
		}
	}
	if unknown != nil {
		return Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", unknown.s, name)
	}
	return nil
}

// ------------------------------------------------------------ the type

func strNew(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	var obj, encoding, errors Value = Null, Null, Null
	if err := argsKeywords("str", args, kwnames, []string{"object", "encoding", "errors"}, 0, &obj, &encoding, &errors); err != nil {
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
		r, err := decodeWith(th, b, enc, errs)
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
		start, _, step, n, err := sl.Indices(th, s.nchars)
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
		if s.ascii {
			b := make([]byte, n)
			for i, j := 0, start; i < n; i, j = i+1, j+step {
				b[i] = s.s[j]
			}
			return MakeStr(string(b)), nil
		}
		rs := s.Runes()
		out := make([]rune, n)
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			out[i] = rs[j]
		}
		return MakeStr(runesString(out)), nil
	}
	if !isIntLike(key) && key.Type().Index == nil {
		return Null, Errorf(TypeError, "string indices must be integers, not '%s'", TypeName(key))
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
				if !it.s.ascii {
					it.typ = strIterTypeUnicode
				}
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
						if e := AsException(err); e != nil && e.Matches(IndexError) {
							return Null, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
						}
						return Null, err
					}
					if count <= 0 || str.nchars == 0 {
						return emptyStr.Value(), nil
					}
					if count == 1 && str.typ == StrType {
						return s, nil
					}
					if int64(len(str.s))*int64(count) > 1<<34 || int64(len(str.s))*int64(count)/int64(count) != int64(len(str.s)) {
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
		Slots: strIterSlots,
	})
	initBuiltinType(strIterTypeUnicode, TypeSpec{
		Name: "str_iterator", Layout: strIterLayout.info, Final: true,
		Slots: strIterSlots,
	})
}

// strIterTypeUnicode iterates non-ASCII text (CPython's str_iterator;
// str_ascii_iterator is StrIterType).
var strIterTypeUnicode = &Type{}

var strIterSlots = Slots{
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
		r, size := decodeRuneWTF8(it.s.s[it.pos:])
		it.pos += size
		return charStr(r).Value(), nil
	},
}

// ------------------------------------------------------------ methods

func strSelf(args []Value) *Str { return strLayout.Must(args[0]) }

// strResult returns s, reusing self when it is an exact str with that text.
func strResult(self *Str, s string) Value {
	if self.typ == StrType && len(s) == len(self.s) && s == self.s {
		return self.Value()
	}
	return MakeStr(s)
}

func strMethods() []*BuiltinMethod {
	noArgs := func(name string, f func(s string) string) *BuiltinMethod {
		return &BuiltinMethod{Name: name, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsNone("str", name, args[1:], kw); err != nil {
				return Null, err
			}
			self := strSelf(args)
			return strResult(self, f(self.s)), nil
		}}
	}
	pred := func(name string, f func(s string) bool) *BuiltinMethod {
		return &BuiltinMethod{Name: name, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsNone("str", name, args[1:], kw); err != nil {
				return Null, err
			}
			return MakeBool(f(strSelf(args).s)), nil
		}}
	}
	// all reports whether s is not empty and every character satisfies f.
	all := func(f func(r rune) bool) func(s string) bool {
		return func(s string) bool {
			if s == "" {
				return false
			}
			for i := 0; i < len(s); {
				r, size := decodeRuneWTF8(s[i:])
				i += size
				if !f(r) {
					return false
				}
			}
			return true
		}
	}
	method := func(name string, fn BuiltinFn) *BuiltinMethod { return &BuiltinMethod{Name: name, Fn: fn} }
	return []*BuiltinMethod{
		noArgs("upper", strUpper),
		noArgs("lower", strLower),
		noArgs("casefold", strCasefold),
		noArgs("swapcase", strSwapcase),
		noArgs("title", strTitle),
		noArgs("capitalize", strCapitalize),
		pred("isdigit", all(isDigitRune)),
		pred("isdecimal", all(func(r rune) bool { return decimalValue(r) >= 0 })),
		pred("isnumeric", all(isNumericRune)),
		pred("isalpha", all(isAlphaRune)),
		pred("isalnum", all(isAlnumRune)),
		pred("isspace", all(isPySpace)),
		pred("isascii", isASCII),
		pred("isprintable", func(s string) bool {
			for i := 0; i < len(s); {
				r, size := decodeRuneWTF8(s[i:])
				i += size
				if !isPrintable(r) {
					return false
				}
			}
			return true
		}),
		pred("isupper", func(s string) bool {
			cased := false
			for i := 0; i < len(s); {
				r, size := decodeRuneWTF8(s[i:])
				i += size
				if isLowerRune(r) || isTitleRune(r) {
					return false
				}
				if isUpperRune(r) {
					cased = true
				}
			}
			return cased
		}),
		pred("islower", func(s string) bool {
			cased := false
			for i := 0; i < len(s); {
				r, size := decodeRuneWTF8(s[i:])
				i += size
				if isUpperRune(r) || isTitleRune(r) {
					return false
				}
				if isLowerRune(r) {
					cased = true
				}
			}
			return cased
		}),
		pred("istitle", func(s string) bool {
			cased, prevCased := false, false
			for i := 0; i < len(s); {
				r, size := decodeRuneWTF8(s[i:])
				i += size
				if isUpperRune(r) || isTitleRune(r) {
					if prevCased {
						return false
					}
					prevCased, cased = true, true
				} else if isLowerRune(r) {
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
		method("join", strJoin),
		method("split", func(th *Thread, args []Value, kw []Value) (Value, error) { return strSplit(th, args, kw, false) }),
		method("rsplit", func(th *Thread, args []Value, kw []Value) (Value, error) { return strSplit(th, args, kw, true) }),
		method("splitlines", strSplitlines),
		method("strip", func(th *Thread, args []Value, kw []Value) (Value, error) { return strStrip(args, kw, 3, "strip") }),
		method("lstrip", func(th *Thread, args []Value, kw []Value) (Value, error) { return strStrip(args, kw, 1, "lstrip") }),
		method("rstrip", func(th *Thread, args []Value, kw []Value) (Value, error) { return strStrip(args, kw, 2, "rstrip") }),
		method("startswith", func(th *Thread, args []Value, kw []Value) (Value, error) { return strStartsEnds(th, args, kw, false) }),
		method("endswith", func(th *Thread, args []Value, kw []Value) (Value, error) { return strStartsEnds(th, args, kw, true) }),
		method("find", func(th *Thread, args []Value, kw []Value) (Value, error) {
			return strFind(th, args, kw, "find", false, false)
		}),
		method("rfind", func(th *Thread, args []Value, kw []Value) (Value, error) {
			return strFind(th, args, kw, "rfind", true, false)
		}),
		method("index", func(th *Thread, args []Value, kw []Value) (Value, error) {
			return strFind(th, args, kw, "index", false, true)
		}),
		method("rindex", func(th *Thread, args []Value, kw []Value) (Value, error) {
			return strFind(th, args, kw, "rindex", true, true)
		}),
		method("count", strCount),
		method("replace", strReplace),
		method("center", func(th *Thread, args []Value, kw []Value) (Value, error) { return strPad(th, args, kw, "center") }),
		method("ljust", func(th *Thread, args []Value, kw []Value) (Value, error) { return strPad(th, args, kw, "ljust") }),
		method("rjust", func(th *Thread, args []Value, kw []Value) (Value, error) { return strPad(th, args, kw, "rjust") }),
		method("zfill", strZfill),
		method("partition", func(th *Thread, args []Value, kw []Value) (Value, error) { return strPartition(args, kw, false) }),
		method("rpartition", func(th *Thread, args []Value, kw []Value) (Value, error) { return strPartition(args, kw, true) }),
		method("removeprefix", func(th *Thread, args []Value, kw []Value) (Value, error) {
			return strRemoveAffix(args, kw, "removeprefix")
		}),
		method("removesuffix", func(th *Thread, args []Value, kw []Value) (Value, error) {
			return strRemoveAffix(args, kw, "removesuffix")
		}),
		method("expandtabs", strExpandTabs),
		method("encode", strEncode),
		method("format", StrFormatMethod),
		method("format_map", StrFormatMapMethod),
		method("__format__", func(th *Thread, args []Value, kw []Value) (Value, error) {
			spec, err := formatMethodSpec(args, kw)
			if err != nil {
				return Null, err
			}
			self := strSelf(args)
			if spec.s == "" && self.typ != StrType {
				return formatEmptySpec(th, args[0])
			}
			r, err := FormatStr(th, self.s, spec.s)
			if err != nil {
				return Null, err
			}
			return strResult(self, r), nil
		}),
		{Name: "maketrans", Flags: MethStatic, Fn: strMakeTrans},
		method("translate", strTranslate),
		method("__getnewargs__", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsNone("str", "__getnewargs__", args[1:], kw); err != nil {
				return Null, err
			}
			return NewTuple(MakeStr(strSelf(args).s)).Value(), nil
		}),
		method("__sizeof__", func(th *Thread, args []Value, kw []Value) (Value, error) {
			if err := argsNone("str", "__sizeof__", args[1:], kw); err != nil {
				return Null, err
			}
			s := strSelf(args)
			if s.ascii {
				return MakeInt(int64(49 + len(s.s))), nil
			}
			maxc := rune(0)
			for _, r := range s.Runes() {
				maxc = max(maxc, r)
			}
			switch {
			case maxc < 0x100:
				return MakeInt(int64(73 + s.nchars)), nil
			case maxc < 0x10000:
				return MakeInt(int64(74 + 2*s.nchars)), nil
			}
			return MakeInt(int64(76 + 4*s.nchars)), nil
		}),
	}
}

func strJoin(th *Thread, args []Value, kw []Value) (Value, error) {
	if err := argsOne("str", "join", args[1:], kw); err != nil {
		return Null, err
	}
	sep := strLayout.Must(args[0])
	var items []Value
	if l, ok := castExact[List](args[1], ListType); ok {
		items = l.items
	} else if t, ok := castExact[Tuple](args[1], TupleType); ok {
		items = t.items
	} else {
		if args[1].Type().Iter == nil && args[1].Type().GetItem == nil {
			return Null, Errorf(TypeError, "can only join an iterable")
		}
		var err error
		items, err = SeqToSlice(th, args[1])
		if err != nil {
			return Null, err
		}
	}
	if len(items) == 1 {
		if s, ok := castExact[Str](items[0], StrType); ok {
			return s.Value(), nil
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

// maxsplitArg converts split's maxsplit (Py_ssize_t).
func ssizeArg(th *Thread, v Value) (int, error) {
	if v.IsSmallInt() {
		return int(v.SmallInt()), nil
	}
	if _, ok := floatValue(v); ok || (!isIntLike(v) && v.Type().Index == nil) {
		return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(v))
	}
	r, err := Index(th, v)
	if err != nil {
		return 0, err
	}
	n, ok := intToInt64(r)
	if !ok {
		return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
	}
	return int(n), nil
}

func strSplit(th *Thread, args []Value, kwnames []Value, right bool) (Value, error) {
	sepV, maxV := None, MakeInt(-1)
	name := "split"
	if right {
		name = "rsplit"
	}
	if err := argsKeywords(name, args[1:], kwnames, []string{"sep", "maxsplit"}, 0, &sepV, &maxV); err != nil {
		return Null, err
	}
	self := strSelf(args)
	s := self.s
	maxsplit, err := ssizeArg(th, maxV)
	if err != nil {
		return Null, err
	}
	if maxsplit < 0 {
		maxsplit = len(s) + 1
	}
	var parts []string
	if sepV.IsNone() {
		if self.ascii && !right {
			return NewList(splitSpaceASCII(s, maxsplit)).Value(), nil
		}
		parts = splitSpace(s, maxsplit, right, func(s string) (rune, int) { return decodeRuneWTF8(s) },
			func(s string) (rune, int) { return decodeLastRuneWTF8(s) }, isPySpace)
	} else {
		sep, ok := AsStr(sepV)
		if !ok {
			return Null, Errorf(TypeError, "must be str or None, not %s", TypeName(sepV))
		}
		if sep.s == "" {
			return Null, Errorf(ValueError, "empty separator")
		}
		if !right {
			return NewList(splitSepValues(s, sep.s, maxsplit, self.ascii)).Value(), nil
		}
		parts = splitSep(s, sep.s, maxsplit, right)
	}
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = subStr(p, self.ascii)
	}
	return NewList(items).Value(), nil
}

// subStr is a str of s, a piece of a str whose ascii flag is given (a
// piece of ASCII text needs no scan for its length).
func subStr(s string, ascii bool) Value {
	if !ascii || len(s) <= 1 {
		return MakeStr(s)
	}
	st := &Str{s: s, nchars: len(s), ascii: true}
	st.typ = StrType
	return st.Value()
}

// strSlab hands out the str objects of one split() from blocks of 32, so
// that splitting a big text into words costs one allocation per block
// rather than one per word. A block lives as long as any of its strs: at
// most 31 neighbours (2 KB) are kept alive by a word that outlives them.
type strSlab struct{ buf []Str }

func (a *strSlab) str(s string, ascii bool) Value {
	if len(s) <= 1 {
		return MakeStr(s)
	}
	if len(a.buf) == 0 {
		a.buf = make([]Str, 32)
	}
	st := &a.buf[0]
	a.buf = a.buf[1:]
	st.typ = StrType
	st.s = s
	if ascii {
		st.nchars, st.ascii = len(s), true
	} else {
		st.nchars, st.ascii = countChars(s)
	}
	return st.Value()
}

// asciiSpace is str.isspace for the ASCII characters.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true, 0x1c: true, 0x1d: true, 0x1e: true, 0x1f: true}

// splitSpaceASCII is split() with no separator over ASCII text.
func splitSpaceASCII(s string, maxsplit int) []Value {
	words := 0
	for i, in := 0, false; i < len(s); i++ {
		if sp := asciiSpace[s[i]]; !sp && !in {
			words++
			in = true
		} else if sp {
			in = false
		}
	}
	items := make([]Value, 0, min(words, maxsplit+1))
	var slab strSlab
	i := 0
	for ; maxsplit > 0; maxsplit-- {
		for i < len(s) && asciiSpace[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		j := i
		for i < len(s) && !asciiSpace[s[i]] {
			i++
		}
		items = append(items, slab.str(s[j:i], true))
	}
	if i < len(s) {
		for i < len(s) && asciiSpace[s[i]] {
			i++
		}
		if i != len(s) {
			items = append(items, slab.str(s[i:], true))
		}
	}
	return items
}

// splitSepValues is split(sep, maxsplit) from the left, as str values.
func splitSepValues(s, sep string, maxsplit int, ascii bool) []Value {
	n := strings.Count(s, sep)
	if n > maxsplit {
		n = maxsplit
	}
	items := make([]Value, 0, n+1)
	var slab strSlab
	for ; n > 0; n-- {
		i := strings.Index(s, sep)
		items = append(items, slab.str(s[:i], ascii))
		s = s[i+len(sep):]
	}
	return append(items, slab.str(s, ascii))
}

// splitSep splits s at sep at most maxsplit times, from the left or the
// right.
func splitSep(s, sep string, maxsplit int, right bool) []string {
	if !right {
		return strings.SplitN(s, sep, maxsplit+1)
	}
	var out []string
	for n := maxsplit; n > 0; n-- {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			break
		}
		out = append(out, s[i+len(sep):])
		s = s[:i]
	}
	out = append(out, s)
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// splitSpace is split() with no separator: runs of whitespace separate,
// none are kept at the ends; once maxsplit splits are made the rest is
// one item that keeps its whitespace at the far end (CPython's
// split_whitespace).
func splitSpace(s string, maxsplit int, right bool, dec, decLast func(string) (rune, int), space func(rune) bool) []string {
	var out []string
	if !right {
		i := 0
		skip := func() {
			for i < len(s) {
				r, n := dec(s[i:])
				if !space(r) {
					break
				}
				i += n
			}
		}
		for ; maxsplit > 0; maxsplit-- {
			skip()
			if i == len(s) {
				break
			}
			j := i
			for i < len(s) {
				r, n := dec(s[i:])
				if space(r) {
					break
				}
				i += n
			}
			out = append(out, s[j:i])
		}
		if i < len(s) {
			skip()
			if i != len(s) {
				out = append(out, s[i:])
			}
		}
		return out
	}
	i := len(s)
	skip := func() {
		for i > 0 {
			r, n := decLast(s[:i])
			if !space(r) {
				break
			}
			i -= n
		}
	}
	for ; maxsplit > 0; maxsplit-- {
		skip()
		if i == 0 {
			break
		}
		j := i
		for i > 0 {
			r, n := decLast(s[:i])
			if space(r) {
				break
			}
			i -= n
		}
		out = append(out, s[i:j])
	}
	if i > 0 {
		skip()
		if i != 0 {
			out = append(out, s[:i])
		}
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// keependsArg converts splitlines' keepends (an int used as a bool).
func keependsArg(th *Thread, v Value) (bool, error) {
	if v.IsBool() {
		return v.IsTrue(), nil
	}
	n, err := ssizeArg(th, v)
	if err != nil {
		if e := AsException(err); e != nil && e.Matches(OverflowError) {
			return false, Errorf(OverflowError, "Python int too large to convert to C int")
		}
		return false, err
	}
	return n != 0, nil
}

func strSplitlines(th *Thread, args []Value, kwnames []Value) (Value, error) {
	keep := False
	if err := argsKeywords("splitlines", args[1:], kwnames, []string{"keepends"}, 0, &keep); err != nil {
		return Null, err
	}
	keepends, err := keependsArg(th, keep)
	if err != nil {
		return Null, err
	}
	self := strSelf(args)
	s := self.s
	var items []Value
	var slab strSlab
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && c > '\r' && c < 0x1c || c >= ' ' && c < utf8.RuneSelf {
			i++ // not a line break: the common case
			continue
		}
		r, size := decodeRuneWTF8(s[i:])
		if !isLineBreak(r) {
			i += size
			continue
		}
		eol := i + size
		if r == '\r' && eol < len(s) && s[eol] == '\n' {
			eol++
		}
		end := i
		if keepends {
			end = eol
		}
		items = append(items, slab.str(s[start:end], self.ascii))
		i, start = eol, eol
	}
	if start < len(s) {
		items = append(items, slab.str(s[start:], self.ascii))
	}
	return NewList(items).Value(), nil
}

func strStrip(args []Value, kw []Value, which int, name string) (Value, error) {
	if err := argsPositional("str", name, args[1:], kw, 0, 1); err != nil {
		return Null, err
	}
	self := strSelf(args)
	s := self.s
	var in func(r rune) bool
	if len(args) == 1 || args[1].IsNone() {
		in = isPySpace
	} else {
		chars, ok := AsStr(args[1])
		if !ok {
			return Null, Errorf(TypeError, "%s arg must be None or str", name)
		}
		set := strRunes(chars.s)
		in = func(r rune) bool {
			for _, c := range set {
				if c == r {
					return true
				}
			}
			return false
		}
	}
	if which&1 != 0 {
		for s != "" {
			r, n := decodeRuneWTF8(s)
			if !in(r) {
				break
			}
			s = s[n:]
		}
	}
	if which&2 != 0 {
		for s != "" {
			r, n := decodeLastRuneWTF8(s)
			if !in(r) {
				break
			}
			s = s[:len(s)-n]
		}
	}
	return strResult(self, s), nil
}

// adjustIndices is CPython's ADJUST_INDICES: optional start and end
// arguments (None or missing: the whole string) over a length n, with
// negative values counted from the end. The results may exceed n or
// cross; callers check.
func adjustIndices(th *Thread, args []Value, n int) (int, int, error) {
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
	if end > n {
		end = n
	} else if end < 0 {
		end += n
		if end < 0 {
			end = 0
		}
	}
	if start < 0 {
		start += n
		if start < 0 {
			start = 0
		}
	}
	return start, end, nil
}

// byteRange converts code-point indices (0 <= start <= end <= nchars) to
// byte offsets in s.
func (s *Str) byteRange(start, end int) (int, int) {
	if s.ascii {
		return start, end
	}
	a := 0
	if start > 0 {
		a = wtf8Offset(s.s, start)
	}
	if end >= s.nchars {
		return a, len(s.s)
	}
	return a, a + wtf8Offset(s.s[a:], end-start)
}

func strStartsEnds(th *Thread, args []Value, kw []Value, ends bool) (Value, error) {
	name := "startswith"
	if ends {
		name = "endswith"
	}
	if err := argsTuple("str", name, args[1:], kw, 1, 3); err != nil {
		return Null, err
	}
	s := strSelf(args)
	start, end, err := adjustIndices(th, args[2:], s.nchars)
	if err != nil {
		return Null, err
	}
	if t, ok := AsTuple(args[1]); ok {
		for _, p := range t.items {
			r, err := strTailMatch(s, p, start, end, ends, name)
			if err != nil {
				return Null, err
			}
			if r {
				return True, nil
			}
		}
		return False, nil
	}
	r, err := strTailMatch(s, args[1], start, end, ends, name)
	if err != nil {
		return Null, err
	}
	return MakeBool(r), nil
}

// strTailMatch is startswith/endswith of one prefix p over s[start:end].
func strTailMatch(s *Str, p Value, start, end int, ends bool, name string) (bool, error) {
	ps, ok := AsStr(p)
	if !ok {
		return false, Errorf(TypeError, "%s first arg must be str or a tuple of str, not %s", name, TypeName(p))
	}
	if end-ps.nchars < start || start > s.nchars {
		return false, nil
	}
	if !s.ascii && (start > 0 || end < s.nchars) {
		// Compare code points through the cached rune index rather
		// than walking the text to byte offsets.
		rs, pr := s.Runes(), ps.Runes()
		at := start
		if ends {
			at = end - len(pr)
		}
		for i, r := range pr {
			if rs[at+i] != r {
				return false, nil
			}
		}
		return true, nil
	}
	a, b := s.byteRange(start, end)
	if ends {
		return strings.HasSuffix(s.s[a:b], ps.s), nil
	}
	return strings.HasPrefix(s.s[a:b], ps.s), nil
}

// strFindIn finds sub in s[start:end] (code points), returning the code
// point index or -1.
func strFindIn(s, sub *Str, start, end int, right bool) int {
	if start > s.nchars || end-start < sub.nchars {
		return -1
	}
	a, b := s.byteRange(start, end)
	hay := s.s[a:b]
	var bi int
	if right {
		bi = strings.LastIndex(hay, sub.s)
	} else {
		bi = strings.Index(hay, sub.s)
	}
	if bi < 0 {
		return -1
	}
	if s.ascii {
		return start + bi
	}
	return start + strLenWTF8(hay[:bi])
}

func strFind(th *Thread, args []Value, kw []Value, name string, right, raise bool) (Value, error) {
	if err := argsTuple("str", name, args[1:], kw, 1, 3); err != nil {
		return Null, err
	}
	s := strSelf(args)
	sub, ok := AsStr(args[1])
	if !ok {
		return Null, Errorf(TypeError, "must be str, not %s", TypeName(args[1]))
	}
	start, end, err := adjustIndices(th, args[2:], s.nchars)
	if err != nil {
		return Null, err
	}
	idx := strFindIn(s, sub, start, end, right)
	if idx < 0 && raise {
		return Null, Errorf(ValueError, "substring not found")
	}
	return MakeInt(int64(idx)), nil
}

func strCount(th *Thread, args []Value, kw []Value) (Value, error) {
	if err := argsTuple("str", "count", args[1:], kw, 1, 3); err != nil {
		return Null, err
	}
	s := strSelf(args)
	sub, ok := AsStr(args[1])
	if !ok {
		return Null, Errorf(TypeError, "must be str, not %s", TypeName(args[1]))
	}
	start, end, err := adjustIndices(th, args[2:], s.nchars)
	if err != nil {
		return Null, err
	}
	if start > s.nchars || end < start {
		return MakeInt(0), nil
	}
	if sub.nchars == 0 {
		return MakeInt(int64(end - start + 1)), nil
	}
	a, b := s.byteRange(start, end)
	return MakeInt(int64(strings.Count(s.s[a:b], sub.s))), nil
}

// replaceEmpty inserts nw before every code point of s and at its end,
// at most n times (n < 0: no limit), as s.replace("", nw, n).
func replaceEmpty(s, nw string, n int) string {
	var b strings.Builder
	i := 0
	for ; i < len(s) && n != 0; n-- {
		b.WriteString(nw)
		_, size := decodeRuneWTF8(s[i:])
		b.WriteString(s[i : i+size])
		i += size
	}
	if i == len(s) && n != 0 {
		b.WriteString(nw)
	}
	b.WriteString(s[i:])
	return b.String()
}

func strReplace(th *Thread, args []Value, kw []Value) (Value, error) {
	if err := argsPositional("str", "replace", args[1:], kw, 2, 3); err != nil {
		return Null, err
	}
	s := strSelf(args)
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
		c, err := ssizeArg(th, args[3])
		if err != nil {
			return Null, err
		}
		n = c
	}
	if old.s == "" {
		if n < 0 || n > s.nchars+1 {
			n = s.nchars + 1
		}
		return strResult(s, replaceEmpty(s.s, nw.s, n)), nil
	}
	return strResult(s, strings.Replace(s.s, old.s, nw.s, n)), nil
}

// fillCharArg converts center/ljust/rjust's fill character.
func fillCharArg(v Value) (string, error) {
	f, ok := AsStr(v)
	if !ok {
		return "", Errorf(TypeError, "The fill character must be a unicode character, not %s", TypeName(v))
	}
	if f.nchars != 1 {
		return "", Errorf(TypeError, "The fill character must be exactly one character long")
	}
	return f.s, nil
}

// padSplit is how much of a pad of width-n goes to the left for kind.
func padSplit(kind string, pad, width int) int {
	switch kind {
	case "ljust":
		return 0
	case "rjust":
		return pad
	}
	return pad/2 + (pad & width & 1)
}

func strPad(th *Thread, args []Value, kw []Value, kind string) (Value, error) {
	if err := argsPositional("str", kind, args[1:], kw, 1, 2); err != nil {
		return Null, err
	}
	s := strSelf(args)
	width, err := ssizeArg(th, args[1])
	if err != nil {
		return Null, err
	}
	fill := " "
	if len(args) == 3 {
		if fill, err = fillCharArg(args[2]); err != nil {
			return Null, err
		}
	}
	if width <= s.nchars {
		return strResult(s, s.s), nil
	}
	if err := checkAlloc(width * len(fill)); err != nil {
		return Null, err
	}
	pad := width - s.nchars
	left := padSplit(kind, pad, width)
	return MakeStr(strings.Repeat(fill, left) + s.s + strings.Repeat(fill, pad-left)), nil
}

func strZfill(th *Thread, args []Value, kw []Value) (Value, error) {
	if err := argsOne("str", "zfill", args[1:], kw); err != nil {
		return Null, err
	}
	s := strSelf(args)
	width, err := ssizeArg(th, args[1])
	if err != nil {
		return Null, err
	}
	if width <= s.nchars {
		return strResult(s, s.s), nil
	}
	if err := checkAlloc(width); err != nil {
		return Null, err
	}
	pad := width - s.nchars
	if s.s != "" && (s.s[0] == '+' || s.s[0] == '-') {
		return MakeStr(s.s[:1] + strings.Repeat("0", pad) + s.s[1:]), nil
	}
	return MakeStr(strings.Repeat("0", pad) + s.s), nil
}

func strPartition(args []Value, kw []Value, right bool) (Value, error) {
	name := "partition"
	if right {
		name = "rpartition"
	}
	if err := argsOne("str", name, args[1:], kw); err != nil {
		return Null, err
	}
	self := strSelf(args)
	s := self.s
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
			return NewTuple(emptyStr.Value(), emptyStr.Value(), strResult(self, s)).Value(), nil
		}
	} else {
		i = strings.Index(s, sep.s)
		if i < 0 {
			return NewTuple(strResult(self, s), emptyStr.Value(), emptyStr.Value()).Value(), nil
		}
	}
	return NewTuple(MakeStr(s[:i]), MakeStr(sep.s), MakeStr(s[i+len(sep.s):])).Value(), nil
}

func strRemoveAffix(args []Value, kw []Value, name string) (Value, error) {
	if err := argsOne("str", name, args[1:], kw); err != nil {
		return Null, err
	}
	self := strSelf(args)
	p, ok := AsStr(args[1])
	if !ok {
		return Null, Errorf(TypeError, "%s() argument must be str, not %s", name, TypeName(args[1]))
	}
	if name == "removeprefix" {
		return strResult(self, strings.TrimPrefix(self.s, p.s)), nil
	}
	return strResult(self, strings.TrimSuffix(self.s, p.s)), nil
}

func strExpandTabs(th *Thread, args []Value, kwnames []Value) (Value, error) {
	tab := MakeInt(8)
	if err := argsKeywords("expandtabs", args[1:], kwnames, []string{"tabsize"}, 0, &tab); err != nil {
		return Null, err
	}
	ts, err := ssizeArg(th, tab)
	if err != nil {
		return Null, err
	}
	if ts > math.MaxInt32 || ts < math.MinInt32 {
		return Null, Errorf(OverflowError, "Python int too large to convert to C int")
	}
	self := strSelf(args)
	if !strings.Contains(self.s, "\t") {
		return strResult(self, self.s), nil
	}
	var b strings.Builder
	col := 0
	s := self.s
	for i := 0; i < len(s); {
		r, size := decodeRuneWTF8(s[i:])
		switch r {
		case '\t':
			if ts > 0 {
				n := ts - col%ts
				if err := checkAlloc(b.Len() + n); err != nil {
					return Null, err
				}
				b.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			b.WriteString(s[i : i+size])
			col = 0
		default:
			b.WriteString(s[i : i+size])
			col++
		}
		i += size
	}
	return MakeStr(b.String()), nil
}

func strEncode(th *Thread, args []Value, kwnames []Value) (Value, error) {
	enc, errs := Null, Null
	if err := argsKeywords("encode", args[1:], kwnames, []string{"encoding", "errors"}, 0, &enc, &errs); err != nil {
		return Null, err
	}
	encoding, errors := "utf-8", "strict"
	if !enc.IsNull() {
		es, ok := AsStr(enc)
		if !ok {
			return Null, Errorf(TypeError, "encode() argument 'encoding' must be str, not %s", TypeName(enc))
		}
		encoding = es.s
	}
	if !errs.IsNull() {
		es, ok := AsStr(errs)
		if !ok {
			return Null, Errorf(TypeError, "encode() argument 'errors' must be str, not %s", TypeName(errs))
		}
		errors = es.s
	}
	b, err := encodeWith(th, strSelf(args), encoding, errors)
	if err != nil {
		return Null, err
	}
	return NewBytes(b).Value(), nil
}

func strMakeTrans(th *Thread, args []Value, kw []Value) (Value, error) {
	if err := argsPositional("str", "maketrans", args, kw, 1, 3); err != nil {
		return Null, err
	}
	d := NewDict()
	if len(args) == 1 {
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
			} else if !isIntLike(k) {
				return Null, Errorf(TypeError, "keys in translate table must be strings or integers")
			}
			if err := d.Set(th, k, vals[i]); err != nil {
				return Null, err
			}
		}
		return d.Value(), nil
	}
	x, ok := AsStr(args[0])
	if !ok {
		return Null, Errorf(TypeError, "first maketrans argument must be a string if there is a second argument")
	}
	y, ok := AsStr(args[1])
	if !ok {
		return Null, Errorf(TypeError, "maketrans() argument 2 must be str, not %s", TypeName(args[1]))
	}
	var z *Str
	if len(args) == 3 {
		if z, ok = AsStr(args[2]); !ok {
			return Null, Errorf(TypeError, "maketrans() argument 3 must be str, not %s", TypeName(args[2]))
		}
	}
	if x.nchars != y.nchars {
		return Null, Errorf(ValueError, "the first two maketrans arguments must have equal length")
	}
	xr, yr := x.Runes(), y.Runes()
	for i := range xr {
		if err := d.Set(th, MakeInt(int64(xr[i])), MakeInt(int64(yr[i]))); err != nil {
			return Null, err
		}
	}
	if z != nil {
		for _, r := range z.Runes() {
			if err := d.Set(th, MakeInt(int64(r)), None); err != nil {
				return Null, err
			}
		}
	}
	return d.Value(), nil
}

func strTranslate(th *Thread, args []Value, kw []Value) (Value, error) {
	if err := argsOne("str", "translate", args[1:], kw); err != nil {
		return Null, err
	}
	self := strSelf(args)
	table := args[1]
	var b strings.Builder
	s := self.s
	for i := 0; i < len(s); {
		r, size := decodeRuneWTF8(s[i:])
		i += size
		v, err := GetItem(th, table, MakeInt(int64(r)))
		if err != nil {
			if e := AsException(err); e != nil && e.Matches(LookupError) {
				writeRuneWTF8(&b, r)
				continue
			}
			return Null, err
		}
		switch {
		case v.IsNone():
		case isIntLike(v):
			n, ok := intToInt64(v)
			if !ok || n < 0 || n > 0x10ffff {
				return Null, Errorf(ValueError, "character mapping must be in range(0x110000)")
			}
			writeRuneWTF8(&b, rune(n))
		default:
			sv, ok := AsStr(v)
			if !ok {
				return Null, Errorf(TypeError, "character mapping must return integer, None or str")
			}
			b.WriteString(sv.s)
		}
	}
	return strResult(self, b.String()), nil
}
