# functions: defaults, *args, **kwargs, keyword-only, closures, decorators, lambdas
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw


print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))


def pos_only(a, b, /, c):
    return a + b + c


print(pos_only(1, 2, c=3))


def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    return inc


c = counter()
print(c(), c(), c())


def deco(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper


@deco
def add(x, y):
    return x + y


print(add(2, 3))
square = lambda x: x * x
print(square(7), (lambda *a: sum(a))(1, 2, 3))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))


def gen_fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


g = gen_fib()
print([next(g) for _ in range(10)])


def kwonly(*, key):
    return key


print(kwonly(key="k"))
args = (1, 2)
kwargs = {"c": 3}
print(pos_only(*args, **kwargs))


def recurse(n):
    return 1 if n <= 1 else n * recurse(n - 1)


print(recurse(20), recurse(30))
x = 10


def uses_global():
    global x
    x += 5
    return x


print(uses_global(), x)


def make_adders():
    return [lambda v, i=i: v + i for i in range(3)]


print([fn(10) for fn in make_adders()])
print(f.__name__, add.__name__, square.__name__, counter.__qualname__, c.__qualname__)


def doc():
    """A docstring."""


print(doc.__doc__, f.__defaults__, f.__kwdefaults__)
