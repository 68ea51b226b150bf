# Async generators: an abandoned async for schedules aclose() two iterations
# later (the loop's finalizer hook); the rest are closed by shutdown_asyncgens.
import asyncio
async def agen(name):
    try:
        for i in range(3):
            yield i
    finally:
        print(f"{name} cleanup")
async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)
async def main():
    t = asyncio.create_task(ticker())
    async for v in agen("A"):
        print("got", v); break
    print("after loop")
    await asyncio.sleep(0)
    print("after sleep 1")
    await asyncio.sleep(0)
    print("after sleep 2")
    g = agen("B")
    print(await g.__anext__())
    print("main end")
asyncio.run(main())
print("after run")
