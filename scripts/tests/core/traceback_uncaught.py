# An uncaught exception prints CPython's traceback and exits with status 1.
def inner(d):
    return d["key"] + 1


def outer():
    data = {"key": None}
    return inner(data)


print("before")
outer()
