# wait (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, timeout),
# as_completed order, shield, ensure_future, current_task, all_tasks.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


async def gated(name, gate):
    await gate
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    loop = asyncio.get_running_loop()
    gates = {n: loop.create_future() for n in "abc"}
    ts = [asyncio.create_task(gated(n, gates[n]), name=n) for n in "abc"]
    loop.call_soon(gates["b"].set_result, None)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED", names(done), names(pending))
    loop.call_soon(gates["a"].set_result, None)
    done, pending = await asyncio.wait(ts, timeout=0.05)
    print("timeout", names(done), names(pending))
    gates["c"].set_result(None)
    done, pending = await asyncio.wait(ts)
    print("ALL_COMPLETED", names(done), names(pending), sorted(t.result() for t in done))

    ts = [asyncio.create_task(job("x", 0, fail=True), name="x"),
          asyncio.create_task(job("y", 10), name="y")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION", names(done), names(pending), repr(ts[0].exception()))
    ts[1].cancel()
    try:
        await ts[1]
    except asyncio.CancelledError:
        print("y cancelled")

    for coro in asyncio.as_completed([job("slow", 0.3), job("fast", 0.01), job("mid", 0.15)]):
        print("as_completed", await coro)
    try:
        for coro in asyncio.as_completed([job("never", 1)], timeout=0.01):
            await coro
    except TimeoutError:
        print("as_completed timed out")

    inner = asyncio.create_task(job("shielded", 0.02), name="inner")
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, inner cancelled?", inner.cancelled())
    print("inner result", await inner)

    fut = asyncio.get_running_loop().create_future()
    print("ensure_future returns the future", asyncio.ensure_future(fut) is fut)
    t = asyncio.ensure_future(job("ef", 0))
    print("ensure_future wraps a coroutine:", type(t).__name__, await t)
    print("current task", asyncio.current_task().get_name())
    extra = asyncio.create_task(job("extra", 0.01), name="extra")
    print("all_tasks", names(asyncio.all_tasks()))
    await extra
    print("all_tasks after", names(asyncio.all_tasks()))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    c = job("c", 0)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("TypeError:", e)
    c.close()


asyncio.run(main(), debug=False)
