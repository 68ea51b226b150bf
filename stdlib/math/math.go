// Package math is Python's math module.
//
// Transcendental functions come from the C library (package libm) so that
// results are bit-identical to CPython's on the same machine. The error
// rules follow CPython's: a NaN from a non-NaN argument is "math domain
// error" (ValueError), an infinity from a finite argument is "math range
// error" (OverflowError) for the functions that can overflow and a domain
// error for the others. gamma and lgamma use the same Lanczos
// approximation as CPython (their results depend on the method, not only
// on the mathematical value); fsum, hypot and dist are computed exactly
// and rounded once, which is what CPython's algorithms achieve.
package math

import (
	"math"
	"math/big"

	"gilpy/stdlib/libm"
	"gilpy/vm"
)

func init() {
	vm.RegisterModule("math", initModule)
}

func initModule(th *vm.Thread, m *vm.Module) error {
	m.Set("pi", vm.MakeFloat(math.Pi))
	m.Set("e", vm.MakeFloat(math.E))
	m.Set("tau", vm.MakeFloat(2*math.Pi))
	m.Set("inf", vm.MakeFloat(math.Inf(1)))
	m.Set("nan", vm.MakeFloat(math.NaN()))

	// One-argument functions in CPython's math_1 style.
	unary := []struct {
		name        string
		f           func(float64) float64
		canOverflow bool
	}{
		{"acos", libm.Acos, false}, {"acosh", libm.Acosh, false},
		{"asin", libm.Asin, false}, {"asinh", libm.Asinh, false},
		{"atan", libm.Atan, false}, {"atanh", libm.Atanh, false},
		{"cbrt", libm.Cbrt, false},
		{"cos", libm.Cos, false}, {"cosh", libm.Cosh, true},
		{"erf", libm.Erf, false}, {"erfc", libm.Erfc, false},
		{"exp", libm.Exp, true}, {"exp2", libm.Exp2, true},
		{"expm1", libm.Expm1, true}, {"fabs", math.Abs, false},
		{"gamma", gamma, true}, {"lgamma", lgamma, true},
		{"sin", libm.Sin, false}, {"sinh", libm.Sinh, true},
		{"sqrt", math.Sqrt, false}, {"tan", libm.Tan, false},
		{"tanh", libm.Tanh, false},
		{"log1p", log1p, false},
	}
	for _, u := range unary {
		u := u
		full := "math." + u.name
		m.AddFunc(u.name, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			x, err := oneFloat(th, full, args, kw)
			if err != nil {
				return vm.Null, err
			}
			return math1(x, u.f, u.canOverflow, u.name)
		})
	}
	m.AddFunc("degrees", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		x, err := oneFloat(th, "math.degrees", args, kw)
		if err != nil {
			return vm.Null, err
		}
		return vm.MakeFloat(x * (180.0 / math.Pi)), nil
	})
	m.AddFunc("radians", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		x, err := oneFloat(th, "math.radians", args, kw)
		if err != nil {
			return vm.Null, err
		}
		return vm.MakeFloat(x * (math.Pi / 180.0)), nil
	})
	for _, p := range []struct {
		name string
		f    func(float64) bool
	}{
		{"isfinite", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }},
		{"isinf", func(x float64) bool { return math.IsInf(x, 0) }},
		{"isnan", math.IsNaN},
	} {
		p := p
		m.AddFunc(p.name, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			x, err := oneFloat(th, "math."+p.name, args, kw)
			if err != nil {
				return vm.Null, err
			}
			return vm.MakeBool(p.f(x)), nil
		})
	}

	// Two-argument float functions.
	binary := []struct {
		name string
		f    func(x, y float64) (float64, error)
	}{
		{"atan2", func(y, x float64) (float64, error) { return check2(y, x, atan2(y, x), false) }},
		{"copysign", func(x, y float64) (float64, error) { return math.Copysign(x, y), nil }},
		{"fmod", fmod},
		{"remainder", remainder},
		{"nextafter", func(x, y float64) (float64, error) { return libm.Nextafter(x, y), nil }},
		{"pow", pow},
	}
	for _, b := range binary {
		b := b
		m.AddFunc(b.name, func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.NoKeywords("math."+b.name, kw); err != nil {
				return vm.Null, err
			}
			if err := vm.ArgCount(b.name, args, 2, 2); err != nil {
				return vm.Null, err
			}
			x, err := vm.AsFloat(th, args[0])
			if err != nil {
				return vm.Null, err
			}
			y, err := vm.AsFloat(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			r, err := b.f(x, y)
			if err != nil {
				return vm.Null, err
			}
			return vm.MakeFloat(r), nil
		})
	}

	m.AddFunc("ceil", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		return rounding(th, "ceil", "__ceil__", math.Ceil, args, kw)
	})
	m.AddFunc("floor", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		return rounding(th, "floor", "__floor__", math.Floor, args, kw)
	})
	m.AddFunc("trunc", mathTrunc)
	m.AddFunc("frexp", mathFrexp)
	m.AddFunc("ldexp", mathLdexp)
	m.AddFunc("modf", mathModf)
	m.AddFunc("log", mathLog)
	m.AddFunc("log2", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.NoKeywords("math.log2", kw); err != nil {
			return vm.Null, err
		}
		if err := vm.ArgCount("math.log2", args, 1, 1); err != nil {
			return vm.Null, err
		}
		r, err := logHelper(th, args[0], libm.Log2)
		return fl(r, err)
	})
	m.AddFunc("log10", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
		if err := vm.NoKeywords("math.log10", kw); err != nil {
			return vm.Null, err
		}
		if err := vm.ArgCount("math.log10", args, 1, 1); err != nil {
			return vm.Null, err
		}
		r, err := logHelper(th, args[0], libm.Log10)
		return fl(r, err)
	})
	m.AddFunc("fsum", mathFsum)
	m.AddFunc("hypot", mathHypot)
	m.AddFunc("dist", mathDist)
	m.AddFunc("isclose", mathIsclose)
	m.AddFunc("ulp", mathUlp)
	m.AddFunc("prod", mathProd)

	// Integer functions.
	m.AddFunc("factorial", mathFactorial)
	m.AddFunc("gcd", mathGcd)
	m.AddFunc("lcm", mathLcm)
	m.AddFunc("isqrt", mathIsqrt)
	m.AddFunc("comb", mathComb)
	m.AddFunc("perm", mathPerm)
	return nil
}

