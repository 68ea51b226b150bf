# The exact sequence of __lt__ calls list.sort makes (CPython 3.11's timsort
# with powersort merging): every call is folded into a checksum, printed
# with the call count and the resulting order, for lengths 0..100 and
# several data shapes. Any difference in which pair is compared, or in
# which order, changes the checksum.

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


seed = 12345


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return seed % n


def shapes(n):
    yield "random", [rnd(1000) for _ in range(n)]
    yield "sorted", list(range(n))
    yield "reversed", list(range(n, 0, -1))
    yield "few", [rnd(3) for _ in range(n)]
    yield "equal", [7] * n
    yield "sawtooth", [i % 10 for i in range(n)]
    yield "organ", [min(i, n - i) for i in range(n)]
    r = list(range(n))
    for _ in range(n // 10 + 1):
        if n > 1:
            a, b = rnd(n), rnd(n)
            r[a], r[b] = r[b], r[a]
    yield "nearly", r
    yield "runs", sorted(rnd(50) for _ in range(n // 2)) + sorted((rnd(50) for _ in range(n - n // 2)), reverse=True)


def order_sum(xs):
    s = 0
    for x in xs:
        s = (s * 31 + x.i) % M
    return s


for n in range(101):
    line = []
    for name, vals in shapes(n):
        for reverse in (False, True):
            h = calls = 0
            xs = [K(v, i) for i, v in enumerate(vals)]
            xs.sort(reverse=reverse)
            assert [x.v for x in xs] == sorted(vals, reverse=reverse)
            line.append("%s%s:%d:%x:%x" % (name[:3], "R" if reverse else "", calls, h, order_sum(xs)))
    print(n, " ".join(line))
