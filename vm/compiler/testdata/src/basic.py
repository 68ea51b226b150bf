"""Module docstring."""
import os
import os.path
import a.b.c as d
from . import x
from .m import *
from .. import y as z
from pkg.sub import (p, q as r)

x = 1
y = x + 2 * 3
a, b = b, a
a, b, c = c, b, a
(a, *b, c) = range(10)
del x
del a.b, a[1]
x += 1
a.b += 2
a[i] -= 3
a[i:j] *= 4

def f(a, b=1, *args, c, d=2, **kw):
    """Doc of f."""
    return a + b

def g(x, /, y, *, z):
    global G
    G = x
    return (x, y, z)

async def h(x):
    await x
    async with x as y:
        pass
    async for i in y:
        print(i)
    return [i async for i in x]

class C(Base, metaclass=M):
    """Doc of C."""
    attr = 1
    def m(self):
        return super().m() + __class__

    @staticmethod
    def s(*a, **k):
        return len(a)

@decorator
@other(1)
def decorated():
    pass

lam = lambda x, y=2: x * y
print(f"{x!r:>{w}} and {y}")
print("%s" % x, obj.attr.method(1, k=2), *args, **kwargs)
print(x if y else z, not x, -x, +x, ~x)
print(a < b < c, a is not b, a not in b)
print([1, 2, 3], (1, 2, 3), {1, 2, 3}, {1: 2, 3: 4}, {a: b, **c})
print([x for x in y if x], {x for x in y}, {k: v for k, v in y}, (x for x in y))
assert x, "message"
assert y
