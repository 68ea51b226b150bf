"""The convoy effect: an I/O thread next to a CPU-bound thread.

The main thread does many short blocking operations (time.sleep(0), which
gives up the GIL). Alone, each takes microseconds. Next to one CPU-bound
thread, each costs about one switch interval: after every release, the
CPU-bound thread takes the GIL, and the I/O thread must wait a whole
interval before it may ask for it back. The latency follows
sys.setswitchinterval.
"""

import sys
import threading
import time


def measure(cpu_threads, interval, window=0.5):
    sys.setswitchinterval(interval)
    stop = False

    def spin():
        while not stop:
            pass

    spinners = [threading.Thread(target=spin) for _ in range(cpu_threads)]
    for t in spinners:
        t.start()
    time.sleep(0.02)
    latencies = []
    end = time.perf_counter() + window
    while time.perf_counter() < end:
        t0 = time.perf_counter()
        time.sleep(0)
        latencies.append(time.perf_counter() - t0)
    stop = True
    for t in spinners:
        t.join()
    latencies.sort()
    return latencies[len(latencies) // 2], len(latencies) / window


median, rate = measure(0, 0.005)
print(f"sleep(0) alone:                   median {median * 1e3:8.3f} ms, {rate:8.0f} ops/s")
for interval in (0.0005, 0.005, 0.05):
    median, rate = measure(1, interval)
    print(f"next to a CPU thread, I = {interval * 1e3:4g} ms: median {median * 1e3:8.3f} ms, {rate:8.0f} ops/s")
sys.setswitchinterval(0.005)
