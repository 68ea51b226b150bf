# O12: a long builtin call blocks every other thread. A ticker thread
# sleeps 1 ms in a loop; its longest wait is measured while the main thread
# runs sum(range(N)) (one builtin call) and while it runs a Python loop.
# usage: long_builtin.py N LOOP_ITERS
import sys
import threading
import time

N = int(sys.argv[1])
LOOP = int(sys.argv[2])
ticks = []
stop = threading.Event()


def ticker():
    while not stop.is_set():
        time.sleep(0.001)
        ticks.append(time.perf_counter())


def lateness(start, end):
    while not [t for t in ticks if t > end]:
        time.sleep(0.001)
    points = [start] + [t for t in ticks if start <= t <= end] + [min(t for t in ticks if t > end)]
    return max(b - a for a, b in zip(points, points[1:]))


def loop():
    n = 0
    while n < LOOP:
        n += 1


t = threading.Thread(target=ticker)
t.start()
time.sleep(0.05)
start = time.perf_counter()
sum(range(N))
end = time.perf_counter()
print("builtin_ms", (end - start) * 1000)
print("builtin_max_late_ms", lateness(start, end) * 1000)
start = time.perf_counter()
loop()
end = time.perf_counter()
print("loop_ms", (end - start) * 1000)
print("loop_max_late_ms", lateness(start, end) * 1000)
stop.set()
t.join()
