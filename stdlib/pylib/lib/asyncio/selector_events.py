"""Event loop with I/O readiness callbacks: the add_reader/add_writer of
the Go core (backed by epoll) drive the sock_* coroutines, the socket
transports and the servers' accept loops."""

__all__ = 'BaseSelectorEventLoop',

from . import base_events
from . import constants
from . import events
from . import futures
from ._compat import lazy
from .log import logger

socket = lazy('socket')
trsock = lazy('asyncio.trsock')


class BaseSelectorEventLoop(base_events.BaseEventLoop):
    """Selector event loop: readiness callbacks on file descriptors."""

    def __init__(self, selector=None):
        super().__init__()
        # fd -> transport, to refuse sock_* calls on a transport's socket.
        self._transports = {}

    def _make_socket_transport(self, sock, protocol, waiter=None, *,
                               extra=None, server=None):
        from ._socket_transports import _SelectorSocketTransport
        return _SelectorSocketTransport(self, sock, protocol, waiter,
                                        extra, server)

    def _ensure_fd_no_transport(self, fd):
        fileno = fd
        if not isinstance(fileno, int):
            try:
                fileno = int(fileno.fileno())
            except (AttributeError, TypeError, ValueError):
                raise ValueError(f"Invalid file object: {fd!r}") from None
        transport = self._transports.get(fileno)
        if transport is not None and not transport.is_closing():
            raise RuntimeError(
                f'File descriptor {fd!r} is used by transport '
                f'{transport!r}')

    # The transports use these (CPython's private names).
    _add_reader = base_events.BaseEventLoop.add_reader
    _add_writer = base_events.BaseEventLoop.add_writer
    _remove_reader = base_events.BaseEventLoop.remove_reader
    _remove_writer = base_events.BaseEventLoop.remove_writer

    def add_reader(self, fd, callback, *args):
        """Call callback(*args) whenever fd is readable."""
        self._ensure_fd_no_transport(fd)
        self._add_reader(fd, callback, *args)

    def remove_reader(self, fd):
        """Stop watching fd for reading; whether it was watched."""
        self._ensure_fd_no_transport(fd)
        return self._remove_reader(fd)

    def add_writer(self, fd, callback, *args):
        """Call callback(*args) whenever fd is writable."""
        self._ensure_fd_no_transport(fd)
        self._add_writer(fd, callback, *args)

    def remove_writer(self, fd):
        """Stop watching fd for writing; whether it was watched."""
        self._ensure_fd_no_transport(fd)
        return self._remove_writer(fd)

    def _check_socket(self, sock):
        if self.get_debug() and sock.gettimeout() != 0:
            raise ValueError("the socket must be non-blocking")

    # ---------------------------------------------------- sock_* methods

    async def sock_recv(self, sock, n):
        """Receive up to n bytes from sock (a non-blocking socket)."""
        self._check_socket(sock)
        try:
            return sock.recv(n)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)
        self._add_reader(fd, self._sock_recv, fut, sock, n)
        fut.add_done_callback(lambda f: self._sock_read_done(fd, f))
        return await fut

    def _sock_read_done(self, fd, fut):
        self._remove_reader(fd)

    def _sock_write_done(self, fd, fut):
        self._remove_writer(fd)

    def _sock_recv(self, fut, sock, n):
        if fut.done():
            return
        try:
            data = sock.recv(n)
        except (BlockingIOError, InterruptedError):
            return  # not ready after all; the reader stays registered
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(data)

    async def sock_recv_into(self, sock, buf):
        """Receive into buf from sock; return the number of bytes."""
        self._check_socket(sock)
        try:
            return sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)
        self._add_reader(fd, self._sock_recv_into, fut, sock, buf)
        fut.add_done_callback(lambda f: self._sock_read_done(fd, f))
        return await fut

    def _sock_recv_into(self, fut, sock, buf):
        if fut.done():
            return
        try:
            nbytes = sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(nbytes)

    async def sock_recvfrom(self, sock, bufsize):
        """Receive a datagram from sock: (data, address)."""
        self._check_socket(sock)
        try:
            return sock.recvfrom(bufsize)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)

        def ready():
            if fut.done():
                return
            try:
                result = sock.recvfrom(bufsize)
            except (BlockingIOError, InterruptedError):
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                fut.set_exception(exc)
            else:
                fut.set_result(result)

        self._add_reader(fd, ready)
        fut.add_done_callback(lambda f: self._sock_read_done(fd, f))
        return await fut

    async def sock_sendto(self, sock, data, address):
        """Send a datagram to address."""
        self._check_socket(sock)
        try:
            return sock.sendto(data, address)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)

        def ready():
            if fut.done():
                return
            try:
                n = sock.sendto(data, address)
            except (BlockingIOError, InterruptedError):
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                fut.set_exception(exc)
            else:
                fut.set_result(n)

        self._add_writer(fd, ready)
        fut.add_done_callback(lambda f: self._sock_write_done(fd, f))
        return await fut

    async def sock_sendall(self, sock, data):
        """Send all of data to sock."""
        self._check_socket(sock)
        try:
            n = sock.send(data)
        except (BlockingIOError, InterruptedError):
            n = 0

        if n == len(data):
            return

        fut = self.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)
        # A list so that the callback can advance the position.
        self._add_writer(fd, self._sock_sendall, fut, sock,
                         memoryview(data), [n])
        fut.add_done_callback(lambda f: self._sock_write_done(fd, f))
        return await fut

    def _sock_sendall(self, fut, sock, view, pos):
        if fut.done():
            return
        start = pos[0]
        try:
            n = sock.send(view[start:])
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
            return

        start += n

        if start == len(view):
            fut.set_result(None)
        else:
            pos[0] = start

