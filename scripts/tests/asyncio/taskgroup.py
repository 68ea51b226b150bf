# TaskGroup: one child fails, the others are cancelled, ExceptionGroup (C6).
import asyncio


async def ok(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} done")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def bad(delay, exc):
    await asyncio.sleep(delay)
    print("bad raising", repr(exc))
    raise exc


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(ok("one", 0.01))
        t2 = tg.create_task(ok("two", 0.02), name="second")
    print("results", t1.result(), t2.result(), t2.get_name())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok("slow", 1))
            tg.create_task(bad(0.01, ValueError("boom")))
            print("body finished")
    except* ValueError as eg:
        print("caught", repr(eg), [repr(e) for e in eg.exceptions])

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(0.01, KeyError("k")))
            tg.create_task(bad(0.01, TypeError("t")))
    except ExceptionGroup as eg:
        print("group", eg.message, [repr(e) for e in eg.exceptions])

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok("sleepy", 1))
            await asyncio.sleep(0.01)
            raise RuntimeError("body failed")
    except ExceptionGroup as eg:
        print("body error in group:", [repr(e) for e in eg.exceptions])


asyncio.run(main())
