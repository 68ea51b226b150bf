# contextvars: each task runs in a copy of the context it was created in.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")
counter = contextvars.ContextVar("counter")


async def handler(name):
    print(name, "sees", request.get())
    request.set(name)
    await asyncio.sleep(0)
    print(name, "after sleep sees", request.get())
    return request.get()


async def main():
    print("main sees", request.get())
    token = request.set("main")
    r = await asyncio.gather(handler("a"), handler("b"))
    print("gather", r, "main still sees", request.get())
    request.reset(token)
    print("after reset", request.get())
    try:
        counter.get()
    except LookupError:
        print("counter unset: LookupError")
    print("counter default", counter.get(0))
    ctx = contextvars.copy_context()
    ctx.run(counter.set, 5)
    print("ctx has counter", counter in ctx, ctx[counter], "outside", counter.get(None))
    t = asyncio.create_task(handler("c"), context=ctx)
    print("task result", await t, "ctx now", ctx[request])
    print(len(ctx), sorted(v.name for v in ctx))
    try:
        request.reset(token)
    except RuntimeError as e:
        print("RuntimeError:", e.args[0].split(" var=")[0], "used")


asyncio.run(main())