func fl(r float64, err error) (vm.Value, error) {
	if err != nil {
		return vm.Null, err
	}
	return vm.MakeFloat(r), nil
}

func domainError() error { return vm.Errorf(vm.ValueError, "math domain error") }
func rangeError() error  { return vm.Errorf(vm.OverflowError, "math range error") }

// oneFloat unpacks the single argument of a METH_O function.
func oneFloat(th *vm.Thread, full string, args, kw []vm.Value) (float64, error) {
	if len(kw) > 0 {
		return 0, vm.Errorf(vm.TypeError, "%s() takes no keyword arguments", full)
	}
	if len(args) != 1 {
		return 0, vm.Errorf(vm.TypeError, "%s() takes exactly one argument (%d given)", full, len(args))
	}
	return vm.AsFloat(th, args[0])
}

func isFinite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

// math1 applies f with CPython's math_1 error rules.
func math1(x float64, f func(float64) float64, canOverflow bool, name string) (vm.Value, error) {
	r := f(x)
	if math.IsNaN(r) && !math.IsNaN(x) {
		return vm.Null, domainError()
	}
	if math.IsInf(r, 0) && isFinite(x) {
		// gamma/lgamma at their poles are domain errors, their large
		// arguments range errors; the helpers signal poles with NaN.
		if canOverflow {
			if (name == "gamma" || name == "lgamma") && isPole(x, name) {
				return vm.Null, domainError()
			}
			return vm.Null, rangeError()
		}
		return vm.Null, domainError()
	}
	return vm.MakeFloat(r), nil
}

// isPole reports arguments where gamma/lgamma have a pole (0 and, for
// gamma and lgamma, the non-positive integers).
func isPole(x float64, name string) bool {
	return x == math.Floor(x) && x <= 0
}

func check2(x, y, r float64, canOverflow bool) (float64, error) {
	if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
		return 0, domainError()
	}
	if math.IsInf(r, 0) && isFinite(x) && isFinite(y) {
		if canOverflow {
			return 0, rangeError()
		}
		return 0, domainError()
	}
	return r, nil
}

func log1p(x float64) float64 {
	// CPython keeps the sign of a zero argument.
	if x == 0 {
		return x
	}
	return libm.Log1p(x)
}

