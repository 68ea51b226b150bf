x = "global"


def outer():
    x = "enclosing"

    def inner():
        return x

    class C:
        x = "class"

        def meth(self):
            return x

        y = [x for _ in range(1)]

    return inner(), C().meth(), C.x, C.y


print(outer())


def counter():
    count = 0

    def incr():
        nonlocal count
        count += 1
        return count

    def get():
        return count

    return incr, get


inc, get = counter()
inc()
inc()
print(get())


def shadow():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 1


shadow()
print([i for i in range(3)], "i" in dir())
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
g = 10


def use_global():
    global g
    g = g * 2


use_global()
print(g)


def deleter():
    v = 1
    del v
    try:
        return v
    except NameError as e:
        return str(e)


print(deleter())


class A:
    n = 1
    m = n + 1

    def f(self):
        return __class__.__name__


print(A.m, A().f())
print(type(globals()).__name__, "outer" in globals(), sorted(k for k in locals() if not k.startswith("__"))[:3])


def gen_scope():
    total = 0
    for v in (lambda: (yield 1))():
        total += v
    return total


print(gen_scope())
exec("z = 5")
print(z, eval("z * 2"), eval("x"))
ns = {}
exec("def h(): return 7", ns)
print(ns["h"]())
