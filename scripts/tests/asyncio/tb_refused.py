# open_connection to a closed port, uncaught: ConnectionRefusedError.
import asyncio
async def main():
    await asyncio.open_connection("127.0.0.1", 1)
asyncio.run(main())
