# Manager: dict, list, Namespace, Value, Lock and Queue proxies shared
# with child processes and pool workers; the server process is named
# SyncManager-1 and counts in the process numbering; dict views come back
# as lists; errors raised in the server are raised by the proxy; the
# manager shuts down at the end of the with block. Reprs of proxies carry
# addresses, so only their type names are printed.
import multiprocessing as mp


def child(d, l, ns, v, lk, q):
    d["child"] = 1
    l.append("c")
    ns.x += 1
    with lk:
        v.value = v.value + 4
    q.put("from child")


def count(args):
    v, lk, n = args
    for _ in range(n):
        with lk:
            v.value += 1
    return mp.current_process().name.startswith("ForkPoolWorker")


if __name__ == "__main__":
    with mp.Manager() as m:
        print(type(m).__name__, [p.name for p in mp.active_children()])
        d = m.dict()
        l = m.list([1, 2])
        ns = m.Namespace()
        ns.x = 1
        v = m.Value("i", 5)
        lk = m.Lock()
        q = m.Queue()
        print([type(x).__name__ for x in (d, l, ns, v, lk, q)])
        p = mp.Process(target=child, args=(d, l, ns, v, lk, q))
        print(p.name)
        p.start()
        p.join()
        print(d, l, ns, v, v.value, q.get(timeout=10), p.exitcode)
        print(d.keys(), d.items(), list(d), len(l), l[0], l[-1:], "child" in d, d.get("zz", 3))
        print(str(d), str(l), d.copy(), l[::-1])
        try:
            d["missing"]
        except KeyError as e:
            print("KeyError", e)
        try:
            l.remove(99)
        except ValueError as e:
            print("ValueError", e)
        e = m.Event()
        print(e.is_set(), e.wait(0.01))
        e.set()
        print(e.is_set())
        counter = m.Value("i", 0)
        lock = m.Lock()
        with mp.Pool(2) as pool:
            print(pool.map(count, [(counter, lock, 50)] * 4))
        print("counter", counter.value)
        big = m.dict({i: str(i) for i in range(100)})
        print(len(big), big[42], sorted(big.values())[:3])
        ns.y = [1, 2]
        print(ns.y, ns)
    print("after shutdown:", mp.active_children())
