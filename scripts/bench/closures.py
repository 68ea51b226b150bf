# Closures and decorators: functions that make functions, nonlocal
# counters, a decorator that counts calls, one that memoizes, one that
# checks arguments, stacked on plain functions and called in loops.


def counted(fn):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    return wrapper


def memoized(fn):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        result = fn(n)
        cache[n] = result
        return result
    wrapper.cache = cache
    return wrapper


def non_negative(fn):
    def wrapper(x, y):
        if x < 0 or y < 0:
            raise ValueError("negative argument")
        return fn(x, y)
    return wrapper


def make_counter(start):
    count = start

    def step(by=1):
        nonlocal count
        count += by
        return count
    return step


def make_adder(k):
    return lambda x: x + k


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


@counted
@non_negative
def combine(x, y):
    return (x * 31 + y) % 1000003


@memoized
def stairs(n):
    # ways to climb n stairs taking 1, 2 or 3 steps at a time
    if n < 0:
        return 0
    if n == 0:
        return 1
    return (stairs(n - 1) + stairs(n - 2) + stairs(n - 3)) % 1000000007


def run(n):
    counter = make_counter(0)
    adders = [make_adder(k) for k in range(10)]
    twice = [compose(adders[k], adders[9 - k]) for k in range(10)]
    acc = 0
    for i in range(n):
        acc = combine(acc, i)
        acc = twice[i % 10](acc)
        counter(2)
    small = sum(stairs(k) % 1000 for k in range(300))
    return acc, counter(0), combine.calls, len(stairs.cache), small


print("closures:", *run(800000))
