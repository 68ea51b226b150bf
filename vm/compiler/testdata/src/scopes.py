x = 1

def f():
    global x
    x = 2
    def g():
        return x
    return g

def h():
    y = 1
    def i():
        def j():
            return y
        return j
    return i

def k(a, b):
    def l():
        return a + b
    c = 3
    def m():
        nonlocal c
        c = 4
        return c
    return l, m

def comp(n):
    return [i * n for i in range(n)], {i: n for i in range(n)}

def nested_comp(m):
    return [[j for j in range(i)] for i in m]

def walrus(data):
    if (n := len(data)) > 10:
        return n
    return [y for x in data if (y := x * 2)]

def walrus_module():
    return [z := i for i in range(3)]

lst = [w := i for i in range(3)]

def lambdas():
    f = lambda: x
    g = lambda a, *b, c=1, **d: (a, b, c, d)
    h = lambda: (yield)
    return f, g, h

def deletes(a):
    b = 1
    del a, b

def cell_arg(a, b):
    def inner():
        return a
    return inner

def class_in_func():
    class Local:
        def m(self):
            return Local
    return Local

def genexp_scope(x):
    return (i for i in x if i > x[0])

def star_targets(seq):
    a, *b = seq
    *c, d = seq
    [e, f] = seq
    (g, h), i = seq
    for j, *k in seq:
        pass
    return a, b, c, d, e, f, g, h, i
