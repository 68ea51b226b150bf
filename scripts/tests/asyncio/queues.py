# Queue barging with maxsize=1, task_done/join, priority and LIFO queues (P4).
import asyncio


async def producer(q, n):
    for i in range(n):
        print(f"put {i}")
        await q.put(i)
    print("producer done")


async def consumer(q, name):
    while True:
        item = await q.get()
        print(f"{name} got {item}")
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=1)
    cs = [asyncio.create_task(consumer(q, f"c{i}")) for i in (1, 2)]
    await producer(q, 5)
    await q.join()
    print("joined")
    for c in cs:
        c.cancel()
    await asyncio.gather(*cs, return_exceptions=True)

    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        pq.put_nowait((x, f"item{x}"))
    print([pq.get_nowait() for _ in range(5)])

    lq = asyncio.LifoQueue()
    for x in range(4):
        await lq.put(x)
    print([await lq.get() for _ in range(4)])

    q2 = asyncio.Queue(2)
    q2.put_nowait(1)
    q2.put_nowait(2)
    try:
        q2.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull", q2.full(), q2.qsize())
    q2.get_nowait()
    q2.get_nowait()
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty", q2.empty())
    try:
        q2.task_done()
        q2.task_done()
        q2.task_done()
    except ValueError as e:
        print("ValueError", e)
    print(str(q2))


asyncio.run(main())
