# The loop API outside asyncio.run: new_event_loop, run_until_complete,
# run_forever/stop, call_soon ordering, close, and the errors.
import asyncio


async def compute(x):
    await asyncio.sleep(0)
    return x * 2


def cb(tag, loop):
    print("cb", tag, "running:", loop.is_running())


loop = asyncio.new_event_loop()
print(loop.is_running(), loop.is_closed(), loop.get_debug())
print(loop.run_until_complete(compute(21)))
fut = loop.create_future()
loop.call_soon(fut.set_result, "from call_soon")
print(loop.run_until_complete(fut))

loop.call_soon(cb, 1, loop)
loop.call_soon(cb, 2, loop)
loop.call_later(0.01, cb, "later", loop)
loop.call_later(0.02, loop.stop)
loop.run_forever()
print("run_forever returned")

loop.call_soon(loop.stop)
loop.call_soon(cb, "after stop", loop)
loop.run_forever()
print("stopped after the batch")
loop.run_until_complete(asyncio.sleep(0))

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)


async def nested():
    c = compute(1)
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    c = compute(1)
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    print("same loop", asyncio.get_running_loop() is loop, asyncio.get_event_loop() is loop)


coro = compute(2)
loop.run_until_complete(nested())
loop.close()
print(loop.is_closed())
loop.close()
for f in (lambda: loop.call_soon(print), lambda: loop.create_task(coro), lambda: loop.run_until_complete(coro)):
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError:", e)
coro.close()

asyncio.set_event_loop(asyncio.new_event_loop())
l2 = asyncio.get_event_loop()
print("get_event_loop returns the set loop:", l2 is asyncio.get_event_loop())
print(l2.run_until_complete(compute(5)))
l2.close()
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
print(asyncio.run(compute(100)))