// atan2 handles the infinities and NaNs itself, as CPython's m_atan2 does,
// so the result does not depend on the libm's treatment of them.
func atan2(y, x float64) float64 {
	if math.IsNaN(x) || math.IsNaN(y) {
		return math.NaN()
	}
	if math.IsInf(y, 0) {
		if math.IsInf(x, 0) {
			if math.Signbit(x) {
				return math.Copysign(0.75*math.Pi, y)
			}
			return math.Copysign(0.25*math.Pi, y)
		}
		return math.Copysign(0.5*math.Pi, y)
	}
	if math.IsInf(x, 0) || y == 0 {
		if math.Signbit(x) {
			return math.Copysign(math.Pi, y)
		}
		return math.Copysign(0, y)
	}
	return libm.Atan2(y, x)
}

func fmod(x, y float64) (float64, error) {
	if math.IsInf(y, 0) && isFinite(x) {
		return x, nil
	}
	r := math.Mod(x, y)
	return check2(x, y, r, false)
}

func remainder(x, y float64) (float64, error) {
	if math.IsNaN(x) {
		return x, nil
	}
	if math.IsNaN(y) {
		return y, nil
	}
	if math.IsInf(x, 0) || y == 0 {
		return 0, domainError()
	}
	if math.IsInf(y, 0) {
		return x, nil
	}
	return math.Remainder(x, y), nil
}

// pow is CPython's math_pow: C99 Annex F for the special values, libm pow
// otherwise.
func pow(x, y float64) (float64, error) {
	if !isFinite(x) || !isFinite(y) {
		switch {
		case math.IsNaN(x):
			if y == 0 {
				return 1, nil
			}
			return x, nil
		case math.IsNaN(y):
			if x == 1 {
				return 1, nil
			}
			return y, nil
		case math.IsInf(x, 0):
			oddY := isFinite(y) && math.Mod(math.Abs(y), 2) == 1
			switch {
			case y > 0:
				if oddY {
					return x, nil
				}
				return math.Abs(x), nil
			case y == 0:
				return 1, nil
			default:
				if oddY {
					return math.Copysign(0, x), nil
				}
				return 0, nil
			}
		default: // y infinite
			ax := math.Abs(x)
			switch {
			case ax == 1:
				return 1, nil
			case y > 0 && ax > 1:
				return y, nil
			case y < 0 && ax < 1:
				return -y, nil
			default:
				return 0, nil
			}
		}
	}
	r := libm.Pow(x, y)
	if math.IsNaN(r) {
		return 0, domainError()
	}
	if math.IsInf(r, 0) {
		if x == 0 {
			return 0, domainError()
		}
		return 0, rangeError()
	}
	return r, nil
}

// rounding is ceil/floor: floats directly, otherwise the type's dunder,
// otherwise through float.
func rounding(th *vm.Thread, name, dunder string, f func(float64) float64, args, kw []vm.Value) (vm.Value, error) {
	if len(kw) > 0 {
		return vm.Null, vm.Errorf(vm.TypeError, "math.%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "math.%s() takes exactly one argument (%d given)", name, len(args))
	}
	x := args[0]
	if x.IsFloat() {
		return vm.IntFromValue(th, vm.MakeFloat(f(x.Float())))
	}
	if vm.IsInt(x) && !x.IsBool() {
		return vm.IntFromValue(th, x)
	}
	if meth := x.Type().LookupString(dunder); !meth.IsNull() {
		return vm.CallMethod(th, x, dunder)
	}
	v, err := vm.AsFloat(th, x)
	if err != nil {
		return vm.Null, err
	}
	return vm.IntFromValue(th, vm.MakeFloat(f(v)))
}

func mathTrunc(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if len(kw) > 0 {
		return vm.Null, vm.Errorf(vm.TypeError, "math.trunc() takes no keyword arguments")
	}
	if len(args) != 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "math.trunc() takes exactly one argument (%d given)", len(args))
	}
	x := args[0]
	if x.IsFloat() {
		return vm.IntFromValue(th, vm.MakeFloat(math.Trunc(x.Float())))
	}
	if meth := x.Type().LookupString("__trunc__"); !meth.IsNull() {
		return vm.CallMethod(th, x, "__trunc__")
	}
	return vm.Null, vm.Errorf(vm.TypeError, "type %s doesn't define __trunc__ method", vm.TypeName(x))
}

