# Locks and semaphores shared between processes: Lock and RLock reprs,
# owner rules (an RLock released by a thread that does not own it, a
# Lock or BoundedSemaphore released too often), Semaphore counting,
# non-blocking and timed acquires, Condition notify from a child,
# Event set by a child, and a Barrier across three processes (the
# children's lines are collected through a queue and sorted).
import multiprocessing as mp

lock = mp.Lock()
print(lock, lock.acquire(), lock)
print(lock.acquire(False), lock.acquire(True, 0.05))
lock.release()
print(lock)
try:
    lock.release()
except ValueError as e:
    print("ValueError:", e)

r = mp.RLock()
print(r)
r.acquire()
r.acquire()
print(r)
r.release()
r.release()
print(r)
try:
    r.release()
except AssertionError as e:
    print("AssertionError:", e)

s = mp.Semaphore(2)
print(s, s.acquire(), s.acquire(), s.acquire(False), s.get_value())
s.release(); s.release(); s.release()
print(s)
b = mp.BoundedSemaphore(1)
print(b)
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
with mp.Lock() as held:
    print("with:", held)


def hold_lock(lk, started, release):
    with lk:
        started.set()
        release.wait()


def notifier(cond, flag):
    with cond:
        flag.value = 1
        cond.notify()


def setter(ev):
    ev.set()


def party(barrier, out, n):
    i = barrier.wait()
    out.put(("passed", n, i >= 0))


if __name__ == "__main__":
    lk = mp.Lock()
    started, release = mp.Event(), mp.Event()
    p = mp.Process(target=hold_lock, args=(lk, started, release))
    p.start()
    started.wait()
    print("held by child:", lk, lk.acquire(False), lk.acquire(timeout=0.1))
    release.set()
    p.join()
    print("after child:", lk.acquire(timeout=5), lk)
    lk.release()

    cond = mp.Condition()
    flag = mp.Value('i', 0)
    with cond:
        p = mp.Process(target=notifier, args=(cond, flag))
        p.start()
        ok = cond.wait_for(lambda: flag.value == 1, timeout=10)
        print("condition:", ok, flag.value)
    p.join()

    ev = mp.Event()
    print("event:", ev.is_set(), ev.wait(0.05))
    p = mp.Process(target=setter, args=(ev,))
    p.start()
    print("event set by child:", ev.wait(10), ev.is_set())
    p.join()
    ev.clear()
    print("cleared:", ev.is_set())

    barrier = mp.Barrier(3)
    print("barrier:", barrier.parties, barrier.n_waiting, barrier.broken)
    out = mp.Queue()
    ps = [mp.Process(target=party, args=(barrier, out, n)) for n in range(2)]
    for q in ps:
        q.start()
    mine = barrier.wait(timeout=10)
    got = sorted(out.get(timeout=10) for _ in ps)
    for q in ps:
        q.join()
    print(got, mine in (0, 1, 2))
