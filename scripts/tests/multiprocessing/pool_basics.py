# Pool: map (CPython's chunking, results in order), map_async, starmap,
# imap (in order), imap_unordered (compared sorted), apply, apply_async
# with callback and error_callback, an exception in a task re-raised by
# get(), a lambda rejected with PicklingError (its message has an
# address; only the stable part is printed), worker names (sorted, since
# which worker takes which task varies), initializer, close/join, and the
# context manager. Worker pids vary, so only their count is printed.
import multiprocessing as mp


def square(x):
    return x * x


def add(a, b):
    return a + b


def who(_):
    return mp.current_process().name


def fail(x):
    if x == 3:
        raise ValueError(f"bad input {x}")
    return x


def chunk_sizes(xs):
    return len(xs)


def init(tag):
    global TAG
    TAG = tag


def tagged(x):
    return f"{TAG}-{x}"


if __name__ == "__main__":
    with mp.Pool(4) as pool:
        print(pool)
        print(pool.map(square, range(10)))
        print(pool.map(square, []))
        r = pool.map_async(square, range(5))
        print(r.get(timeout=30), r.ready(), r.successful())
        print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        print(list(pool.imap(square, range(8))))
        print(list(pool.imap(square, range(8), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(8))))
        print(pool.apply(add, (2, 3)))
        got = []
        a = pool.apply_async(add, (10, 20), callback=got.append)
        print(a.get(timeout=30), got)
        errs = []
        b = pool.apply_async(fail, (3,), error_callback=errs.append)
        try:
            b.get(timeout=30)
        except ValueError as e:
            print("ValueError:", e, "| error_callback got:", repr(errs[0]), "| successful:", b.successful())
        try:
            pool.map(fail, range(6))
        except ValueError as e:
            print("map raised:", e)
        try:
            pool.map(lambda x: x, [1, 2])
        except Exception as e:
            print(type(e).__name__, str(e).split(" at ")[0], "...", str(e).split(">: ")[1])
        names = set(pool.map(who, range(40), chunksize=1))
        print(sorted(n.rsplit("-", 1)[0] for n in names)[:1], all(n.startswith("ForkPoolWorker-") for n in names))
        print(pool.map(chunk_sizes, [list(range(n)) for n in (1, 2, 3)]))
    print(pool)
    try:
        pool.map(square, [1])
    except ValueError as e:
        print("ValueError:", e)

    pool = mp.Pool(2, initializer=init, initargs=("init",))
    print(pool.map(tagged, [1, 2, 3]))
    pool.close()
    try:
        pool.apply(square, (2,))
    except ValueError as e:
        print("ValueError:", e)
    pool.join()
    print("joined", pool)
    try:
        mp.Pool(0)
    except ValueError as e:
        print("ValueError:", e)
