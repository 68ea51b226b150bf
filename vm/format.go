package vm

// This file implements the format-spec mini-language of format(),
// f-strings and str.format (CPython's Python/formatter_unicode.c):
//
//	[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//
// for int (and bool), float, complex and str, and the float-to-text
// conversion they share with %-formatting (CPython's
// PyOS_double_to_string). Go's strconv rounds correctly, as David Gay's
// dtoa does, so the digits are CPython's; this file only places them.

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fmtSpec is a parsed format spec.
type fmtSpec struct {
	spec      string // the text, for error messages
	fill      rune
	align     rune // '<', '>', '=' or '^'
	alt       bool // '#'
	noNeg0    bool // 'z'
	sign      rune // 0, '+', '-' or ' '
	width     int  // -1 when absent
	grouping  rune // 0, ',' or '_'
	group4    bool // '_' with b/o/x/X: every four digits
	precision int  // -1 when absent
	typ       rune // 0 when absent
}

// specInteger reads decimal digits (any Unicode decimal digit, as CPython
// accepts) at runes[*pos:], returning the value and how many digits it read.
func specInteger(runes []rune, pos *int) (int, int, error) {
	acc, n := 0, 0
	for *pos < len(runes) {
		d := decimalValue(runes[*pos])
		if d < 0 {
			break
		}
		if acc > (math.MaxInt64-d)/10 {
			return 0, 0, Errorf(ValueError, "Too many decimal digits in format string")
		}
		acc = acc*10 + d
		*pos++
		n++
	}
	return acc, n, nil
}

func isAlignChar(r rune) bool { return r == '<' || r == '>' || r == '=' || r == '^' }

// parseFormatSpec parses spec for an object of type typeName whose default
// presentation type and alignment are defType and defAlign.
func parseFormatSpec(spec string, defType, defAlign rune, typeName string) (fmtSpec, error) {
	sp := fmtSpec{spec: spec, fill: ' ', align: defAlign, width: -1, precision: -1, typ: defType}
	var buf [24]rune
	rs := buf[:0]
	for i := 0; i < len(spec); {
		r, size := decodeRuneWTF8(spec[i:])
		rs = append(rs, r)
		i += size
	}
	pos, end := 0, len(rs)
	fillSet, alignSet := false, false
	if end-pos >= 2 && isAlignChar(rs[pos+1]) {
		sp.align, sp.fill = rs[pos+1], rs[pos]
		fillSet, alignSet = true, true
		pos += 2
	} else if end-pos >= 1 && isAlignChar(rs[pos]) {
		sp.align = rs[pos]
		alignSet = true
		pos++
	}
	if pos < end && (rs[pos] == ' ' || rs[pos] == '+' || rs[pos] == '-') {
		sp.sign = rs[pos]
		pos++
	}
	if pos < end && rs[pos] == 'z' {
		sp.noNeg0 = true
		pos++
	}
	if pos < end && rs[pos] == '#' {
		sp.alt = true
		pos++
	}
	// A leading '0' means zero padding after the sign, unless a fill was
	// given; for strings (default alignment '<') it only sets the fill.
	if !fillSet && pos < end && rs[pos] == '0' {
		sp.fill = '0'
		if !alignSet && defAlign == '>' {
			sp.align = '='
		}
		pos++
	}
	w, n, err := specInteger(rs, &pos)
	if err != nil {
		return sp, err
	}
	if n > 0 {
		sp.width = w
	}
	if pos < end && rs[pos] == ',' {
		sp.grouping = ','
		pos++
	}
	if pos < end && rs[pos] == '_' {
		if sp.grouping != 0 {
			return sp, Errorf(ValueError, "Cannot specify both ',' and '_'.")
		}
		sp.grouping = '_'
		pos++
	}
	if pos < end && rs[pos] == ',' && sp.grouping == '_' {
		return sp, Errorf(ValueError, "Cannot specify both ',' and '_'.")
	}
	if pos < end && rs[pos] == '.' {
		pos++
		p, n, err := specInteger(rs, &pos)
		if err != nil {
			return sp, err
		}
		if n == 0 {
			return sp, Errorf(ValueError, "Format specifier missing precision")
		}
		sp.precision = p
	}
	if end-pos > 1 {
		return sp, Errorf(ValueError, "Invalid format specifier '%s' for object of type '%s'", spec, typeName)
	}
	if end-pos == 1 {
		sp.typ = rs[pos]
	}
	if sp.grouping != 0 {
		switch sp.typ {
		case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0:
		case 'b', 'o', 'x', 'X':
			if sp.grouping == '_' {
				sp.group4 = true
				break
			}
			fallthrough
		default:
			if sp.typ > 32 && sp.typ < 128 {
				return sp, Errorf(ValueError, "Cannot specify '%c' with '%c'.", sp.grouping, sp.typ)
			}
			return sp, Errorf(ValueError, "Cannot specify '%c' with '\\x%x'.", sp.grouping, sp.typ)
		}
	}
	return sp, nil
}

