# Which special methods list.sort calls: only "<" (never <=, >, >=, == on
# the keys themselves), with Python's reflection rules, __eq__ for the
# leading equal elements of tuples, NotImplemented handled as CPython's
# unsafe_object_compare does (one more __lt__ call through the full
# protocol), and truthiness of non-bool results.

log = []


class L:
    def __init__(self, v, name):
        self.v = v
        self.name = name

    def __lt__(self, other):
        log.append("%s<%s" % (self.name, other.name))
        return self.v < other.v

    def __gt__(self, other):
        log.append("%s>%s" % (self.name, other.name))
        return self.v > other.v

    def __le__(self, other):
        log.append("%s<=%s" % (self.name, other.name))
        return self.v <= other.v

    def __ge__(self, other):
        log.append("%s>=%s" % (self.name, other.name))
        return self.v >= other.v

    def __eq__(self, other):
        log.append("%s==%s" % (self.name, other.name))
        return self.v == other.v

    __hash__ = None

    def __repr__(self):
        return self.name


def show(title, result):
    print(title, result, " ".join(log))
    log.clear()


xs = [L(v, n) for v, n in [(3, "a"), (1, "b"), (2, "c"), (1, "d"), (5, "e")]]
show("plain", sorted(xs))
show("reverse", sorted(xs, reverse=True))
show("key", sorted(xs, key=lambda x: L(-x.v, x.name.upper())))
show("tuples", sorted([(x, i) for i, x in enumerate(xs)]))
show("tuples2", sorted([(1, x) for x in xs]))
show("tuples3", sorted([(x.v % 2, x) for x in xs]))
show("tuples same", sorted([(xs[0], 1), (xs[0], 0), (xs[1], 2)]))
show("lists", sorted([[x] for x in xs[:3]]))


# NotImplemented from __lt__: CPython asks __lt__ again through the full
# protocol, which then tries the reflected __gt__.
class N:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append("lt(%d,%d)" % (self.v, other.v))
        return NotImplemented

    def __gt__(self, other):
        log.append("gt(%d,%d)" % (self.v, other.v))
        return self.v > other.v

    def __repr__(self):
        return "N%d" % self.v


show("notimpl", sorted([N(2), N(1), N(3)]))


class G:  # only __gt__: reached by reflection
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        log.append("gt(%d,%d)" % (self.v, other.v))
        return self.v > other.v

    def __repr__(self):
        return "G%d" % self.v


show("only gt", sorted([G(2), G(1), G(3)]))


class Sub(N):
    pass


show("mixed types", sorted([N(2), Sub(1), N(3)]))
try:
    sorted([object(), object()])
except TypeError as e:
    print(e)


class Nope:
    def __lt__(self, other):
        log.append("nope")
        return NotImplemented


try:
    sorted([Nope(), Nope()])
except TypeError as e:
    show(str(e), "")


# Non-bool results are tested for truth; errors in __bool__ propagate.
class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        log.append("bool(%d)" % self.v)
        return self.v


class T:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return Truthy(self.v < other.v)

    def __repr__(self):
        return "T%d" % self.v


show("truthy", sorted([T(2), T(1), T(3)]))


class BadBool:
    def __bool__(self):
        raise ValueError("no truth")


class B:
    def __lt__(self, other):
        return BadBool()


try:
    sorted([B(), B()])
except ValueError as e:
    print("bad bool:", e)


# The key function is called once per item, in order, before any "<".
def key(x):
    log.append("key(%s)" % x.name)
    return x


show("key order", sorted(xs, key=key))
show("key order reversed", sorted(xs, key=key, reverse=True))
show("one item", sorted(xs[:1], key=key))
show("no items", sorted([], key=key))
