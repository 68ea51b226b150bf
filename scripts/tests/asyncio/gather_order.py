# gather: argument order, the two extra iterations, return_exceptions (G1-G3).
import asyncio

ticks = 0


async def ticker(n):
    global ticks
    for i in range(n):
        print(f"tick {i}")
        ticks += 1
        await asyncio.sleep(0)


async def child(name, steps, fail=False):
    for i in range(steps):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{name} finished")
    return name


async def main():
    t = asyncio.create_task(ticker(12))
    res = await asyncio.gather(child("x", 2), child("y", 0), child("z", 1))
    print("gather result", res)
    res = await asyncio.gather(child("p", 1), child("q", 0, fail=True),
                               return_exceptions=True)
    print("with exceptions", [repr(r) for r in res])
    try:
        await asyncio.gather(child("r", 3), child("s", 1, fail=True))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("empty gather", await asyncio.gather())
    same = asyncio.ensure_future(child("dup", 0))
    print("dedup", await asyncio.gather(same, same))
    await t


asyncio.run(main())
