package vm

// This file implements float: immediates for exact floats, *floatObject for
// instances of float subclasses.

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"gilpy/stdlib/libm"
)

type floatObject struct {
	Object
	f float64
}

var floatLayout = NewLayout[floatObject]("float")

// floatValue returns the float64 of an exact float or float subclass.
func floatValue(v Value) (float64, bool) {
	if v.IsFloat() {
		return v.Float(), true
	}
	if f, ok := floatLayout.Cast(v); ok {
		return f.f, true
	}
	return 0, false
}

// FloatValue is floatValue for other packages.
func FloatValue(v Value) (float64, bool) { return floatValue(v) }

// AsFloat converts a number (float, int, or __float__/__index__) to float64,
// as PyFloat_AsDouble does.
func AsFloat(th *Thread, v Value) (float64, error) {
	if f, ok := floatValue(v); ok {
		return f, nil
	}
	if isIntLike(v) {
		return intToFloat(v)
	}
	t := v.Type()
	if t.Float != nil {
		r, err := t.Float(th, v)
		if err != nil {
			return 0, err
		}
		f, ok := floatValue(r)
		if !ok {
			return 0, Errorf(TypeError, "%s.__float__ returned non-float (type %s)", t.Name, TypeName(r))
		}
		return f, nil
	}
	if t.Index != nil {
		r, err := t.Index(th, v)
		if err != nil {
			return 0, err
		}
		return intToFloat(r)
	}
	return 0, Errorf(TypeError, "must be real number, not %s", t.Name)
}

// FormatFloatRepr is repr(float): the shortest string that reads back as the
// same float, in fixed notation when the decimal exponent is in [-4, 16),
// else in exponent notation, as CPython's float_repr.
func FormatFloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	neg := false
	if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	epos := strings.IndexByte(s, 'e')
	mant, exp := s[:epos], s[epos+1:]
	e, _ := strconv.Atoi(exp)
	digits := strings.Replace(mant, ".", "", 1)
	decpt := e + 1 // position of the decimal point after the first digit
	var out string
	if decpt > -4 && decpt <= 16 {
		switch {
		case decpt <= 0:
			out = "0." + strings.Repeat("0", -decpt) + digits
		case decpt >= len(digits):
			out = digits + strings.Repeat("0", decpt-len(digits)) + ".0"
		default:
			out = digits[:decpt] + "." + digits[decpt:]
		}
	} else {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		sign := "+"
		if e < 0 {
			sign = "-"
			e = -e
		}
		es := strconv.Itoa(e)
		if len(es) < 2 {
			es = "0" + es
		}
		out = m + "e" + sign + es
	}
	if neg {
		return "-" + out
	}
	return out
}

// hashFloat is CPython's _Py_HashDouble: integral floats hash like ints,
// others by reducing the mantissa modulo 2**61-1.
func hashFloat(f float64) int64 {
	if math.IsInf(f, 1) {
		return 314159
	}
	if math.IsInf(f, -1) {
		return -314159
	}
	if math.IsNaN(f) {
		return 0 // 3.10+ hashes NaN by identity; value-level callers use 0
	}
	if f == math.Trunc(f) && math.Abs(f) < 9e18 {
		return hashSmallInt(int64(f))
	}
	m, e := math.Frexp(f)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(61-28)
		m *= 268435456.0 // 2**28
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e = e % 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(61-uint(e))
	h := int64(x) * sign
	if h == -1 {
		h = -2
	}
	return h
}

// compareFloatInt compares a float with an int exactly: -1, 0, 1. The
// float must not be NaN (callers answer NaN comparisons first).
func compareFloatInt(f float64, i Value) int {
	if n, ok := intToInt64(i); ok && n > -1<<53 && n < 1<<53 {
		g := float64(n)
		switch {
		case f < g:
			return -1
		case f > g:
			return 1
		}
		return 0
	}
	if math.IsInf(f, 1) {
		return 1
	}
	if math.IsInf(f, -1) {
		return -1
	}
	bf := new(big.Float).SetFloat64(f)
	bi := new(big.Float).SetInt(ToBig(i))
	return bf.Cmp(bi)
}

