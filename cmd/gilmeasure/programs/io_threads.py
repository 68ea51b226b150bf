# O3: I/O-bound threads overlap: ten threads that each sleep 0.2 s take
# about one sleep, not ten.
import threading
import time

start = time.perf_counter()
threads = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print("threads_s", elapsed)
print("per_sleep", elapsed / 0.2)