func unknownFormatCode(typ rune, typeName string) error {
	if typ > 32 && typ < 128 {
		return Errorf(ValueError, "Unknown format code '%c' for object of type '%s'", typ, typeName)
	}
	return Errorf(ValueError, "Unknown format code '\\x%x' for object of type '%s'", typ, typeName)
}

// numLocale is the decimal point and digit grouping of a number.
type numLocale struct {
	sep   string
	group int // 0: no grouping
}

func (sp *fmtSpec) locale() numLocale {
	switch {
	case sp.typ == 'n':
		// LC_NUMERIC is "C" in a Python process unless the program sets
		// it, and the C locale neither groups nor uses another point.
		return numLocale{}
	case sp.group4:
		return numLocale{"_", 4}
	case sp.grouping == ',':
		return numLocale{",", 3}
	case sp.grouping == '_':
		return numLocale{"_", 3}
	}
	return numLocale{}
}

// groupDigits inserts separators into digits (ASCII) every loc.group digits
// from the right and pads with leading zeros to at least minWidth
// characters, as CPython's _PyUnicode_InsertThousandsGrouping does: zero
// padding is grouped too ("0,001,234").
func groupDigits(digits string, minWidth int, loc numLocale) string {
	remaining := len(digits)
	var parts []string // from the right
	if loc.group > 0 {
		first := true
		for {
			l := min(loc.group, max(remaining, minWidth, 1))
			zeros := max(0, l-remaining)
			chars := max(0, min(remaining, l))
			part := strings.Repeat("0", zeros) + digits[remaining-chars:remaining]
			if !first {
				part += loc.sep
			}
			parts = append(parts, part)
			first = false
			remaining -= chars
			minWidth -= l
			if remaining <= 0 && minWidth <= 0 {
				break
			}
			minWidth -= len(loc.sep)
		}
	} else {
		l := max(remaining, minWidth, 1)
		return strings.Repeat("0", max(0, l-remaining)) + digits
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	return b.String()
}

// writeFill writes n copies of r.
func writeFill(b *strings.Builder, r rune, n int) {
	if n <= 0 {
		return
	}
	if r < utf8.RuneSelf {
		for i := 0; i < n; i++ {
			b.WriteByte(byte(r))
		}
		return
	}
	var buf [4]byte
	enc := appendRuneWTF8(buf[:0], r)
	for i := 0; i < n; i++ {
		b.Write(enc)
	}
}

// layoutNumber writes a number as CPython's calc_number_widths and
// fill_number lay it out:
//
//	<lpad><sign><prefix><spad><grouped digits><decimal point><remainder><rpad>
//
// negative tells whether the number had a minus sign; digits are the
// integer digits (grouped), decimal whether a decimal point follows them
// and remainder the rest (fraction, exponent, '%', or the character of
// the 'c' type).
func (sp *fmtSpec) layoutNumber(b *strings.Builder, negative bool, prefix, digits string, decimal bool, remainder string, loc numLocale) error {
	if sp.width > maxAlloc {
		return NewException(MemoryError)
	}
	var sign byte
	switch {
	case negative:
		sign = '-'
	case sp.sign == '+':
		sign = '+'
	case sp.sign == ' ':
		sign = ' '
	}
	nSign := 0
	if sign != 0 {
		nSign = 1
	}
	nDecimal := 0
	if decimal {
		nDecimal = 1
	}
	nonDigit := nSign + len(prefix) + nDecimal + utf8.RuneCountInString(remainder)
	minWidth := 0
	if sp.fill == '0' && sp.align == '=' {
		minWidth = sp.width - nonDigit
	}
	grouped := ""
	if len(digits) > 0 {
		grouped = groupDigits(digits, minWidth, loc)
	}
	pad := sp.width - (nonDigit + len(grouped))
	lpad, spad, rpad := 0, 0, 0
	if pad > 0 {
		switch sp.align {
		case '<':
			rpad = pad
		case '^':
			lpad = pad / 2
			rpad = pad - lpad
		case '=':
			spad = pad
		default:
			lpad = pad
		}
	}
	writeFill(b, sp.fill, lpad)
	if sign != 0 {
		b.WriteByte(sign)
	}
	b.WriteString(prefix)
	writeFill(b, sp.fill, spad)
	b.WriteString(grouped)
	if decimal {
		b.WriteByte('.')
	}
	b.WriteString(remainder)
	writeFill(b, sp.fill, rpad)
	return nil
}

// splitNumber splits formatted float text (without its sign) into the
// integer digits, whether a decimal point follows, and the rest.
func splitNumber(s string) (digits string, decimal bool, rest string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	digits, rest = s[:i], s[i:]
	if rest != "" && rest[0] == '.' {
		return digits, true, rest[1:]
	}
	return digits, false, rest
}

// formatBuiltin is format(v, spec) for exact str, int, float and complex
// without looking up and calling their __format__ (which does the same),
// as CPython's str.format does; ok is false for any other value.
func formatBuiltin(v, specV Value) (Value, bool, error) {
	spec, ok := castExact[Str](specV, StrType)
	if !ok {
		return Null, false, nil
	}
	if spec.s == "" && v.Type() == StrType {
		return v, true, nil
	}
	s, ok, err := formatBuiltinText(v, spec.s)
	if !ok || err != nil {
		return Null, ok, err
	}
	return MakeStr(s), true, nil
}

// formatBuiltinText is formatBuiltin with the spec and result as Go strings.
func formatBuiltinText(v Value, spec string) (string, bool, error) {
	var s string
	var err error
	switch {
	case v.IsSmallInt():
		s, err = FormatInt(nil, v, spec)
	case v.IsFloat():
		s, err = FormatFloat(nil, v.Float(), spec)
	default:
		switch v.Type() {
		case StrType:
			s, err = FormatStr(nil, strLayout.Must(v).s, spec)
		case IntType:
			s, err = FormatInt(nil, v, spec)
		case ComplexType:
			r, err := FormatComplexSpec(nil, complexLayout.Must(v).c, MakeStr(spec))
			if err != nil {
				return "", true, err
			}
			return strLayout.Must(r).s, true, nil
		default:
			return "", false, nil
		}
	}
	return s, true, err
}

// ------------------------------------------------------------------ int

// FormatInt is format(int, spec): int.__format__.
func FormatInt(th *Thread, v Value, spec string) (string, error) {
	if spec == "" {
		if v.IsSmallInt() || v.Type() == IntType {
			return intString(v)
		}
		s, err := StrOf(th, v)
		if err != nil {
			return "", err
		}
		return s.s, nil
	}
	typeName := TypeName(v)
	sp, err := parseFormatSpec(spec, 'd', '>', typeName)
	if err != nil {
		return "", err
	}
	switch sp.typ {
	case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
		return formatIntSpec(v, &sp)
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, err := intToFloat(v)
		if err != nil {
			return "", err
		}
		return formatFloatSpec(f, &sp)
	}
	return "", unknownFormatCode(sp.typ, typeName)
}

func formatIntSpec(v Value, sp *fmtSpec) (string, error) {
	if sp.precision != -1 {
		return "", Errorf(ValueError, "Precision not allowed in integer format specifier")
	}
	if sp.noNeg0 {
		return "", Errorf(ValueError, "Negative zero coercion (z) not allowed in integer format specifier")
	}
	var b strings.Builder
	if sp.typ == 'c' {
		if sp.sign != 0 {
			return "", Errorf(ValueError, "Sign not allowed with integer format specifier 'c'")
		}
		if sp.alt {
			return "", Errorf(ValueError, "Alternate form (#) not allowed with integer format specifier 'c'")
		}
		x, ok := intToInt64(v)
		if !ok {
			return "", Errorf(OverflowError, "Python int too large to convert to C long")
		}
		if x < 0 || x > 0x10ffff {
			return "", errMsg(OverflowError, "%c arg not in range(0x110000)")
		}
		err := sp.layoutNumber(&b, false, "", "", false, string(appendRuneWTF8(nil, rune(x))), numLocale{})
		return b.String(), err
	}
	var digits, prefix string
	neg := false
	switch sp.typ {
	case 'b', 'o', 'x', 'X':
		base := map[rune]int{'b': 2, 'o': 8, 'x': 16, 'X': 16}[sp.typ]
		if n, ok := intToInt64(v); ok {
			if n < 0 {
				neg = true
				digits = strconv.FormatUint(uint64(-n), base) // -MinInt64 wraps to itself: fine as uint64
			} else {
				digits = strconv.FormatInt(n, base)
			}
		} else {
			bi := ToBig(v)
			neg = bi.Sign() < 0
			digits = new(big.Int).Abs(bi).Text(base)
		}
		if sp.alt {
			prefix = "0" + string(sp.typ)
		}
		if sp.typ == 'X' {
			digits = strings.ToUpper(digits)
		}
	default:
		s, err := intString(v)
		if err != nil {
			return "", err
		}
		if s[0] == '-' {
			neg, s = true, s[1:]
		}
		digits = s
	}
	err := sp.layoutNumber(&b, neg, prefix, digits, false, "", sp.locale())
	return b.String(), err
}

// ---------------------------------------------------------------- float

// floatDigits returns the significant decimal digits of x >= 0 and the
// position of the decimal point relative to them (x = 0.DIGITS * 10**decpt),
// as David Gay's dtoa does in its three modes: 0 the shortest digits that
// read back as x, 2 at most nd significant digits, 3 nd digits after the
// point. Trailing zeros are dropped; zero is "0" with decpt 1.
func floatDigits(x float64, mode, nd int) (string, int) {
	var digits string
	var decpt int
	if mode == 3 {
		s := strconv.FormatFloat(x, 'f', nd, 64)
		ip, fp, _ := strings.Cut(s, ".")
		digits, decpt = ip+fp, len(ip)
		i := 0
		for i < len(digits) && digits[i] == '0' {
			i++
		}
		digits, decpt = digits[i:], decpt-i
	} else {
		prec := -1
		if mode == 2 {
			prec = nd - 1
		}
		s := strconv.FormatFloat(x, 'e', prec, 64)
		e := strings.IndexByte(s, 'e')
		exp, _ := strconv.Atoi(s[e+1:])
		digits = strings.Replace(s[:e], ".", "", 1)
		decpt = exp + 1
	}
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		return "0", 1
	}
	return digits, decpt
}

