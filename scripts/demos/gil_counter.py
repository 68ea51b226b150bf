"""A shared counter with and without a lock.

Five threads add 1 to a global counter 200,000 times each, with a very
short switch interval so that the threads change places as often as
possible.

* count += 1: in CPython 3.10 and later (and gilpy) no update is lost: the
  thread can only be switched out at a loop's back edge or a call, never
  between the load and the store of this statement.
* count = count + step(): the call is a point where the GIL can change
  hands, between the load of count and the store: updates get lost.
* with lock: count = count + step(): the lock makes the read-modify-write
  one step for the other threads; nothing is lost.
"""

import sys
import threading

sys.setswitchinterval(1e-6)
THREADS, ITERS = 5, 200_000
count = 0
lock = threading.Lock()


def step():
    return 1


def inplace():
    global count
    for _ in range(ITERS):
        count += 1


def through_call():
    global count
    for _ in range(ITERS):
        count = count + step()


def locked():
    global count
    for _ in range(ITERS):
        with lock:
            count = count + step()


for name, target in (("count += 1", inplace), ("count = count + step()", through_call),
                     ("with lock: count = count + step()", locked)):
    count = 0
    threads = [threading.Thread(target=target) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lost = THREADS * ITERS - count
    print(f"{name:36} {count:>9,} of {THREADS * ITERS:,}  ({lost:,} lost)")
