# An exception from __lt__ or from the key function: it propagates, and the
# list is left in the exact permutation CPython leaves (keys failing: as it
# was; comparisons failing: whatever the merge had done, scratch copied back,
# and a reverse=True sort un-reversed).

class Boom(Exception):
    pass


budget = 0
calls = 0


class K:
    __slots__ = ("v", "i")

    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        global budget, calls
        calls += 1
        budget -= 1
        if budget == 0:
            raise Boom("lt %d vs %d" % (self.i, other.i))
        return self.v < other.v

    def __repr__(self):
        return str(self.i)


seed = 4242


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return seed % n


def order(xs):
    s = 0
    for x in xs:
        s = (s * 31 + x.i) % ((1 << 61) - 1)
    return s


def attempt(vals, fail_at, reverse=False):
    global budget, calls
    xs = [K(v, i) for i, v in enumerate(vals)]
    budget = fail_at
    calls = 0
    try:
        xs.sort(reverse=reverse)
        return "ok", xs
    except Boom as e:
        assert sorted(x.i for x in xs) == list(range(len(vals)))
        return str(e), xs


small = [rnd(20) for _ in range(12)]
for k in range(1, 60, 3):
    msg, xs = attempt(small, k)
    print(k, msg, xs)
for k in (1, 5, 17, 40):
    msg, xs = attempt(small, k, reverse=True)
    print("R", k, msg, xs)

# Larger inputs: failures inside merge_lo / merge_hi / galloping.
for n in (70, 200, 1000):
    vals = [rnd(100000) for _ in range(n)]
    budget = 0
    total = K(0, 0)
    xs = [K(v, i) for i, v in enumerate(vals)]
    budget = -1
    calls = 0
    xs.sort()
    full = calls
    for frac in (0.3, 0.55, 0.8, 0.95, 0.999):
        k = max(1, int(full * frac))
        msg, xs = attempt(vals, k)
        print(n, k, msg, "%x" % order(xs))
        msg, xs = attempt(vals, k, reverse=True)
        print(n, k, "R", msg, "%x" % order(xs))

# Runs that gallop: fail during galloping.
vals = list(range(0, 600, 2)) + list(range(1, 200, 2)) + list(range(600, 700))
xs = [K(v, i) for i, v in enumerate(vals)]
budget = -1
calls = 0
xs.sort()
full = calls
for k in range(full - 40, full + 1, 3):
    msg, xs = attempt(vals, k)
    print("gallop", k, msg, "%x" % order(xs))


# The key function raising: the list is unchanged.
def key(x):
    if x == 3:
        raise Boom("key of 3")
    return -x


lst = [5, 1, 3, 2]
try:
    lst.sort(key=key)
except Boom as e:
    print("key:", e, lst)
try:
    lst.sort(key=key, reverse=True)
except Boom as e:
    print("key:", e, lst)
try:
    sorted([1, 2, 3], key=key)
except Boom as e:
    print("sorted key:", e)


# A TypeError from mixed types, mid-sort.
lst = [3, 1, "a", 2, 0]
try:
    lst.sort()
except TypeError as e:
    print(e, lst)
lst = [3, 1, "a", 2, 0]
try:
    lst.sort(reverse=True)
except TypeError as e:
    print(e, lst)
lst = [(1, 2), (1, "x"), (0, 1)]
try:
    lst.sort()
except TypeError as e:
    print(e, lst)
try:
    sorted([None, None])
except TypeError as e:
    print(e)
try:
    sorted([1, None])
except TypeError as e:
    print(e)
print(sorted([None]))


# With key=: the items follow their keys, also when a comparison fails.
def attempt_key(vals, fail_at, reverse=False):
    global budget
    items = ["item%d" % i for i in range(len(vals))]
    keys = {}
    for i, v in enumerate(vals):
        keys[items[i]] = K(v, i)
    budget = fail_at
    try:
        items.sort(key=keys.__getitem__, reverse=reverse)
        return "ok", items
    except Boom as e:
        return str(e), items


vals = [rnd(50) for _ in range(150)]
for k in (1, 60, 300, 700):
    msg, items = attempt_key(vals, k)
    print("key", k, msg, items[:6], items[-3:])
    msg, items = attempt_key(vals, k, reverse=True)
    print("key R", k, msg, items[:6], items[-3:])