func mathFrexp(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	x, err := oneFloat(th, "math.frexp", args, kw)
	if err != nil {
		return vm.Null, err
	}
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return vm.NewTuple(vm.MakeFloat(x), vm.MakeInt(0)).Value(), nil
	}
	f, e := math.Frexp(x)
	return vm.NewTuple(vm.MakeFloat(f), vm.MakeInt(int64(e))).Value(), nil
}

func mathLdexp(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("math.ldexp", kw); err != nil {
		return vm.Null, err
	}
	if err := vm.ArgCount("ldexp", args, 2, 2); err != nil {
		return vm.Null, err
	}
	x, err := vm.AsFloat(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	if !vm.IsInt(args[1]) {
		return vm.Null, vm.Errorf(vm.TypeError, "Expected an int as second argument to ldexp.")
	}
	var e int64
	if n, ok := vm.IntToInt64(args[1]); ok {
		e = n
	} else if vm.ToBig(args[1]).Sign() > 0 {
		e = math.MaxInt32
	} else {
		e = math.MinInt32
	}
	if x == 0 || !isFinite(x) {
		return vm.MakeFloat(x), nil
	}
	if e > math.MaxInt32 {
		e = math.MaxInt32
	} else if e < math.MinInt32 {
		e = math.MinInt32
	}
	r := math.Ldexp(x, int(e))
	if math.IsInf(r, 0) {
		return vm.Null, rangeError()
	}
	return vm.MakeFloat(r), nil
}

func mathModf(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	x, err := oneFloat(th, "math.modf", args, kw)
	if err != nil {
		return vm.Null, err
	}
	if math.IsInf(x, 0) {
		return vm.NewTuple(vm.MakeFloat(math.Copysign(0, x)), vm.MakeFloat(x)).Value(), nil
	}
	if math.IsNaN(x) {
		return vm.NewTuple(vm.MakeFloat(x), vm.MakeFloat(x)).Value(), nil
	}
	ip, frac := math.Modf(x)
	return vm.NewTuple(vm.MakeFloat(frac), vm.MakeFloat(ip)).Value(), nil
}

// logHelper takes logarithms of floats and of ints of any size: a huge
// int is split as m * 2**e so its log does not overflow.
func logHelper(th *vm.Thread, v vm.Value, f func(float64) float64) (float64, error) {
	if vm.IsInt(v) {
		b := vm.ToBig(v)
		if b.Sign() <= 0 {
			return 0, domainError()
		}
		if x, err := vm.IntToFloat(v); err == nil {
			return logFloat(x, f)
		}
		// x = m * 2**e with 0.5 <= m < 1.
		e := b.BitLen()
		mf := new(big.Float).SetPrec(64).SetInt(b)
		mf.SetMantExp(mf, -e)
		m, _ := mf.Float64()
		return f(m) + float64(e)*f(2.0), nil
	}
	x, err := vm.AsFloat(th, v)
	if err != nil {
		return 0, err
	}
	return logFloat(x, f)
}

func logFloat(x float64, f func(float64) float64) (float64, error) {
	if math.IsNaN(x) {
		return x, nil
	}
	if x <= 0 {
		return 0, domainError()
	}
	if math.IsInf(x, 1) {
		return x, nil
	}
	return f(x), nil
}

func mathLog(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("math.log", kw); err != nil {
		return vm.Null, err
	}
	if len(args) < 1 || len(args) > 2 {
		if len(args) < 1 {
			return vm.Null, vm.Errorf(vm.TypeError, "log expected at least 1 argument, got 0")
		}
		return vm.Null, vm.Errorf(vm.TypeError, "log expected at most 2 arguments, got %d", len(args))
	}
	num, err := logHelper(th, args[0], libm.Log)
	if err != nil {
		return vm.Null, err
	}
	if len(args) == 1 {
		return vm.MakeFloat(num), nil
	}
	den, err := logHelper(th, args[1], libm.Log)
	if err != nil {
		return vm.Null, err
	}
	if den == 0 {
		return vm.Null, vm.Errorf(vm.ZeroDivisionError, "float division by zero")
	}
	return vm.MakeFloat(num / den), nil
}

// ------------------------------------------------------------- gamma

// The Lanczos approximation CPython uses (N=13, g=6.024680040776729583740234375,
// the Boost parameters) with its rational-function form of the sum.
const (
	lanczosG          = 6.024680040776729583740234375
	lanczosGMinusHalf = 5.524680040776729583740234375
	logPi             = 1.144729885849400174143427351353058711647
)

var lanczosNum = [13]float64{
	23531376880.410759688572007674451636754734846804940,
	42919803642.649098768957899047001988850926355848959,
	35711959237.355668049440185451547166705960488635843,
	17921034426.037209699919755754458931112671403265390,
	6039542586.3520280050642916443072979210699388420708,
	1439720407.3117216736632230727949123939715485786772,
	248874557.86205415651146038641322942321632125127801,
	31426415.585400194380614231628318205362874684987640,
	2876370.6289353724412254090516208496135991145378768,
	186056.26539522349504029498971604569928220784236328,
	8071.6720023658162106380029022722506138218516325024,
	210.82427775157934587250973392071336271166969580291,
	2.5066282746310002701649081771338373386264310793408,
}

var lanczosDen = [13]float64{
	0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
	13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
}

func lanczosSum(x float64) float64 {
	num, den := 0.0, 0.0
	if x < 5.0 {
		for i := 12; i >= 0; i-- {
			num = num*x + lanczosNum[i]
			den = den*x + lanczosDen[i]
		}
	} else {
		for i := 0; i < 13; i++ {
			num = num/x + lanczosNum[i]
			den = den/x + lanczosDen[i]
		}
	}
	return num / den
}

// sinpi is sin(pi*x), accurate near the integers.
func sinpi(x float64) float64 {
	y := math.Mod(math.Abs(x), 2.0)
	n := int(math.RoundToEven(2.0 * y))
	if math.Abs(2.0*y-math.Floor(2.0*y)-0.5) == 0 {
		// C's round() rounds halves away from zero.
		n = int(math.Floor(2.0*y) + 1)
	}
	var r float64
	switch n {
	case 0:
		r = libm.Sin(math.Pi * y)
	case 1:
		r = libm.Cos(math.Pi * (y - 0.5))
	case 2:
		r = libm.Sin(math.Pi * (1.0 - y))
	case 3:
		r = -libm.Cos(math.Pi * (y - 1.5))
	default:
		r = libm.Sin(math.Pi * (y - 2.0))
	}
	return math.Copysign(1.0, x) * r
}

// gamma returns NaN at poles and negative infinity arguments (domain
// errors) and +Inf on overflow.
func gamma(x float64) float64 {
	if !isFinite(x) {
		if math.IsNaN(x) || x > 0 {
			return x
		}
		return math.NaN()
	}
	if x == 0 {
		return math.Copysign(math.Inf(1), x)
	}
	if x == math.Floor(x) {
		if x < 0 {
			return math.NaN()
		}
		if x <= 23 {
			f := 1.0
			for i := 2.0; i < x; i++ {
				f *= i
			}
			return f
		}
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		return 1.0 / x
	}
	if absx > 200.0 {
		if x < 0 {
			return 0.0 / sinpi(x)
		}
		return math.Inf(1)
	}
	y := absx + lanczosGMinusHalf
	var z float64
	if absx > lanczosGMinusHalf {
		q := y - absx
		z = q - lanczosGMinusHalf
	} else {
		q := y - lanczosGMinusHalf
		z = q - absx
	}
	z = z * lanczosG / y
	var r float64
	if x < 0 {
		r = -math.Pi / sinpi(absx) / absx * libm.Exp(y) / lanczosSum(absx)
		r -= z * r
		if absx < 140.0 {
			r /= libm.Pow(y, absx-0.5)
		} else {
			sp := libm.Pow(y, absx/2.0-0.25)
			r /= sp
			r /= sp
		}
	} else {
		r = lanczosSum(absx) / libm.Exp(y)
		r += z * r
		if absx < 140.0 {
			r *= libm.Pow(y, absx-0.5)
		} else {
			sp := libm.Pow(y, absx/2.0-0.25)
			r *= sp
			r *= sp
		}
	}
	return r
}

func lgamma(x float64) float64 {
	if !isFinite(x) {
		if math.IsNaN(x) {
			return x
		}
		return math.Inf(1)
	}
	if x == math.Floor(x) && x <= 2.0 {
		if x <= 0 {
			return math.Inf(1)
		}
		return 0.0
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		return -libm.Log(absx)
	}
	r := libm.Log(lanczosSum(absx)) - lanczosG
	r += (absx - 0.5) * (libm.Log(absx+lanczosG-0.5) - 1)
	if x < 0 {
		r = logPi - libm.Log(math.Abs(sinpi(absx))) - libm.Log(absx) - r
	}
	return r
}

// ----------------------------------------------------- sums and norms

// mathFsum adds exactly with Shewchuk's partials and rounds once.
func mathFsum(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if len(kw) > 0 {
		return vm.Null, vm.Errorf(vm.TypeError, "math.fsum() takes no keyword arguments")
	}
	if len(args) != 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "math.fsum() takes exactly one argument (%d given)", len(args))
	}
	var partials []float64
	special, infSum := 0.0, 0.0
	err := vm.ForEach(th, args[0], func(v vm.Value) (bool, error) {
		x, err := vm.AsFloat(th, v)
		if err != nil {
			return false, err
		}
		xsave := x
		i := 0
		for _, y := range partials {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			lo := y - (hi - x)
			if lo != 0 {
				partials[i] = lo
				i++
			}
			x = hi
		}
		partials = partials[:i]
		if x != 0 {
			if !isFinite(x) {
				if isFinite(xsave) {
					return false, vm.Errorf(vm.OverflowError, "intermediate overflow in fsum")
				}
				if math.IsInf(xsave, 0) {
					infSum += xsave
				}
				special += xsave
				partials = partials[:0]
			} else {
				partials = append(partials, x)
			}
		}
		return true, nil
	})
	if err != nil {
		return vm.Null, err
	}
	if special != 0 {
		if math.IsNaN(infSum) {
			return vm.Null, vm.Errorf(vm.ValueError, "-inf + inf in fsum")
		}
		return vm.MakeFloat(special), nil
	}
	hi := 0.0
	n := len(partials)
	if n > 0 {
		n--
		hi = partials[n]
		lo := 0.0
		for n > 0 {
			x := hi
			n--
			y := partials[n]
			hi = x + y
			yr := hi - x
			lo = y - yr
			if lo != 0 {
				break
			}
		}
		// Round half-even correctly when the rest of the partials push
		// the tie one way.
		if n > 0 && ((lo < 0 && partials[n-1] < 0) || (lo > 0 && partials[n-1] > 0)) {
			y := lo * 2
			x := hi + y
			yr := x - hi
			if y == yr {
				hi = x
			}
		}
	}
	return vm.MakeFloat(hi), nil
}

