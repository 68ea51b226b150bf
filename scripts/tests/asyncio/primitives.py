# Lock fairness, Event wake order, Semaphore hand-off, Condition (P1-P3).
import asyncio


async def locker(lock, name, log):
    async with lock:
        log.append(f"{name} acquired")
        print(f"{name} acquired")
        await asyncio.sleep(0)
        print(f"{name} releasing")


async def barger(lock):
    await asyncio.sleep(0)
    print("barger locked?", lock.locked())
    async with lock:
        print("barger acquired")


async def waiter(ev, name):
    print(f"{name} waiting")
    await ev.wait()
    print(f"{name} woke")


async def sem_user(sem, name):
    async with sem:
        print(f"{name} in")
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(f"{name} out")


async def cond_waiter(cond, name):
    async with cond:
        print(f"{name} waits")
        await cond.wait()
        print(f"{name} notified")


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(locker(lock, n, log) for n in "ABC"), barger(lock))
    print(log)

    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0)
    print("setting")
    ev.set()
    print("is_set", ev.is_set())
    await asyncio.gather(*ts)
    print("wait on set event returns at once:", await ev.wait())

    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(sem_user(sem, f"s{i}") for i in range(5)))

    bsem = asyncio.BoundedSemaphore(1)
    await bsem.acquire()
    bsem.release()
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError:", e)

    cond = asyncio.Condition()
    ts = [asyncio.create_task(cond_waiter(cond, f"c{i}")) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts)

    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
