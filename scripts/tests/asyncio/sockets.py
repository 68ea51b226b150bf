# socket, select and selectors: socketpair, loopback TCP, timeouts,
# non-blocking sockets, readiness, and the loop's sock_* coroutines.
import asyncio
import select
import selectors
import socket

a, b = socket.socketpair()
print(a.family, repr(a.family), repr(a.type), a.getsockname() == "")
a.sendall(b"hello")
print(b.recv(10))

srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
c = socket.create_connection(("127.0.0.1", port))
s, addr = srv.accept()
print(type(s).__name__, addr[0], s.getpeername() == c.getsockname())
c.sendall(b"x" * 100000)
got = 0
while got < 100000:
    got += len(s.recv(65536))
print("received", got)

sel = selectors.DefaultSelector()
key = sel.register(s, selectors.EVENT_READ, "data")
print(key.events, key.data, sel.select(0))
c.send(b"ping")
print([(k.data, m) for k, m in sel.select(1)])
sel.unregister(s)
sel.close()
print(select.select([s], [], [], 0)[0] == [s])
print(s.recv(10))

s.settimeout(0.05)
print("timeout", s.gettimeout())
try:
    s.recv(10)
except socket.timeout as e:
    print("timed out:", type(e).__name__, e)
s.setblocking(False)
print("blocking", s.getblocking(), s.gettimeout())
try:
    s.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
try:
    socket.create_connection(("127.0.0.1", 1))
except ConnectionRefusedError as e:
    print("refused:", e)
print(socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM))
with socket.socket() as t:
    t.bind(("127.0.0.1", 0))
print(t.fileno())
c.close()
print("recv after peer closed:", s.recv(10) if s.setblocking(True) is None else None)


async def main():
    loop = asyncio.get_running_loop()
    x, y = socket.socketpair()
    x.setblocking(False)
    y.setblocking(False)

    async def reader():
        data = await loop.sock_recv(y, 100)
        print("sock_recv got", data)
        await loop.sock_sendall(y, data.upper() * 2)

    t = asyncio.create_task(reader())
    await asyncio.sleep(0)
    await loop.sock_sendall(x, b"abc")
    buf = bytearray(10)
    n = await loop.sock_recv_into(x, buf)
    print("sock_recv_into", n, bytes(buf[:n]))
    await t

    lsock = socket.socket()
    lsock.bind(("127.0.0.1", 0))
    lsock.listen()
    lsock.setblocking(False)
    csock = socket.socket()
    csock.setblocking(False)
    acc = asyncio.create_task(loop.sock_accept(lsock))
    await loop.sock_connect(csock, lsock.getsockname())
    conn, caddr = await acc
    print("accepted", caddr == csock.getsockname(), conn.gettimeout())
    for so in (x, y, lsock, csock, conn):
        so.close()

    done = []
    r, w = socket.socketpair()
    loop.add_reader(r, lambda: done.append(r.recv(10)))
    w.send(b"!")
    await asyncio.sleep(0.01)
    print("add_reader", done, loop.remove_reader(r), loop.remove_reader(r))


asyncio.run(main())
