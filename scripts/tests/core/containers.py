# lists, tuples, dicts, sets
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5)
a.extend([3, 5])
a.insert(0, 0)
print(a, len(a), a.count(5), a.index(9))
a.remove(1)
print(a.pop(), a.pop(0), a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a, sorted(a, key=lambda v: -v))
b = a[:]
b[1:3] = [10, 20, 30]
del b[0]
print(b, a[::3], a[-3:])
print([1, 2] + [3], [0] * 4, [1, 2] == [1, 2], [1, 2] < [1, 3], [[]] * 2)
words = ["banana", "Apple", "cherry"]
print(sorted(words), sorted(words, key=str.lower), max(words, key=len))
t = (1, 2, 3)
print(t, t[1], t + (4,), t * 2, (1,), (), len(t), t.index(2), t.count(3))
x, y, z = t
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
p, (q, r) = 1, (2, 3)
print(x, y, z, first, rest, init, last, p, q, r)
d = {"one": 1, "two": 2}
d["three"] = 3
print(d, d["two"], d.get("four"), d.get("four", 4), len(d), "one" in d)
print(list(d.keys()), list(d.values()), list(d.items()))
d.update({"one": 11}, four=4)
print(d, d.pop("two"), d.setdefault("five", 5), d)
del d["one"]
print(d, {k: v * 2 for k, v in d.items()}, dict(a=1, b=2), dict([("x", 1)]))
print({1: "a", 1.0: "b", True: "c"}, dict.fromkeys("ab", 0))
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
s = {5, 3, 1}
s.add(2)
s.discard(5)
print(s, 3 in s, len(s), {1, 2} | {2, 3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
print(set(range(10)), frozenset([3, 2, 1]), {x % 4 for x in range(10)}, set())
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, set([100, 50, 25, 1000, 7]))
print(list(zip([1, 2, 3], "ab")), list(enumerate("ab", 1)), list(map(str, [1, 2])), list(filter(None, [0, 1, 2, ""])))
print(list(reversed([1, 2, 3])), list(range(10, 0, -3)), range(5), list(range(2, 8)[1:4]))
nested = [[1, 2], [3, 4]]
print([x for row in nested for x in row], [[r[i] for r in nested] for i in range(2)])
print(any([0, 0, 1]), all([1, 1, 0]), all([]), any([]))
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m)
l = [1, 2]
l.append(l)
print(l, {"self": None})
dd = {}
dd["k"] = dd
print(dd)
