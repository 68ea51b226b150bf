# Corners found by running MicroPython's tests (scripts/conformance/TRIAGE.md).
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration(42)
def g():
    r = yield from It()
    print("yield from returned", r)
list(g())
try:
    next(It())
except StopIteration as e:
    print("next:", e.args, e.value)

i = 1 << 65
print(pow(0, i), 1 ** i, (-1) ** i, (-1) ** (i + 1), pow(1, -i), 0 ** 0)

class C:
    def __complex__(self): return 10j
print(complex(C()))

class Bad(BaseException):
    def __new__(cls, *a): return 1
def gen(): yield
try:
    gen().throw(Bad)
except Exception as e:
    print(type(e).__name__, e)

def f(): return a
h = type(f)(f.__code__, {"a": 1})
print(h())

import sys
class M:
    x = "a1"
sys.modules["mod"] = M
from mod import *
print(x)

nan = float("nan")
print(1 == nan, 1 <= nan, 1 >= nan, 1 < nan, 1 != nan, nan == 1, (1 << 70) == nan)
print((-2) ** nan)
print((-8) ** (1/3))

try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)

def g1():
    yield 1
x = g1(); next(x)
try:
    x.throw(StopIteration)
except RuntimeError as e:
    print("RuntimeError:", e)

print(range(4)[1::2])
print(range(1, 100, 5)[5:15:3])
print(range(10)[::-2], range(10)[8:2:-3], range(0, -10, -1)[1::3])

class B:
    def __radd__(self, o): return "radd"
    def __rmul__(self, o): return "rmul"
for e in ['"a" + B()', '"a" * B()', '[1] + B()', '(1,) + B()', 'b"a" + B()', '[1] * B()', 'B() * 2' if False else '2 * B()']:
    try:
        print(e, "->", eval(e))
    except TypeError as ex:
        print(e, "-> TypeError:", ex)

class S(StopIteration): pass
print(S().value, S(1).value)

class It2:
    def __iter__(self): return self
    def __next__(self): return 1
    def throw(self, x): return ("threw", x)
def g2(): yield from It2()
x = g2(); next(x)
print(x.throw(123))

c = (lambda: 0).__code__
print(type(c.co_code), len(c.co_code) > 0)
print(list(c.co_lines())[-1][2])
def withargs(a, b=2): return a + b
c2 = withargs.__code__.replace(co_name="renamed")
print(c2.co_name, c2.co_argcount, withargs.__code__.co_name)
