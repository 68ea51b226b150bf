# loop.add_signal_handler/remove_signal_handler: callbacks on the loop.
import asyncio, signal, os

async def main():
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    got = []
    loop.add_signal_handler(signal.SIGUSR1, got.append, "usr1")
    loop.add_signal_handler(signal.SIGTERM, stop.set_result, "term")
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.sleep(0.05)
    print("got", got)
    loop.call_later(0.01, os.kill, os.getpid(), signal.SIGTERM)
    print("stopped by", await stop)
    print(loop.remove_signal_handler(signal.SIGTERM), loop.remove_signal_handler(signal.SIGTERM))
    try:
        loop.add_signal_handler(signal.SIGKILL, print)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        loop.add_signal_handler(1000, print)
    except ValueError as e:
        print("ValueError:", e)
    async def c(): pass
    try:
        loop.add_signal_handler(signal.SIGUSR2, c)
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGTERM))
