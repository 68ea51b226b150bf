# A task left pending in a loop that was never closed, reported at exit.
import asyncio
async def forever():
    await asyncio.sleep(100)
async def main():
    asyncio.create_task(forever())
    await asyncio.sleep(0)
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("end")
