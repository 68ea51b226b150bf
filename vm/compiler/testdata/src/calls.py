import mod
from mod import func

def calls(a, b, c):
    mod.func(1)
    func(2)
    a.b.c.d(1, 2, 3)
    a.method(*b)
    a.method(**c)
    a.method(x=1, y=2)
    f(a, b, c, d=4, e=5)
    print(1, 2, sep="", end="")
    big(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31)
    a.big(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31)
    kws(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12, m=13, n=14, o=15, p=16)
    f(*a, *b)
    f(**a, **b)
    f(x=1, **a, y=2)
    f(*a, x=1)
    return [a, *b, c], (*a, *b), {*a, *b}, {**a, 'k': 1, **b}

def displays():
    return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, x]

def bigdict(x):
    return {1: x, 2: x, 3: x, 4: x, 5: x, 6: x, 7: x, 8: x, 9: x, 10: x, 11: x, 12: x, 13: x, 14: x, 15: x, 16: x, 17: x}

def fmt(x):
    return f"{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}"

def generators(x):
    yield
    yield x
    y = yield from x
    return y

def builtins_shadow(print):
    print(1)
    len(print)
