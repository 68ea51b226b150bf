# Streams over loopback TCP: start_server/open_connection, readline,
# readexactly, readuntil, read to EOF, drain, close/wait_closed, peername.
import asyncio


async def handle(reader, writer):
    peer = writer.get_extra_info('peername')
    print("server: connection from", peer[0], type(peer[1]).__name__)
    header = await reader.readexactly(4)
    print("server: header", header)
    name = await reader.readuntil(b";")
    print("server: name", name)
    async for line in reader:
        if line == b"quit\n":
            break
        writer.write(b"echo: " + line)
        await writer.drain()
    writer.write(b"bye")
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    print("server: closed")


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print("serving", server.is_serving(), len(server.sockets))
    host, port = server.sockets[0].getsockname()[:2]
    reader, writer = await asyncio.open_connection(host, port)
    print("client: peername", writer.get_extra_info("peername")[0])
    writer.write(b"HEAD")
    writer.write(b"gilpy;")
    for i in range(3):
        writer.write(f"line {i}\n".encode())
        await writer.drain()
        print("client:", await reader.readline())
    writer.writelines([b"qu", b"it\n"])
    print("client: rest", await reader.read())
    print("client: at_eof", reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("serving after close", server.is_serving())

    r = asyncio.StreamReader(limit=8)
    r.feed_data(b"abc")
    r.feed_eof()
    try:
        await r.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, e.partial, e.expected)
    r = asyncio.StreamReader(limit=8)
    r.feed_data(b"0123456789abcdef\nrest")
    try:
        await r.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        print("LimitOverrunError:", e, e.consumed)
    try:
        await r.readline()
    except ValueError as e:
        print("readline ValueError:", e)
    r.feed_eof()
    print("after overrun:", await r.read())

    try:
        await asyncio.open_connection("127.0.0.1", 1)
    except ConnectionRefusedError as e:
        print("refused:", type(e).__name__, e.errno)


asyncio.run(main())
