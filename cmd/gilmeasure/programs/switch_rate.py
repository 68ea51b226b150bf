# O5: two CPU-bound threads share the GIL in slices of about one switch
# interval. Each thread stamps the clock every 200 iterations; runs of
# consecutive stamps by one thread are its slices.
# usage: switch_rate.py INTERVAL_SECONDS [WINDOW_SECONDS]
import sys
import threading
import time

interval = float(sys.argv[1])
window = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
sys.setswitchinterval(interval)
stamps = []
go = threading.Event()
end = 0.0


def spin(me):
    go.wait()
    now = time.monotonic
    append = stamps.append
    while True:
        for _ in range(200):
            pass
        t = now()
        append((t, me))
        if t > end:
            return


threads = [threading.Thread(target=spin, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
end = time.monotonic() + window
go.set()
for t in threads:
    t.join()

# Slices: from the first stamp of a run to the first stamp of the next run.
# (A thread can lose the GIL between reading the clock and appending, so
# the list is put back in time order first.)
stamps.sort()
starts = []
for i, (t, me) in enumerate(stamps):
    if i == 0 or stamps[i - 1][1] != me:
        starts.append((t, me))
slices = [(b[0] - a[0], a[1]) for a, b in zip(starts, starts[1:])]
inner = slices[1:-1] or slices
lengths = sorted(s for s, _ in inner)
total = sum(lengths) or 1.0
share0 = sum(s for s, me in inner if me == 0) / total
span = starts[-1][0] - starts[0][0] if len(starts) > 1 else window
print("switches_per_s", (len(starts) - 1) / span if span > 0 else 0)
print("slice_ms", lengths[len(lengths) // 2] * 1000 if lengths else 0)
print("slice_p10_ms", lengths[len(lengths) // 10] * 1000 if lengths else 0)
print("slice_p90_ms", lengths[len(lengths) * 9 // 10] * 1000 if lengths else 0)
print("share", min(share0, 1 - share0))
