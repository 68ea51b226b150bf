# Queue, SimpleQueue and JoinableQueue between processes: items arrive in
# order from one producer, Empty and Full with timeouts, qsize/empty/full,
# items put just before a child exits are still delivered, task_done and
# join, close() then put or get raises, and several producers (their
# items are compared sorted, since the interleaving is not fixed).
import multiprocessing as mp
from multiprocessing.queues import Empty, Full


def produce(q, n, tag):
    for i in range(n):
        q.put((tag, i))


def consume(jq, results):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        results.put(item * 2)
        jq.task_done()


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=produce, args=(q, 5, "a"))
    p.start()
    print([q.get(timeout=10) for _ in range(5)])
    p.join()
    try:
        q.get(timeout=0.05)
    except Empty:
        print("Empty")
    try:
        q.get_nowait()
    except Empty:
        print("Empty (nowait)")

    small = mp.Queue(2)
    small.put(1)
    small.put(2)
    try:
        small.put(3, timeout=0.05)
    except Full:
        print("Full")
    try:
        small.put_nowait(3)
    except Full:
        print("Full (nowait)")
    print(small.qsize(), small.full())
    print(small.get(), small.get(), small.qsize())
    print(small.empty())

    many = mp.Queue()
    ps = [mp.Process(target=produce, args=(many, 50, t)) for t in "xyz"]
    for p in ps:
        p.start()
    got = [many.get(timeout=10) for _ in range(150)]
    for p in ps:
        p.join()
    print(len(got), sorted(got) == sorted((t, i) for t in "xyz" for i in range(50)))
    for t in "xyz":
        mine = [i for (tag, i) in got if tag == t]
        print(t, mine == list(range(50)))

    big = mp.Queue()
    p = mp.Process(target=produce, args=(big, 2000, "big"))
    p.start()
    items = [big.get(timeout=20) for _ in range(2000)]
    p.join()
    print(len(items), items[-1])

    sq = mp.SimpleQueue()
    print(sq.empty())
    p = mp.Process(target=produce, args=(sq, 3, "s"))
    p.start()
    p.join()
    print(sq.get(), sq.get(), sq.get(), sq.empty())
    sq.close()

    jq = mp.JoinableQueue()
    results = mp.Queue()
    c = mp.Process(target=consume, args=(jq, results))
    c.start()
    for i in range(5):
        jq.put(i)
    jq.put(None)
    jq.join()
    print("joined", sorted(results.get(timeout=10) for _ in range(5)))
    c.join()
    try:
        jq.task_done()
    except ValueError as e:
        print("ValueError:", e)

    q.close()
    q.join_thread()
    for op in (lambda: q.put(1), lambda: q.get()):
        try:
            op()
        except ValueError as e:
            print("ValueError:", str(e).split(" object at ")[0], "...", str(e).split(">")[-1])
