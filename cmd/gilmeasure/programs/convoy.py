# O6/O7: the convoy effect. The main thread repeats a blocking operation
# (time.sleep(D), which releases the GIL) while C CPU-bound threads spin.
# Each release costs it about one switch interval, waiting for the GIL
# back. Prints the median and p90 latency per operation and the rate.
# usage: convoy.py SLEEP_SECONDS CPU_THREADS INTERVAL_SECONDS [WINDOW]
import sys
import threading
import time

op_sleep = float(sys.argv[1])
cpu_threads = int(sys.argv[2])
sys.setswitchinterval(float(sys.argv[3]))
window = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
stop = False


def spin():
    while not stop:
        pass


spinners = [threading.Thread(target=spin) for _ in range(cpu_threads)]
for t in spinners:
    t.start()
time.sleep(0.05)  # let the spinners hold the GIL
now = time.perf_counter
latencies = []
end = now() + window
while True:
    t0 = now()
    time.sleep(op_sleep)
    t1 = now()
    latencies.append(t1 - t0)
    if t1 > end:
        break
stop = True
for t in spinners:
    t.join()
latencies.sort()
n = len(latencies)
print("median_ms", latencies[n // 2] * 1000)
print("p90_ms", latencies[n * 9 // 10] * 1000)
print("ops_per_s", n / window)
