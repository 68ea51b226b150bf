class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int, got {type(value).__name__}")
        setattr(obj, self.name, value)


class Point:
    x = Typed()
    y = Typed()

    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point(1, 2)
print(p.x, p.y, Point.x.__class__.__name__)
try:
    p.x = "no"
except TypeError as e:
    print(e)


class Lazy:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, cls):
        if obj is None:
            return self
        v = self.fn(obj)
        obj.__dict__[self.fn.__name__] = v
        return v


class Thing:
    calls = 0

    @Lazy
    def expensive(self):
        Thing.calls += 1
        return 42


t = Thing()
print(t.expensive, t.expensive, Thing.calls)


class Managed:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"no access to {name}")
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"<missing {name}>"

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)

    def __delattr__(self, name):
        print("deleting", name)
        object.__delattr__(self, name)


m = Managed()
m.v = 5
print(m.v, m.secret_key, m.other)
del m.v


class P:
    def __init__(self):
        self._v = 0

    def get(self):
        return self._v

    def set(self, v):
        self._v = v

    def delete(self):
        print("deleted")
        del self._v

    v = property(get, set, delete, "the v")


q = P()
q.v = 9
print(q.v, P.v.__doc__)
del q.v
print(hasattr(q, "_v"))


class WithClassAttr:
    items = []

    def add(self, x):
        self.items.append(x)


a, b = WithClassAttr(), WithClassAttr()
a.add(1)
b.add(2)
print(WithClassAttr.items)


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)


class Built(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(Built(3).a)
print(staticmethod, classmethod, property, type(property()).__name__)
