# Barrier: parties, wait order, indices, abort; Event and Queue.join with
# several waiters; queue task_done accounting.
import asyncio


async def party(barrier, name, delay):
    await asyncio.sleep(delay)
    print(name, "arrives, waiting:", barrier.n_waiting)
    idx = await barrier.wait()
    print(name, "passes with index", idx)


async def main():
    b = asyncio.Barrier(3)
    print("parties", b.parties, "broken", b.broken)
    await asyncio.gather(party(b, "p1", 0.01), party(b, "p2", 0.02), party(b, "p3", 0.0))
    print("n_waiting", b.n_waiting)

    b2 = asyncio.Barrier(2)

    async def stuck():
        try:
            await b2.wait()
        except asyncio.BrokenBarrierError as e:
            print("BrokenBarrierError:", e)

    t = asyncio.create_task(stuck())
    await asyncio.sleep(0)
    await b2.abort()
    await t
    print("broken", b2.broken)

    q = asyncio.Queue()

    async def worker(n):
        while True:
            item = await q.get()
            await asyncio.sleep(0.001 * item)
            print(f"worker {n} done {item}")
            q.task_done()

    workers = [asyncio.create_task(worker(i)) for i in range(2)]
    for i in range(4):
        q.put_nowait(i)
    await q.join()
    print("all done, unfinished:", q._unfinished_tasks)
    for w in workers:
        w.cancel()
    print(await asyncio.gather(*workers, return_exceptions=True))


asyncio.run(main())
