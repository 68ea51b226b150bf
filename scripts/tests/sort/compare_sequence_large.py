# The __lt__ call sequence for a few thousand elements: long merges, galloping
# and min_gallop adaptation, the powersort merge order.

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


seed = 987654321


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return seed % n


def check(name, vals, reverse=False, key=None):
    global h, calls
    h = calls = 0
    xs = [K(v, i) for i, v in enumerate(vals)]
    if key is None:
        xs.sort(reverse=reverse)
    else:
        xs.sort(key=key, reverse=reverse)
    s = 0
    for x in xs:
        s = (s * 31 + x.i) % M
    print("%-22s n=%-5d calls=%-6d seq=%016x order=%016x" % (name, len(vals), calls, h, s))


check("random 2500", [rnd(10**6) for _ in range(2500)])
check("random 4097", [rnd(10**6) for _ in range(4097)])
check("few distinct 3000", [rnd(4) for _ in range(3000)])
check("few distinct 3000 rev", [rnd(4) for _ in range(3000)], reverse=True)
check("sorted 5000", list(range(5000)))
check("reversed 5000", list(range(5000, 0, -1)))
# Runs of varied lengths: exercises galloping in both merge directions.
vals = []
while len(vals) < 4000:
    k = 1 + rnd(400)
    base = rnd(10**5)
    run = [base + rnd(10**4) for _ in range(k)]
    run.sort(reverse=rnd(2) == 1)
    vals.extend(run)
check("mixed runs 4000", vals)
# Interleaved blocks: one run wins many times in a row, then the other.
a = list(range(0, 3000, 1))
b = [x * 3 + 1 for x in range(1000)]
check("two runs 4000", a + b)
check("two runs swapped", b + a)
blocks = []
for i in range(40):
    blocks.append(list(range(i * 100, i * 100 + 100)))
vals = [x for pair in zip(blocks[::2], blocks[1::2]) for blk in (pair[1], pair[0]) for x in blk]
check("block pairs 4000", vals)
check("key=-v 3000", [rnd(1000) for _ in range(3000)], key=lambda k: K(-k.v, k.i))
