class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress


with CM("a") as v:
    print("inside", v)
with CM("outer") as o, CM("inner") as i:
    print(o, i)
with CM("swallow", suppress=True):
    raise ValueError("hidden")
print("continued")
try:
    with CM("reraise"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))


def f():
    with CM("ret"):
        return "returned"


print(f())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break
from contextlib import contextmanager


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    finally:
        print(f"</{name}>")


with tag("b") as t:
    print("text", t)
try:
    with tag("err"):
        1 / 0
except ZeroDivisionError:
    print("zde")
try:
    with 42:
        pass
except TypeError as e:
    print(e)
