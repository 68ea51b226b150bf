# Value, Array, RawValue and RawArray: the ctypes typecodes with their C
# widths (ints wrap around silently, 'f' rounds to float32), the ctypes
# names and reprs, errors for wrong types, synchronized wrappers with
# get_lock()/get_obj(), slicing, c_char arrays, and values shared with
# children (each child is joined before the next line is printed).
import multiprocessing as mp
from multiprocessing import Value, Array, RawValue, RawArray

for tc in "bBhHiIlLqQfdc":
    v = RawValue(tc)
    print(tc, repr(v), type(v).__name__)

print(RawValue('i', 2**31).value, RawValue('i', -2**31 - 1).value)
print(RawValue('B', 300).value, RawValue('b', 200).value, RawValue('h', 40000).value)
print(RawValue('H', -1).value, RawValue('I', -1).value, RawValue('Q', -1).value)
print(RawValue('q', 2**63).value, RawValue('L', 2**64 + 5).value)
print(RawValue('f', 0.1).value, RawValue('d', 0.1).value)
d = RawValue('d', 1)
print(d.value, type(d.value).__name__)
for tc, bad in [('i', 1.5), ('i', 'x'), ('d', 'x'), ('c', b'ab'), ('c', 'a'), ('i', None)]:
    try:
        v = RawValue(tc)
        v.value = bad
        print(tc, bad, '->', v.value)
    except Exception as e:
        print(tc, repr(bad), type(e).__name__, e)
v = RawValue('i', 2**70)
print("2**70 as c_int:", v.value)

c = RawValue('c', b'x')
print(c, c.value)
c.value = 65
print(c.value)

s = Array('c', b'hello')
print(type(s).__name__, s.value, s.raw, s[0], s[1:3], len(s))
s.value = b'hi'
print(s.value, s.raw, s[:])

x = Value('i', 5)
print(x, x.value, x.get_lock(), x.get_obj(), type(x).__name__)
with x.get_lock():
    print(x.get_lock())
    x.value += 1
print(x.value)

y = Array('d', [1, 2, 3])
print(type(y).__name__, y[:], y[1], len(y), y.get_lock(), type(y.get_obj()).__name__)
y[0:2] = [5, 6]
print(y[:], y[-1], y[::2])
for bad in [lambda: y.__setitem__(slice(0, 2), [1]), lambda: y[5], lambda: y.__setitem__(0, 'x')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

z = Array('i', 4, lock=False)
print(type(z).__name__, z[:], z._length_, z._type_.__name__)
print(RawArray('i', [1, 2])[-1], RawArray('i', range(3))[::2], list(RawArray('h', [7, 8])))
w = Value('i', 3, lock=False)
print(w, type(w).__name__)
lk = mp.Lock()
u = Value('d', 2.5, lock=lk)
print(u.get_lock() is lk, u.value)


def fill(arr, val, text):
    for i in range(len(arr)):
        arr[i] = i * i
    val.value = 3.25
    text.value = b"from child"


if __name__ == "__main__":
    arr = Array('i', 5)
    val = Value('d', 0.0)
    text = Array('c', 16)
    p = mp.Process(target=fill, args=(arr, val, text))
    p.start()
    p.join()
    print(arr[:], val.value, text.value)
    raw = RawArray('b', 3)
    p = mp.Process(target=lambda: raw.__setitem__(slice(None), [127, -128, 255]))
    p.start()
    p.join()
    print(raw[:])
