# O10/O11: five threads increment a shared global without a lock at a
# 1 µs switch interval. count += 1 never loses an update (no check point
# between load and store); count = count + one() does (the call is one).
# Prints how many of RUNS runs lost updates, for each form.
# usage: lost_updates.py RUNS ITERS
import sys
import threading

RUNS = int(sys.argv[1])
ITERS = int(sys.argv[2])
sys.setswitchinterval(1e-6)
count = 0


def one():
    return 1


def inplace():
    global count
    for _ in range(ITERS):
        count += 1


def through_call():
    global count
    for _ in range(ITERS):
        count = count + one()


def lost(target):
    global count
    count = 0
    threads = [threading.Thread(target=target) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return count < 5 * ITERS


print("inplace_runs_losing", sum(lost(inplace) for _ in range(RUNS)))
print("call_runs_losing", sum(lost(through_call) for _ in range(RUNS)))
print("runs", RUNS)
