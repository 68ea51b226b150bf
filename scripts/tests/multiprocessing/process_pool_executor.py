# concurrent.futures.ProcessPoolExecutor: submit, map (with chunksize),
# as_completed (sorted), wait, an exception re-raised by result() with
# the remote traceback as its cause, a lambda that cannot be pickled, submit
# after shutdown, BrokenProcessPool when a worker dies, and a
# ThreadPoolExecutor. Messages with addresses are cut before the address.
import concurrent.futures as cf
import os

def square(x):
    return x * x

def boom(x):
    raise ValueError(f"boom {x}")

def die():
    os._exit(3)

if __name__ == "__main__":
    with cf.ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(square, 7)
        print(f.result(timeout=30), f.done(), f.exception())
        print(list(ex.map(square, range(6))))
        print(list(ex.map(square, range(7), chunksize=3)))
        fs = [ex.submit(square, i) for i in range(5)]
        print(sorted(f.result() for f in cf.as_completed(fs)))
        done, not_done = cf.wait(fs)
        print(len(done), len(not_done))
        g = ex.submit(boom, 1)
        try:
            g.result()
        except ValueError as e:
            print("ValueError:", e, type(e.__cause__).__name__)
        print(repr(g).split(" at ")[0], repr(g).split(" state=")[1])
        h = ex.submit(lambda: 1)
        try:
            h.result()
        except Exception as e:
            print(type(e).__name__, str(e).split(" at ")[0])
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    ex = cf.ProcessPoolExecutor(max_workers=1)
    f = ex.submit(die)
    try:
        f.result(timeout=30)
    except cf.process.BrokenProcessPool as e:
        print("BrokenProcessPool:", e)
    try:
        ex.submit(square, 2)
    except cf.process.BrokenProcessPool as e:
        print("BrokenProcessPool:", e)
    ex.shutdown()
    with cf.ThreadPoolExecutor(max_workers=2) as tex:
        print(list(tex.map(square, range(5))), tex.submit(square, 9).result())
    print("done")
