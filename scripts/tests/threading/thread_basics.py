# Thread objects: names, arguments, start/join/is_alive, daemon flags,
# subclassing run(), and the errors CPython raises for misuse. Output is
# printed after join(), so it does not depend on scheduling.
import threading

results = []

def work(a, b, *, c=0):
    results.append((threading.current_thread().name, a + b + c))

t1 = threading.Thread(target=work, args=(1, 2), kwargs={"c": 3})
t2 = threading.Thread(target=work, args=(10, 20), name="adder")
t3 = threading.Thread(target=work, args=[5, 5], daemon=True)
print(t1.name, "|", t2.name, "|", t3.name)
print(t1.is_alive(), t1.ident, t1.native_id, t1.daemon, t3.daemon)
print(repr(t1))
for t in (t1, t2, t3):
    t.start()
for t in (t1, t2, t3):
    t.join()
print(sorted(results))
print(t1.is_alive(), type(t1.ident).__name__, type(t1.native_id).__name__)
print(repr(t2).startswith("<Thread(adder, stopped "), repr(t3).split(",")[1].split()[:2])


class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = None

    def run(self):
        self.result = sum(range(self.n))


ws = [Worker(n) for n in (10, 100, 1000)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print([w.result for w in ws], [w.name for w in ws])

# Names count up across all Thread objects, and name the target.
def f(): pass
print(threading.Thread(target=f).name, threading.Thread().name, threading.Thread(name=42).name)
print(threading.Thread(target=print).name, threading.Thread(target=lambda: 0).name)

t = threading.Thread(target=f)
for action in (t.join, lambda: setattr(t, "daemon", True)):
    try:
        action()
        print("ok", t.daemon)
    except RuntimeError as e:
        print("RuntimeError:", e)
t.start()
for action in (t.start, lambda: setattr(t, "daemon", False)):
    try:
        action()
    except RuntimeError as e:
        print("RuntimeError:", e)
t.join()
t.join(timeout=0.1)
t.name = "renamed"
print(t.name, t.is_alive())

try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(group=1)
except AssertionError as e:
    print("AssertionError:", e)

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon, main.is_alive())
print(threading.current_thread().ident == threading.get_ident())
print(threading.active_count(), [th.name for th in threading.enumerate()])
print(threading.get_native_id() == main.native_id)

# join with a timeout on a thread that is still running
ev = threading.Event()
slow = threading.Thread(target=ev.wait, name="slow")
slow.start()
slow.join(0.05)
print("still alive:", slow.is_alive(), sorted(th.name for th in threading.enumerate()))
ev.set()
slow.join()
print("alive after set:", slow.is_alive())
print(threading.TIMEOUT_MAX, threading.ThreadError, threading.stack_size())
print(sorted(threading.__all__))
