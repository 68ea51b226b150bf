package vm

// This file implements printf-style formatting, str % args and
// bytes % args (CPython's PyUnicode_Format and _PyBytes_FormatEx):
//
//	%[(key)][flags][width][.precision][length]type
//
// flags are "#0- +", width and precision may be '*' (taken from the
// arguments), length modifiers h l L are ignored. args is a tuple of
// values, a mapping (for "%(key)s"), or a single value. The directives
// are ASCII, so both forms scan the format as bytes.

import (
	"math"
	"strings"
)

const (
	pfLJust = 1 << iota // '-'
	pfSign              // '+'
	pfBlank             // ' '
	pfAlt               // '#'
	pfZero              // '0'
)

// percentState walks the arguments of one formatting operation.
type percentState struct {
	args   Value
	tuple  []Value
	arglen int // -1: args is a single value
	argidx int
	dict   Value // Null unless args is a mapping
	bytes  bool
}

func (ps *percentState) next() (Value, error) {
	if ps.argidx < ps.arglen {
		ps.argidx++
		if ps.arglen < 0 {
			return ps.args, nil
		}
		return ps.tuple[ps.argidx-1], nil
	}
	return Null, Errorf(TypeError, "not enough arguments for format string")
}

// isMapping is PyMapping_Check: the type has __getitem__ (and is not a
// tuple or a str/bytes, which format treats as plain values).
func percentIsMapping(v Value, bytes bool) bool {
	t := v.Type()
	if t.GetItem == nil || t.IsSubtype(TupleType) {
		return false
	}
	if bytes {
		return !t.IsSubtype(BytesType) && !t.IsSubtype(ByteArrayType)
	}
	return !t.IsSubtype(StrType)
}

// PercentFormat is str % args.
func PercentFormat(th *Thread, format string, args Value) (string, error) {
	out, err := percentFormat(th, format, args, false)
	return string(out), err
}

// PercentFormatBytes is bytes % args.
func PercentFormatBytes(th *Thread, format []byte, args Value) ([]byte, error) {
	return percentFormat(th, string(format), args, true)
}

func percentFormat(th *Thread, f string, args Value, isBytes bool) ([]byte, error) {
	ps := &percentState{args: args, arglen: -1, argidx: -2, dict: Null, bytes: isBytes}
	if t, ok := AsTuple(args); ok {
		ps.tuple = t.items
		ps.arglen, ps.argidx = len(t.items), 0
	}
	if percentIsMapping(args, isBytes) {
		ps.dict = args
	}
	out := make([]byte, 0, len(f)+16)
	i := 0
	for i < len(f) {
		j := strings.IndexByte(f[i:], '%')
		if j < 0 {
			out = append(out, f[i:]...)
			break
		}
		out = append(out, f[i:i+j]...)
		i += j + 1
		if i < len(f) && f[i] == '%' {
			out = append(out, '%')
			i++
			continue
		}
		var err error
		if out, i, err = ps.one(th, f, i, out); err != nil {
			return nil, err
		}
	}
	if ps.argidx < ps.arglen && ps.dict.IsNull() {
		return nil, ps.notAll()
	}
	return out, nil
}

// starArg reads a '*' width (a C ssize_t) or precision (a C int) from
// the arguments.
func (ps *percentState) starArg(precision bool) (int, error) {
	v, err := ps.next()
	if err != nil {
		return 0, err
	}
	if !isIntLike(v) {
		return 0, Errorf(TypeError, "* wants int")
	}
	n, ok := intToInt64(v)
	if !ok {
		return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
	}
	if precision && (n > math.MaxInt32 || n < math.MinInt32) {
		return 0, Errorf(OverflowError, "Python int too large to convert to C int")
	}
	return int(n), nil
}

