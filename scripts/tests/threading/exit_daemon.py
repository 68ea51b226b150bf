# At exit the main thread waits for non-daemon threads (their output comes
# after the main thread's last line) but not for daemon threads: a daemon
# thread still looping at exit is simply stopped, and everything printed
# before is flushed.
import threading
import time


def worker():
    time.sleep(0.3)
    print("non-daemon worker finished")


def forever():
    n = 0
    while True:
        n += 1
        time.sleep(0.005)


def busy():
    x = 0
    while True:
        x += 1


threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=busy, daemon=True, name="spinner").start()
threading.Thread(target=worker).start()
print("main thread done; threads:", threading.active_count())
