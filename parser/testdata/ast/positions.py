result = some_function(
    arg1,
    arg2,
    key=value,
)
total = (a +
         b +
         c)
x = [
    1, 2,
    3,
]
d = {
    'a': 1,
    'b': [
        2, 3
    ],
}
value = obj.method(
).other[
    0
]
long = 1 + \
    2 + \
    3
if (a and
        b):
    pass
call(x)(y)(z)
(a)(b)
(a).b
(a)[b]
((a))
(a + b) * c
a * (b + c)
-(a)
not (a)
await_ = (a) if (b) else (c)
@decorator(
    arg
)
def f(
    a,
    b=1,
):
    return (
        a
    )
x = 1, 2,
y = (1, 2,)
for i in a, b,: pass
z = a[1:2, 3]
z = a[:, None]
z = a[b][c]
lambda_ = lambda a, b: (a,
                        b)
s = ("implicit"
     "concatenation")
t = """
multi-line
"""
u = f"""
{a}
"""
assert (x,
        y)
del (a,
     b)
global a, \
    b
import a, \
    b
from a import (b,
               c)
with (
    a as b,
    c as d,
):
    pass
class K(
    Base,
):
    pass
x = [i
     for i in y
     if i]
if a: pass
elif b: pass
else: pass
