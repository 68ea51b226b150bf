# A TaskGroup failing, uncaught: the ExceptionGroup traceback.
import asyncio
async def bad():
    raise ValueError(1)
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad())
asyncio.run(main())