// floatToText is CPython's PyOS_double_to_string: code is one of e E f F
// g G or r (repr: the shortest text), prec the precision, alt the '#'
// flag (keep the point and trailing zeros), addDot0 writes "1.0" rather
// than "1" when the result would look like an int, noNeg0 drops the
// minus sign of a result that rounds to zero.
func floatToText(x float64, code byte, prec int, alt, addDot0, noNeg0 bool) string {
	upper := false
	if code == 'E' || code == 'F' || code == 'G' {
		upper = true
		code += 'a' - 'A'
	}
	neg := math.Signbit(x)
	if math.IsNaN(x) {
		if upper {
			return "NAN"
		}
		return "nan"
	}
	if math.IsInf(x, 0) {
		s := "inf"
		if upper {
			s = "INF"
		}
		if neg {
			return "-" + s
		}
		return s
	}
	ax := math.Abs(x)
	var digits string
	var decpt int
	switch code {
	case 'e':
		prec++
		digits, decpt = floatDigits(ax, 2, prec)
	case 'f':
		digits, decpt = floatDigits(ax, 3, prec)
	case 'g':
		if prec == 0 {
			prec = 1
		}
		digits, decpt = floatDigits(ax, 2, prec)
	default: // 'r'
		digits, decpt = floatDigits(ax, 0, 0)
	}
	if noNeg0 && digits == "0" {
		neg = false
	}
	useExp := false
	vend := len(digits)
	switch code {
	case 'e':
		useExp = true
		vend = prec
	case 'f':
		vend = decpt + prec
	case 'g':
		limit := prec
		if addDot0 {
			limit = prec - 1
		}
		if decpt <= -4 || decpt > limit {
			useExp = true
		}
		if alt {
			vend = prec
		}
	default:
		if decpt <= -4 || decpt > 16 {
			useExp = true
		}
	}
	exp := 0
	if useExp {
		exp = decpt - 1
		decpt = 1
	}
	vstart := 0
	if decpt <= 0 {
		vstart = decpt - 1
	}
	if !useExp && addDot0 {
		vend = max(vend, decpt+1)
	} else {
		vend = max(vend, decpt)
	}
	b := make([]byte, 0, 24)
	zeros := func(n int) {
		for ; n > 0; n-- {
			b = append(b, '0')
		}
	}
	if neg {
		b = append(b, '-')
	}
	if decpt <= 0 {
		zeros(decpt - vstart)
		b = append(b, '.')
		zeros(-decpt)
	} else {
		zeros(-vstart)
	}
	if 0 < decpt && decpt <= len(digits) {
		b = append(b, digits[:decpt]...)
		b = append(b, '.')
		b = append(b, digits[decpt:]...)
	} else {
		b = append(b, digits...)
	}
	if len(digits) < decpt {
		zeros(decpt - len(digits))
		b = append(b, '.')
		zeros(vend - decpt)
	} else {
		zeros(vend - len(digits))
	}
	if b[len(b)-1] == '.' && !alt {
		b = b[:len(b)-1]
	}
	if useExp {
		if upper {
			b = append(b, 'E')
		} else {
			b = append(b, 'e')
		}
		if exp < 0 {
			b = append(b, '-')
			exp = -exp
		} else {
			b = append(b, '+')
		}
		if exp < 10 {
			b = append(b, '0')
		}
		b = strconv.AppendInt(b, int64(exp), 10)
	}
	return string(b)
}

