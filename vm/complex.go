package vm

// This file implements complex numbers.

import (
	"math"
	"math/cmplx"
	"strings"

	"gilpy/stdlib/libm"
)

type complexObject struct {
	Object
	c complex128
}

var complexLayout = NewLayout[complexObject]("complex")

// MakeComplex returns a complex value.
func MakeComplex(c complex128) Value {
	o := &complexObject{c: c}
	o.typ = ComplexType
	return o.Value()
}

// AsComplex returns the complex128 of a complex value.
func AsComplex(v Value) (complex128, bool) {
	if c, ok := complexLayout.Cast(v); ok {
		return c.c, true
	}
	return 0, false
}

// toComplex converts a number operand; ok false means NotImplemented.
func toComplex(v Value) (complex128, bool, error) {
	if c, ok := AsComplex(v); ok {
		return c, true, nil
	}
	if f, ok := floatValue(v); ok {
		return complex(f, 0), true, nil
	}
	if isIntLike(v) {
		f, err := intToFloat(v)
		return complex(f, 0), true, err
	}
	return 0, false, nil
}

func complexPow(a, b complex128) (Value, error) {
	var r complex128
	if imag(b) == 0 && real(b) == math.Floor(real(b)) && math.Abs(real(b)) <= 100 {
		// Integral exponents by repeated multiplication, as CPython's
		// c_powi does for small ones, so that (1+2j)**2 is exact.
		n := int(real(b))
		if n >= 0 {
			r = complexPowu(a, n)
		} else {
			d := complexPowu(a, -n)
			if d == 0 {
				return Null, Errorf(ZeroDivisionError, "0.0 to a negative or complex power")
			}
			q, _ := complexQuot(1, d)
			r, _ = AsComplex(q)
		}
	} else if a == 0 {
		if real(b) < 0 || imag(b) != 0 {
			return Null, Errorf(ZeroDivisionError, "0.0 to a negative or complex power")
		}
	} else {
		// CPython's _Py_c_pow, with the platform libm as CPython uses it.
		vabs := libm.Hypot(real(a), imag(a))
		length := libm.Pow(vabs, real(b))
		at := libm.Atan2(imag(a), real(a))
		phase := at * real(b)
		if imag(b) != 0 {
			length /= libm.Exp(at * imag(b))
			phase += imag(b) * libm.Log(vabs)
		}
		r = complex(length*libm.Cos(phase), length*libm.Sin(phase))
	}
	if math.IsInf(real(r), 0) || math.IsInf(imag(r), 0) {
		return Null, Errorf(OverflowError, "complex exponentiation")
	}
	return MakeComplex(r), nil
}

// complexPowu is CPython's c_powu: x**n for n >= 0 by binary powering.
func complexPowu(x complex128, n int) complex128 {
	r, p := complex(1, 0), x
	for mask := 1; mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = complexProd(r, p)
		}
		p = complexProd(p, p)
	}
	return r
}

// complexProd is CPython's _Py_c_prod (Go's complex multiplication
// handles infinities differently).
func complexProd(a, b complex128) complex128 {
	return complex(real(a)*real(b)-imag(a)*imag(b), real(a)*imag(b)+imag(a)*real(b))
}

// complexQuot is CPython's _Py_c_quot: Smith's algorithm, scaled by the
// larger part of the divisor.
func complexQuot(a, b complex128) (Value, error) {
	ar, ai, br, bi := real(a), imag(a), real(b), imag(b)
	absBr, absBi := math.Abs(br), math.Abs(bi)
	var r complex128
	switch {
	case absBr >= absBi:
		if absBr == 0 {
			return Null, Errorf(ZeroDivisionError, "complex division by zero")
		}
		ratio := bi / br
		denom := br + bi*ratio
		r = complex((ar+ai*ratio)/denom, (ai-ar*ratio)/denom)
	case absBi >= absBr:
		ratio := br / bi
		denom := br*ratio + bi
		r = complex((ar*ratio+ai)/denom, (ai*ratio-ar)/denom)
	default:
		// At least one of b's parts is NaN.
		r = complex(math.NaN(), math.NaN())
	}
	return MakeComplex(r), nil
}

