def multiline_call(a, b):
    return a.method(
        b,
        c=1,
    ).other(
        2
    )

def attr_chain(obj):
    x = (obj
         .first
         .second)
    obj.attr = (1 +
                2)
    return obj[
        x
    ] + obj.z

def binops(a, b, c):
    return (a +
            b) * (c
                  - a) ** 2 // b % c

def raises(x):
    if x:
        raise ValueError(
            "bad"
        ) from x
    raise

def subscripts(d, k):
    d[k] = d[k][0]
    del d[k]
    return d[1:2, ::3]

def unicode_attr(ü):
    return ü.länge(ü.größe)

def calls(f):
    f()
    f(1, 2)(3)
    f(*a)
    f(**k)
    f(a, *b, c, **d, e=1)
    return f(x for x in y)

def compare_chain(a, b, c, d):
    return a < b <= c != d

def fstrings(x, y):
    return f"{x}{y!r}{x:{y}}{'lit'}" f"plain"

def slices(s):
    return s[:], s[1:], s[:2], s[::2], s[a:b:c]

def returns(x):
    if x:
        return
    if x > 1:
        return (
            x
        )
    return x + 1

def implicit_return(x):
    if x:
        print(x)

def implicit_return2(x):
    for i in x:
        pass

def implicit_return3(x):
    while x:
        x -= 1

def ann(x: int, *args: str, y: "T" = 1, **kw: dict) -> None:
    z: int = 1
    w: str
    return z
