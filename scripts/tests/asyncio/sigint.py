# Ctrl-C under asyncio.run: the first SIGINT cancels the main task, which
# cleans up, then KeyboardInterrupt comes out of asyncio.run; a signal sent
# while the loop waits in epoll wakes it.
import asyncio, signal, threading

async def interrupter():
    await asyncio.sleep(0.05)
    print("raising SIGINT")
    signal.raise_signal(signal.SIGINT)

async def main():
    asyncio.create_task(interrupter())
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main cancelled by Ctrl-C")
        raise
    finally:
        print("main finally")

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt out of asyncio.run")

def killer():
    import time
    time.sleep(0.2)
    import os; os.kill(os.getpid(), signal.SIGINT)

async def idle():
    try:
        await asyncio.sleep(10)
    finally:
        print("idle finally")

threading.Thread(target=killer).start()
try:
    asyncio.run(idle())
except KeyboardInterrupt:
    print("second KeyboardInterrupt")
print(signal.getsignal(signal.SIGINT))
