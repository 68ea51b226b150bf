package vm

// This file implements int. Values that fit in int64 are immediates (see
// value.go); larger ones, and instances of int subclasses, are *Int heap
// objects holding a big.Int. Every operation normalises its result back to
// an immediate when it fits, so code outside this file rarely meets *Int.

import (
	"math"
	"math/big"
	"math/bits"
	"strings"
)

// Int is a heap int: a big value, or an instance of an int subclass.
type Int struct {
	Object
	v big.Int
}

var intLayout = NewLayout[Int]("int")

// MakeBigInt returns b as an int Value (an immediate when it fits). b is
// not retained.
func MakeBigInt(b *big.Int) Value {
	if b.IsInt64() {
		return MakeInt(b.Int64())
	}
	i := &Int{}
	i.typ = IntType
	i.v.Set(b)
	return i.Value()
}

// makeBigOwned is MakeBigInt taking ownership of b.
func makeBigOwned(b *big.Int) Value {
	if b.IsInt64() {
		return MakeInt(b.Int64())
	}
	i := &Int{}
	i.typ = IntType
	i.v = *b
	return i.Value()
}

// isIntLike reports whether v is an int (incl. bool and subclasses).
func isIntLike(v Value) bool {
	if v.p == nil || v.IsBool() {
		return true
	}
	_, ok := intLayout.Cast(v)
	return ok
}

// IsInt is isIntLike for other packages.
func IsInt(v Value) bool { return isIntLike(v) }

// intToInt64 returns an int-like value as int64 if it fits.
func intToInt64(v Value) (int64, bool) {
	if v.p == nil {
		return v.SmallInt(), true
	}
	if v.IsBool() {
		return int64(v.n), true
	}
	if b, ok := intLayout.Cast(v); ok && b.v.IsInt64() {
		return b.v.Int64(), true
	}
	return 0, false
}

// ToBig returns an int-like value as a big.Int (a new one for immediates;
// the object's own for heap ints: do not modify it).
func ToBig(v Value) *big.Int {
	if v.p == nil {
		return big.NewInt(v.SmallInt())
	}
	if v.IsBool() {
		return big.NewInt(int64(v.n))
	}
	if b, ok := intLayout.Cast(v); ok {
		return &b.v
	}
	return nil
}

// hashModulus is CPython's _PyHASH_MODULUS, 2**61 - 1.
const hashModulus = 1<<61 - 1

