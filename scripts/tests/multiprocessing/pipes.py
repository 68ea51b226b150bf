# Pipe: duplex and one-way connections between processes; send/recv of
# numbers, strings, bytes, containers, instances of user classes and
# exceptions; send_bytes/recv_bytes with offset and size; poll with and
# without a timeout; EOFError once the other end is closed everywhere;
# errors on a closed or one-way connection.
import multiprocessing as mp


class Message:
    def __init__(self, text, n):
        self.text, self.n = text, n

    def __repr__(self):
        return f"Message({self.text!r}, {self.n})"


def echo(conn):
    # Not EOF: under fork the child holds a copy of the parent's end too.
    while True:
        obj = conn.recv()
        if obj == "stop":
            break
        conn.send(("echo", obj))
    conn.close()


def producer(w):
    for i in range(3):
        w.send(i * 10)
    w.send_bytes(b"raw bytes")
    w.close()


if __name__ == "__main__":
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    b.close()
    values = [1, -2**70, 2.5, "text", b"bytes", [1, (2, 3)], {"k": {4, 5}}, None, True,
              Message("hi", 3), ValueError("bad value"), KeyError("key")]
    for v in values:
        a.send(v)
        tag, back = a.recv()
        print(tag, type(back).__name__, repr(back))
    a.send("stop")
    a.close()
    p.join()
    print("echo exit", p.exitcode)

    r, w = mp.Pipe(duplex=False)
    print(r.readable, r.writable, w.readable, w.writable)
    print("poll before:", r.poll(), r.poll(0.05))
    p = mp.Process(target=producer, args=(w,))
    p.start()
    w.close()
    print("poll with timeout:", r.poll(10))
    print([r.recv() for _ in range(3)], r.recv_bytes())
    try:
        r.recv()
    except EOFError:
        print("EOFError")
    p.join()
    try:
        w.send(1)
    except OSError as e:
        print("OSError:", e)
    try:
        r.send(1)
    except OSError as e:
        print("OSError:", e)
    print(r.closed, w.closed)

    x, y = mp.Pipe()
    x.send_bytes(b"0123456789", 2, 5)
    print(y.recv_bytes())
    x.send_bytes(bytearray(b"abc"))
    print(y.recv_bytes(10))
    x.send_bytes(b"toolong")
    try:
        y.recv_bytes(3)
    except OSError as e:
        print("OSError:", e)
    with x:
        pass
    print(x.closed)
