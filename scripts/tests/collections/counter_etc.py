from collections import Counter, OrderedDict, defaultdict, namedtuple, ChainMap, UserDict, UserList, UserString
c = Counter("abracadabra")
print(c, c.most_common(2), c["a"], c["z"], c.total())
print(sorted(c.elements()))
c.update("aaz"); print(c)
c.subtract({"a": 10}); print(c)
print(+c, -c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(Counter(), Counter({"x": 2}), Counter([1, 1, 2]) == Counter([1, 2, 1]))
words = "the quick brown the lazy the dog quick".split()
print(Counter(words).most_common(3))
del c["zz"]; del c["z"]; print(c)
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print(e)

od = OrderedDict()
od["b"] = 1; od["a"] = 2; od["c"] = 3
print(od, list(od.keys()))
od.move_to_end("b"); print(od)
od.move_to_end("c", last=False); print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), OrderedDict())
try:
    od.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)

dd = defaultdict(list)
dd["x"].append(1); dd["y"].append(2); dd["x"].append(3)
print(dd, dd["x"], "z" in dd)
di = defaultdict(int)
for w in words:
    di[w] += 1
print(di)
print(defaultdict(None, {1: 2}), defaultdict(lambda: 5)["q"])
try:
    defaultdict()["k"]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict(3)
except TypeError as e:
    print(e)
print(dd.copy(), type(dd.copy()).__name__, dd.default_factory)

Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, Point._make([5, 6]))
x, y = p; print(x + y, p == (1, 2), isinstance(p, tuple), Point.__name__, Point.__doc__)
P3 = namedtuple("P3", "a b c", defaults=[0, 9])
print(P3(1), P3(1, 2, 3), P3._field_defaults)
R = namedtuple("R", "a, def, a", rename=True)
print(R._fields)
for bad in [("1x", "a"), ("T", "a class"), ("T", "_a"), ("T", "a a")]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print(e)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    p._replace(z=3)
except ValueError as e:
    print(e)
try:
    Point._make([1, 2, 3])
except TypeError as e:
    print(e)
match p:
    case Point(x=1, y=yy):
        print("point y", yy)
print(Point.__module__, repr(Point.x.__doc__))

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm)
cm2 = cm.new_child({"c": 4}); print(cm2, cm2.parents)
cm["z"] = 0; print(cm.maps)

class UD(UserDict):
    pass
u = UD(a=1); u["b"] = 2; print(u, len(u), "a" in u, u.data)
ul = UserList([3, 1, 2]); ul.sort(); ul.append(4); print(ul, ul[1:], len(ul), ul + [5])
us = UserString("hello"); print(us.upper(), us[1:3], len(us), us + "!", us == "hello")
