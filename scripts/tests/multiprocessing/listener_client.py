# multiprocessing.connection.Listener and Client over TCP and over a Unix
# socket, with an authentication key; a wrong key raises
# AuthenticationError. The server runs in a child and tells the parent its
# address through a pipe (the port is not printed: it varies).
import multiprocessing as mp
from multiprocessing.connection import Listener, Client


def serve(family, key, report):
    address = ("localhost", 0) if family == "AF_INET" else None
    with Listener(address, family=family, authkey=key) as listener:
        report.send(listener.address)
        for _ in range(2):
            try:
                with listener.accept() as conn:
                    msg = conn.recv()
                    conn.send(("echo", msg))
            except mp.AuthenticationError as e:
                print("server:", type(e).__name__, e)


if __name__ == "__main__":
    for family in ("AF_INET", "AF_UNIX"):
        r, w = mp.Pipe(duplex=False)
        p = mp.Process(target=serve, args=(family, b"secret", w))
        p.start()
        address = r.recv()
        print(family, type(address).__name__)
        with Client(address, authkey=b"secret") as c:
            c.send({"hello": [1, 2.5, None]})
            print(c.recv())
        try:
            Client(address, authkey=b"wrong")
        except mp.AuthenticationError as e:
            print("client:", type(e).__name__, e)
        p.join()
        print("exit", p.exitcode)