// FormatFloat is format(float, spec): float.__format__.
func FormatFloat(th *Thread, f float64, spec string) (string, error) {
	if spec == "" {
		return FormatFloatRepr(f), nil
	}
	sp, err := parseFormatSpec(spec, 0, '>', "float")
	if err != nil {
		return "", err
	}
	switch sp.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
		return formatFloatSpec(f, &sp)
	}
	return "", unknownFormatCode(sp.typ, "float")
}

// formatFloatSpec is CPython's format_float_internal.
func formatFloatSpec(f float64, sp *fmtSpec) (string, error) {
	if sp.precision > math.MaxInt32 {
		return "", Errorf(ValueError, "precision too big")
	}
	prec := sp.precision
	typ := sp.typ
	defPrec := 6
	addDot0 := false
	if typ == 0 {
		// No type: like repr() without a precision, else like 'g' but
		// always with a digit after the point.
		addDot0 = true
		typ = 'r'
		defPrec = 0
	}
	if typ == 'n' {
		typ = 'g'
	}
	pct := false
	if typ == '%' {
		typ = 'f'
		f *= 100
		pct = true
	}
	if prec < 0 {
		prec = defPrec
	} else if typ == 'r' {
		typ = 'g'
	}
	s := floatToText(f, byte(typ), prec, sp.alt, addDot0, sp.noNeg0)
	if pct {
		s += "%"
	}
	if sp.sign != '+' && sp.sign != ' ' && sp.width == -1 && sp.typ != 'n' && sp.grouping == 0 {
		return s, nil
	}
	neg := false
	if s[0] == '-' {
		neg, s = true, s[1:]
	}
	digits, dec, rest := splitNumber(s)
	var b strings.Builder
	err := sp.layoutNumber(&b, neg, "", digits, dec, rest, sp.locale())
	return b.String(), err
}

