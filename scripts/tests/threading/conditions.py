# Condition, Semaphore, BoundedSemaphore and Event. Producer/consumer
# ordering is fixed by the condition itself, so the printed sequence is
# deterministic; timings are only compared against their lower bounds.
import threading
import time

def hide_address(r):
    # Object addresses differ from run to run.
    i = r.find(" at 0x")
    if i < 0:
        return r
    j = i + 6
    while j < len(r) and r[j] in "0123456789abcdef":
        j += 1
    return r[:i] + " at ADDR" + r[j:]


cond = threading.Condition()
items = []
consumed = []


def consumer():
    for _ in range(5):
        with cond:
            cond.wait_for(lambda: items)
            consumed.append(items.pop(0))


c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    with cond:
        items.append(i)
        cond.notify()
    time.sleep(0.001)
c.join()
print("consumed", consumed)

with cond:
    start = time.monotonic()
    print("wait timeout ->", cond.wait(0.05), time.monotonic() - start >= 0.05)
    print("wait(0) ->", cond.wait(0))
    print("wait_for timeout ->", cond.wait_for(lambda: False, timeout=0.02))
    print("wait_for true ->", cond.wait_for(lambda: 42))
for meth in (cond.wait, cond.notify, cond.notify_all):
    try:
        meth()
    except RuntimeError as e:
        print("RuntimeError:", e)
print(hide_address(repr(threading.Condition(threading.Lock()))))

# notify(n) and notify_all wake the right number of waiters.
c2 = threading.Condition(threading.Lock())
woken = []
ready = threading.Semaphore(0)


def waiter(i):
    with c2:
        ready.release()
        c2.wait()
        woken.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for w in ws:
    w.start()
for _ in ws:
    ready.acquire()
with c2:
    c2.notify(2)
deadline = time.monotonic() + 10
while len(woken) < 2 and time.monotonic() < deadline:
    time.sleep(0.001)
time.sleep(0.02)  # a third waiter, wrongly woken, would show up here
with c2:
    print("after notify(2):", len(woken))
    c2.notify_all()
for w in ws:
    w.join()
print("after notify_all:", sorted(woken))

# Semaphores
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
s.release(2)
print(s._value, hide_address(repr(s)))
for bad in (lambda: threading.Semaphore(-1), lambda: s.acquire(False, 1), lambda: s.release(0)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
b = threading.BoundedSemaphore(1)
with b:
    print("bounded held", hide_address(repr(b)))
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)

# A semaphore limits concurrency.
sem = threading.Semaphore(2)
lock = threading.Lock()
inside = 0
most = 0


def limited():
    global inside, most
    with sem:
        with lock:
            inside += 1
            most = max(most, inside)
        time.sleep(0.01)
        with lock:
            inside -= 1


ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("most inside:", most)

# Events
e = threading.Event()
print(e.is_set(), e.wait(0.01), e.wait(0), hide_address(repr(e)))
threading.Timer(0.02, e.set).start()
print("waited:", e.wait(5), e.is_set())
e.clear()
print(e.is_set(), hide_address(repr(e)))
