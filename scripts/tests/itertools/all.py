import itertools as it
from itertools import *
print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(0.5, 0.25), 3)))
c = count(5); next(c); print(repr(c), repr(count(1, 2)), repr(count(2.5)), repr(count(step=-1)))
print(list(islice(cycle("abc"), 8)), list(cycle([])))
print(list(repeat("x", 3)), repr(repeat(1)), repr(repeat("a", 2)), list(map(pow, range(5), repeat(2))))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], initial=100)), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([])), list(accumulate([], initial=7)))
import operator
print(list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)), list(islice("AB", 5, 9)))
src = iter(range(10)); print(list(islice(src, 3)), next(src))
print(list(pairwise("ABCDE")), list(pairwise("A")))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest("ab", [1, 2, 3])), list(zip_longest()))
for k, g in groupby("AAAABBBCCDAABBB"):
    print(k, list(g))
print([k for k, g in groupby("AAAABBBCCD")])
data = [("a", 1), ("a", 2), ("b", 3), ("c", 4), ("c", 5)]
for key, grp in groupby(data, key=lambda t: t[0]):
    print(key, [v for _, v in grp])
groups = list(groupby("aabb"))
print([(k, list(g)) for k, g in groups])
print(list(product("AB", "xy")), list(product(range(2), repeat=3)), list(product()), list(product("ab", [])))
print(list(permutations("ABC", 2)), list(permutations(range(3))), list(permutations("AB", 3)), list(permutations([], 0)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("A", 2)), list(combinations("AB", 0)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement("AB", 0)))
a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee("abc", 3); print(list(x), list(y), list(z), tee([1], 0))
t1, t2 = tee(range(3)); t3, = tee(t1, 1); print(list(t3), list(t1), list(t2))
print(type(tee([])[0]).__name__, type(chain()).__name__, repr(chain())[:24])
for bad in ["islice([1],-1)", "islice([1],0,5,0)", "combinations([1],-1)", "tee([1],-1)", "product([1],repeat=-1)", "count('a')", "cycle()", "starmap(1)", "list(starmap(pow, [1]))", "repeat()", "accumulate([1], x=1)", "list(chain([1], 1))"]:
    try:
        eval(bad)
        print(bad, "ok")
    except (TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
print(sum(1 for _ in permutations(range(6))), len(list(combinations(range(20), 3))))
