# O1: CPU-bound threads do not run faster than the same work done
# sequentially. Prints the in-process time of both and their ratio.
# usage: cpu_threads.py N
import sys
import threading
import time

N = int(sys.argv[1])


def countdown(n):
    while n > 0:
        n -= 1


start = time.perf_counter()
countdown(N)
countdown(N)
sequential = time.perf_counter() - start

threads = [threading.Thread(target=countdown, args=(N,)) for _ in range(2)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start
print("sequential_s", sequential)
print("threads_s", threaded)
print("ratio", threaded / sequential)