# (blank lines: the statements below keep CPython's line numbers; see stdlib/asyncio/anchors_test.go)































































































































































































































































































































































































    async def sock_connect(self, sock, address):
        """Connect sock to a remote address."""
        self._check_socket(sock)

        if sock.family == socket.AF_INET or sock.family == socket.AF_INET6:
            resolved = await self._ensure_resolved(
                address, family=sock.family, type=sock.type, proto=sock.proto)
            _, _, _, _, address = resolved[0]

        fut = self.create_future()
        self._sock_connect(fut, sock, address)
        try:
            return await fut
        finally:
            fut = None

    def _sock_connect(self, fut, sock, address):
        fd = sock.fileno()
        try:
            sock.connect(address)
        except (BlockingIOError, InterruptedError):
            # The connection is in progress: wait until the socket is
            # writable, then look at SO_ERROR.
            self._ensure_fd_no_transport(fd)
            self._add_writer(fd, self._sock_connect_cb, fut, sock, address)
            fut.add_done_callback(lambda f: self._sock_write_done(fd, f))
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)

# (blank lines: the statements below keep CPython's line numbers; see stdlib/asyncio/anchors_test.go)












    def _sock_connect_cb(self, fut, sock, address):
        if fut.done():
            return
        try:
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err != 0:
                raise OSError(err, f'Connect call failed {address}')
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)

    async def sock_accept(self, sock):
        """Accept a connection: (conn, address), conn non-blocking."""
        self._check_socket(sock)
        fut = self.create_future()
        self._sock_accept(fut, sock)
        return await fut

    def _sock_accept(self, fut, sock):
        fd = sock.fileno()
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
        except (BlockingIOError, InterruptedError):
            self._ensure_fd_no_transport(fd)
            self._add_reader(fd, self._sock_accept, fut, sock)
            fut.add_done_callback(lambda f: self._sock_read_done(fd, f))
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result((conn, address))

    # ---------------------------------------------------- servers

    def _start_serving(self, protocol_factory, sock,
                       sslcontext=None, server=None, backlog=100,
                       ssl_handshake_timeout=None,
                       ssl_shutdown_timeout=None):
        self._add_reader(sock.fileno(), self._accept_connection,
                         protocol_factory, sock, sslcontext, server, backlog)

    def _stop_serving(self, sock):
        self._remove_reader(sock.fileno())
        sock.close()

    def _accept_connection(self, protocol_factory, sock, sslcontext=None,
                           server=None, backlog=100):
        # Accept as many pending connections as the backlog allows.
        for _ in range(backlog):
            try:
                conn, addr = sock.accept()
                conn.setblocking(False)
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                if exc.errno in (24, 23, 105, 12):  # EMFILE ENFILE ENOBUFS ENOMEM
                    # Out of descriptors or memory: stop accepting for a
                    # while, then try again.
                    self.call_exception_handler({
                        'message': 'socket.accept() out of system resource',
                        'exception': exc,
                        'socket': trsock.TransportSocket(sock),
                    })
                    self._remove_reader(sock.fileno())
                    self.call_later(constants.ACCEPT_RETRY_DELAY,
                                    self._start_serving,
                                    protocol_factory, sock, sslcontext, server,
                                    backlog)
                else:
                    raise
            else:
                extra = {'peername': addr}
                accept = self._accept_connection2(
                    protocol_factory, conn, extra, sslcontext, server)
                self.create_task(accept)

    async def _accept_connection2(self, protocol_factory, conn, extra,
                                  sslcontext=None, server=None):
        protocol = None
        transport = None
        try:
            protocol = protocol_factory()
            waiter = self.create_future()
            transport = self._make_socket_transport(
                conn, protocol, waiter=waiter, extra=extra, server=server)
            try:
                await waiter
            except BaseException:
                transport.close()
                raise
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if self.get_debug():
                context = {
                    'message':
                        'Error on transport creation for incoming connection',
                    'exception': exc,
                }
                if protocol is not None:
                    context['protocol'] = protocol
                if transport is not None:
                    context['transport'] = transport
                self.call_exception_handler(context)
