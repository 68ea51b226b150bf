# Loopback echo throughput: an asyncio stream server on 127.0.0.1 echoes
# what a few concurrent clients send, line by line. Measures the event
# loop's socket I/O, StreamReader/StreamWriter and task switching.
# gilbench: check-lines
import asyncio
import time

CLIENTS = 4
MESSAGES = 3000
PAYLOAD = b"x" * 200 + b"\n"


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    received = 0
    for _ in range(MESSAGES):
        writer.write(PAYLOAD)
        await writer.drain()
        received += len(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return received


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    counts = await asyncio.gather(*[client(port) for _ in range(CLIENTS)])
    server.close()
    await server.wait_closed()
    return counts


start = time.perf_counter()
counts = asyncio.run(main())
elapsed = time.perf_counter() - start
total = sum(counts)
print(f"rate: {CLIENTS * MESSAGES / elapsed:.0f} round trips/s, {total / elapsed / 1e6:.2f} MB/s")
print("check: bytes echoed", total, counts)
