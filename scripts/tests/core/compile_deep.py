# Source nested deeper than the compiler allows is a RecursionError
# (CPython: 3 levels of syntax per remaining frame, so about 3000 from the
# top level); deeper than the parser's stack is a MemoryError.
for n in (1000, 2999, 3100, 5000):
    try:
        print(n, eval("-" * n + "1"))
    except RecursionError as e:
        print(n, "RecursionError", e)
def nested(depth, n):
    if depth:
        return nested(depth - 1, n)
    try:
        return eval("-" * n + "1")
    except RecursionError as e:
        return "RecursionError"
print(nested(500, 2000))
try:
    eval("-" * 100000 + "1")
except MemoryError as e:
    print("MemoryError", repr(e))
