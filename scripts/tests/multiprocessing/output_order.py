# Output order with stdout to a pipe (block-buffered): the parent's buffer
# is flushed when a child starts, the child's when it exits, so the
# child's line comes before what the parent printed after start().
import multiprocessing as mp
import sys


def child(n):
    print("child", n)
    print("child to stderr", n, file=sys.stderr)


if __name__ == "__main__":
    print("before start")
    p = mp.Process(target=child, args=(1,))
    p.start()
    print("after start, before join")
    p.join()
    print("after join")
    q = mp.Process(target=child, args=(2,))
    q.start()
    q.join()
    print("end")
