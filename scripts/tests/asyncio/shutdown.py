# asyncio.run shutdown: the extra step after main returns, leftover tasks
# cancelled (their finally blocks print), a task that swallows cancellation.
import asyncio


async def stepper(name):
    try:
        for i in range(5):
            print(f"{name} step {i}")
            await asyncio.sleep(0)
    finally:
        print(f"{name} finally")


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("sleeper cancelled")
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn swallowed the cancellation")
    return "stubborn result"


async def main():
    asyncio.create_task(stepper("A"))
    await asyncio.sleep(0)
    print("main returning")
    return "main result"


print(asyncio.run(main()))


async def main2():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("stubborn cancelled()?", t.cancelled(), "result", t.result())
    asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("main2 returning")


asyncio.run(main2())
print("done")