// -------------------------------------------------------------- complex

// FormatComplexSpec is format(complex, spec): complex.__format__.
func FormatComplexSpec(th *Thread, c complex128, specV Value) (Value, error) {
	specS, ok := AsStr(specV)
	if !ok {
		return Null, Errorf(TypeError, "__format__() argument must be str, not %s", TypeName(specV))
	}
	if specS.s == "" {
		return MakeStr(formatComplex(c)), nil
	}
	sp, err := parseFormatSpec(specS.s, 0, '>', "complex")
	if err != nil {
		return Null, err
	}
	switch sp.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n':
	default:
		return Null, unknownFormatCode(sp.typ, "complex")
	}
	if sp.precision > math.MaxInt32 {
		return Null, Errorf(ValueError, "precision too big")
	}
	if sp.fill == '0' {
		return Null, Errorf(ValueError, "Zero padding is not allowed in complex format specifier")
	}
	if sp.align == '=' {
		return Null, Errorf(ValueError, "'=' alignment flag is not allowed in complex format specifier")
	}
	re, im := real(c), imag(c)
	typ, prec, defPrec := sp.typ, sp.precision, 6
	skipRe, parens := false, false
	if typ == 0 {
		// Like str(c): no real part when it is +0.0, else parentheses.
		typ, defPrec = 'r', 0
		if re == 0 && !math.Signbit(re) {
			skipRe = true
		} else {
			parens = true
		}
	}
	if typ == 'n' {
		typ = 'g'
	}
	if prec < 0 {
		prec = defPrec
	} else if typ == 'r' {
		typ = 'g'
	}
	reText := floatToText(re, byte(typ), prec, sp.alt, false, sp.noNeg0)
	imText := floatToText(im, byte(typ), prec, sp.alt, false, sp.noNeg0)
	loc := sp.locale()
	part := func(b *strings.Builder, text string, sign rune) {
		neg := false
		if text[0] == '-' {
			neg, text = true, text[1:]
		}
		digits, dec, rest := splitNumber(text)
		tmp := &fmtSpec{fill: ' ', align: '<', width: -1, sign: sign}
		_ = tmp.layoutNumber(b, neg, "", digits, dec, rest, loc) // no width: cannot fail
	}
	var body strings.Builder
	if parens {
		body.WriteByte('(')
	}
	if !skipRe {
		part(&body, reText, sp.sign)
		part(&body, imText, '+')
	} else {
		part(&body, imText, sp.sign)
	}
	body.WriteByte('j')
	if parens {
		body.WriteByte(')')
	}
	r, err := padText(body.String(), &sp)
	if err != nil {
		return Null, err
	}
	return MakeStr(r), nil
}

