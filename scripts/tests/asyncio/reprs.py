# Reprs of tasks, futures and handles, as CPython prints them.
import asyncio


async def waiter(fut):
    return await fut


def plain(x):
    pass


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(repr(fut))
    t = asyncio.create_task(waiter(fut), name="W")
    print(repr(t))
    await asyncio.sleep(0)
    print(repr(fut))
    print(repr(t))
    fut.set_result("a fairly long result string that reprlib shortens")
    print(repr(fut))
    await asyncio.sleep(0)
    print(repr(t))
    f2 = loop.create_future()
    f2.set_exception(KeyError("k"))
    print(repr(f2))
    f2.exception()
    f3 = loop.create_future()
    f3.cancel()
    print(repr(f3), f3._state)
    f4 = loop.create_future()
    f4.add_done_callback(plain)
    f4.add_done_callback(print)
    f4.add_done_callback(plain)
    print(repr(f4))
    h = loop.call_soon(plain, 1, "two", [3])
    print(repr(h))
    h.cancel()
    h = loop.call_later(10, plain)
    h.cancel()
    print(repr(h).split(" when=")[0])
    tc = asyncio.create_task(waiter(loop.create_future()), name="sleeper")
    await asyncio.sleep(0)
    tc.cancel()
    print(repr(tc).split(" wait_for=")[0])
    await asyncio.gather(tc, return_exceptions=True)
    print(repr(tc))
    print(repr(asyncio.CancelledError("x")), asyncio.Future, asyncio.Task)
    print(asyncio.Handle, asyncio.TimerHandle, asyncio.Future[int])
    print(str(asyncio.Queue(3)), repr(asyncio.Event()).split(" at ")[0], repr(asyncio.Lock()).endswith("[unlocked]>"))
    print(repr(asyncio.timeout(None)), asyncio.TaskGroup())
    print(type(loop).__name__, repr(loop))


asyncio.run(main())