func hashSmallInt(i int64) int64 {
	// |i| mod (2**61 - 1), with i's sign; computed on uint64 so that
	// MinInt64 needs no special case.
	u := uint64(i)
	if i < 0 {
		u = uint64(-(i + 1)) + 1
	}
	h := int64(u % hashModulus)
	if i < 0 {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// hashInt is hash() of any int-like value.
func hashInt(v Value) int64 {
	if n, ok := intToInt64(v); ok {
		return hashSmallInt(n)
	}
	b := ToBig(v)
	m := new(big.Int).Mod(new(big.Int).Abs(b), big.NewInt(hashModulus))
	h := m.Int64()
	if b.Sign() < 0 {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// ------------------------------------------------------------ arithmetic

func compareInt64(a, b int64, op CompareOp) bool {
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

func cmpResult(c int, op CompareOp) bool {
	switch op {
	case CmpLT:
		return c < 0
	case CmpLE:
		return c <= 0
	case CmpEQ:
		return c == 0
	case CmpNE:
		return c != 0
	case CmpGT:
		return c > 0
	}
	return c >= 0
}

// IntAdd etc. are exported for the eval loop's slow paths and for builtins.
// Each returns NotImplemented when an operand is not an int.

func intAdd(a, b int64) Value {
	r := a + b
	if (r^a)&(r^b) < 0 {
		return makeBigOwned(new(big.Int).Add(big.NewInt(a), big.NewInt(b)))
	}
	return MakeInt(r)
}

func intSub(a, b int64) Value {
	r := a - b
	if (a^b)&(r^a) < 0 {
		return makeBigOwned(new(big.Int).Sub(big.NewInt(a), big.NewInt(b)))
	}
	return MakeInt(r)
}

func intMul(a, b int64) Value {
	hi, lo := bits.Mul64(uint64(abs64(a)), uint64(abs64(b)))
	if hi == 0 && lo <= math.MaxInt64 && a != math.MinInt64 && b != math.MinInt64 {
		r := int64(lo)
		if (a < 0) != (b < 0) {
			r = -r
		}
		return MakeInt(r)
	}
	return makeBigOwned(new(big.Int).Mul(big.NewInt(a), big.NewInt(b)))
}

func abs64(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// floorDiv64 is Python's // on int64 (b != 0), with the MinInt64/-1 case.
func floorDiv64(a, b int64) Value {
	if a == math.MinInt64 && b == -1 {
		return makeBigOwned(new(big.Int).Neg(big.NewInt(a)))
	}
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return MakeInt(q)
}

// mod64 is Python's % on int64 (b != 0): the sign follows the divisor.
func mod64(a, b int64) int64 {
	if b == -1 {
		return 0
	}
	r := a % b
	if r != 0 && ((r < 0) != (b < 0)) {
		r += b
	}
	return r
}

func bigFloorDivMod(a, b *big.Int) (q, m *big.Int) {
	q, m = new(big.Int), new(big.Int)
	q.DivMod(a, b, m) // Euclidean: m >= 0
	if m.Sign() != 0 && b.Sign() < 0 {
		// Python: the remainder takes the divisor's sign, and the
		// quotient is the floor, one below the Euclidean quotient.
		q.Sub(q, big.NewInt(1))
		m.Add(m, b)
	}
	return q, m
}

// intBinary implements every binary operator for two int-like operands.
func intBinary(th *Thread, a, b Value, op BinaryOp) (Value, error) {
	if !isIntLike(a) || !isIntLike(b) {
		return NotImplemented, nil
	}
	x, xok := intToInt64(a)
	y, yok := intToInt64(b)
	if xok && yok {
		switch op {
		case OpAdd:
			return intAdd(x, y), nil
		case OpSub:
			return intSub(x, y), nil
		case OpMul:
			return intMul(x, y), nil
		case OpFloorDiv:
			if y == 0 {
				return Null, Errorf(ZeroDivisionError, "integer division or modulo by zero")
			}
			return floorDiv64(x, y), nil
		case OpMod:
			if y == 0 {
				return Null, Errorf(ZeroDivisionError, "integer modulo by zero")
			}
			return MakeInt(mod64(x, y)), nil
		case OpTrueDiv:
			return intTrueDiv(x, y)
		case OpAnd:
			return MakeInt(x & y), nil
		case OpOr:
			return MakeInt(x | y), nil
		case OpXor:
			return MakeInt(x ^ y), nil
		case OpLShift:
			if y < 0 {
				return Null, Errorf(ValueError, "negative shift count")
			}
			if x == 0 {
				return MakeInt(0), nil
			}
			if y < 63 && bits.Len64(uint64(abs64(x)))+int(y) < 63 {
				return MakeInt(x << uint(y)), nil
			}
			if y > 1<<40 {
				return Null, Errorf(OverflowError, "too many digits in integer")
			}
			return makeBigOwned(new(big.Int).Lsh(big.NewInt(x), uint(y))), nil
		case OpRShift:
			if y < 0 {
				return Null, Errorf(ValueError, "negative shift count")
			}
			if y >= 64 {
				if x < 0 {
					return MakeInt(-1), nil
				}
				return MakeInt(0), nil
			}
			return MakeInt(x >> uint(y)), nil
		case OpPow:
			return intPow(th, a, b)
		}
		return NotImplemented, nil
	}
	// Big path.
	xb, yb := ToBig(a), ToBig(b)
	switch op {
	case OpAdd:
		return makeBigOwned(new(big.Int).Add(xb, yb)), nil
	case OpSub:
		return makeBigOwned(new(big.Int).Sub(xb, yb)), nil
	case OpMul:
		return makeBigOwned(new(big.Int).Mul(xb, yb)), nil
	case OpFloorDiv:
		if yb.Sign() == 0 {
			return Null, Errorf(ZeroDivisionError, "integer division or modulo by zero")
		}
		q, _ := bigFloorDivMod(xb, yb)
		return makeBigOwned(q), nil
	case OpMod:
		if yb.Sign() == 0 {
			return Null, Errorf(ZeroDivisionError, "integer modulo by zero")
		}
		_, m := bigFloorDivMod(xb, yb)
		return makeBigOwned(m), nil
	case OpTrueDiv:
		if yb.Sign() == 0 {
			return Null, Errorf(ZeroDivisionError, "division by zero")
		}
		f, _ := new(big.Rat).SetFrac(xb, yb).Float64()
		if math.IsInf(f, 0) {
			return Null, Errorf(OverflowError, "integer division result too large for a float")
		}
		return MakeFloat(f), nil
	case OpAnd:
		return makeBigOwned(new(big.Int).And(xb, yb)), nil
	case OpOr:
		return makeBigOwned(new(big.Int).Or(xb, yb)), nil
	case OpXor:
		return makeBigOwned(new(big.Int).Xor(xb, yb)), nil
	case OpLShift:
		if yb.Sign() < 0 {
			return Null, Errorf(ValueError, "negative shift count")
		}
		if !yb.IsInt64() || yb.Int64() > 1<<40 {
			if xb.Sign() == 0 {
				return MakeInt(0), nil
			}
			return Null, Errorf(OverflowError, "too many digits in integer")
		}
		return makeBigOwned(new(big.Int).Lsh(xb, uint(yb.Int64()))), nil
	case OpRShift:
		if yb.Sign() < 0 {
			return Null, Errorf(ValueError, "negative shift count")
		}
		if !yb.IsInt64() {
			if xb.Sign() < 0 {
				return MakeInt(-1), nil
			}
			return MakeInt(0), nil
		}
		return makeBigOwned(new(big.Int).Rsh(xb, uint(yb.Int64()))), nil
	case OpPow:
		return intPow(th, a, b)
	}
	return NotImplemented, nil
}

func intTrueDiv(x, y int64) (Value, error) {
	if y == 0 {
		return Null, Errorf(ZeroDivisionError, "division by zero")
	}
	// Exact when both fit in a double's mantissa; otherwise go through a
	// rational so the result is correctly rounded, as CPython's is.
	const m = 1 << 53
	if x > -m && x < m && y > -m && y < m {
		return MakeFloat(float64(x) / float64(y)), nil
	}
	f, _ := new(big.Rat).SetFrac(big.NewInt(x), big.NewInt(y)).Float64()
	return MakeFloat(f), nil
}

func intPow(th *Thread, a, b Value) (Value, error) {
	bb := ToBig(b)
	if bb.Sign() < 0 {
		// Negative exponent: a float result.
		fa, err := intToFloat(a)
		if err != nil {
			return Null, err
		}
		fb, err := intToFloat(b)
		if err != nil {
			return Null, err
		}
		if fa == 0 {
			return Null, Errorf(ZeroDivisionError, "0.0 cannot be raised to a negative power")
		}
		return MakeFloat(math.Pow(fa, fb)), nil
	}
	x, xok := intToInt64(a)
	if xok && bb.IsInt64() {
		y := bb.Int64()
		// Small results by repeated squaring with overflow checks.
		result, base := int64(1), x
		ok := true
		for e := y; e > 0 && ok; e >>= 1 {
			if e&1 == 1 {
				hi, lo := bits.Mul64(uint64(abs64(result)), uint64(abs64(base)))
				if hi != 0 || lo > math.MaxInt64 {
					ok = false
					break
				}
				neg := (result < 0) != (base < 0)
				result = int64(lo)
				if neg {
					result = -result
				}
			}
			if e > 1 {
				hi, lo := bits.Mul64(uint64(abs64(base)), uint64(abs64(base)))
				if hi != 0 || lo > math.MaxInt64 {
					ok = false
					break
				}
				base = int64(lo)
			}
		}
		if ok {
			return MakeInt(result), nil
		}
	}
	xb := ToBig(a)
	if xb.CmpAbs(big.NewInt(1)) <= 0 {
		// 0, 1 and -1 to any power (the exponent is positive here),
		// however large.
		switch {
		case xb.Sign() == 0:
			return MakeInt(0), nil
		case xb.Sign() > 0 || bb.Bit(0) == 0:
			return MakeInt(1), nil
		}
		return MakeInt(-1), nil
	}
	if !bb.IsInt64() || bb.Int64() > 1<<32 {
		return Null, Errorf(MemoryError, "")
	}
	if th != nil {
		// A huge power holds the GIL for its whole duration, as in CPython;
		// nothing to do here but compute it.
	}
	return makeBigOwned(new(big.Int).Exp(xb, bb, nil)), nil
}

// intPowMod is pow(a, b, m) for ints.
func intPowMod(a, b, m Value) (Value, error) {
	mb := ToBig(m)
	if mb.Sign() == 0 {
		return Null, Errorf(ValueError, "pow() 3rd argument cannot be 0")
	}
	ab, bb := ToBig(a), ToBig(b)
	base := new(big.Int).Set(ab)
	exp := new(big.Int).Set(bb)
	mod := new(big.Int).Abs(mb)
	if exp.Sign() < 0 {
		inv := new(big.Int).ModInverse(new(big.Int).Mod(base, mod), mod)
		if inv == nil {
			return Null, Errorf(ValueError, "base is not invertible for the given modulus")
		}
		base = inv
		exp.Neg(exp)
	}
	r := new(big.Int).Exp(new(big.Int).Mod(base, mod), exp, mod)
	if mb.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, mb)
	}
	return makeBigOwned(r), nil
}

func intToFloat(v Value) (float64, error) {
	if n, ok := intToInt64(v); ok {
		return float64(n), nil
	}
	f, acc := new(big.Float).SetInt(ToBig(v)).Float64()
	if math.IsInf(f, 0) || (acc != big.Exact && math.IsInf(f, 0)) {
		return 0, Errorf(OverflowError, "int too large to convert to float")
	}
	return f, nil
}

// IntToFloat converts an int-like value to float64 (OverflowError if huge).
func IntToFloat(v Value) (float64, error) { return intToFloat(v) }

// ---------------------------------------------------------- conversions

// maxStrDigits is sys.int_info.default_max_str_digits.
var maxStrDigits = 4300

// SetIntMaxStrDigits is sys.set_int_max_str_digits.
func SetIntMaxStrDigits(n int) { maxStrDigits = n }

// IntMaxStrDigits is sys.get_int_max_str_digits.
func IntMaxStrDigits() int { return maxStrDigits }

// intString formats an int in base 10, refusing huge values as 3.11 does.
func intString(v Value) (string, error) {
	if n, ok := intToInt64(v); ok {
		return formatSmallInt(n), nil
	}
	b := ToBig(v)
	if maxStrDigits > 0 && b.BitLen() > 14000 {
		// Cheap pre-check, then the exact digit count.
		s := b.String()
		digits := len(s)
		if b.Sign() < 0 {
			digits--
		}
		if digits > maxStrDigits {
			return "", Errorf(ValueError, "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits)
		}
		return s, nil
	}
	return b.String(), nil
}

// ParseInt converts text to an int the way int(text, base) does.
func ParseInt(text string, base int) (Value, error) {
	orig := text
	s := strings.TrimSpace(text)
	bad := func() error {
		return Errorf(ValueError, "invalid literal for int() with base %d: %s", base, StrRepr(orig))
	}
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if base == 0 {
		switch {
		case len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'):
			base, s = 16, s[2:]
		case len(s) > 1 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O'):
			base, s = 8, s[2:]
		case len(s) > 1 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B'):
			base, s = 2, s[2:]
		default:
			base = 10
			// "010" is not allowed with base 0, but "000" is.
			if len(s) > 1 && s[0] == '0' && strings.Trim(s, "0_") != "" {
				base = 0
				return Null, bad()
			}
		}
		if strings.HasPrefix(s, "_") {
			s = s[1:]
		}
	} else if base == 16 && len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s = s[2:]
		s = strings.TrimPrefix(s, "_")
	} else if base == 8 && len(s) > 1 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O') {
		s = s[2:]
		s = strings.TrimPrefix(s, "_")
	} else if base == 2 && len(s) > 1 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B') {
		s = s[2:]
		s = strings.TrimPrefix(s, "_")
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return Null, bad()
	}
	clean := strings.ReplaceAll(s, "_", "")
	// Unicode decimal digits are accepted by int(): map them to ASCII.
	clean = asciiDigits(clean)
	if base == 10 && maxStrDigits > 0 && len(clean) > maxStrDigits {
		return Null, Errorf(ValueError, "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits, len(clean))
	}
	b, ok := new(big.Int).SetString(clean, base)
	if !ok {
		return Null, bad()
	}
	if neg {
		b.Neg(b)
	}
	return makeBigOwned(b), nil
}

// asciiDigits replaces non-ASCII Unicode decimal digits with ASCII ones.
func asciiDigits(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if d := unicodeDigitValue(r); d >= 0 {
			b.WriteByte(byte('0' + d))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ------------------------------------------------------------------ type

func intNew(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
	var x, base Value = Null, Null
	if err := UnpackArgs("int", args, kwnames, "x?", &x, "base?", &base); err != nil {
		return Null, err
	}
	var r Value
	var err error
	if x.IsNull() {
		if !base.IsNull() {
			return Null, Errorf(TypeError, "int() missing string argument")
		}
		r = MakeInt(0)
	} else if !base.IsNull() {
		b, err := AsInt64(th, base)
		if err != nil {
			return Null, err
		}
		if b != 0 && (b < 2 || b > 36) {
			return Null, Errorf(ValueError, "int() base must be >= 2 and <= 36, or 0")
		}
		var text string
		if s, ok := AsStr(x); ok {
			text = s.s
		} else if bs, ok := asBytesLike(x); ok {
			text = string(bs)
		} else {
			return Null, Errorf(TypeError, "int() can't convert non-string with explicit base")
		}
		r, err = ParseInt(text, int(b))
		if err != nil {
			return Null, err
		}
	} else {
		r, err = IntFromValue(th, x)
		if err != nil {
			return Null, err
		}
	}
	if t == IntType {
		return r, nil
	}
	obj := intLayout.New(t)
	obj.v.Set(ToBig(r))
	return obj.Value(), nil
}

// IntFromValue is int(x) with one argument.
func IntFromValue(th *Thread, x Value) (Value, error) {
	switch {
	case x.IsSmallInt():
		return x, nil
	case x.IsBool():
		return MakeInt(int64(x.n)), nil
	case x.IsFloat():
		return floatToInt(x.Float())
	}
	if b, ok := castExact[Int](x, IntType); ok {
		return b.Value(), nil
	}
	if s, ok := AsStr(x); ok {
		return ParseInt(s.s, 10)
	}
	if bs, ok := asBytesLike(x); ok {
		v, err := ParseInt(string(bs), 10)
		if err != nil {
			return Null, Errorf(ValueError, "invalid literal for int() with base 10: %s", bytesRepr(bs))
		}
		return v, nil
	}
	t := x.Type()
	if t.Int != nil {
		r, err := t.Int(th, x)
		if err != nil {
			return Null, err
		}
		if !isIntLike(r) {
			return Null, Errorf(TypeError, "__int__ returned non-int (type %s)", TypeName(r))
		}
		return normalizeInt(r), nil
	}
	if t.Index != nil {
		r, err := t.Index(th, x)
		if err != nil {
			return Null, err
		}
		return normalizeInt(r), nil
	}
	if f := t.Lookup(dunderTrunc); !f.IsNull() {
		r, err := callDescr(th, f, x, nil, nil)
		if err != nil {
			return Null, err
		}
		if !isIntLike(r) {
			return Index(th, r)
		}
		return normalizeInt(r), nil
	}
	return Null, Errorf(TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", TypeName(x))
}

// normalizeInt turns an int subclass instance or bool into an exact int.
func normalizeInt(v Value) Value {
	if v.p == nil {
		return v
	}
	if v.IsBool() {
		return MakeInt(int64(v.n))
	}
	if b, ok := intLayout.Cast(v); ok {
		if b.typ == IntType {
			return v
		}
		return MakeBigInt(&b.v)
	}
	return v
}

func floatToInt(f float64) (Value, error) {
	if math.IsNaN(f) {
		return Null, Errorf(ValueError, "cannot convert float NaN to integer")
	}
	if math.IsInf(f, 0) {
		return Null, Errorf(OverflowError, "cannot convert float infinity to integer")
	}
	t := math.Trunc(f)
	if t >= -9.2e18 && t <= 9.2e18 {
		return MakeInt(int64(t)), nil
	}
	b, _ := new(big.Float).SetFloat64(t).Int(nil)
	return makeBigOwned(b), nil
}

func intRepr(th *Thread, v Value) (Value, error) {
	s, err := intString(v)
	if err != nil {
		return Null, err
	}
	return MakeStr(s), nil
}

func intCompare(th *Thread, a, b Value, op CompareOp) (Value, error) {
	if !isIntLike(a) {
		return NotImplemented, nil
	}
	if isIntLike(b) {
		x, xok := intToInt64(a)
		y, yok := intToInt64(b)
		if xok && yok {
			return MakeBool(compareInt64(x, y, op)), nil
		}
		return MakeBool(cmpResult(ToBig(a).Cmp(ToBig(b)), op)), nil
	}
	if f, ok := floatValue(b); ok {
		if math.IsNaN(f) {
			return MakeBool(op == CmpNE), nil
		}
		return MakeBool(cmpResult(-compareFloatInt(f, a), op)), nil
	}
	return NotImplemented, nil
}

func intUnary(th *Thread, v Value, which int) (Value, error) {
	if n, ok := intToInt64(v); ok {
		switch which {
		case 0: // neg
			if n == math.MinInt64 {
				return makeBigOwned(new(big.Int).Neg(big.NewInt(n))), nil
			}
			return MakeInt(-n), nil
		case 1: // pos
			return MakeInt(n), nil
		case 2: // abs
			if n == math.MinInt64 {
				return makeBigOwned(new(big.Int).Neg(big.NewInt(n))), nil
			}
			return MakeInt(abs64(n)), nil
		default: // invert
			return MakeInt(^n), nil
		}
	}
	b := ToBig(v)
	switch which {
	case 0:
		return makeBigOwned(new(big.Int).Neg(b)), nil
	case 1:
		return MakeBigInt(b), nil
	case 2:
		return makeBigOwned(new(big.Int).Abs(b)), nil
	}
	return makeBigOwned(new(big.Int).Not(b)), nil
}

func initIntType() {
	bin := [numBinaryOps]func(*Thread, Value, Value) (Value, error){}
	for op := 0; op < numBinaryOps; op++ {
		op := BinaryOp(op)
		if op == OpMatMul {
			continue
		}
		bin[op] = func(th *Thread, a, b Value) (Value, error) { return intBinary(th, a, b, op) }
	}
	initBuiltinType(IntType, TypeSpec{
		Name:   "int",
		Layout: intLayout.info,
		Doc:    "int([x]) -> integer\nint(x, base=10) -> integer",
		Slots: Slots{
			New:     intNew,
			Repr:    intRepr,
			Hash:    func(th *Thread, v Value) (int64, error) { return hashInt(v), nil },
			Compare: intCompare,
			Bool: func(th *Thread, v Value) (bool, error) {
				if n, ok := intToInt64(v); ok {
					return n != 0, nil
				}
				return ToBig(v).Sign() != 0, nil
			},
			Binary: bin,
			Neg:    func(th *Thread, v Value) (Value, error) { return intUnary(th, v, 0) },
			Pos:    func(th *Thread, v Value) (Value, error) { return intUnary(th, v, 1) },
			Abs:    func(th *Thread, v Value) (Value, error) { return intUnary(th, v, 2) },
			Invert: func(th *Thread, v Value) (Value, error) { return intUnary(th, v, 3) },
			Index:  func(th *Thread, v Value) (Value, error) { return normalizeInt(v), nil },
			Int:    func(th *Thread, v Value) (Value, error) { return normalizeInt(v), nil },
			Float: func(th *Thread, v Value) (Value, error) {
				f, err := intToFloat(v)
				return MakeFloat(f), err
			},
		},
		Methods: intMethods(),
		Getters: []*GetSet{
			{Name: "real", Get: func(th *Thread, v Value) (Value, error) { return normalizeInt(v), nil }},
			{Name: "imag", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(0), nil }},
			{Name: "numerator", Get: func(th *Thread, v Value) (Value, error) { return normalizeInt(v), nil }},
			{Name: "denominator", Get: func(th *Thread, v Value) (Value, error) { return MakeInt(1), nil }},
		},
	})
}

func intMethods() []*BuiltinMethod {
	self := func(args []Value) Value { return args[0] }
	return []*BuiltinMethod{
		{Name: "bit_length", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			if n, ok := intToInt64(self(args)); ok {
				return MakeInt(int64(bits.Len64(uint64(abs64(n))))), nil
			}
			return MakeInt(int64(ToBig(self(args)).BitLen())), nil
		}},
		{Name: "bit_count", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			b := new(big.Int).Abs(ToBig(self(args)))
			c := 0
			for _, w := range b.Bits() {
				c += bits.OnesCount64(uint64(w))
			}
			return MakeInt(int64(c)), nil
		}},
		{Name: "conjugate", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return normalizeInt(self(args)), nil }},
		{Name: "as_integer_ratio", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return NewTuple(normalizeInt(self(args)), MakeInt(1)).Value(), nil
		}},
		{Name: "__trunc__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return normalizeInt(self(args)), nil }},
		{Name: "__floor__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return normalizeInt(self(args)), nil }},
		{Name: "__ceil__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) { return normalizeInt(self(args)), nil }},
		{Name: "__round__", Fn: intRound},
		{Name: "__getnewargs__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			return NewTuple(normalizeInt(self(args))).Value(), nil
		}},
		{Name: "__format__", Fn: intFormatMethod},
		{Name: "to_bytes", Fn: intToBytes},
		{Name: "from_bytes", Fn: intFromBytes, Flags: MethClass},
		{Name: "__sizeof__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
			b := ToBig(self(args))
			n := (b.BitLen() + 29) / 30
			if n == 0 {
				return MakeInt(24), nil
			}
			return MakeInt(int64(24 + 4*n)), nil
		}},
	}
}

func intRound(th *Thread, args []Value, kw []Value) (Value, error) {
	v := normalizeInt(args[0])
	if len(args) < 2 || args[1].IsNone() {
		return v, nil
	}
	nd, err := AsInt64(th, args[1])
	if err != nil {
		return Null, err
	}
	if nd >= 0 {
		return v, nil
	}
	// Round to 10**-nd with ties to even.
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(-nd), nil)
	q, r := bigFloorDivMod(ToBig(v), pow)
	twice := new(big.Int).Mul(r, big.NewInt(2))
	c := twice.Cmp(pow)
	if c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	return makeBigOwned(q.Mul(q, pow)), nil
}

func intToBytes(th *Thread, args []Value, kwnames []Value) (Value, error) {
	var self, length, byteorder, signed Value = Null, MakeInt(1), MakeStr("big"), False
	if err := UnpackArgs("to_bytes", args, kwnames, "self", &self, "length?", &length, "byteorder?", &byteorder, "*", "signed?", &signed); err != nil {
		return Null, err
	}
	n, err := AsInt64(th, length)
	if err != nil {
		return Null, err
	}
	if n < 0 {
		return Null, Errorf(ValueError, "length argument must be non-negative")
	}
	order, _ := AsStr(byteorder)
	if order == nil || (order.s != "big" && order.s != "little") {
		return Null, Errorf(ValueError, "byteorder must be either 'little' or 'big'")
	}
	sg, _ := Truth(th, signed)
	b := new(big.Int).Set(ToBig(self))
	if b.Sign() < 0 && !sg {
		return Null, Errorf(OverflowError, "can't convert negative int to unsigned")
	}
	if b.Sign() < 0 {
		b.Add(b, new(big.Int).Lsh(big.NewInt(1), uint(n*8)))
		if b.Sign() < 0 || (n > 0 && b.Bit(int(n*8-1)) == 0) {
			return Null, Errorf(OverflowError, "int too big to convert")
		}
	} else if sg && n > 0 && b.BitLen() > int(n*8-1) {
		return Null, Errorf(OverflowError, "int too big to convert")
	}
	raw := b.Bytes()
	if len(raw) > int(n) {
		return Null, Errorf(OverflowError, "int too big to convert")
	}
	out := make([]byte, n)
	copy(out[int(n)-len(raw):], raw)
	if order.s == "little" {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return NewBytes(out).Value(), nil
}

func intFromBytes(th *Thread, args []Value, kwnames []Value) (Value, error) {
	var cls, data, byteorder, signed Value = Null, Null, MakeStr("big"), False
	if err := UnpackArgs("from_bytes", args, kwnames, "cls", &cls, "bytes", &data, "byteorder?", &byteorder, "*", "signed?", &signed); err != nil {
		return Null, err
	}
	raw, ok := asBytesLike(data)
	if !ok {
		items, err := SeqToSlice(th, data)
		if err != nil {
			return Null, err
		}
		raw = make([]byte, len(items))
		for i, it := range items {
			n, err := AsInt64(th, it)
			if err != nil {
				return Null, err
			}
			raw[i] = byte(n)
		}
	}
	order, _ := AsStr(byteorder)
	if order == nil || (order.s != "big" && order.s != "little") {
		return Null, Errorf(ValueError, "byteorder must be either 'little' or 'big'")
	}
	buf := append([]byte(nil), raw...)
	if order.s == "little" {
		for i, j := 0, len(buf)-1; i < j; i, j = i+1, j-1 {
			buf[i], buf[j] = buf[j], buf[i]
		}
	}
	b := new(big.Int).SetBytes(buf)
	if sg, _ := Truth(th, signed); sg && len(buf) > 0 && buf[0]&0x80 != 0 {
		b.Sub(b, new(big.Int).Lsh(big.NewInt(1), uint(len(buf)*8)))
	}
	r := makeBigOwned(b)
	if t, ok := AsType(cls); ok && t != IntType {
		return Call(th, cls, []Value{r}, nil)
	}
	return r, nil
}

// ------------------------------------------------------------------ bool

func initBoolType() {
	boolOp := func(op BinaryOp) func(*Thread, Value, Value) (Value, error) {
		return func(th *Thread, a, b Value) (Value, error) {
			if a.IsBool() && b.IsBool() {
				switch op {
				case OpAnd:
					return MakeBool(a.n&b.n != 0), nil
				case OpOr:
					return MakeBool(a.n|b.n != 0), nil
				case OpXor:
					return MakeBool(a.n^b.n != 0), nil
				}
			}
			return intBinary(th, a, b, op)
		}
	}
	bin := IntType.Binary
	bin[OpAnd], bin[OpOr], bin[OpXor] = boolOp(OpAnd), boolOp(OpOr), boolOp(OpXor)
	initBuiltinType(BoolType, TypeSpec{
		Name: "bool", Base: IntType, Final: true,
		Doc: "bool(x) -> bool",
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kw []Value) (Value, error) {
				if len(kw) > 0 {
					return Null, Errorf(TypeError, "bool() takes no keyword arguments")
				}
				if len(args) > 1 {
					return Null, Errorf(TypeError, "bool expected at most 1 argument, got %d", len(args))
				}
				if len(args) == 0 {
					return False, nil
				}
				b, err := Truth(th, args[0])
				return MakeBool(b), err
			},
			Repr: func(th *Thread, v Value) (Value, error) {
				if v.IsTrue() {
					return MakeStr("True"), nil
				}
				return MakeStr("False"), nil
			},
			Binary: bin,
		},
	})
	// bool's own __repr__ wins over int's for str() too.
	BoolType.Str = BoolType.Repr
}

// IntToInt64 returns an int-like value as int64 if it fits.
func IntToInt64(v Value) (int64, bool) {
	if !isIntLike(v) {
		return 0, false
	}
	return intToInt64(v)
}
