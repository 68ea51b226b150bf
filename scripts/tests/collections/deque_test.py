from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([5, 6]); d.extendleft([-1, -2])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(d.count(5), d.index(5), 3 in d, 99 in d)
d.remove(5); print(d)
d.reverse(); print(d)
d.insert(1, "x"); print(d)
del d[1]; print(d)
d[0] = "first"; print(d)
print(list(reversed(d)), d.copy(), d == d.copy(), d != deque())
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10); print(m)
m.appendleft(-1); print(m)
m.extend([20, 21]); print(m)
try:
    m.insert(0, 1)
except IndexError as e:
    print("IndexError:", e)
print(deque(), deque(maxlen=0), deque("abc"))
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
try:
    deque([1]).index(7)
except ValueError as e:
    print("ValueError:", e)
try:
    deque([1]).remove(7)
except ValueError as e:
    print("ValueError:", e)
try:
    deque([1])[5]
except IndexError as e:
    print("IndexError:", e)
try:
    deque(maxlen=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    hash(deque())
except TypeError as e:
    print("TypeError:", e)
dd = deque([1, 2])
try:
    for x in dd:
        dd.append(3)
except RuntimeError as e:
    print("RuntimeError:", e)
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, deque([1]) < deque([2]), deque([1, 2]) >= deque([1]))
e = deque([1]); e += [2, 3]; print(e)
e *= 2; print(e)
print(bool(deque()), bool(deque([0])))
d.clear(); print(d)
import copy
print(copy.copy(deque([1, [2]], 5)) if False else "skip")
class MyDeque(deque):
    pass
print(MyDeque([1, 2]), MyDeque([1], 4))
match deque([1, 2]):
    case [a, b]:
        print("matched", a, b)
from collections.abc import MutableSequence, Sequence
print(isinstance(deque(), MutableSequence), issubclass(deque, Sequence))