// one formats the directive after a '%' at f[i:], appending to out.
func (ps *percentState) one(th *Thread, f string, i int, out []byte) ([]byte, int, error) {
	flags, width, prec := 0, -1, -1
	if i < len(f) && f[i] == '(' {
		if ps.dict.IsNull() {
			return nil, 0, Errorf(TypeError, "format requires a mapping")
		}
		depth := 1
		start := i + 1
		i++
		for depth > 0 && i < len(f) {
			switch f[i] {
			case ')':
				depth--
			case '(':
				depth++
			}
			i++
		}
		if depth > 0 {
			return nil, 0, Errorf(ValueError, "incomplete format key")
		}
		var key Value
		if ps.bytes {
			key = NewBytes([]byte(f[start : i-1])).Value()
		} else {
			key = MakeStr(f[start : i-1])
		}
		v, err := GetItem(th, ps.dict, key)
		if err != nil {
			return nil, 0, err
		}
		ps.args, ps.tuple, ps.arglen, ps.argidx = v, nil, -1, -2
	}
flags:
	for i < len(f) {
		switch f[i] {
		case '-':
			flags |= pfLJust
		case '+':
			flags |= pfSign
		case ' ':
			flags |= pfBlank
		case '#':
			flags |= pfAlt
		case '0':
			flags |= pfZero
		default:
			break flags
		}
		i++
	}
	if i < len(f) && f[i] == '*' {
		n, err := ps.starArg(false)
		if err != nil {
			return nil, 0, err
		}
		if n < 0 {
			flags |= pfLJust
			n = -n
		}
		width = n
		i++
	} else if i < len(f) && f[i] >= '0' && f[i] <= '9' {
		width = 0
		for i < len(f) && f[i] >= '0' && f[i] <= '9' {
			d := int(f[i] - '0')
			if width > (math.MaxInt64-d)/10 {
				return nil, 0, Errorf(ValueError, "width too big")
			}
			width = width*10 + d
			i++
		}
	}
	if i < len(f) && f[i] == '.' {
		prec = 0
		i++
		if i < len(f) && f[i] == '*' {
			n, err := ps.starArg(true)
			if err != nil {
				return nil, 0, err
			}
			prec = max(n, 0)
			i++
		} else {
			for i < len(f) && f[i] >= '0' && f[i] <= '9' {
				d := int(f[i] - '0')
				if prec > (math.MaxInt32-d)/10 {
					return nil, 0, Errorf(ValueError, "precision too big")
				}
				prec = prec*10 + d
				i++
			}
		}
	}
	if i < len(f) && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L') {
		i++
	}
	if i >= len(f) {
		return nil, 0, Errorf(ValueError, "incomplete format")
	}
	var ch rune
	size := 1
	if ps.bytes {
		ch = rune(f[i])
	} else {
		ch, size = decodeRuneWTF8(f[i:])
	}
	pos := i
	i += size
	v, err := ps.next()
	if err != nil {
		return nil, 0, err
	}
	var s string
	numeric := false
	switch ch {
	case 's', 'r', 'a', 'b':
		if ch == 'b' && !ps.bytes {
			return nil, 0, ps.badChar(f, ch, pos)
		}
		if s, err = ps.textOf(th, v, ch); err != nil {
			return nil, 0, err
		}
		if prec >= 0 {
			if ps.bytes {
				if len(s) > prec {
					s = s[:prec]
				}
			} else {
				s = wtf8Prefix(s, prec)
			}
		}
	case 'd', 'i', 'u', 'o', 'x', 'X':
		if s, err = percentInt(th, v, ch, flags&pfAlt != 0, prec); err != nil {
			return nil, 0, err
		}
		numeric = true
	case 'e', 'E', 'f', 'F', 'g', 'G':
		x, err := AsFloat(th, v)
		if err != nil {
			if _, isStr := AsStr(v); isStr || !isNumber(v) {
				return nil, 0, Errorf(TypeError, "must be real number, not %s", TypeName(v))
			}
			return nil, 0, err
		}
		p := prec
		if p < 0 {
			p = 6
		}
		s = floatToText(x, byte(ch), p, flags&pfAlt != 0, false, false)
		numeric = true
	case 'c':
		if s, err = ps.charOf(th, v); err != nil {
			return nil, 0, err
		}
	default:
		return nil, 0, ps.badChar(f, ch, pos)
	}
	if width > maxAlloc {
		return nil, 0, NewException(MemoryError)
	}
	out = percentPad(out, s, ch, flags, width, numeric, ps.bytes)
	if !ps.dict.IsNull() && ps.argidx < ps.arglen {
		return nil, 0, ps.notAll()
	}
	return out, i, nil
}

func (ps *percentState) notAll() error {
	if ps.bytes {
		return Errorf(TypeError, "not all arguments converted during bytes formatting")
	}
	return Errorf(TypeError, "not all arguments converted during string formatting")
}

func (ps *percentState) badChar(f string, ch rune, pos int) error {
	shown := '?'
	if ch >= 31 && ch <= 126 {
		shown = ch
	}
	idx := pos
	if !ps.bytes {
		idx = strLenWTF8(f[:pos])
	}
	return Errorf(ValueError, "unsupported format character '%c' (0x%x) at index %d", shown, ch, idx)
}

// isNumber is PyNumber_Check.
func isNumber(v Value) bool {
	t := v.Type()
	if isIntLike(v) || t.IsSubtype(FloatType) || t.IsSubtype(ComplexType) {
		return true
	}
	return t.Index != nil || t.Int != nil || t.Float != nil
}

