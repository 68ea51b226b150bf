# Barrier (indices, action, abort, reset, timeout), Timer (fires, cancel)
# and threading.local (per-thread attributes, subclass __init__ per thread).
import threading
import time

order = []
lock = threading.Lock()
b = threading.Barrier(3, action=lambda: order.append("action"))
print(b.parties, b.n_waiting, b.broken)


def party(i):
    idx = b.wait()
    with lock:
        order.append(idx)


ts = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(order[0], sorted(order[1:]))

# A timeout breaks the barrier for everybody.
b2 = threading.Barrier(2, timeout=0.05)
try:
    b2.wait()
except threading.BrokenBarrierError as e:
    print("broken:", type(e).__name__, repr(e), b2.broken, isinstance(e, RuntimeError))
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("still broken")
b2.reset()
print("after reset:", b2.broken)

# abort() wakes the waiters with BrokenBarrierError.
b3 = threading.Barrier(3)
errors = []


def waits():
    try:
        b3.wait()
    except threading.BrokenBarrierError:
        errors.append("broken")


ts = [threading.Thread(target=waits) for _ in range(2)]
for t in ts:
    t.start()
while b3.n_waiting < 2:
    time.sleep(0.001)
b3.abort()
for t in ts:
    t.join()
print(errors, b3.broken)

# Timers
fired = []
t = threading.Timer(0.02, fired.append, args=["fired"])
t.start()
t.join()
t2 = threading.Timer(10, fired.append, args=["never"])
t2.start()
t2.cancel()
t2.join()
print(fired, t.name.startswith("Thread-"), isinstance(t, threading.Thread))

# threading.local
data = threading.local()
data.x = "main"
seen = {}


def show(n):
    seen[n] = hasattr(data, "x")
    data.x = n
    seen[n] = (seen[n], data.x, sorted(vars(data)))


ts = [threading.Thread(target=show, args=(n,)) for n in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(seen, data.x)


class MyLocal(threading.local):
    initialized = 0

    def __init__(self, color):
        self.color = color
        MyLocal.initialized += 1

    def describe(self):
        return f"{self.color}/{threading.current_thread().name}"


ml = MyLocal("red")
out = []


def use():
    out.append(ml.describe())
    ml.color = "blue"
    out.append(ml.describe())


t = threading.Thread(target=use, name="user")
t.start()
t.join()
print(out, ml.color, MyLocal.initialized)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
try:
    data.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
del data.x
print(hasattr(data, "x"))
