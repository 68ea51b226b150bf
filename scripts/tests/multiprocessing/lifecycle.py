# Process lifecycle: terminate() and kill() give exit codes -15 and -9 and
# show in repr, join with a timeout, is_alive, daemon flag, close(), the
# sentinel, active_children, and names of grandchildren (Process-N:M).
# pids vary, so reprs are printed with the pid removed.
import multiprocessing as mp
from multiprocessing.connection import wait


def forever():
    while True:
        pass


def quick():
    pass


def grandparent_of():
    print("in child:", mp.current_process().name, mp.parent_process().name)
    g = mp.Process(target=quick)
    print("grandchild name:", g.name)
    g.start()
    g.join()
    print("grandchild exit:", g.exitcode)


def clean(p):
    words = []
    for w in repr(p).split():
        if w.startswith("pid="):
            w = "pid=N"
        elif w.startswith("parent="):
            w = "parent=N" + (">" if w.endswith(">") else "")
        words.append(w)
    return " ".join(words)


if __name__ == "__main__":
    p = mp.Process(target=forever, name="spinner")
    print(clean(p))
    p.start()
    print(p.is_alive(), p.exitcode)
    p.join(0.2)
    print("still running:", p.is_alive(), p.exitcode)
    print(len(mp.active_children()))
    p.terminate()
    p.join()
    print("terminated:", p.exitcode, p.is_alive())
    print(clean(p))
    k = mp.Process(target=forever, daemon=True)
    k.start()
    k.kill()
    k.join()
    print("killed:", k.exitcode, k.daemon)
    print(clean(k))
    s = mp.Process(target=quick)
    s.start()
    ready = wait([s.sentinel])
    print("sentinel ready:", ready == [s.sentinel])
    s.join()
    s.close()
    try:
        s.is_alive()
    except ValueError as e:
        print("ValueError:", e)
    print(clean(s))
    c = mp.Process(target=grandparent_of)
    c.start()
    c.join()
    print("children left:", mp.active_children())
    try:
        c.start()
    except AssertionError as e:
        print("AssertionError:", e)
    d = mp.Process(target=forever, daemon=True)
    d.start()
    print("daemon left running at exit:", d.is_alive())
