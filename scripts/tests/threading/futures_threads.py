# concurrent.futures with a ThreadPoolExecutor: submit/result, map order,
# exceptions, cancel, callbacks, as_completed and wait, thread names,
# shutdown, initializer failure. Results are collected and printed in a
# fixed order; which worker runs which item is not printed.
import threading
import time
from concurrent.futures import (ThreadPoolExecutor, as_completed, wait,
                                FIRST_COMPLETED, ALL_COMPLETED, FIRST_EXCEPTION,
                                CancelledError, TimeoutError)
from concurrent.futures.thread import BrokenThreadPool


def square(x):
    return x * x


def fail(x):
    raise ValueError(f"no {x}")


with ThreadPoolExecutor(max_workers=3) as ex:
    f = ex.submit(square, 7)
    print(f.result(), f.done(), f.cancelled(), f.running(), f.exception())
    print(list(ex.map(square, range(8))))
    print(list(ex.map(pow, [2, 3], [5, 2])))
    bad = ex.submit(fail, 1)
    try:
        bad.result()
    except ValueError as e:
        print("ValueError:", e, type(bad.exception()).__name__)
    names = set(ex.map(lambda _: threading.current_thread().name, range(20)))
    print(sorted(n.rsplit("_", 1)[0] for n in names)[:1], len(names) <= 3)
    fs = [ex.submit(square, i) for i in range(6)]
    print(sorted(f.result() for f in as_completed(fs)))
    done, not_done = wait(fs, return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
    calls = []
    f = ex.submit(square, 3)
    f.result()
    f.add_done_callback(lambda fut: calls.append(fut.result()))
    print("callback:", calls)

# Cancel a queued item: one worker is busy with a slow call.
ex = ThreadPoolExecutor(max_workers=1, thread_name_prefix="solo")
gate = threading.Event()
first = ex.submit(gate.wait)
queued = ex.submit(square, 5)
print("cancel queued:", queued.cancel(), queued.cancelled(), first.cancel())
try:
    queued.result()
except CancelledError:
    print("CancelledError")
try:
    first.result(timeout=0.01)
except TimeoutError:
    print("TimeoutError")
done, not_done = wait([first], timeout=0.01, return_when=FIRST_COMPLETED)
print(len(done), len(not_done))
gate.set()
print(first.result(), [t.name for t in threading.enumerate() if t.name.startswith("solo")])
ex.shutdown()
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)

# FIRST_EXCEPTION
with ThreadPoolExecutor(2) as ex:
    fs = [ex.submit(fail, 0), ex.submit(time.sleep, 0.05)]
    done, not_done = wait(fs, return_when=FIRST_EXCEPTION)
    print("first exception:", [type(f.exception()).__name__ for f in done])

# as_completed with a timeout
with ThreadPoolExecutor(1) as ex:
    slow = ex.submit(time.sleep, 0.2)
    try:
        for f in as_completed([slow], timeout=0.01):
            pass
    except TimeoutError as e:
        print("TimeoutError:", e)

# An initializer that fails breaks the pool.
ex = ThreadPoolExecutor(1, initializer=fail, initargs=(9,))
import sys


class Capture:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s

    def flush(self):
        pass


old = sys.stderr
sys.stderr = cap = Capture()
try:
    f = ex.submit(square, 2)
    try:
        f.result()
    except BrokenThreadPool as e:
        print("BrokenThreadPool:", e)
finally:
    sys.stderr = old
print(cap.text.splitlines()[0], cap.text.splitlines()[-1])
for bad in (lambda: ThreadPoolExecutor(0), lambda: ThreadPoolExecutor(initializer=5)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

# A pool never shut down does not keep the interpreter from exiting.
forgotten = ThreadPoolExecutor(2)
print(forgotten.submit(square, 12).result())
print(ThreadPoolExecutor(1)._thread_name_prefix.startswith("ThreadPoolExecutor-"))
