# Tasks left pending in a closed loop: "Task was destroyed but it is
# pending!" at exit, as CPython reports them when they are collected.
import asyncio
async def forever():
    await asyncio.sleep(100)
async def main():
    asyncio.create_task(forever())
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("closing")
loop.close()
print("closed")
