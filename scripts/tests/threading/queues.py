# queue: FIFO/LIFO/priority order, maxsize and Full, Empty, timeouts,
# task_done/join, SimpleQueue, and a producer/consumer pipeline whose
# output order is fixed by the queue.
import queue
import threading
import time

q = queue.Queue()
for i in range(5):
    q.put(i)
print([q.get() for _ in range(5)], q.empty(), q.qsize())
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [3, 1, 4, 1, 5, 9, 2, 6]:
    lq.put(x)
    pq.put((x, str(x)))
print([lq.get() for _ in range(8)])
print([pq.get()[1] for _ in range(8)])

b = queue.Queue(maxsize=2)
b.put("a")
b.put_nowait("b")
print(b.full(), b.qsize(), b.maxsize)
for action in (lambda: b.put("c", block=False), lambda: b.put("c", timeout=0.01), lambda: b.put_nowait("x")):
    try:
        action()
    except queue.Full as e:
        print("Full", repr(e))
print(b.get(), b.get_nowait())
for action in (b.get_nowait, lambda: b.get(timeout=0.01), lambda: b.get(False)):
    try:
        action()
    except queue.Empty as e:
        print("Empty", repr(e))
for action in (lambda: b.get(timeout=-1), lambda: b.put(1, timeout=-1), b.task_done):
    try:
        action()
    except ValueError as e:
        print("ValueError:", e)
print(queue.Empty, queue.Full, queue.SimpleQueue, queue.Queue[int], queue.__all__)

# Producer/consumer with task_done and join.
work = queue.Queue()
done = []


def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            break
        done.append(item * item)
        work.task_done()


t = threading.Thread(target=worker)
t.start()
for i in range(10):
    work.put(i)
work.join()
print("joined after", len(done), "tasks:", done)
work.put(None)
t.join()

# A bounded queue blocks the producer until the consumer catches up.
pipe = queue.Queue(maxsize=1)
got = []


def consumer():
    for _ in range(5):
        time.sleep(0.002)
        got.append(pipe.get())


c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    pipe.put(i)
c.join()
print("in order:", got)

# get() blocks until a put from another thread.
later = queue.Queue()
start = time.monotonic()
threading.Timer(0.02, later.put, args=["late item"]).start()
print(later.get(timeout=5), time.monotonic() - start >= 0.02)

s = queue.SimpleQueue()
for i in range(3):
    s.put(i)
s.put_nowait(3)
print(s.qsize(), s.empty(), [s.get() for _ in range(4)], s.empty())
for action in (s.get_nowait, lambda: s.get(timeout=0.01), lambda: s.get(False, 5)):
    try:
        action()
    except queue.Empty:
        print("Empty")
try:
    s.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
print(repr(s).startswith("<_queue.SimpleQueue object at 0x"))

# Several consumers share one queue: every item is taken exactly once.
shared = queue.Queue()
taken = []
lock = threading.Lock()


def take():
    while True:
        item = shared.get()
        if item is None:
            return
        with lock:
            taken.append(item)


cs = [threading.Thread(target=take) for _ in range(3)]
for c in cs:
    c.start()
for i in range(30):
    shared.put(i)
for _ in cs:
    shared.put(None)
for c in cs:
    c.join()
print(sorted(taken) == list(range(30)))
