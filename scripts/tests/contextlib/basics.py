import contextlib, io, sys
from contextlib import contextmanager, suppress, closing, ExitStack, nullcontext, redirect_stdout, redirect_stderr

@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("h1") as t:
    print("inside", t)
try:
    with tag("p"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)

@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))
with swallow():
    raise KeyError("k")
print("after swallow")

@tag("deco")
def decorated():
    print("in decorated")
decorated(); decorated()

with suppress(FileNotFoundError, ZeroDivisionError):
    1 / 0
print("suppressed")

class Res:
    def close(self): print("closed")
with closing(Res()) as r:
    print("using", type(r).__name__)

with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    stack.enter_context(tag("stacked"))
    print("body")

def cleanup(*args):
    print("cleanup", args[0].__name__ if args[0] else None)
    return True
with ExitStack() as s:
    s.push(cleanup)
    raise RuntimeError("x")
print("suppressed by stack")

with nullcontext(5) as v:
    print("null", v)

buf = io.StringIO() if hasattr(io, "StringIO") else None
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): pass
w = W()
with redirect_stdout(w):
    print("hidden")
print("captured", w.parts)
with redirect_stderr(w):
    sys.stderr.write("err!")
print(w.parts[-1])

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)

@contextmanager
def twice():
    yield
    yield
try:
    with twice():
        pass
except RuntimeError as e:
    print(e)

class CM(contextlib.AbstractContextManager):
    def __exit__(self, *a): print("exit", a[0])
with CM() as cm:
    print(type(cm).__name__)
print(isinstance(open(__file__), contextlib.AbstractContextManager))