// vectorNorm is the Euclidean norm, correctly rounded: the squares are
// summed exactly in extended precision and the root is rounded once.
func vectorNorm(xs []float64) float64 {
	max := 0.0
	foundNaN := false
	for _, x := range xs {
		x = math.Abs(x)
		if math.IsNaN(x) {
			foundNaN = true
		} else if x > max {
			max = x
		}
	}
	if math.IsInf(max, 1) {
		return max
	}
	if foundNaN {
		return math.NaN()
	}
	if max == 0 || len(xs) <= 1 {
		return max
	}
	const prec = 2200 // wide enough to hold any sum of squares exactly
	sum := new(big.Float).SetPrec(prec)
	sq := new(big.Float).SetPrec(prec)
	for _, x := range xs {
		if x == 0 {
			continue
		}
		sq.SetFloat64(x)
		sq.Mul(sq, sq)
		sum.Add(sum, sq)
	}
	root := new(big.Float).SetPrec(prec).Sqrt(sum)
	r, _ := root.Float64()
	return r
}

func floatsOf(th *vm.Thread, args []vm.Value) ([]float64, error) {
	xs := make([]float64, len(args))
	for i, a := range args {
		x, err := vm.AsFloat(th, a)
		if err != nil {
			return nil, err
		}
		xs[i] = x
	}
	return xs, nil
}

