# classes: inheritance, super, properties, class/static methods, dunders
class Animal:
    kingdom = "animalia"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return super().speak() + " (woof)"


d = Dog("Rex", "lab")
print(d, d.speak(), d.kingdom, isinstance(d, Animal), issubclass(Dog, Animal), Dog.__mro__)


class Temperature:
    def __init__(self, c):
        self._c = c

    @property
    def f(self):
        return self._c * 9 / 5 + 32

    @f.setter
    def f(self, value):
        self._c = (value - 32) * 5 / 9

    @classmethod
    def boiling(cls):
        return cls(100)

    @staticmethod
    def unit():
        return "C"


t = Temperature.boiling()
print(t.f, Temperature.unit())
t.f = 32
print(t._c)


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __iter__(self):
        yield self.x
        yield self.y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)

    def __bool__(self):
        return bool(self.x or self.y)


v = Vec(1, 2) + Vec(3, 4)
print(v, v * 2, 3 * v, v == Vec(4, 6), len(v), v[1], list(v), sorted([Vec(2, 1), Vec(1, 5)]))
print(bool(Vec(0, 0)), {Vec(1, 1), Vec(1, 1)}, max(Vec(1, 2), Vec(1, 3)))


class Base:
    def __init_subclass__(cls, **kw):
        print("subclassed:", cls.__name__, kw)


class Child(Base, flag=True):
    pass


class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["added"] = 42
        return super().__new__(mcs, name, bases, ns)


class WithMeta(metaclass=Meta):
    pass


print(WithMeta.added, type(WithMeta).__name__)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = Slotted()
print(s.a)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B" + super().who()


class C(A):
    def who(self):
        return "C" + super().who()


class D(B, C):
    def who(self):
        return "D" + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])


class Dyn:
    def __getattr__(self, name):
        return name.upper()


print(Dyn().anything, getattr(Dyn(), "x"), hasattr(Dyn(), "y"))
print(type(3), type("s"), type(None), type(d).__name__, Dog.__name__, Dog.__qualname__)
obj = type("Made", (object,), {"v": 7})()
print(obj.v, type(obj).__name__)


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1


for _ in range(3):
    Counter()
print(Counter.count, vars(Vec(5, 6)))