func floatCompare(th *Thread, a, b Value, op CompareOp) (Value, error) {
	x, ok := floatValue(a)
	if !ok {
		return NotImplemented, nil
	}
	if y, ok := floatValue(b); ok {
		switch op {
		case CmpLT:
			return MakeBool(x < y), nil
		case CmpLE:
			return MakeBool(x <= y), nil
		case CmpEQ:
			return MakeBool(x == y), nil
		case CmpNE:
			return MakeBool(x != y), nil
		case CmpGT:
			return MakeBool(x > y), nil
		}
		return MakeBool(x >= y), nil
	}
	if isIntLike(b) {
		if math.IsNaN(x) {
			return MakeBool(op == CmpNE), nil
		}
		return MakeBool(cmpResult(compareFloatInt(x, b), op)), nil
	}
	return NotImplemented, nil
}

// floatOperands converts both operands for float arithmetic; ok is false
// (NotImplemented) when one is neither float nor int.
func floatOperands(a, b Value) (x, y float64, ok bool, err error) {
	var okA, okB bool
	x, okA = floatValue(a)
	y, okB = floatValue(b)
	if !okA && !okB {
		return 0, 0, false, nil
	}
	if !okA {
		if !isIntLike(a) {
			return 0, 0, false, nil
		}
		x, err = intToFloat(a)
	}
	if !okB {
		if !isIntLike(b) {
			return 0, 0, false, nil
		}
		y, err = intToFloat(b)
	}
	return x, y, true, err
}

// FloatBinary is every binary operator for floats (with int promotion).
func floatBinary(th *Thread, a, b Value, op BinaryOp) (Value, error) {
	x, y, ok, err := floatOperands(a, b)
	if err != nil {
		return Null, err
	}
	if !ok {
		return NotImplemented, nil
	}
	switch op {
	case OpAdd:
		return MakeFloat(x + y), nil
	case OpSub:
		return MakeFloat(x - y), nil
	case OpMul:
		return MakeFloat(x * y), nil
	case OpTrueDiv:
		if y == 0 {
			return Null, Errorf(ZeroDivisionError, "float division by zero")
		}
		return MakeFloat(x / y), nil
	case OpFloorDiv:
		if y == 0 {
			return Null, Errorf(ZeroDivisionError, "float floor division by zero")
		}
		q, _ := floatDivmod(x, y)
		return MakeFloat(q), nil
	case OpMod:
		if y == 0 {
			return Null, Errorf(ZeroDivisionError, "float modulo")
		}
		_, m := floatDivmod(x, y)
		return MakeFloat(m), nil
	case OpPow:
		return floatPow(x, y)
	}
	return NotImplemented, nil
}

// floatDivmod is CPython's float_divmod.
func floatDivmod(vx, wx float64) (float64, float64) {
	mod := math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}

func floatPow(x, y float64) (Value, error) {
	if y == 0 {
		return MakeFloat(1), nil
	}
	if math.IsNaN(x) {
		if y == 0 {
			return MakeFloat(1), nil
		}
		return MakeFloat(x), nil
	}
	if x == 0 && y < 0 && !math.IsInf(y, 0) {
		return Null, Errorf(ZeroDivisionError, "0.0 cannot be raised to a negative power")
	}
	if x < 0 && y != math.Trunc(y) && !math.IsInf(y, 0) && !math.IsNaN(y) {
		// A negative base with a fractional exponent gives a complex.
		return complexPow(complex(x, 0), complex(y, 0))
	}
	// The platform's pow, as CPython's: Go's differs in the last bit.
	r := libm.Pow(x, y)
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		return Null, Errorf(OverflowError, "(34, 'Numerical result out of range')")
	}
	return MakeFloat(r), nil
}

// ParseFloat converts text as float(text) does.
func ParseFloat(text string) (float64, error) {
	s := strings.TrimSpace(text)
	bad := func() error { return Errorf(ValueError, "could not convert string to float: %s", StrRepr(text)) }
	if s == "" {
		return 0, bad()
	}
	lower := strings.ToLower(s)
	body := strings.TrimLeft(lower, "+-")
	switch body {
	case "inf", "infinity":
		if strings.HasPrefix(lower, "-") {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	case "nan":
		return math.NaN(), nil
	}
	if strings.Contains(lower, "0x") || strings.ContainsAny(lower, "px") {
		return 0, bad()
	}
	if strings.Contains(s, "_") {
		// Underscores only between digits.
		for i := 0; i < len(s); i++ {
			if s[i] == '_' && (i == 0 || i == len(s)-1 || !isDigit(s[i-1]) || !isDigit(s[i+1])) {
				return 0, bad()
			}
		}
		s = strings.ReplaceAll(s, "_", "")
	}
	s = asciiDigits(s)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, nil
		}
		return 0, bad()
	}
	return f, nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func floatNew(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	var x Value = Null
	if err := UnpackArgs("float", args, kwnames, "x?", &x); err != nil {
		return Null, err
	}
	var f float64
	var err error
	switch {
	case x.IsNull():
		f = 0
	default:
		if s, ok := AsStr(x); ok {
			f, err = ParseFloat(s.s)
		} else if bs, ok := asBytesLike(x); ok {
			f, err = ParseFloat(string(bs))
		} else if v, ok := floatValue(x); ok {
			f = v
		} else if x.Type().Float == nil && x.Type().Index == nil && !isIntLike(x) {
			return Null, Errorf(TypeError, "float() argument must be a string or a real number, not '%s'", TypeName(x))
		} else {
			f, err = AsFloat(th, x)
		}
	}
	if err != nil {
		return Null, err
	}
	if t == FloatType {
		return MakeFloat(f), nil
	}
	obj := floatLayout.New(t)
	obj.f = f
	return obj.Value(), nil
}

