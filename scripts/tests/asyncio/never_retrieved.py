# "Task exception was never retrieved" (stderr): the unreferenced failed
# task is reported first, the one main's frame still references (through
# the exception's traceback) afterwards, as CPython's refcounting does.
import asyncio


async def fail(n):
    await asyncio.sleep(0)
    raise ValueError(f"fail {n}")


async def fine():
    return 1


async def main():
    t = asyncio.create_task(fail(1))
    asyncio.create_task(fail(2))
    retrieved = asyncio.create_task(fail(3))
    ok = asyncio.create_task(fine())
    await asyncio.sleep(0.01)
    print("t done", t.done(), "ok result", ok.result())
    print("retrieved", repr(retrieved.exception()))
    raise KeyError("main failed")


try:
    asyncio.run(main())
except KeyError as e:
    print("asyncio.run raised", repr(e))
print("end")
