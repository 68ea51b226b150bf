# sys.exit() in the main thread still waits for non-daemon threads, and
# the exit status is the one sys.exit() gave; a thread's own sys.exit()
# only ends that thread.
import sys
import threading
import time


def worker():
    time.sleep(0.3)
    print("worker done")
    sys.exit(5)  # ends this thread only, silently


threading.Thread(target=worker).start()
print("exiting")
sys.exit(3)
