# Simple statements and expressions.
x = 1
y = x + 2 * 3 - 4 / 5 // 6 % 7 @ m ** 2 ** -1
a, b = b, a
a = b = c = 0
x += 1; y -= 2; z *= 3
z /= 4
z //= 5
z %= 6
z **= 7
z @= m
z &= 1
z |= 2
z ^= 3
z <<= 4
z >>= 5
x: int
x: int = 5
(x): int = 5
x.y: str = "s"
x[0]: float
del x, y[0], z.w
del (a, b), [c]
pass
assert x, "message"
assert y
global g1, g2
nonlocal_name = 1
import os
import os.path as osp, sys
from . import a
from .. import b as c
from ...pkg.mod import (x, y as z,)
from mod import *
raise
raise E
raise E from None
print("hello", end="")
f(1, *args, key=2, **kwargs)
f(x for x in range(3))
obj.attr.other[1:2, ::3, ...]
lst[1:2:3]
lst[:]
lst[::-1]
lst[a, *b]
not a
-a
+a
~a
a and b or c and not d
a < b <= c == d != e > f >= g in h not in i is j is not k
x if y else z
lambda: 0
lambda x, y=1, *args, z, w=2, **kw: x
lambda x, /, y: x
[1, 2, *rest]
(1,)
()
[]
{}
{1, 2}
{'a': 1, **other}
[i for i in range(10) if i % 2 if i > 3]
{i for i in x}
{k: v for k, v in items}
(i for i in x for j in i)
x = yield_ = 1
True, False, None, ...
0x_ff, 0o17, 0b101, 1_000_000, 10**100, 12345678901234567890123
1.5, 1e10, 1.5e-10, .5, 5., 1_0.0_1, 1e400, 0.0001, 0.00001, 1e16, 1e15
1j, 1.5j, 1e3J, 0j
'single' "double" '''triple''' """triple"""
b'bytes' B"more" rb'raw\n' BR'x'
r'raw\n' R"raw" u'unicode'
'a' 'b' 'c'
x = (y := 10)
print(f(x=1)(y=2)[3])
a.b.c.d(1)(2)[3].e
await_ = 1