// textOf is %s, %r, %a (and %b for bytes).
func (ps *percentState) textOf(th *Thread, v Value, ch rune) (string, error) {
	if ps.bytes {
		if ch == 'r' || ch == 'a' {
			r, err := Repr(th, v)
			if err != nil {
				return "", err
			}
			return asciiRepr2(r.s), nil
		}
		if b, ok := asBytesLike(v); ok {
			return string(b), nil
		}
		if f := v.Type().Lookup(dunderBytes); !f.IsNull() {
			r, err := callDescr(th, f, v, nil, nil)
			if err != nil {
				return "", err
			}
			b, ok := AsBytes(r)
			if !ok {
				return "", Errorf(TypeError, "__bytes__ returned non-bytes (type %s)", TypeName(r))
			}
			return string(b.b), nil
		}
		return "", Errorf(TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", TypeName(v))
	}
	var r *Str
	var err error
	switch ch {
	case 's':
		r, err = StrOf(th, v)
	case 'r':
		r, err = Repr(th, v)
	default:
		r, err = Repr(th, v)
		if err == nil {
			r = NewStr(asciiRepr2(r.s))
		}
	}
	if err != nil {
		return "", err
	}
	return r.s, nil
}

// charOf is %c.
func (ps *percentState) charOf(th *Thread, v Value) (string, error) {
	if ps.bytes {
		if b, ok := AsBytes(v); ok && len(b.b) == 1 {
			return string(b.b), nil
		}
		if !isIntLike(v) && v.Type().Index == nil {
			return "", errMsg(TypeError, "%c requires an integer in range(256) or a single byte")
		}
		n, err := Index(th, v)
		if err != nil {
			return "", err
		}
		x, ok := intToInt64(n)
		if !ok || x < 0 || x > 255 {
			return "", errMsg(OverflowError, "%c arg not in range(256)")
		}
		return string([]byte{byte(x)}), nil
	}
	if s, ok := AsStr(v); ok {
		if s.nchars != 1 {
			return "", errMsg(TypeError, "%c requires int or char")
		}
		return s.s, nil
	}
	if !isIntLike(v) && v.Type().Index == nil {
		return "", errMsg(TypeError, "%c requires int or char")
	}
	n, err := Index(th, v)
	if err != nil {
		return "", err
	}
	x, ok := intToInt64(n)
	if !ok || x < 0 || x > 0x10ffff {
		return "", errMsg(OverflowError, "%c arg not in range(0x110000)")
	}
	return runeString(rune(x)), nil
}

// percentInt is %d %i %u %o %x %X: the digits with their sign, the 0x/0o
// prefix when alt, zero-extended to prec digits.
func percentInt(th *Thread, v Value, ch rune, alt bool, prec int) (string, error) {
	wrong := func() error {
		if ch == 'o' || ch == 'x' || ch == 'X' {
			return Errorf(TypeError, "%%%c format: an integer is required, not %s", ch, TypeName(v))
		}
		return Errorf(TypeError, "%%%c format: a real number is required, not %s", ch, TypeName(v))
	}
	if !isNumber(v) {
		return "", wrong()
	}
	iv := v
	if !isIntLike(v) {
		var err error
		if ch == 'o' || ch == 'x' || ch == 'X' {
			iv, err = Index(th, v)
		} else {
			iv, err = IntFromValue(th, v)
		}
		if err != nil {
			if e := AsException(err); e != nil && e.Matches(TypeError) {
				return "", wrong()
			}
			return "", err
		}
	}
	var digits string
	neg := false
	switch ch {
	case 'o', 'x', 'X':
		base := 16
		if ch == 'o' {
			base = 8
		}
		b := ToBig(iv)
		neg = b.Sign() < 0
		if neg {
			digits = b.Text(base)[1:]
		} else {
			digits = b.Text(base)
		}
	default:
		s, err := intString(iv)
		if err != nil {
			return "", err
		}
		if s[0] == '-' {
			neg, s = true, s[1:]
		}
		digits = s
	}
	if prec > len(digits) {
		digits = strings.Repeat("0", prec-len(digits)) + digits
	}
	if alt && ch != 'd' && ch != 'i' && ch != 'u' {
		digits = "0" + string(ch) + digits
	}
	if ch == 'X' {
		digits = strings.ToUpper(digits)
	}
	if neg {
		return "-" + digits, nil
	}
	return digits, nil
}

// percentPad applies width, sign flags and zero padding (CPython's
// unicode_format_arg_output).
func percentPad(out []byte, s string, ch rune, flags, width int, numeric, isBytes bool) []byte {
	fill := byte(' ')
	if numeric && flags&pfZero != 0 {
		fill = '0'
	}
	n := len(s)
	if !isBytes {
		n = strLenWTF8(s)
	}
	if width <= n && !(numeric && flags&(pfSign|pfBlank) != 0) {
		return append(out, s...)
	}
	var sign byte
	if numeric {
		switch {
		case s != "" && (s[0] == '-' || s[0] == '+'):
			sign = s[0]
			s = s[1:]
			n--
		case flags&pfSign != 0:
			sign = '+'
		case flags&pfBlank != 0:
			sign = ' '
		}
	}
	prefix := ""
	if flags&pfAlt != 0 && (ch == 'x' || ch == 'X' || ch == 'o') {
		prefix, s = s[:2], s[2:]
		n -= 2
	}
	total := n + len(prefix)
	if sign != 0 {
		total++
	}
	pad := width - total
	if flags&pfLJust == 0 && pad > 0 {
		if fill == '0' {
			if sign != 0 {
				out = append(out, sign)
			}
			out = append(out, prefix...)
			for ; pad > 0; pad-- {
				out = append(out, '0')
			}
			return append(out, s...)
		}
		for ; pad > 0; pad-- {
			out = append(out, ' ')
		}
	}
	if sign != 0 {
		out = append(out, sign)
	}
	out = append(out, prefix...)
	out = append(out, s...)
	for ; pad > 0; pad-- {
		out = append(out, ' ')
	}
	return out
}
