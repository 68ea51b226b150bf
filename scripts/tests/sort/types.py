# The specialised comparisons chosen by the pre-sort check (small ints,
# floats, strs, tuples by their first element) must give exactly CPython's
# results, including where "<" is not a total order (NaN) and where equal
# keys are distinguishable (stability, -0.0 and 0.0, key=).

nan = float("nan")
inf = float("inf")

seed = 777


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return seed % n


# NaN makes "<" inconsistent: the result depends on the comparison sequence.
for n in (5, 17, 40, 64, 65, 130, 300):
    vals = [float(rnd(50)) if rnd(5) else nan for _ in range(n)]
    print(n, sorted(vals))
    print(n, sorted(vals, reverse=True))
print(sorted([nan, 2.0, 1.0, nan, 0.5, -inf, inf, 3.0]))
print(sorted([3.0, nan, 1.0], key=lambda x: -x))

# Zeroes and stability of equal floats, as keys too.
z = [0.0, -0.0, 0.0, -0.0, 1.0, -0.0]
print(sorted(z), sorted(z, reverse=True))
print(sorted(range(8), key=lambda i: [0.5, -0.0, 0.0, 0.5, -1.5, 0.0, -0.0, 2.0][i]))
print(sorted(range(8), key=lambda i: [0.5, -0.0, 0.0, 0.5, -1.5, 0.0, -0.0, 2.0][i], reverse=True))

# Ints: small, big, negative, bools, mixed with floats.
ints = [rnd(2000) - 1000 for _ in range(200)]
print(sorted(ints) == sorted(ints, key=lambda x: x) == sorted(ints, reverse=True)[::-1])
print(sorted(ints)[:10], sorted(ints)[-5:])
big = [2**70, -(2**65), 5, -3, 2**63 - 1, -(2**63), 2**63, 0, 10**30]
print(sorted(big))
print(sorted(big, reverse=True))
print(sorted([True, 2, False, 1, -1, True, 0]))
print(sorted([1, 1.0, True, 0, 0.0, False, -0.0, 2, 1.5]))
print(sorted([1, 1.0, True], reverse=True), [type(x).__name__ for x in sorted([1.0, True, 1], reverse=True)])
print(sorted([2**53 + 1, float(2**53), 2**53]))
print(sorted(range(10), key=lambda i: (i * 7) % 5))
print(sorted(range(10), key=lambda i: (i * 7) % 5, reverse=True))
print(sorted(range(10), key=lambda i: [3, 10**20, -1, 3, 2**64, 0, -(2**64), 3, 1, 10**20][i]))

# Strings: ASCII, Latin-1, BMP and astral characters order by code point.
words = ["b", "a", "", "ab", "aa", "é", "e", "z", "Z", "ÿ", "Ā", "\uffff", "😀", "\U0001f600a",
         "a\x00", "a\x00b", "€", "ä", "日本", "日", "\ud7ff", "\ue000"]
print(sorted(words))
print(sorted(words, reverse=True))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: w[::-1]))
ws = ["".join(chr(97 + rnd(3)) for _ in range(rnd(4))) for _ in range(300)]
s = sorted(ws)
print(s[:8], s[-8:], len(set(s)))
print(sorted(range(12), key=lambda i: ws[i]), sorted(range(12), key=lambda i: ws[i], reverse=True))

# Identity of equal strs is kept: the sort is stable.
a1 = "".join(["x", "y"])
a2 = "".join(["x", "y"])
r = sorted([a2, "b", a1, "a"])
print(r[2] is a2, r[3] is a1)
r = sorted([a2, "b", a1, "a"], reverse=True)
print(r[0] is a2, r[1] is a1)


# str and int subclasses with their own "<" are not specialised.
class RevStr(str):
    def __lt__(self, other):
        return str.__gt__(self, other)


print(sorted([RevStr("a"), RevStr("c"), RevStr("b")]))
print(sorted(["a", RevStr("c"), "b"]))


class ModInt(int):
    def __lt__(self, other):
        return int(self) % 3 < int(other) % 3


print(sorted([ModInt(x) for x in range(8)]))

# Tuples: first elements specialised, ties broken by the rest.
tups = [(rnd(5), rnd(3), "abc"[rnd(3)]) for _ in range(60)]
print(sorted(tups)[:12])
print(sorted(tups, reverse=True)[:12])
print(sorted([(1, 2), (1,), (), (0, 5), (1, 2, 0), (1, 1)]))
print(sorted([(1.5, "a"), (nan, "b"), (0.5, "c"), (nan, "a"), (1.5, "0")]))
print(sorted([("b", 1), ("a", 2), ("b", 0), ("", 9)]))
print(sorted([((1, 2), 3), ((1, 1), 4), ((0,), 5)]))
print(sorted([(1, "x"), (1.0, "a"), (True, "b"), (0, "z")]))
print(sorted([(2**70, 1), (-5, 2), (2**70, 0)]))
print(sorted([(x % 4, -x) for x in range(20)], key=lambda t: t, reverse=True))
print(sorted([[3, 1], [1, 2], [1, 1], [2]]))

# Keys of other homogeneous types, and mixed ones.
print(sorted([b"b", b"a", b"ab", b""]))
print(sorted([frozenset({1, 2}), frozenset({1}), frozenset()], key=len))
print(sorted([{3}, {1, 2, 3}, {1}]))  # subset order: not total
print(sorted(["b", "a"], key=lambda s: (s,)))
print(sorted([1j, 2j], key=abs))
print(sorted([None, None], key=lambda x: 0))
