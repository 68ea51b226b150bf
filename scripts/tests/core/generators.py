def countdown(n):
    while n > 0:
        received = yield n
        if received:
            n = received
        else:
            n -= 1
    return "done"


g = countdown(3)
print(next(g), g.send(10), next(g))
print(list(countdown(3)))


def delegator():
    result = yield from countdown(2)
    print("delegated result:", result)
    yield "end"


print(list(delegator()))
squares = (x * x for x in range(5))
print(sum(squares), sum(x for x in range(10) if x % 2))


def closer():
    try:
        yield 1
    except GeneratorExit:
        print("closing")
        raise


c = closer()
next(c)
c.close()


def thrower():
    while True:
        try:
            yield
        except ValueError as e:
            print("inside:", e)


t = thrower()
next(t)
t.throw(ValueError("boom"))
t.close()
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "default"))
print(dict(zip("abc", range(3))), list(map(lambda a, b: a * b, [1, 2], [3, 4])))


class CountUp:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


print(list(CountUp(4)), [x for x in CountUp(2)])