// padText pads s to the spec's width by its alignment.
func padText(s string, sp *fmtSpec) (string, error) {
	n := strLenWTF8(s)
	if sp.width <= n {
		return s, nil
	}
	if sp.width > maxAlloc {
		return "", NewException(MemoryError)
	}
	pad := sp.width - n
	lpad := 0
	switch sp.align {
	case '>':
		lpad = pad
	case '^':
		lpad = pad / 2
	}
	var b strings.Builder
	writeFill(&b, sp.fill, lpad)
	b.WriteString(s)
	writeFill(&b, sp.fill, pad-lpad)
	return b.String(), nil
}

// ------------------------------------------------------------------ str

// FormatStr is format(str, spec): str.__format__.
func FormatStr(th *Thread, s string, spec string) (string, error) {
	if spec == "" {
		return s, nil
	}
	sp, err := parseFormatSpec(spec, 's', '<', "str")
	if err != nil {
		return "", err
	}
	if sp.typ != 's' {
		return "", unknownFormatCode(sp.typ, "str")
	}
	return formatStrSpec(s, &sp)
}

func formatStrSpec(s string, sp *fmtSpec) (string, error) {
	switch {
	case sp.sign == ' ':
		return "", Errorf(ValueError, "Space not allowed in string format specifier")
	case sp.sign != 0:
		return "", Errorf(ValueError, "Sign not allowed in string format specifier")
	case sp.noNeg0:
		return "", Errorf(ValueError, "Negative zero coercion (z) not allowed in string format specifier")
	case sp.alt:
		return "", Errorf(ValueError, "Alternate form (#) not allowed in string format specifier")
	case sp.align == '=':
		return "", Errorf(ValueError, "'=' alignment not allowed in string format specifier")
	}
	if sp.precision >= 0 {
		if n := strLenWTF8(s); n > sp.precision {
			s = wtf8Prefix(s, sp.precision)
		}
	}
	return padText(s, sp)
}

