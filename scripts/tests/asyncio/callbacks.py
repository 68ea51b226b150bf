# call_soon vs create_task vs call_later ordering, handles, loop time.
import asyncio


def cb(name):
    print("callback", name)


async def coro(name):
    print("task", name)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.02, cb, "later 0.02")
    loop.call_later(0.01, cb, "later 0.01")
    loop.call_at(loop.time() + 0.01, cb, "at +0.01")
    loop.call_soon(cb, "soon 1")
    asyncio.create_task(coro("t1"))
    h = loop.call_soon(cb, "cancelled soon")
    loop.call_soon(cb, "soon 2")
    h.cancel()
    print("handle cancelled:", h.cancelled())
    print(repr(loop.call_soon(print, "x")))
    th = loop.call_later(100, print)
    print(type(th).__name__, th.when() > loop.time())
    th.cancel()
    print(repr(th).startswith("<TimerHandle cancelled when="))
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(0.05)
    print("main end")
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 42)
    print("future result", await fut)
    print(repr(fut))


asyncio.run(main())
