# asyncio.timeout/timeout_at: reschedule, expired(), nesting, an outer
# cancellation that stays a CancelledError, timeout(0), repr.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(10) as cm:
        print(repr(cm).startswith("<Timeout [active] when="), cm.expired())
        cm.reschedule(None)
        print("rescheduled to", cm.when())
        await asyncio.sleep(0.01)
    print("after block", repr(cm), cm.expired())

    try:
        async with asyncio.timeout_at(loop.time() + 0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timeout_at expired", cm.expired(), repr(cm), type(e.__cause__).__name__)

    try:
        async with asyncio.timeout(0):
            print("inside timeout(0)")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("timeout(0) fires at the first suspension")

    try:
        async with asyncio.timeout(0.5) as outer:
            try:
                async with asyncio.timeout(0.01) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner expired", inner.expired(), "outer", outer.expired())
            await asyncio.sleep(0)
        print("outer block finished")
    except TimeoutError:
        print("outer expired (unexpected)")

    async def victim():
        async with asyncio.timeout(5):
            await asyncio.sleep(1)

    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outer cancellation stays CancelledError", t.cancelling())

    cm = asyncio.timeout(1)
    try:
        cm.reschedule(2)
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with cm:
        pass
    try:
        cm.reschedule(3)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with cm:
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
