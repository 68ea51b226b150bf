a, *b, c = range(6)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *_ = "hello"
print(first)
print(*[1, 2], *"ab", sep="-")
print([*range(3), *[9]], {*"aab"} == {"a", "b"}, {**{"a": 1}, "b": 2, **{"a": 3}})


def f(*args, **kwargs):
    return args, kwargs


print(f(*[1, 2], 3, *(4,), k=1, **{"j": 2}))
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
m = [[1, 2], [3, 4]]
for [p, q] in m:
    print(p + q)
d = dict(zip("abc", range(3)))
print(d, [*d], list(d.values()))
a = b = c = 5
a += 1
print(a, b, c)
i, j = j, i = 1, 2
print(i, j)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
