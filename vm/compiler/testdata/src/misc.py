BIG = 123456789012345678901234567890
NEG = -0.0
INF = 1e999
NINF = -1e999
S = "unicode: é ü 中文 \N{BULLET} \t\n\\ 'quoted' \"dq\""
B = b"\x00\xff\x7f'"
E = ...
T = (1, "a", None, True, 2.5, (3, 4), b"x")
FS = x in {1, "a", None}

def docstring_only():
    """Only a docstring."""

def docstring_and_code(a):
    """Docstring."""
    return a

def not_docstring():
    x = 1
    "not a docstring"

class Doc:
    """Class doc."""

class NoDoc:
    x = "not doc"

def many_defaults(a=1, b=2.0, c="s", d=None, e=(1, 2), *, f=[], g={}):
    return a

def kwonly_defaults(*, a, b=1, c, d=[]):
    pass

def fstring_stuff(x, y, width):
    a = f"{x=}"
    b = f"{x!a}"
    c = f"{x:{width}.{y}f}"
    d = f"{'nested'!r:>{width}}"
    e = f"{x}" f"{y}"
    f = f""
    g = f"plain"
    return a, b, c, d, e, f, g

def slicing(a):
    a[1:2] = b
    del a[::2]
    a[1:2:3] += c
    return a[...], a[1, 2], a[1:2, 3]

def walrus_everywhere(data):
    while (chunk := data.read(10)):
        print(chunk)
    if any((found := x) > 5 for x in data):
        return found
    return [last := y for y in data], last

def class_deref():
    a = 1
    class C:
        b = a
        def f(self):
            return a
        c = [a for _ in range(2)]
    return C

def super_in_comp():
    class D(Base):
        def m(self):
            return [super().m() for _ in range(2)]
        def n(self):
            return lambda: super().n()
    return D

if __debug__:
    debug_only = 1