func mathHypot(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("hypot", kw); err != nil {
		return vm.Null, err
	}
	xs, err := floatsOf(th, args)
	if err != nil {
		return vm.Null, err
	}
	return vm.MakeFloat(vectorNorm(xs)), nil
}

func mathDist(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("dist", kw); err != nil {
		return vm.Null, err
	}
	if err := vm.ArgCount("dist", args, 2, 2); err != nil {
		return vm.Null, err
	}
	p, err := vm.SeqToSlice(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	q, err := vm.SeqToSlice(th, args[1])
	if err != nil {
		return vm.Null, err
	}
	if len(p) != len(q) {
		return vm.Null, vm.Errorf(vm.ValueError, "both points must have the same number of dimensions")
	}
	xs := make([]float64, len(p))
	for i := range p {
		a, err := vm.AsFloat(th, p[i])
		if err != nil {
			return vm.Null, err
		}
		b, err := vm.AsFloat(th, q[i])
		if err != nil {
			return vm.Null, err
		}
		xs[i] = a - b
	}
	return vm.MakeFloat(vectorNorm(xs)), nil
}

func mathIsclose(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	a, b := vm.Null, vm.Null
	relTol, absTol := vm.MakeFloat(1e-9), vm.MakeFloat(0)
	if err := vm.UnpackArgs("isclose", args, kw, "a", &a, "b", &b, "/", "*", "rel_tol?", &relTol, "abs_tol?", &absTol); err != nil {
		return vm.Null, err
	}
	x, err := vm.AsFloat(th, a)
	if err != nil {
		return vm.Null, err
	}
	y, err := vm.AsFloat(th, b)
	if err != nil {
		return vm.Null, err
	}
	rt, err := vm.AsFloat(th, relTol)
	if err != nil {
		return vm.Null, err
	}
	at, err := vm.AsFloat(th, absTol)
	if err != nil {
		return vm.Null, err
	}
	if rt < 0 || at < 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "tolerances must be non-negative")
	}
	if x == y {
		return vm.True, nil
	}
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return vm.False, nil
	}
	diff := math.Abs(y - x)
	ok := (diff <= math.Abs(rt*y)) || (diff <= math.Abs(rt*x)) || diff <= at
	return vm.MakeBool(ok), nil
}

