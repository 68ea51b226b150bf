import asyncio

async def fetch(session, url):
    async with session.get(url) as resp:
        data = await resp.json()
        return data

async def agen(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)

async def consume(n):
    total = 0
    async for v in agen(n):
        total += v
    results = [x async for x in agen(3) if x]
    gen = (await y for y in z)
    return await asyncio.gather(*[fetch(s, u) for u in urls])

async def nested_async_comp(x):
    return [[y async for y in z] for z in x]

async def try_await(x):
    try:
        await x
    except Exception:
        await cleanup()
    finally:
        await final()

async def async_with_return(m):
    async with m:
        return 1

async def async_for_break(m):
    async for x in m:
        break
    async for y in m:
        continue

def sync_gen_with_await_genexp(x):
    return (i async for i in x)
