# exceptions: try/except/else/finally, chaining, custom exceptions
def risky(n):
    if n == 0:
        raise ValueError("zero!")
    return 10 / n


for n in (2, 0):
    try:
        r = risky(n)
    except ValueError as e:
        print("caught", repr(e), e.args)
    else:
        print("ok", r)
    finally:
        print("finally", n)


class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code


try:
    raise MyError(7)
except MyError as e:
    print(e, e.code, isinstance(e, Exception))

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        int("x")
except ValueError as e:
    print(e, type(e.__context__).__name__)


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")


for v in gen():
    print("got", v)
    break
print("after loop")

try:
    [].pop()
except IndexError as e:
    print(e)
try:
    None.x
except AttributeError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    int("12x")
except ValueError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)


def f():
    try:
        return "from try"
    finally:
        print("finally runs")


print(f())
with open(__file__) as fh:
    print(fh.readline().strip())
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
print(ExceptionGroup, issubclass(KeyError, LookupError), ZeroDivisionError.__mro__)
try:
    raise ExceptionGroup("many", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print("value errors:", eg.exceptions)
except* TypeError as eg:
    print("type errors:", eg.exceptions)
