import traceback

def show(f, *args):
    try:
        f(*args)
    except Exception:
        lines = traceback.format_exc().splitlines()
        print("\n".join(lines[-4:]))

def attr(o):
    return o.missing.other

def call_chain(d):
    return d.get("a").upper()

def subscript(d):
    return d["x"]["y"]["z"]

def binop(a, b):
    return a + b * 2

def multiline(a):
    return (a
            .strip()
            .nothing())

def div(a):
    return 1 / a

show(attr, object())
show(call_chain, {})
show(subscript, {"x": {"y": {}}})
show(binop, 1, "s")
show(multiline, " s ")
show(div, 0)
