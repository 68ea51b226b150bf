def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c = counter()
print(c(), c(), c(5))

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])

def late_binding():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(late_binding())

x = "global"
def scopes():
    x = "enclosing"
    def inner():
        return x
    class K:
        x = "class"
        def m(self):
            return x
        y = x
    return inner(), K().m(), K.y
print(scopes())

class Base:
    def hello(self):
        return "base " + type(self).__name__

class Derived(Base):
    def hello(self):
        return "derived+" + super().hello()
    def cls(self):
        return __class__.__name__
print(Derived().hello(), Derived().cls())

def gen_closure():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for i in range(5):
        add(i)
    return total
print(gen_closure())

g = 1
def use_global():
    global g
    g += 1
    return g
print(use_global(), g)

print([(y := i * 2) for i in range(3)], y)
print((lambda *a, **k: (a, sorted(k.items())))(1, 2, b=3, a=4))

def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2))

def kwonly(a, /, b, *, c=3, **rest):
    return a, b, c, rest
print(kwonly(1, 2), kwonly(1, b=2, c=4, d=5))

class Private:
    __secret = 42
    def get(self):
        return self.__secret
print(Private().get(), Private._Private__secret)
