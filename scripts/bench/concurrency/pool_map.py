# Pool.map throughput: a pool of two worker processes maps a small CPU
# function over many items, in chunks and one at a time. Measures the
# pickling, the pipes and the worker loop, plus the pool's start-up.
# gilbench: check-lines
import multiprocessing
import time


def work(x):
    total = 0
    for i in range(x % 100):
        total += i * x
    return total


if __name__ == "__main__":
    start = time.perf_counter()
    with multiprocessing.Pool(2) as pool:
        big = pool.map(work, range(200000), chunksize=1000)
        small = pool.map(work, range(3000), chunksize=1)
    elapsed = time.perf_counter() - start
    print(f"rate: {(len(big) + len(small)) / elapsed:.0f} items/s")
    print("check: chunked", len(big), sum(big))
    print("check: unchunked", len(small), sum(small))
