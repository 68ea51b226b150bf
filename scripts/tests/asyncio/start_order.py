# Task start order, inline await and sleep(0) round robin (T1, T3, S1).
import asyncio


async def inner(name):
    print(f"{name}: inner (no suspension)")
    return name.upper()


async def worker(name, n):
    print(f"{name}: start")
    r = await inner(name)
    print(f"{name}: inner returned {r}")
    for i in range(n):
        print(f"{name}: step {i}")
        await asyncio.sleep(0)
    print(f"{name}: done")
    return name


async def main():
    print("main: creating tasks")
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2))
    c = asyncio.create_task(worker("c", 1))
    print("main: tasks created, nothing ran yet")
    print(a.get_name(), b.get_name(), c.get_name())
    await asyncio.sleep(0)
    print("main: after one sleep(0)")
    r = await a
    print("main: a returned", r)
    print("main: b done?", b.done(), "c done?", c.done())
    await asyncio.sleep(0)
    print("main: end")


asyncio.run(main())
