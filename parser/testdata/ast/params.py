def f1(): pass
def f2(a): pass
def f3(a, b): pass
def f4(a=1): pass
def f5(a, b=2, c=3): pass
def f6(*args): pass
def f7(**kwargs): pass
def f8(*args, **kwargs): pass
def f9(a, *, b): pass
def f10(a, *, b=1, c): pass
def f11(a, /): pass
def f12(a, /, b): pass
def f13(a, b=1, /, c=2): pass
def f14(a, /, *, b): pass
def f15(a: int, b: str = "x", *args: int, c: bool, d: float = 1.0, **kw: dict) -> None: pass
def f16(*args: *Ts): pass
def f17(a,): pass
def f18(a, /,): pass
def f19(*, a,): pass
def f20(**kw,): pass
def f21(a=1, /, *b, c, **d): pass
async def f22(a, *, b): pass
lambda: 0
lambda a: a
lambda a, b: a
lambda a=1: a
lambda *a: a
lambda **k: k
lambda *a, **k: 0
lambda a, *, b: 0
lambda a, /, b: 0
lambda a=1, /, b=2, *c, d, e=3, **f: 0
lambda a,: a
lambda *, a: a
f(a)
f(a, b)
f(*a)
f(**a)
f(*a, *b, **c, **d)
f(a, *b, c, *d, e=1, **f)
f(a=1, *b)
f(a=1, *b, c=2, **d, e=3)
f(x := 1)
f(a, b=(yield_ := 2))
f(a for b in c)
f((a for b in c), d)
f(a,)
f(a, b,)
class A(B, C, metaclass=M, **kw): pass
class B(*bases): pass
