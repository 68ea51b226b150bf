# An uncaught error in main, a failing callback and unretrieved task
# exceptions: the reports and the traceback through asyncio.run as CPython
# prints them (the library folder is normalised to <stdlib>).
import asyncio

def bad_cb(x):
    print("bad_cb", x)
    1 / 0

async def fail(n):
    await asyncio.sleep(0)
    raise ValueError(f"fail {n}")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_cb, 7)
    t = asyncio.create_task(fail(1))
    asyncio.create_task(fail(2))
    await asyncio.sleep(0.01)
    print("main: t done", t.done())
    await asyncio.sleep(0)
    raise KeyError("main failed")

asyncio.run(main())