func mathUlp(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	x, err := oneFloat(th, "math.ulp", args, kw)
	if err != nil {
		return vm.Null, err
	}
	if math.IsNaN(x) {
		return vm.MakeFloat(x), nil
	}
	x = math.Abs(x)
	if math.IsInf(x, 0) {
		return vm.MakeFloat(x), nil
	}
	x2 := math.Nextafter(x, math.Inf(1))
	if math.IsInf(x2, 0) {
		x2 = math.Nextafter(x, math.Inf(-1))
		return vm.MakeFloat(x - x2), nil
	}
	return vm.MakeFloat(x2 - x), nil
}

func mathProd(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	start := vm.MakeInt(1)
	var it vm.Value
	npos := len(args) - len(kw)
	if npos != 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "prod() takes exactly 1 positional argument (%d given)", npos)
	}
	if err := vm.UnpackArgs("prod", args, kw, "iterable", &it, "/", "*", "start?", &start); err != nil {
		return vm.Null, err
	}
	acc := start
	err := vm.ForEach(th, it, func(v vm.Value) (bool, error) {
		r, err := vm.BinaryOperation(th, acc, v, vm.OpMul)
		if err != nil {
			return false, err
		}
		acc = r
		return true, nil
	})
	if err != nil {
		return vm.Null, err
	}
	return acc, nil
}

// --------------------------------------------------------- integers

func bigIndex(th *vm.Thread, v vm.Value) (*big.Int, error) {
	iv, err := vm.Index(th, v)
	if err != nil {
		return nil, err
	}
	return vm.ToBig(iv), nil
}

func mathFactorial(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if len(kw) > 0 {
		return vm.Null, vm.Errorf(vm.TypeError, "math.factorial() takes no keyword arguments")
	}
	if len(args) != 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "math.factorial() takes exactly one argument (%d given)", len(args))
	}
	return factorial(th, args[0])
}

func factorial(th *vm.Thread, v vm.Value) (vm.Value, error) {
	n, err := bigIndex(th, v)
	if err != nil {
		return vm.Null, err
	}
	if n.Sign() < 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "factorial() not defined for negative values")
	}
	if !n.IsInt64() || n.Int64() > math.MaxInt32 {
		return vm.Null, vm.Errorf(vm.OverflowError, "factorial() argument should not exceed %d", int64(math.MaxInt64))
	}
	var r big.Int
	var interrupted error
	th.Blocking(func() { r.MulRange(1, n.Int64()) })
	if interrupted != nil {
		return vm.Null, interrupted
	}
	return vm.MakeBigInt(&r), nil
}

