# A builtin that runs long without a check point holds the GIL for its
# whole duration (spec/gil.md S12, O12): a ticker thread that wants to run
# every millisecond is held up for the whole of sum(range(...)), but only
# for about a switch interval at a time during a Python loop. A signal
# that arrives during the builtin is handled right after it returns (S18).
# Printed are comparisons, not times.
import signal
import threading
import time

ticks = []
stop = threading.Event()


def ticker():
    while not stop.is_set():
        time.sleep(0.001)
        ticks.append(time.monotonic())


def longest_gap(start, end):
    # The longest the ticker went without running, from start to its first
    # tick after end.
    while not [t for t in ticks if t > end]:
        time.sleep(0.001)
    inside = [t for t in ticks if start <= t <= end]
    first_after = min(t for t in ticks if t > end)
    points = [start] + inside + [first_after]
    return max(b - a for a, b in zip(points, points[1:]))


t = threading.Thread(target=ticker, daemon=True)
t.start()
while len(ticks) < 5:
    time.sleep(0.001)

# The kernel sends SIGALRM 50 ms into the call (no thread could: they all
# need the GIL to call os.kill).
handled_at = []
signal.signal(signal.SIGALRM, lambda s, f: handled_at.append(time.monotonic()))
signal.setitimer(signal.ITIMER_REAL, 0.05)
start = time.monotonic()
total = sum(range(40_000_000))
end = time.monotonic()
gap = longest_gap(start, end)
print("sum:", total)
print("builtin held the GIL for most of its run:", gap > 0.5 * (end - start))
while not handled_at:
    time.sleep(0.001)
# The handler runs at the check point right after sum() returns, before
# the next statement: long after the signal arrived at 50 ms.
print("signal handled only when the builtin returned:",
      handled_at[0] - start > 0.5 * (end - start), handled_at[0] <= end)


def loop():
    n = 0
    while n < 7_000_000:
        n += 1
    return n


start = time.monotonic()
loop()
end = time.monotonic()
gap = longest_gap(start, end)
print("a Python loop let the ticker in:", gap < 0.5 * (end - start))
stop.set()
t.join()
