# asyncio with threads: to_thread runs in the default executor's threads
# (asyncio_0, ...), call_soon_threadsafe and run_coroutine_threadsafe
# from another thread, an event loop running in a thread.
import asyncio
import threading


def blocking(n):
    return n * n, threading.current_thread().name


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def main():
    r = await asyncio.to_thread(blocking, 7)
    print("to_thread", r)
    rs = await asyncio.gather(*(asyncio.to_thread(blocking, i) for i in range(3)))
    print("results", [x for x, _ in rs], all(n.startswith("asyncio_") for _, n in rs))

    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def from_thread():
        loop.call_soon_threadsafe(fut.set_result, threading.current_thread().name)

    t = threading.Thread(target=from_thread, name="poster")
    t.start()
    print("set from", await fut)
    t.join()

    results = []

    def submit():
        cf = asyncio.run_coroutine_threadsafe(add(2, 3), loop)
        results.append(cf.result(timeout=5))

    t = threading.Thread(target=submit)
    t.start()
    while t.is_alive():
        await asyncio.sleep(0.01)
    print("run_coroutine_threadsafe", results)


asyncio.run(main())


def loop_in_thread(out):
    out.append(asyncio.run(add(10, 20)))
    try:
        asyncio.get_event_loop()
    except RuntimeError as e:
        out.append(str(e))


out = []
t = threading.Thread(target=loop_in_thread, args=(out,), name="worker")
t.start()
t.join()
print(out)