// formatComplex is repr(complex).
func formatComplex(c complex128) string {
	re, im := real(c), imag(c)
	imS := formatComplexPart(im)
	if re == 0 && !math.Signbit(re) {
		return imS + "j"
	}
	reS := formatComplexPart(re)
	sign := "+"
	if im < 0 || (im == 0 && math.Signbit(im)) || math.IsNaN(im) && strings.HasPrefix(imS, "-") {
		sign = ""
	}
	return "(" + reS + sign + imS + "j)"
}

func formatComplexPart(f float64) string {
	s := FormatFloatRepr(f)
	return strings.TrimSuffix(s, ".0")
}

func complexBinary(th *Thread, a, b Value, op BinaryOp) (Value, error) {
	x, ok1, err := toComplex(a)
	if err != nil {
		return Null, err
	}
	y, ok2, err := toComplex(b)
	if err != nil {
		return Null, err
	}
	if !ok1 || !ok2 {
		return NotImplemented, nil
	}
	switch op {
	case OpAdd:
		return MakeComplex(x + y), nil
	case OpSub:
		return MakeComplex(x - y), nil
	case OpMul:
		return MakeComplex(complexProd(x, y)), nil
	case OpTrueDiv:
		return complexQuot(x, y)
	case OpPow:
		return complexPow(x, y)
	case OpFloorDiv, OpMod:
		return Null, Errorf(TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", binaryOpSymbol(op), TypeName(a), TypeName(b))
	}
	return NotImplemented, nil
}

func initComplexType() {
	bin := [numBinaryOps]func(*Thread, Value, Value) (Value, error){}
	for _, op := range []BinaryOp{OpAdd, OpSub, OpMul, OpTrueDiv, OpPow, OpFloorDiv, OpMod} {
		op := op
		bin[op] = func(th *Thread, a, b Value) (Value, error) { return complexBinary(th, a, b, op) }
	}
	cv := func(v Value) complex128 { c, _ := AsComplex(v); return c }
	initBuiltinType(ComplexType, TypeSpec{
		Name: "complex", Layout: complexLayout.info,
		Slots: Slots{
			New: func(th *Thread, t *Type, args []Value, kwnames []Value) (Value, error) {
				var re, im Value = Null, Null
				if err := UnpackArgs("complex", args, kwnames, "real?", &re, "imag?", &im); err != nil {
					return Null, err
				}
				var c complex128
				if s, ok := AsStr(re); ok {
					if !im.IsNull() {
						return Null, Errorf(TypeError, "complex() can't take second arg if first is a string")
					}
					v, err := parseComplex(s.s)
					if err != nil {
						return Null, err
					}
					c = v
				} else {
					if _, isC := AsComplex(re); !re.IsNull() && !isC {
						// complex(x) asks x.__complex__ first.
						if m := re.Type().Lookup(Intern("__complex__")); !m.IsNull() {
							r, err := callDescr(th, m, re, nil, nil)
							if err != nil {
								return Null, err
							}
							if _, ok := AsComplex(r); !ok {
								return Null, Errorf(TypeError, "__complex__ returned non-complex (type %s)", TypeName(r))
							}
							re = r
						}
					}
					if !re.IsNull() {
						r, ok, err := toComplex(re)
						if err != nil {
							return Null, err
						}
						if !ok {
							f, err := AsFloat(th, re)
							if err != nil {
								return Null, Errorf(TypeError, "complex() first argument must be a string or a number, not '%s'", TypeName(re))
							}
							r = complex(f, 0)
						}
						c = r
					}
					if !im.IsNull() {
						i, ok, err := toComplex(im)
						if err != nil {
							return Null, err
						}
						if !ok {
							return Null, Errorf(TypeError, "complex() second argument must be a number, not '%s'", TypeName(im))
						}
						// complex(a, b) is a + b*1j computed part by part
						// (as CPython does), so that infinities and
						// negative zeros survive: no 0*inf products.
						rePart, imPart := real(c), real(i)
						if _, isC := AsComplex(im); isC {
							rePart -= imag(i)
						}
						if _, isC := AsComplex(re); isC {
							imPart += imag(c)
						}
						c = complex(rePart, imPart)
					}
				}
				o := complexLayout.New(t)
				o.c = c
				return o.Value(), nil
			},
			Repr: func(th *Thread, v Value) (Value, error) { return MakeStr(formatComplex(cv(v))), nil },
			Hash: func(th *Thread, v Value) (int64, error) {
				c := cv(v)
				h := uint64(hashFloat(real(c))) + 1000003*uint64(hashFloat(imag(c)))
				r := int64(h)
				if r == -1 {
					r = -2
				}
				return r, nil
			},
			Compare: func(th *Thread, a, b Value, op CompareOp) (Value, error) {
				x := cv(a)
				y, ok, err := toComplex(b)
				if err != nil || !ok {
					return NotImplemented, err
				}
				if op != CmpEQ && op != CmpNE {
					return NotImplemented, nil
				}
				return MakeBool((x == y) == (op == CmpEQ)), nil
			},
			Bool:   func(th *Thread, v Value) (bool, error) { return cv(v) != 0, nil },
			Binary: bin,
			Neg:    func(th *Thread, v Value) (Value, error) { return MakeComplex(-cv(v)), nil },
			Pos:    func(th *Thread, v Value) (Value, error) { return MakeComplex(cv(v)), nil },
			Abs: func(th *Thread, v Value) (Value, error) {
				r := cmplx.Abs(cv(v))
				if math.IsInf(r, 0) && !cmplx.IsInf(cv(v)) {
					return Null, Errorf(OverflowError, "absolute value too large")
				}
				return MakeFloat(r), nil
			},
		},
		Methods: []*BuiltinMethod{
			{Name: "conjugate", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				return MakeComplex(cmplx.Conj(cv(args[0]))), nil
			}},
			{Name: "__format__", Fn: complexFormatMethod},
			{Name: "__getnewargs__", Fn: func(th *Thread, args []Value, kw []Value) (Value, error) {
				c := cv(args[0])
				return NewTuple(MakeFloat(real(c)), MakeFloat(imag(c))).Value(), nil
			}},
		},
		Getters: []*GetSet{
			{Name: "real", Get: func(th *Thread, v Value) (Value, error) { return MakeFloat(real(cv(v))), nil }},
			{Name: "imag", Get: func(th *Thread, v Value) (Value, error) { return MakeFloat(imag(cv(v))), nil }},
		},
	})
}

func parseComplex(s string) (complex128, error) {
	bad := Errorf(ValueError, "complex() arg is a malformed string")
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	if t == "" {
		return 0, bad
	}
	if !strings.HasSuffix(t, "j") && !strings.HasSuffix(t, "J") {
		f, err := ParseFloat(t)
		if err != nil {
			return 0, bad
		}
		return complex(f, 0), nil
	}
	body := t[:len(t)-1]
	// Split at the last sign that is not part of an exponent.
	split := -1
	for i := len(body) - 1; i > 0; i-- {
		if (body[i] == '+' || body[i] == '-') && body[i-1] != 'e' && body[i-1] != 'E' {
			split = i
			break
		}
	}
	var reS, imS string
	if split < 0 {
		imS = body
	} else {
		reS, imS = body[:split], body[split:]
	}
	if imS == "" || imS == "+" {
		imS += "1"
	} else if imS == "-" {
		imS = "-1"
	}
	im, err := ParseFloat(imS)
	if err != nil {
		return 0, bad
	}
	var re float64
	if reS != "" {
		if re, err = ParseFloat(reS); err != nil {
			return 0, bad
		}
	}
	return complex(re, im), nil
}