func floatUnary(v Value, which int) (Value, error) {
	x, _ := floatValue(v)
	switch which {
	case 0:
		return MakeFloat(-x), nil
	case 1:
		return MakeFloat(x), nil
	}
	return MakeFloat(math.Abs(x)), nil
}

func initFloatType() {
	bin := [numBinaryOps]func(*Thread, Value, Value) (Value, error){}
	for _, op := range []BinaryOp{OpAdd, OpSub, OpMul, OpTrueDiv, OpFloorDiv, OpMod, OpPow} {
		op := op
		bin[op] = func(th *Thread, a, b Value) (Value, error) { return floatBinary(th, a, b, op) }
	}
	initBuiltinType(FloatType, TypeSpec{
		Name: "float", Layout: floatLayout.info,
		Doc: "Convert a string or number to a floating point number, if possible.",
		Slots: Slots{
			New: floatNew,
			Repr: func(th *Thread, v Value) (Value, error) {
				f, _ := floatValue(v)
				return MakeStr(FormatFloatRepr(f)), nil
			},
			Hash: func(th *Thread, v Value) (int64, error) {
				f, _ := floatValue(v)
				if math.IsNaN(f) {
					return objectHash(th, v)
				}
				return hashFloat(f), nil
			},
			Compare: floatCompare,
			Bool: func(th *Thread, v Value) (bool, error) {
				f, _ := floatValue(v)
				return f != 0, nil
			},
			Binary: bin,
			Neg:    func(th *Thread, v Value) (Value, error) { return floatUnary(v, 0) },
			Pos:    func(th *Thread, v Value) (Value, error) { return floatUnary(v, 1) },
			Abs:    func(th *Thread, v Value) (Value, error) { return floatUnary(v, 2) },
			Int: func(th *Thread, v Value) (Value, error) {
				f, _ := floatValue(v)
				return floatToInt(f)
			},
			Float: func(th *Thread, v Value) (Value, error) {
				f, _ := floatValue(v)
				return MakeFloat(f), nil
			},
		},
		Methods: floatMethods(),
		Getters: []*GetSet{
			{Name: "real", Get: func(th *Thread, v Value) (Value, error) { f, _ := floatValue(v); return MakeFloat(f), nil }},
			{Name: "imag", Get: func(th *Thread, v Value) (Value, error) { return MakeFloat(0), nil }},
		},
	})
}

func floatMethods() []*BuiltinMethod {
	fv := func(args []Value) float64 { f, _ := floatValue(args[0]); return f }
	return []*BuiltinMethod{
		{Name: "is_integer", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			f := fv(args)
			return MakeBool(!math.IsInf(f, 0) && f == math.Trunc(f)), nil
		}},
		{Name: "conjugate", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return MakeFloat(fv(args)), nil }},
		{Name: "__trunc__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return floatToInt(fv(args)) }},
		{Name: "__floor__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return floatToInt(math.Floor(fv(args))) }},
		{Name: "__ceil__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return floatToInt(math.Ceil(fv(args))) }},
		{Name: "__round__", Fn: floatRound},
		{Name: "__getnewargs__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return NewTuple(MakeFloat(fv(args))).Value(), nil
		}},
		{Name: "as_integer_ratio", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			f := fv(args)
			if math.IsInf(f, 0) {
				return Null, Errorf(OverflowError, "cannot convert Infinity to integer ratio")
			}
			if math.IsNaN(f) {
				return Null, Errorf(ValueError, "cannot convert NaN to integer ratio")
			}
			r := new(big.Rat)
			r.SetFloat64(f)
			return NewTuple(MakeBigInt(r.Num()), MakeBigInt(r.Denom())).Value(), nil
		}},
		{Name: "hex", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return MakeStr(floatHex(fv(args))), nil
		}},
		{Name: "fromhex", Flags: MethClass, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if len(args) != 2 {
				return Null, Errorf(TypeError, "fromhex() takes exactly one argument")
			}
			s, ok := AsStr(args[1])
			if !ok {
				return Null, Errorf(TypeError, "fromhex() argument must be str")
			}
			f, err := floatFromHex(s.s)
			if err != nil {
				return Null, err
			}
			if t, ok := AsType(args[0]); ok && t != FloatType {
				return Call(th, args[0], []Value{MakeFloat(f)}, nil)
			}
			return MakeFloat(f), nil
		}},
		{Name: "__format__", Fn: floatFormatMethod},
		{Name: "__getformat__", Flags: MethClass, Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return MakeStr("IEEE, little-endian"), nil
		}},
	}
}

