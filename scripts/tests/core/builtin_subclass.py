class MyList(list):
    def __repr__(self):
        return "MyList(" + super().__repr__() + ")"

    def sum(self):
        return sum(self)


ml = MyList([3, 1, 2])
ml.append(5)
ml.sort()
print(ml, ml.sum(), len(ml), isinstance(ml, list), ml[1:], type(ml[1:]).__name__)


class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]


d = DefaultDict(a=1)
print(d["hello"], d, d.get("zz"), "zz" in d)


class Money(int):
    def __new__(cls, value, currency="EUR"):
        obj = super().__new__(cls, value)
        obj.currency = currency
        return obj

    def __repr__(self):
        return f"{int(self)} {self.currency}"


m = Money(5, "USD")
print(m, m + 1, type(m + 1).__name__, m * 2, m == 5, hash(m) == hash(5))


class Upper(str):
    def shout(self):
        return self.upper() + "!"


u = Upper("hi")
print(u, u.shout(), u + " there", type(u + "x").__name__, len(u), repr(u))


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]


pt = Point(3, 4)
print(pt, pt.x, pt[1], len(pt), pt == (3, 4))


class MyExc(ValueError):
    pass


try:
    raise MyExc("bad", 7)
except ValueError as e:
    print(type(e).__name__, e.args, str(e))


class Ordered(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)


o = Ordered()
o["a"] = 1
o.update(b=2)
print(o)


class F(float):
    pass


print(F(2.5) + 1, F("1.5"), isinstance(F(1), float))


class S(set):
    pass


print(S([1, 2]) | {3}, type(S([1]) | {2}).__name__)
