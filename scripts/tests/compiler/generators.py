def gen():
    x = yield 1
    print("got", x)
    y = yield x * 2
    return y

g = gen()
print(next(g))
print(g.send(10))
try:
    g.send(7)
except StopIteration as e:
    print("returned", e.value)

def delegating():
    r = yield from gen()
    print("sub returned", r)
    yield "done"

d = delegating()
print(next(d), d.send(3), d.send(4))

def closing():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
c = closing()
next(c)
c.close()

def thrower():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
t = thrower()
next(t)
print(t.throw(ValueError("boom")))

print(list(x * x for x in range(5) if x % 2))
print(sum(i for i in range(10)))
print({k: v for k, v in zip("abc", range(3))}, {x % 3 for x in range(10)})
print([(i, j) for i in range(3) for j in range(i)])

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))

def early():
    for i in range(10):
        if i == 3:
            return
        yield i
print(list(early()))
