# Exceptions in callbacks go to the loop's exception handler; the loop
# keeps running. A custom handler sees CPython's context keys.
import asyncio


def bad_cb(x):
    print("bad_cb", x)
    raise RuntimeError(f"callback failed {x}")


async def failing():
    raise ValueError("task failed")


def handler(loop, context):
    exc = context.get("exception")
    print("handler:", context["message"].split(" at ")[0], "|", sorted(context),
          "|", type(exc).__name__, exc)


async def main():
    loop = asyncio.get_running_loop()
    print("default handler", loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print("handler set", loop.get_exception_handler() is handler)
    loop.call_soon(bad_cb, 1)
    loop.call_later(0.001, bad_cb, 2)
    await asyncio.sleep(0.01)
    print("loop still running")
    loop.call_exception_handler({"message": "custom message", "extra": 42})
    t = asyncio.create_task(failing())
    await asyncio.sleep(0)
    print("t failed", t.done())
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
print("after run")
