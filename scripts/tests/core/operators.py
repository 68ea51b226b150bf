class N:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"N({self.v})"

    def __add__(self, o):
        if isinstance(o, N):
            return N(self.v + o.v)
        if isinstance(o, int):
            return N(self.v + o)
        return NotImplemented

    def __radd__(self, o):
        print("radd with", o)
        return N(o + self.v)

    def __iadd__(self, o):
        print("iadd")
        self.v += o.v if isinstance(o, N) else o
        return self

    def __neg__(self):
        return N(-self.v)

    def __abs__(self):
        return N(abs(self.v))

    def __eq__(self, o):
        return isinstance(o, N) and self.v == o.v

    def __lt__(self, o):
        return self.v < o.v

    def __le__(self, o):
        return self.v <= o.v

    __hash__ = None

    def __contains__(self, x):
        return x == self.v

    def __call__(self, *a):
        return ("called", a)

    def __index__(self):
        return self.v

    def __bool__(self):
        return self.v != 0


a = N(3)
print(a + N(4), a + 1, 10 + a, -a, abs(N(-2)))
b = a
b += 5
print(a, b is a)
print(a == N(8), a != N(8), a < N(10), a >= N(1), sorted([N(3), N(1), N(2)]))
print(3 in N(3), 4 in N(3), a(1, 2), [10, 20, 30][N(1)], bin(N(5)), bool(N(0)))
try:
    hash(a)
except TypeError as e:
    print(e)
try:
    a * 2
except TypeError as e:
    print(e)
try:
    "x" < 3
except TypeError as e:
    print(e)


class Sub(N):
    def __radd__(self, o):
        return "Sub.__radd__ wins"


print(N(1) + Sub(2) if False else Sub(2).__radd__(N(1)))
print(1 + 2 * 3 ** 2 // 4 % 5, -2 ** 2, (-2) ** 2, 2 ** -2, not 1 == 2, 1 < 2 == 2)
print(True and "yes", 0 or "fallback", None or 0 or [], "a" and "b" and "c")
x = [1, 2, 3]
print(x * 2, [0] * 0, "ab" * 3, x + [4], x is not None, type(x) is list)
print(7 & 3, 7 | 8, 7 ^ 2, ~0, 1 << 10, 1024 >> 3, -17 >> 2)
import operator
print(operator.add(1, 2), operator.itemgetter(1)([5, 6]), operator.attrgetter("v")(a))