// maxAlloc bounds the size of a padded result: a width CPython could
// not allocate is a MemoryError, and well before that Go would abort the
// whole process rather than fail one allocation, so gilpy stops at 1 GiB.
const maxAlloc = 1 << 30

// checkAlloc is MemoryError for a result of n characters or bytes that
// cannot be made.
func checkAlloc(n int) error {
	if n < 0 || n > maxAlloc {
		return NewException(MemoryError)
	}
	return nil
}

// errMsg is an exception with a literal message (one with a '%' that
// Errorf would take for a verb).
func errMsg(t *Type, msg string) *Exception { return NewException(t, MakeStr(msg)) }

// formatMethodSpec checks the arguments of a __format__ method (self and
// one str) and returns the spec.
func formatMethodSpec(args, kwnames []Value) (*Str, error) {
	if len(kwnames) > 0 {
		return nil, Errorf(TypeError, "%s.__format__() takes no keyword arguments", TypeName(args[0]))
	}
	if len(args) != 2 {
		return nil, Errorf(TypeError, "%s.__format__() takes exactly one argument (%d given)", TypeName(args[0]), len(args)-1)
	}
	spec, ok := AsStr(args[1])
	if !ok {
		return nil, Errorf(TypeError, "__format__() argument must be str, not %s", TypeName(args[1]))
	}
	return spec, nil
}

// formatEmptySpec is format(v, "") for an int, float, complex or str:
// str(v), which for a subclass may be its own __str__ or __repr__.
func formatEmptySpec(th *Thread, v Value) (Value, error) {
	s, err := StrOf(th, v)
	if err != nil {
		return Null, err
	}
	return s.Value(), nil
}

// intFormatMethod is int.__format__ (and bool's).
func intFormatMethod(th *Thread, args, kwnames []Value) (Value, error) {
	spec, err := formatMethodSpec(args, kwnames)
	if err != nil {
		return Null, err
	}
	if spec.s == "" {
		return formatEmptySpec(th, args[0])
	}
	s, err := FormatInt(th, args[0], spec.s)
	if err != nil {
		return Null, err
	}
	return MakeStr(s), nil
}

// floatFormatMethod is float.__format__.
func floatFormatMethod(th *Thread, args, kwnames []Value) (Value, error) {
	spec, err := formatMethodSpec(args, kwnames)
	if err != nil {
		return Null, err
	}
	if spec.s == "" {
		return formatEmptySpec(th, args[0])
	}
	f, _ := floatValue(args[0])
	s, err := FormatFloat(th, f, spec.s)
	if err != nil {
		return Null, err
	}
	return MakeStr(s), nil
}

// complexFormatMethod is complex.__format__.
func complexFormatMethod(th *Thread, args, kwnames []Value) (Value, error) {
	spec, err := formatMethodSpec(args, kwnames)
	if err != nil {
		return Null, err
	}
	if spec.s == "" {
		return formatEmptySpec(th, args[0])
	}
	c, _ := AsComplex(args[0])
	return FormatComplexSpec(th, c, spec.Value())
}

// objectFormatMethod is object.__format__: str(self) for an empty spec,
// an error for any other.
func objectFormatMethod(th *Thread, args, kwnames []Value) (Value, error) {
	spec, err := formatMethodSpec(args, kwnames)
	if err != nil {
		return Null, err
	}
	if spec.s != "" {
		return Null, Errorf(TypeError, "unsupported format string passed to %s.__format__", TypeName(args[0]))
	}
	return formatEmptySpec(th, args[0])
}
