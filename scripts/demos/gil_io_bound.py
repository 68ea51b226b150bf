"""I/O-bound threads do overlap.

Ten tasks each wait 0.2 s (time.sleep stands for a network or disk wait).
Sequentially they take 2 s. In ten threads they take about 0.2 s: a thread
releases the GIL while it waits, so the others run (and wait) meanwhile.
"""

import threading
import time

TASKS = 10
WAIT = 0.2


def task():
    time.sleep(WAIT)


start = time.perf_counter()
for _ in range(TASKS):
    task()
sequential = time.perf_counter() - start
print(f"sequential, {TASKS} x sleep({WAIT}): {sequential:.3f} s")

start = time.perf_counter()
threads = [threading.Thread(target=task) for _ in range(TASKS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start
print(f"{TASKS} threads:                 {threaded:.3f} s  ({sequential / threaded:.1f}x faster: the waits overlap)")
