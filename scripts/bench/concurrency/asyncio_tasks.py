# asyncio task churn: create many tiny tasks, each yielding to the event
# loop a couple of times, and gather them; repeated in rounds. Measures
# task creation, the ready queue and the scheduling of wake-ups.
# gilbench: check-lines
import asyncio
import time


async def tiny(i):
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return i % 7


async def main(rounds, width):
    total = 0
    for _ in range(rounds):
        results = await asyncio.gather(*[tiny(i) for i in range(width)])
        total += sum(results)
    tasks = [asyncio.create_task(tiny(i)) for i in range(width)]
    for t in tasks:
        total += await t
    return total


ROUNDS, WIDTH = 8, 5000
start = time.perf_counter()
total = asyncio.run(main(ROUNDS, WIDTH))
elapsed = time.perf_counter() - start
print(f"rate: {(ROUNDS + 1) * WIDTH / elapsed:.0f} tasks/s")
print("check: total", total)
