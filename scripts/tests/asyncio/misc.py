# Assorted: sleep results, custom awaitables, self-cancellation, lock with a
# cancelled waiter, exception chaining through tasks, wait_for edge cases,
# async generators and anext, a loop set as the current one.
import asyncio

async def legacy():
    return "legacy"

class Awaitable:
    def __init__(self, fut):
        self.fut = fut
    def __await__(self):
        r = yield from self.fut
        return ("custom", r)

async def selfcancel():
    asyncio.current_task().cancel("self")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("self-cancel caught", e.args)
        return "survived"

async def locked(lock, n):
    async with lock:
        print("holding", n)
        await asyncio.sleep(0.01)
        print("release", n)

async def main():
    print(await asyncio.sleep(0.01, result="slept"), await asyncio.sleep(-1, "neg"))
    print(await legacy())
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.01, f.set_result, 5)
    print(await Awaitable(f))
    print(await selfcancel())
    lock = asyncio.Lock()
    t1 = asyncio.create_task(locked(lock, 1))
    t2 = asyncio.create_task(locked(lock, 2))
    t3 = asyncio.create_task(locked(lock, 3))
    await asyncio.sleep(0)
    t2.cancel()
    r = await asyncio.gather(t1, t2, t3, return_exceptions=True)
    print([type(x).__name__ for x in r], lock.locked())
    async def raiser():
        raise ValueError("inner")
    try:
        try:
            await asyncio.create_task(raiser())
        except ValueError as e:
            raise RuntimeError("outer") from e
    except RuntimeError as e:
        print(repr(e), repr(e.__cause__))
    f2 = loop.create_future()
    loop.call_soon(f2.set_result, "x")
    t = asyncio.ensure_future(Awaitable(f2))
    print(type(t).__name__, await t)
    q = asyncio.Queue()
    async def getter():
        return await asyncio.wait_for(q.get(), 0.01)
    try:
        await getter()
    except asyncio.TimeoutError:
        print("queue get timed out", q._getters)
    async def quick():
        return "quick"
    try:
        print(await asyncio.wait_for(quick(), 0))
    except TimeoutError as e:
        tb = e.__cause__.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print("wait_for(..., 0) timed out; the inner task's frame:", tb.tb_frame.f_code.co_name, tb.tb_lineno)
    r = await asyncio.gather(*[asyncio.sleep(0.001 * (5 - i), i) for i in range(5)])
    print(r)
    async def gen():
        for i in range(3):
            yield i
            await asyncio.sleep(0)
    print([x async for x in gen()], [x * 2 async for x in gen() if x])
    print(await anext(gen()), await anext(gen(), "d"))
    ag = gen()
    async for x in ag:
        if x == 1:
            break
    await ag.aclose()
    print("aclosed")

f0 = asyncio.Future
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
fut = asyncio.Future()
print(fut.get_loop() is loop)
loop.run_until_complete(main())
print(loop.run_until_complete(asyncio.gather(asyncio.sleep(0, 1), asyncio.sleep(0, 2))))
loop.close()
