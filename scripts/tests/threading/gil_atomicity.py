# What the GIL makes atomic (spec/gil.md S19, S20; O10, O11). Five threads
# add to a shared global without a lock, with a 1 µs switch interval so
# that the GIL changes hands as often as it can:
#   count += 1             no check point between the load and the store:
#                          no update is ever lost (3.10+ semantics);
#   count = count + one()  the call is a check point (RESUME in one()):
#                          another thread can run between load and store,
#                          and updates are lost.
# Only these two facts are printed, not the (random) final counts.
import sys
import threading

sys.setswitchinterval(1e-6)
print("switch interval:", sys.getswitchinterval())
ITERS = 100_000
THREADS = 5
count = 0


def one():
    return 1


def add_inplace():
    global count
    for _ in range(ITERS):
        count += 1


def add_through_call():
    global count
    for _ in range(ITERS):
        count = count + one()


def run(target):
    global count
    count = 0
    threads = [threading.Thread(target=target) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return count


print("count += 1 lost no update:", run(add_inplace) == THREADS * ITERS)
print("count = count + one() lost updates:", run(add_through_call) < THREADS * ITERS)


class Box:
    n = 0


box = Box()


def add_attr():
    for _ in range(ITERS):
        box.n += 1


threads = [threading.Thread(target=add_attr) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("box.n += 1 lost no update:", box.n == THREADS * ITERS)

# list.append is atomic: every item arrives.
items = []


def append_many():
    for i in range(ITERS // 10):
        items.append(i)


threads = [threading.Thread(target=append_many) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("list.append kept every item:", len(items) == THREADS * ITERS // 10)
sys.setswitchinterval(0.005)
for bad in (0, -1):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError:", e)
sys.setswitchinterval(2.5e-6)
print(sys.getswitchinterval())
