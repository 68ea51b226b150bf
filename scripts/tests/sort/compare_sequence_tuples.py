# Tuple keys compare like CPython's unsafe_tuple_compare: "==" on the items
# from the left until one differs, then "<" on that item (the first items
# through the specialised compare chosen for them). Every __eq__ and
# __lt__ call is folded into a checksum.

M = (1 << 61) - 1
h = 0
calls = 0


class K:
    __slots__ = ("v", "i")

    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        global h, calls
        calls += 1
        h = (h * 1000003 + self.i * 4099 + other.i + 1) % M
        return self.v < other.v

    def __eq__(self, other):
        global h, calls
        calls += 1
        h = (h * 1000003 + self.i * 4099 + other.i + 7) % M
        return self.v == other.v

    __hash__ = None


seed = 2024


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return seed % n


def run(name, keys, reverse=False, key=None):
    global h, calls
    h = calls = 0
    items = list(range(len(keys)))
    if key is None:
        out = sorted(keys, reverse=reverse)
        order = [id(x) for x in out]
        pos = {id(x): i for i, x in enumerate(keys)}
        order = [pos[o] for o in order]
    else:
        order = sorted(items, key=lambda i: keys[i], reverse=reverse)
    s = 0
    for x in order:
        s = (s * 31 + x) % M
    print("%-28s n=%-4d calls=%-6d seq=%016x order=%016x" % (name, len(keys), calls, h, s))


for n in (2, 10, 33, 64, 65, 150, 400):
    objs = [(K(rnd(5), i), K(rnd(3), i + 1000), rnd(4)) for i in range(n)]
    run("objects first", objs)
    run("objects first rev", objs, reverse=True)
    ints = [(rnd(6), K(rnd(4), i)) for i in range(n)]
    run("ints first", ints)
    run("ints first key", ints, key=True)
    run("ints first rev", ints, reverse=True)
    strs = [("abc"[rnd(3)], K(rnd(3), i), K(0, i)) for i in range(n)]
    run("strs first", strs)
    fl = [(rnd(4) / 2, K(rnd(9), i)) for i in range(n)]
    run("floats first", fl)
    mixed = [(rnd(3) if rnd(2) else rnd(3) / 1, K(rnd(3), i)) for i in range(n)]
    run("int/float first", mixed)
    ragged = [tuple(K(rnd(2), i * 10 + j) for j in range(rnd(4) + 1)) for i in range(n)]
    run("ragged", ragged)
    nested = [((rnd(3), K(rnd(2), i)), rnd(3)) for i in range(n)]
    run("nested", nested)
