# Limits that must give Python exceptions, never crash the interpreter:
# deeply nested data in repr/==/hash, huge int<->str conversions,
# self-referential containers, mutation during iteration, huge allocations.
import sys
l = []
for i in range(100000):
    l = [l]
try:
    repr(l)
except RecursionError as e:
    print("repr", e)
a = []; b = []
for i in range(100000):
    a = [a]; b = [b]
try:
    a == b
except RecursionError as e:
    print("eq", e)
t = ()
for i in range(100000):
    t = (t,)
try:
    hash(t)
except RecursionError as e:
    print("hash", e)
d = {}
for i in range(100000):
    d = {1: d}
try:
    str(d)
except RecursionError as e:
    print("dict", e)
x = 10 ** 5000
try:
    str(x)
except ValueError as e:
    print("big", e)
print(len(str(10**4000)))
l = [1]; l.append(l); print(l)
d = {}; d[1] = d; print(d)
s = {1, 2}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print(e)
d = {1: 2}
try:
    for k in d:
        d[k + 1] = 0
except RuntimeError as e:
    print(e)
def f(n): return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print(e)
try:
    [0] * (2 ** 62)
except MemoryError as e:
    print("MemoryError", e)
try:
    "x" * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    bytearray(2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, e)
print(int("1" * 4300) % 7)
try:
    int("1" * 4301)
except ValueError as e:
    print(e)
