if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    y = 2

while x:
    x -= 1
    if x == 5:
        break
    continue
else:
    done()

for i in range(10):
    print(i)
else:
    pass

for a, (b, c) in pairs: pass
for x, in y: pass
for [a, *b] in c: pass

try:
    f()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except:
    pass
else:
    ok()
finally:
    cleanup()

try:
    f()
finally:
    g()

try:
    f()
except* ValueError as eg:
    pass
except* (A, B):
    pass

with open(f) as fh, lock:
    data = fh.read()

with (open(a) as x, open(b) as y,):
    pass

with (a, b):
    pass

with (yield_x):
    pass

def f(a, b=1, *args, c, d=2, **kwargs) -> int:
    """Docstring."""
    return a

def g(a, /, b, *, c):
    pass

def h(*, x): ...

@decorator
@decorator.attr(1)
@x[0] + y
def decorated(): pass

class C(Base, metaclass=Meta):
    x = 1

    def method(self):
        return self.x

class D:
    pass

@dataclass
class E(): pass

async def coro():
    await x
    async for i in aiter():
        pass
    async with lock as l:
        pass
    return [j async for j in y]

def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from z
    await_ = (yield)

if x: a = 1; b = 2;
while 0: pass
class F: x = 1; y = 2
