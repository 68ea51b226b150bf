# Process basics: names, targets with args and kwargs, a lambda target
# (fork start method), a Process subclass, exit codes from sys.exit and
# from an uncaught exception ("Process NAME:" and the traceback on stderr).
# Children are joined one at a time, so the output order is fixed.
import multiprocessing as mp
import sys

print("top level", __name__)
CONST = [1, 2, 3]

def work(n, tag="x"):
    print("child", n, tag, mp.current_process().name, CONST, GUARDED)
    return n

def fail():
    raise ValueError("boom")

def exit_with(code):
    sys.exit(code)

class Worker(mp.Process):
    def __init__(self, k):
        super().__init__()
        self.k = k
    def run(self):
        print("subclass run", self.k, self.name)

if __name__ == "__main__":
    GUARDED = "guarded"
    print("before start")
    p = mp.Process(target=work, args=(1,), kwargs={"tag": "kw"})
    print(p.name, p.is_alive(), p.exitcode)
    p.start()
    print("after start")
    p.join()
    print("after join", p.exitcode, p.is_alive())
    q = mp.Process(target=lambda: print("lambda child", GUARDED))
    q.start(); q.join(); print("lambda exit", q.exitcode)
    r = mp.Process(target=fail)
    r.start(); r.join(); print("fail exit", r.exitcode)
    for c in [0, 3, None, "msg"]:
        s = mp.Process(target=exit_with, args=(c,))
        s.start(); s.join(); print("exit", repr(c), s.exitcode)
    w = Worker(7); w.start(); w.join(); print(w.exitcode)
    print(mp.current_process().name, mp.parent_process())
    print(mp.active_children())
