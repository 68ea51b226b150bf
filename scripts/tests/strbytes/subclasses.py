# Subclasses of str, bytes and bytearray: construction, __init__, methods.
class MyBA(bytearray):
    def __init__(self, data, extra):
        super().__init__(data)
        self.extra = extra
m = MyBA(b"abc", 5)
print(m, m.extra)
b = bytearray(b"xyz")
b.__init__(b"q")
print(b)
b.__init__()
print(b)
b.__init__("é", "utf-8")
print(b)
class MyB(bytes):
    def __new__(cls, data, extra):
        self = super().__new__(cls, data)
        self.extra = extra
        return self
print(MyB(b"k", 1), MyB(b"k", 1).extra)
class S(str):
    def __new__(cls, v, extra):
        o = super().__new__(cls, v)
        o.extra = extra
        return o
print(S("abc", 2), S("abc", 2).extra, S("abc", 2).upper(), type(S("a", 1) + "b"))
class U(str):
    def __str__(self):
        return "U-str"
    def __repr__(self):
        return "U-repr"
u = U("base")
print(u, repr(u), str(u), u + "!", u * 2, u[1:], u.upper(), "%s|%r" % (u, u), "{}|{!r}".format(u, u), f"{u}|{u!r}|{u:>6}")
print(len(u), u == "base", hash(u) == hash("base"), "as" in u, list(u), type(u.strip()).__name__, type(str(u)).__name__)
class BB(bytes):
    def __repr__(self):
        return "BB!"
bb = BB(b"xy")
print(bb, repr(bb), bb + b"z", bb[0], bb[:1], bb.upper(), "%s" % (bb,), b"%s" % bb, bytes(bb), bb == b"xy")
class BA(bytearray):
    pass
ba = BA(b"q")
ba += b"r"
ba.append(115)
print(ba, type(ba).__name__, ba * 2, type(ba * 2).__name__, ba.copy(), type(ba.copy()).__name__, BA.fromhex("41"), type(BA.fromhex("41")).__name__)
print(BB.fromhex("4142"), type(BB.fromhex("4142")).__name__, type(bytes.fromhex("41")).__name__)
