# Signals reach Python handlers in the main thread only, whichever thread
# sends them, and interrupt the main thread while it is blocked (lock
# acquire, join, sleep, queue get, Event and Condition waits). Each case
# sends a real SIGINT or SIGUSR1 from another thread after a short delay.
import os
import queue
import signal

# Ctrl-C raises KeyboardInterrupt even where the harness started us with
# SIGINT ignored (a background job).
signal.signal(signal.SIGINT, signal.default_int_handler)
import threading
import time


def send(sig, delay=0.05):
    t = threading.Timer(delay, os.kill, args=(os.getpid(), sig))
    t.daemon = True
    t.start()
    return t


handled = []
signal.signal(signal.SIGUSR1, lambda s, f: handled.append((s, threading.current_thread().name)))
send(signal.SIGUSR1)
deadline = time.monotonic() + 10
while not handled and time.monotonic() < deadline:
    time.sleep(0.01)
print("SIGUSR1 handled in:", handled)

signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
print("pthread_kill:", handled[-1])


def interrupted(what, block):
    send(signal.SIGINT)
    start = time.monotonic()
    try:
        block()
        print(what, "returned?")
    except KeyboardInterrupt:
        print(what, "-> KeyboardInterrupt", time.monotonic() - start < 5)


lock = threading.Lock()
lock.acquire()
interrupted("lock.acquire()", lock.acquire)
interrupted("lock.acquire(timeout=30)", lambda: lock.acquire(timeout=30))
rlock = threading.RLock()
t = threading.Thread(target=rlock.acquire, daemon=True)
t.start()
t.join()
interrupted("RLock.acquire()", rlock.acquire)
stuck = threading.Thread(target=lock.acquire, daemon=True)
stuck.start()
interrupted("join()", stuck.join)
interrupted("sleep(30)", lambda: time.sleep(30))
interrupted("Queue.get()", queue.Queue().get)
interrupted("SimpleQueue.get()", queue.SimpleQueue().get)
interrupted("Event.wait()", threading.Event().wait)
cond = threading.Condition()


def cond_wait():
    with cond:
        cond.wait()


interrupted("Condition.wait()", cond_wait)

# A handler that does not raise lets the wait go on (PEP 475).
signal.signal(signal.SIGINT, lambda s, f: handled.append(("INT", threading.current_thread().name)))
send(signal.SIGINT, 0.02)
start = time.monotonic()
time.sleep(0.2)
slept = time.monotonic() - start
while handled[-1][0] != "INT" and time.monotonic() < start + 10:
    time.sleep(0.01)
print("sleep resumed:", slept >= 0.2, handled[-1])
signal.signal(signal.SIGINT, signal.default_int_handler)

# Only the main thread may set handlers.
errors = []


def set_handler():
    try:
        signal.signal(signal.SIGUSR2, signal.SIG_IGN)
    except ValueError as e:
        errors.append(str(e))


t = threading.Thread(target=set_handler)
t.start()
t.join()
print(errors)

# _thread.interrupt_main() simulates SIGINT in the main thread.
import _thread
try:
    threading.Timer(0.02, _thread.interrupt_main).start()
    time.sleep(5)
except KeyboardInterrupt:
    print("interrupt_main -> KeyboardInterrupt")
