# Lock and RLock: acquire/release, blocking and non-blocking, timeouts,
# ownership, context managers, reprs (addresses and idents masked), and the
# errors for misuse.
import threading
import _thread
import time


def mask(r):
    # Object addresses and thread idents differ from run to run.
    i = r.find(" at 0x")
    if i >= 0:
        r = r[:i] + " at ADDR>"
    return r.replace("owner=%d " % threading.get_ident(), "owner=ME ")


lock = threading.Lock()
print(type(lock), type(lock) is _thread.LockType, mask(repr(lock)))
print(lock.acquire(), lock.locked(), mask(repr(lock)))
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0.01), lock.acquire(True, 0))
lock.release()
print(lock.locked())
for bad in [dict(blocking=False, timeout=1), dict(timeout=-2), dict(timeout=1e12), dict(timeout="x"),
            dict(timeout=float("nan")), dict(blocking=2.5)]:
    try:
        lock.acquire(**bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with lock:
    print("in with:", lock.locked())
print("after with:", lock.locked())
print(lock.acquire_lock(), lock.locked_lock(), lock.release_lock(), lock.locked())

# Another thread may release a Lock (not an RLock).
lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print("released by another thread:", not lock.locked())

r = threading.RLock()
print(type(r).__name__, mask(repr(r)))
print(r.acquire(), r.acquire(), r._is_owned(), r._recursion_count(), mask(repr(r)))
r.release()
print(r._recursion_count(), r.locked() if hasattr(r, "locked") else "-")
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with r:
    with r:
        print("nested", r._recursion_count())

# An RLock held by another thread: timeouts, then release by the owner.
held = threading.Event()
go = threading.Event()


def owner():
    with r:
        held.set()
        go.wait()


t = threading.Thread(target=owner)
t.start()
held.wait()
start = time.monotonic()
print("timed out:", not r.acquire(timeout=0.05), time.monotonic() - start >= 0.05)
print("non-blocking:", r.acquire(False))
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
go.set()
t.join()
print("after owner left:", r.acquire(timeout=1))
r.release()

# _release_save / _acquire_restore (used by Condition)
r.acquire(); r.acquire()
state = r._release_save()
print(state[0], state[1] == threading.get_ident(), r._is_owned())
r._acquire_restore(state)
print(r._recursion_count())
r.release(); r.release()

# Many threads contending for one lock: every increment is kept.
counter = 0
lk = threading.Lock()


def add():
    global counter
    for _ in range(2000):
        with lk:
            counter += 1


ts = [threading.Thread(target=add) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter)
