# Thread hand-off rate: two threads pass a token back and forth, first
# through a Condition (wait/notify under one lock), then through a pair
# of queue.Queue objects. Every hand-off wakes the other thread, so this
# measures how fast the GIL and the blocking primitives switch threads.
# gilbench: check-lines
import queue
import threading
import time

N = 10000


def condition_pingpong(n):
    cond = threading.Condition()
    state = {"turn": 0, "passes": 0}

    def player(me):
        for _ in range(n):
            with cond:
                while state["turn"] != me:
                    cond.wait()
                state["passes"] += 1
                state["turn"] = 1 - me
                cond.notify()

    threads = [threading.Thread(target=player, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return state["passes"]


def queue_pingpong(n):
    ping = queue.Queue()
    pong = queue.Queue()

    def echo():
        while True:
            token = ping.get()
            if token is None:
                return
            pong.put(token + 1)

    t = threading.Thread(target=echo)
    t.start()
    token = 0
    for _ in range(n):
        ping.put(token)
        token = pong.get()
    ping.put(None)
    t.join()
    return token


start = time.perf_counter()
passes = condition_pingpong(N)
elapsed = time.perf_counter() - start
print(f"rate: Condition hand-offs {passes / elapsed:.0f}/s")
print("check: Condition passes", passes)

start = time.perf_counter()
token = queue_pingpong(N)
elapsed = time.perf_counter() - start
print(f"rate: Queue round trips {token / elapsed:.0f}/s")
print("check: Queue round trips", token)
