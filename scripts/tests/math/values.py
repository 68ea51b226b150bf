import math

names = ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
         "asinh", "acosh", "atanh", "exp", "exp2", "expm1", "log", "log2",
         "log10", "log1p", "sqrt", "cbrt", "erf", "erfc", "gamma", "lgamma",
         "fabs", "degrees", "radians"]
xs = [-3.5, -1.0, -0.5, -0.0, 0.0, 1e-10, 0.1, 0.5, 0.9, 1.0, 1.5, 2.0, 2.5,
      3.0, 10.0, 100.0, 1e10, math.pi, math.e, math.inf, -math.inf, math.nan]
for n in names:
    f = getattr(math, n)
    out = []
    for x in xs:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(n, " ".join(out))

for i in range(1, 60):
    x = i * 0.37 - 7
    print(i, math.sin(x), math.cos(x), math.exp(x), math.atan2(x, 1.3), math.pow(abs(x), 1.7))

for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.0, 1e300, -2.7, 7]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), round(x), math.modf(x), math.frexp(x))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.factorial(0), math.factorial(20), math.factorial(30))
print(len(str(math.factorial(1000))))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(2**100, 2**60 * 3), math.lcm(3, 4, 5))
print([math.isqrt(n) for n in (0, 1, 2, 3, 4, 15, 16, 17, 10**20)])
print(math.comb(10, 3), math.comb(52, 5), math.perm(10, 3), math.perm(5), math.comb(100, 50))
print(math.prod(range(1, 11)), math.prod([1.5, 2, 3]), math.prod([], start=5))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e20, 1.0, -1e20]))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(1e200, 1e200), math.hypot(-5))
print(math.dist((1, 2, 3), (4, 5, 6)), math.dist([0.1, 0.2], [0.3, 0.4]))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.copysign(3, -0.0), math.fmod(-7, 3), math.remainder(7, 3), math.remainder(-7, 2))
print(math.nextafter(1.0, 2.0), math.ulp(1e300), math.ulp(0.0), math.ldexp(0.75, 4))
print(math.log(8, 2), math.log(100, 10), math.log(2**1000), math.log10(1000), math.log2(1024))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isnan(1))
class C:
    def __floor__(self): return "floor!"
    def __ceil__(self): return "ceil!"
    def __trunc__(self): return "trunc!"
    def __float__(self): return 2.5
print(math.floor(C()), math.ceil(C()), math.trunc(C()), math.sqrt(C()))
class I:
    def __index__(self): return 6
print(math.factorial(I()), math.gcd(I(), 4), math.comb(I(), 2))
print(math.gamma(5), math.gamma(0.1), math.gamma(-2.5), math.lgamma(100), math.lgamma(-2.5))
