# Convoy latency: one thread does pure-Python CPU work (or, to compare,
# just sleeps) while another does short blocking waits (1 ms sleeps) and
# measures how late it wakes up.
# With a GIL, the waiting thread must get the lock back from the busy one
# after every sleep: its extra latency is about one switch interval
# (sys.getswitchinterval(), 5 ms by default).
# gilbench: check-lines
import threading
import time

SLEEP = 0.001


def cpu_work(n, result):
    total = 0
    for i in range(n):
        total += i * i % 7
    result.append(total)


def idle_work(seconds, result):
    time.sleep(seconds)
    result.append(0)


def sleeper(stop, latencies):
    while not stop.is_set():
        start = time.perf_counter()
        time.sleep(SLEEP)
        latencies.append(time.perf_counter() - start - SLEEP)


def measure(work, arg):
    result = []
    latencies = []
    stop = threading.Event()
    io_thread = threading.Thread(target=sleeper, args=(stop, latencies))
    cpu_thread = threading.Thread(target=work, args=(arg, result))
    io_thread.start()
    cpu_thread.start()
    cpu_thread.join()
    stop.set()
    io_thread.join()
    return result[0], sorted(latencies)


idle_total, idle = measure(idle_work, 0.3)
busy_total, busy = measure(cpu_work, 4000000)
for name, lat in (("idle", idle), ("busy", busy)):
    median = lat[len(lat) // 2] * 1000
    p99 = lat[len(lat) * 99 // 100] * 1000
    print(f"rate: {name}: {len(lat)} sleeps, extra latency median {median:.2f} ms, p99 {p99:.2f} ms")
print("check: cpu result", busy_total)
print("check: sleeps while busy > 0:", len(busy) > 0)
