def order():
    log = []
    try:
        log.append("try")
        raise ValueError("x")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(order())

def ret_finally():
    try:
        return "try"
    finally:
        print("finally runs")
print(ret_finally())

def override():
    try:
        return 1
    finally:
        return 2
print(override())

def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_finally())

def name_deleted():
    try:
        raise KeyError("k")
    except KeyError as e:
        pass
    try:
        e
    except NameError as ne:
        return "deleted: " + str(ne)
print(name_deleted())

def context():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("second")
    except ValueError as e:
        return type(e.__context__).__name__, e.__suppress_context__
print(context())

def cause():
    try:
        try:
            {}["k"]
        except KeyError as k:
            raise RuntimeError("wrapped") from k
    except RuntimeError as e:
        return type(e.__cause__).__name__, e.__suppress_context__
print(cause())

class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return self.suppress

with CM("a") as a, CM("b"):
    print("body", a.name)

with CM("s", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")

def with_return():
    with CM("r"):
        return "returned"
print(with_return())

try:
    with CM("outer"):
        with CM("inner"):
            raise TypeError("t")
except TypeError:
    print("propagated")

def reraise():
    try:
        raise OSError("os")
    except OSError:
        try:
            raise
        except OSError as e:
            return "reraised " + str(e)
print(reraise())

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("values", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types", [str(e) for e in eg.exceptions])

def assert_it(x):
    try:
        assert x > 0, "must be positive"
    except AssertionError as e:
        return str(e)
print(assert_it(-1))
