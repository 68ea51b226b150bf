import traceback, sys

def inner(x):
    return 10 / x

def outer():
    return inner(0) + 1

try:
    outer()
except ZeroDivisionError:
    traceback.print_exc()
    s = traceback.format_exc()
    print(s.splitlines()[0], "|", s.splitlines()[-1], len(s.splitlines()))
    et, ev, tb = sys.exc_info()
    print(traceback.format_exception_only(et, ev))
    print(len(traceback.format_exception(ev)))
    for fs in traceback.extract_tb(tb):
        print(fs.filename.endswith("basics.py"), fs.lineno, fs.name, repr(fs.line))
    print(traceback.format_tb(tb)[-1], end="")
    print(repr(traceback.extract_tb(tb)[0]).split(", line")[1])
    te = traceback.TracebackException.from_exception(ev)
    print("".join(te.format()) == s, te.exc_type.__name__, str(te))
    print("".join(traceback.format_exception(ev, limit=1)), end="")

def a():
    b()

def b():
    traceback.print_stack(file=sys.stdout)
    st = traceback.extract_stack()
    print([f.name for f in st][-3:])
    print("".join(traceback.format_stack()[-2:]), end="")

a()

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad value") from e
except ValueError as e:
    traceback.print_exception(e)
    print(traceback.format_exception_only(e))

try:
    try:
        int("x")
    except ValueError:
        [][1]
except IndexError as e:
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)), end="")
    print("".join(traceback.format_exception(e, chain=False)), end="")

class MyError(Exception):
    pass
try:
    raise MyError("custom")
except MyError as e:
    print(traceback.format_exception_only(e)[0], end="")
e = ValueError("note me")
e.add_note("a note")
print(traceback.format_exception_only(e))
print(traceback.format_exception_only(None), traceback.format_list([("f.py", 3, "fn", "x = 1")]))
import linecache
print(repr(linecache.getline(__file__, 1)), repr(linecache.getline(__file__, 100000)))
traceback.print_exc()