func floatRound(th *Thread, args []Value, kw []Value) (Value, error) {
	f, _ := floatValue(args[0])
	if len(args) < 2 || args[1].IsNone() {
		// round(x) -> int, ties to even.
		r := math.RoundToEven(f)
		return floatToInt(r)
	}
	nd, err := AsInt64(th, args[1])
	if err != nil {
		return Null, err
	}
	if math.IsNaN(f) || math.IsInf(f, 0) || f == 0 {
		return MakeFloat(f), nil
	}
	if nd > 323 {
		return MakeFloat(f), nil
	}
	if nd < -308 {
		return MakeFloat(math.Copysign(0, f)), nil
	}
	if nd >= 0 {
		// Correctly rounded decimal with nd places, ties to even on the
		// exact binary value (strconv does exactly that), read back.
		s := strconv.FormatFloat(f, 'f', int(nd), 64)
		r, _ := strconv.ParseFloat(s, 64)
		return MakeFloat(r), nil
	}
	// Negative ndigits: round to a multiple of 10**-nd.
	pow := math.Pow(10, float64(-nd))
	y := f / pow
	z := math.RoundToEven(y)
	if math.Abs(y-math.Trunc(y)) == 0.5 {
		z = 2 * math.RoundToEven(y/2)
	}
	r := z * pow
	if math.IsInf(r, 0) {
		return Null, Errorf(OverflowError, "rounded value too large to represent")
	}
	return MakeFloat(r), nil
}

func floatHex(f float64) string {
	if math.IsNaN(f) {
		return "nan"
	}
	if math.IsInf(f, 1) {
		return "inf"
	}
	if math.IsInf(f, -1) {
		return "-inf"
	}
	sign := ""
	if math.Signbit(f) {
		sign = "-"
		f = -f
	}
	if f == 0 {
		return sign + "0x0.0p+0"
	}
	m, e := math.Frexp(f) // f = m * 2**e, 0.5 <= m < 1
	// CPython normalises to 1.xxxxx
	bits := math.Float64bits(f)
	mant := bits & (1<<52 - 1)
	exp := int(bits>>52) & 0x7ff
	lead := 1
	if exp == 0 {
		lead = 0
		exp = -1022
	} else {
		exp -= 1023
	}
	_ = m
	_ = e
	hex := strconv.FormatUint(mant, 16)
	hex = strings.Repeat("0", 13-len(hex)) + hex
	es := strconv.Itoa(exp)
	if exp >= 0 {
		es = "+" + es
	}
	return sign + "0x" + strconv.Itoa(lead) + "." + hex + "p" + es
}

func floatFromHex(s string) (float64, error) {
	t := strings.TrimSpace(strings.ToLower(s))
	switch strings.TrimLeft(t, "+-") {
	case "inf", "infinity":
		if strings.HasPrefix(t, "-") {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	case "nan":
		return math.NaN(), nil
	}
	body := t
	neg := false
	if strings.HasPrefix(body, "-") {
		neg, body = true, body[1:]
	} else {
		body = strings.TrimPrefix(body, "+")
	}
	if !strings.HasPrefix(body, "0x") {
		body = "0x" + body
	}
	if !strings.Contains(body, "p") {
		body += "p0"
	}
	f, err := strconv.ParseFloat(body, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 0, Errorf(OverflowError, "hexadecimal value too large to represent as a float")
		}
		return 0, Errorf(ValueError, "invalid hexadecimal floating-point string")
	}
	if neg {
		f = -f
	}
	return f, nil
}
