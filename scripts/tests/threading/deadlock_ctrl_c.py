# A deadlock the program wrote itself: the main thread takes a lock it
# already holds. It hangs as in CPython until Ctrl-C (here a SIGINT sent
# by a daemon thread), which raises KeyboardInterrupt where it waits.
import os
import signal

# Ctrl-C raises KeyboardInterrupt even where the harness started us with
# SIGINT ignored (a background job).
signal.signal(signal.SIGINT, signal.default_int_handler)
import threading

lock = threading.Lock()


def ctrl_c():
    os.kill(os.getpid(), signal.SIGINT)


t = threading.Timer(0.2, ctrl_c)
t.daemon = True
t.start()
print("taking the lock twice", flush=True)
try:
    with lock:
        lock.acquire()
    print("never printed")
except KeyboardInterrupt as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("KeyboardInterrupt at line", tb.tb_lineno, "in", tb.tb_frame.f_code.co_name)
print("lock still held:", lock.locked())
