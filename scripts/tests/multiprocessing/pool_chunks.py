# Pool.map's chunking: with 4 workers, 100 items make chunks of
# ceil(100 / 16) = 7; each task reports its chunk through the worker's
# return value, so the parent sees how the input was cut.
import multiprocessing as mp


def first_and_len(chunk):
    return chunk


def ident(x):
    return x


if __name__ == "__main__":
    with mp.Pool(4) as pool:
        r = pool.map_async(ident, range(100))
        print(r._chunksize)
        print(r.get(timeout=30) == list(range(100)))
        r = pool.map_async(ident, range(10), chunksize=4)
        print(r._chunksize, r.get(timeout=30))
        r = pool.starmap_async(pow, [(2, 5), (3, 2)])
        print(r.get(timeout=30))
        it = pool.imap(ident, iter(range(5)))
        print(next(it), next(it), list(it))
