"""CPU-bound threads do not run faster than sequential code.

Two threads count down from N at the same time; then the same work runs
twice in a row in one thread. With the GIL only one thread runs Python
code at a time, so the threads take as long as the sequential version (or
a little longer): they just take turns, about every switch interval.

Run it with gilpy and with python3: both print a ratio close to 1.
"""

import sys
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000


def countdown(n):
    while n > 0:
        n -= 1


start = time.perf_counter()
countdown(N)
countdown(N)
sequential = time.perf_counter() - start
print(f"sequential, 2 x {N:,}:        {sequential:.3f} s")

threads = [threading.Thread(target=countdown, args=(N,)) for _ in range(2)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start
print(f"two threads, {N:,} each:  {threaded:.3f} s")
print(f"threads / sequential:        {threaded / sequential:.2f}  (no speed-up: the GIL runs one thread at a time)")
