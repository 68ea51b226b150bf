# readexactly() at EOF, uncaught: IncompleteReadError.
import asyncio
async def main():
    r = asyncio.StreamReader()
    r.feed_data(b"ab"); r.feed_eof()
    await r.readexactly(5)
asyncio.run(main())
