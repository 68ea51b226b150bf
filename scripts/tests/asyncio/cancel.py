# cancel(msg), cancel before start, cancelling()/uncancel(), wait_for, timeout (C1-C5).
import asyncio


async def v1():
    print("v1: start")
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("v1: cancelled with", e.args)
        raise
    finally:
        print("v1: finally")


async def v2():
    print("v2: start")


async def slow(n):
    try:
        print(f"slow({n}) start")
        await asyncio.sleep(n)
        print(f"slow({n}) end")
        return n
    except asyncio.CancelledError:
        print(f"slow({n}) cancelled")
        raise
    finally:
        print(f"slow({n}) finally")


async def main():
    t1 = asyncio.create_task(v1())
    await asyncio.sleep(0)
    print("cancel ->", t1.cancel("stop now"))
    print("cancelling", t1.cancelling(), "cancelled", t1.cancelled(), "done", t1.done())
    print("cancel again ->", t1.cancel())
    print("cancelling", t1.cancelling())
    try:
        await t1
    except asyncio.CancelledError as e:
        print("awaiting t1 raised CancelledError", e.args)
    print("t1 cancelled", t1.cancelled(), "cancel after done ->", t1.cancel())

    t2 = asyncio.create_task(v2())
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("t2 cancelled before it started")

    print("uncancel", t1.uncancel(), t1.uncancel(), t1.uncancel())

    try:
        r = await asyncio.wait_for(slow(0.5), timeout=0.05)
    except asyncio.TimeoutError as e:
        print("wait_for timed out:", type(e).__name__, e.args, type(e.__cause__).__name__)
    print("wait_for ok:", await asyncio.wait_for(slow(0.01), timeout=1))

    try:
        async with asyncio.timeout(0.05) as cm:
            print("timeout entered", cm.expired())
            await slow(0.5)
    except TimeoutError:
        print("timeout raised TimeoutError, expired:", cm.expired())

    async with asyncio.timeout(None) as cm:
        print("timeout(None) when:", cm.when())
        await asyncio.sleep(0)
    print("TimeoutError is builtin:", asyncio.TimeoutError is TimeoutError)
    print("CancelledError bases:", asyncio.CancelledError.__mro__[1].__name__)


asyncio.run(main())
