# Process start and join: start a multiprocessing.Process, wait for it,
# read its exit code, many times in a row. Measures the cost of creating
# a child interpreter (fork on CPython 3.11 / Linux).
# gilbench: check-lines
import multiprocessing
import sys
import time

N = 40


def child(i):
    sys.exit(i % 5)


if __name__ == "__main__":
    start = time.perf_counter()
    codes = []
    for i in range(N):
        p = multiprocessing.Process(target=child, args=(i,))
        p.start()
        p.join()
        codes.append(p.exitcode)
    elapsed = time.perf_counter() - start
    print(f"rate: {N / elapsed:.1f} processes/s ({elapsed / N * 1000:.1f} ms each)")
    print("check: exit codes", sum(codes), codes[:6])