func mathGcd(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("gcd", kw); err != nil {
		return vm.Null, err
	}
	r := new(big.Int)
	for _, a := range args {
		b, err := bigIndex(th, a)
		if err != nil {
			return vm.Null, err
		}
		if r.Sign() == 0 {
			r.Abs(b)
			continue
		}
		if r.Cmp(big.NewInt(1)) == 0 {
			continue
		}
		r.GCD(nil, nil, r, new(big.Int).Abs(b))
	}
	return vm.MakeBigInt(r), nil
}

func mathLcm(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("lcm", kw); err != nil {
		return vm.Null, err
	}
	r := big.NewInt(1)
	for _, a := range args {
		b, err := bigIndex(th, a)
		if err != nil {
			return vm.Null, err
		}
		if r.Sign() == 0 {
			continue
		}
		ab := new(big.Int).Abs(b)
		if ab.Sign() == 0 {
			r.SetInt64(0)
			continue
		}
		g := new(big.Int).GCD(nil, nil, r, ab)
		r.Mul(r, new(big.Int).Quo(ab, g))
	}
	return vm.MakeBigInt(r), nil
}

func mathIsqrt(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if len(kw) > 0 {
		return vm.Null, vm.Errorf(vm.TypeError, "math.isqrt() takes no keyword arguments")
	}
	if len(args) != 1 {
		return vm.Null, vm.Errorf(vm.TypeError, "math.isqrt() takes exactly one argument (%d given)", len(args))
	}
	n, err := bigIndex(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	if n.Sign() < 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "isqrt() argument must be nonnegative")
	}
	return vm.MakeBigInt(new(big.Int).Sqrt(n)), nil
}

// fallingProduct is n*(n-1)*...*(n-k+1).
func fallingProduct(n, k *big.Int) *big.Int {
	if n.IsInt64() && k.IsInt64() {
		var r big.Int
		lo := n.Int64() - k.Int64() + 1
		if k.Int64() == 0 {
			return big.NewInt(1)
		}
		return r.MulRange(lo, n.Int64())
	}
	r := big.NewInt(1)
	x := new(big.Int).Set(n)
	one := big.NewInt(1)
	for i := new(big.Int); i.Cmp(k) < 0; i.Add(i, one) {
		r.Mul(r, x)
		x.Sub(x, one)
	}
	return r
}

func mathComb(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("comb", kw); err != nil {
		return vm.Null, err
	}
	if err := vm.ArgCount("comb", args, 2, 2); err != nil {
		return vm.Null, err
	}
	n, err := bigIndex(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	k, err := bigIndex(th, args[1])
	if err != nil {
		return vm.Null, err
	}
	if n.Sign() < 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "n must be a non-negative integer")
	}
	if k.Sign() < 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "k must be a non-negative integer")
	}
	if k.Cmp(n) > 0 {
		return vm.MakeInt(0), nil
	}
	// Use the smaller of k and n-k.
	nk := new(big.Int).Sub(n, k)
	if nk.Cmp(k) < 0 {
		k = nk
	}
	if !k.IsInt64() {
		return vm.Null, vm.Errorf(vm.OverflowError, "min(n - k, k) must not exceed %d", int64(math.MaxInt64))
	}
	num := fallingProduct(n, k)
	var den big.Int
	den.MulRange(1, k.Int64())
	return vm.MakeBigInt(num.Quo(num, &den)), nil
}

func mathPerm(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
	if err := vm.NoKeywords("perm", kw); err != nil {
		return vm.Null, err
	}
	if err := vm.ArgCount("perm", args, 1, 2); err != nil {
		return vm.Null, err
	}
	if len(args) == 1 || args[1].IsNone() {
		return factorial(th, args[0])
	}
	n, err := bigIndex(th, args[0])
	if err != nil {
		return vm.Null, err
	}
	k, err := bigIndex(th, args[1])
	if err != nil {
		return vm.Null, err
	}
	if n.Sign() < 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "n must be a non-negative integer")
	}
	if k.Sign() < 0 {
		return vm.Null, vm.Errorf(vm.ValueError, "k must be a non-negative integer")
	}
	if k.Cmp(n) > 0 {
		return vm.MakeInt(0), nil
	}
	if !k.IsInt64() {
		return vm.Null, vm.Errorf(vm.OverflowError, "k must not exceed %d", int64(math.MaxInt64))
	}
	return vm.MakeBigInt(fallingProduct(n, k)), nil
}
