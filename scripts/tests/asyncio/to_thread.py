# to_thread and run_in_executor: results, exceptions, context variables.
import asyncio, contextvars
v = contextvars.ContextVar("v", default="default")
def blocking(x):
    s = 0
    for i in range(100000): s += i
    return (x, v.get(), s)
def boom():
    raise ValueError("in thread")
async def main():
    v.set("main value")
    r = await asyncio.to_thread(blocking, 1)
    print(r)
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 2))
    rs = await asyncio.gather(*[asyncio.to_thread(blocking, i) for i in range(5)])
    print(rs)
    try:
        await asyncio.to_thread(boom)
    except ValueError as e:
        print("caught", e)
asyncio.run(main())
print("end")
