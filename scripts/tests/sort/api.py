# list.sort and sorted(): arguments, return values, stability with reverse.

lst = [3, 1, 2]
print(lst.sort(), lst)
print(sorted((3, 1, 2)), sorted("cab"), sorted({3: 0, 1: 0}), sorted(x for x in (2, 1)))
print(sorted([], reverse=True), sorted([1], key=lambda x: 1 / 0 if False else x))

for kw in [dict(reverse=None), dict(reverse=1.5), dict(reverse=2**100), dict(reverse="x"),
           dict(reverse=3), dict(reverse=0), dict(reverse=-1), dict(key=None), dict(foo=1), dict(key=1),
           dict(reverse=True, key=None), dict(reverse=2**31), dict(reverse=2**31 - 1), dict(reverse=-(2**31))]:
    try:
        l = [3, 1, 2]
        l.sort(**kw)
        print(kw, l)
    except Exception as e:
        print(kw, type(e).__name__, e)
    try:
        print("sorted", kw, sorted([3, 1, 2], **kw))
    except Exception as e:
        print("sorted", kw, type(e).__name__, e)


class I:
    def __index__(self):
        return 1


l = [1, 2]
l.sort(reverse=I())
print(l)
for call in (lambda: [1].sort(None), lambda: list.sort([2, 1], True), lambda: sorted([3, 1], None),
             lambda: sorted(), lambda: sorted(1), lambda: [1, 2].sort(key=1), lambda: [1].sort(key=1),
             lambda: [].sort(key=1), lambda: list.sort(), lambda: list.sort((1, 2))):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

# Stability, forwards and backwards.
pairs = [(k, i) for i, k in enumerate([2, 1, 2, 0, 1, 2, 0, 1])]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
words = "the quick brown fox jumps over the lazy dog again and again".split()
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=str.lower, reverse=True))
recs = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
recs.sort(key=lambda r: r[0], reverse=True)
recs.sort(key=lambda r: r[1])
print(recs)
import functools
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(sorted(["b", "A", "c"], key=str.lower))
print(sorted({"b": 2, "a": 1}.items(), key=lambda kv: kv[1], reverse=True))
print(help(list.sort) if False else list.sort.__doc__)
