# An exception in a thread goes to threading.excepthook; the default hook
# prints "Exception in thread NAME:" and the traceback to sys.stderr, and
# the other threads and the main thread go on. stderr is captured through
# a replacement object and printed without the frames of threading's own
# source (CPython prints its stdlib path there, gilpy its own file).
import sys
import threading


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


def show(text):
    lines = text.splitlines()
    skip = False
    for line in lines:
        if skip:
            skip = False
            if line.startswith("    "):
                continue
        if line.startswith('  File "') and "threading.py" in line:
            skip = True
            continue
        if line.strip() and set(line.strip()) <= set("^~"):
            continue
        print("|", line)


def boom(n):
    raise ValueError(f"bad value {n}")


def exits():
    raise SystemExit(3)


cap = Capture()
old = sys.stderr
sys.stderr = cap
try:
    t = threading.Thread(target=boom, args=(7,))
    t.start()
    t.join()
    t = threading.Thread(target=exits, name="quitter")
    t.start()
    t.join()
finally:
    sys.stderr = old
show("".join(cap.parts))
print("main goes on; alive:", t.is_alive())

# A custom excepthook receives ExceptHookArgs.
seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                 args.exc_traceback is not None, len(args)))


threading.excepthook = hook
t = threading.Thread(target=boom, args=(1,), name="hooked")
t.start()
t.join()
print(seen)
print(threading.ExceptHookArgs, threading.__excepthook__ is not hook)


# A broken excepthook: "Exception in threading.excepthook:" then both
# tracebacks through sys.excepthook.
def broken(args):
    raise RuntimeError("hook failed")


threading.excepthook = broken
cap = Capture()
sys.stderr = cap
try:
    t = threading.Thread(target=boom, args=(2,), name="double")
    t.start()
    t.join()
finally:
    sys.stderr = old
text = "".join(cap.parts)
print(text.splitlines()[0])
print([line for line in text.splitlines() if "Error" in line and not line.startswith(" ")])
threading.excepthook = threading.__excepthook__

# The default hook called directly.
try:
    1 / 0
except ZeroDivisionError:
    args = threading.ExceptHookArgs([*sys.exc_info(), None])
cap = Capture()
sys.stderr = cap
try:
    threading.excepthook(args)
finally:
    sys.stderr = old
text = "".join(cap.parts)
first, rest = text.split("\n", 1)
print(first == f"Exception in thread {threading.get_ident()}:")
show(rest)
