# At exit the parent terminates its daemonic children and joins the
# others, even when the program never calls join(): the child's line
# comes out before the parent's, which stays in the parent's buffer until
# the interpreter exits. A child killed while it holds a lock, or while it
# is writing to a queue, does not bring the parent down.
import multiprocessing as mp
import time


def slow():
    time.sleep(0.3)
    print("non-daemon child finished")


def spin():
    while True:
        pass


def hold(lock, ready):
    lock.acquire()
    ready.set()
    while True:
        pass


def flood(q):
    while True:
        q.put("x" * 1000)


if __name__ == "__main__":
    lock = mp.Lock()
    ready = mp.Event()
    h = mp.Process(target=hold, args=(lock, ready))
    h.start()
    ready.wait()
    h.kill()
    h.join()
    print("holder killed:", h.exitcode, "lock free:", lock.acquire(timeout=0.1))
    q = mp.Queue()
    f = mp.Process(target=flood, args=(q,))
    f.start()
    first = q.get(timeout=10)
    f.terminate()
    f.join()
    print("flooder terminated:", f.exitcode, len(first))
    mp.Process(target=slow).start()
    d = mp.Process(target=spin, daemon=True)
    d.start()
    print("parent done")
