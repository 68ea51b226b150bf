def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: [1][3])
show(lambda: (1, 2)[5])
show(lambda: "abc"[10])
show(lambda: {}["k"])
show(lambda: {}[(1, 2)])
show(lambda: int("abc"))
show(lambda: float("x"))
show(lambda: 1 / 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: None + 1)
show(lambda: len(5))
show(lambda: abs("x"))
show(lambda: [].pop())
show(lambda: {}.popitem())
show(lambda: set().pop())
show(lambda: object().x)
show(lambda: iter(5))
show(lambda: next(iter([])))
show(lambda: [1, 2].index(3))
show(lambda: "abc".index("z"))
show(lambda: (1).foo)
show(lambda: int.bar)
show(lambda: import_me)
show(lambda: list(1))
show(lambda: sorted([1, "a"]))
show(lambda: max([]))
show(lambda: divmod(1, 0))
show(lambda: chr(-1))
show(lambda: ord("ab"))
show(lambda: "x" * "y")
show(lambda: [1] + (2,))
show(lambda: {[1]: 2})
show(lambda: hash([]))
show(lambda: 2 ** 10000.0)
show(lambda: int("9" * 5000))
show(lambda: getattr(1, "nope"))
show(lambda: (lambda a, b: a)(1))
show(lambda: (lambda a: a)(1, 2))
show(lambda: (lambda *, k: k)())
show(lambda: (lambda a: a)(b=1))
show(lambda: dict(1))
show(lambda: "".join([1, 2]))
show(lambda: range(1, 2, 0))
show(lambda: [].remove(0))
x, y = 1, 2
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
