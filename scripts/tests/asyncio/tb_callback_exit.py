# A failing callback is reported and the loop goes on; SystemExit from
# main ends the program with its status.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: 1/0)
    await asyncio.sleep(0.01)
    raise SystemExit(3)
asyncio.run(main())
