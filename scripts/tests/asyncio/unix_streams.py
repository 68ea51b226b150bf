# Streams over a Unix domain socket.
import asyncio, os
async def handle(r, w):
    data = await r.readline()
    w.write(b"got " + data)
    await w.drain()
    w.close()
async def main():
    path = f"/tmp/gilpy-test-{os.getpid()}.sock"
    srv = await asyncio.start_unix_server(handle, path)
    r, w = await asyncio.open_unix_connection(path)
    w.write(b"hi\n")
    print(await r.read())
    print(w.get_extra_info("peername") == path or w.get_extra_info("peername"))
    w.close()
    srv.close()
    await srv.wait_closed()
    os.remove(path)
asyncio.run(main())
