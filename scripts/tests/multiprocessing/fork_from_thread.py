# Threads do not survive a fork: a child started while another thread
# runs has only one thread, and a child started from a non-main thread
# has that thread as its main thread, with its name. RLock reprs name the
# owning thread when it is not the main one.
import multiprocessing as mp
import threading


def child(tag):
    print(tag, [t.name for t in threading.enumerate()], threading.current_thread().name,
          threading.current_thread() is threading.main_thread())


def start_from_thread():
    p = mp.Process(target=child, args=("from thread:",))
    p.start()
    p.join()
    lock = mp.RLock()
    with lock:
        print(lock)


if __name__ == "__main__":
    ev = threading.Event()
    waiter = threading.Thread(target=ev.wait, name="waiter")
    waiter.start()
    p = mp.Process(target=child, args=("while a thread waits:",))
    p.start()
    p.join()
    ev.set()
    waiter.join()
    t = threading.Thread(target=start_from_thread, name="starter")
    t.start()
    t.join()
