import functools
from functools import partial, reduce, wraps, lru_cache, cache, cached_property, total_ordering, singledispatch, cmp_to_key, partialmethod

def f(a, b=2, *rest, **kw):
    return (a, b, rest, kw)
p = partial(f, 1, x=3)
print(p(), p(5, 6, y=7), p(x=9), p.func is f, p.args, p.keywords)
print(repr(partial(len)), repr(partial(partial(f, 1), 2, k=0)).replace(hex(id(f)), "ADDR"))
int2 = partial(int, base=2); print(int2("1010"), int2.keywords)
try:
    partial()
except TypeError as e:
    print(e)
try:
    partial(1)
except TypeError as e:
    print(e)
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3], 0))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        "inner doc"
        return fn(*a, **k)
    return inner
@deco
def documented(x):
    "Original docstring."
    return x * 2
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(4), documented.__qualname__)

calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info())
fib.cache_clear(); print(fib.cache_info(), fib.__name__, fib.__wrapped__.__name__)
@lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x
for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print(sq.cache_info(), sq.cache_parameters())
@lru_cache
def plain(x, y=1): return x + y
print(plain(1), plain(1, y=1), plain(1, 1), plain(x=1), plain.cache_info())
@cache
def fact(n): return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info())
@lru_cache(typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t.cache_info().currsize)
class Obj:
    @lru_cache
    def meth(self, x):
        return x + 1
o = Obj(); print(o.meth(1), o.meth(1), Obj.meth.cache_info())

class Data:
    def __init__(self, n): self.n = n
    @cached_property
    def total(self):
        print("computing total")
        return sum(range(self.n))
d = Data(10); print(d.total, d.total, "total" in d.__dict__)

@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(3) >= V(2), sorted([V(3), V(1)], key=lambda x: x.v)[0].v)
try:
    @total_ordering
    class Bad: pass
except ValueError as e:
    print(e)

@singledispatch
def show(x):
    return "object " + repr(x)
@show.register
def _(x: int):
    return "int %d" % x
@show.register(list)
def _(x):
    return "list of %d" % len(x)
@show.register(str)
@show.register(bytes)
def _(x):
    return "text"
print(show(1), show([1, 2]), show("s"), show(b"b"), show(2.5), show(True))
print(show.dispatch(bool).__name__, len(show.registry))
from collections.abc import Mapping
@show.register(Mapping)
def _(x): return "mapping"
print(show({}), show(1.5))

print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
class Cell:
    def __init__(self): self.alive = False
    def set_state(self, state): self.alive = bool(state)
    set_alive = partialmethod(set_state, True)
c = Cell(); c.set_alive(); print(c.alive)
