"""Selector event loop for Unix: pipes and child processes."""

__all__ = (
    'SelectorEventLoop',
    'AbstractChildWatcher', 'SafeChildWatcher',
    'FastChildWatcher', 'PidfdChildWatcher',
    'MultiLoopChildWatcher', 'ThreadedChildWatcher',
    'DefaultEventLoopPolicy',
)

import _asyncio

from . import base_events
from . import constants
from . import events
from . import exceptions
from . import futures
from . import selector_events
from .log import logger

_SIGTERM = 15
_SIGKILL = 9


class _UnixSelectorEventLoop(selector_events.BaseSelectorEventLoop):
    """Unix event loop: adds signal handlers, pipes and subprocesses."""

    def __init__(self, selector=None):
        super().__init__(selector)
        self._signal_handlers = {}

    def close(self):
        super().close()
        for sig in list(self._signal_handlers):
            self.remove_signal_handler(sig)

    def _check_signal(self, sig):
        import signal
        if not isinstance(sig, int):
            raise TypeError(f'sig must be an int, not {sig!r}')
        if sig not in signal.valid_signals():
            raise ValueError(f'invalid signal number {sig}')

    def add_signal_handler(self, sig, callback, *args):
        """Run callback(*args) on the loop when signal sig arrives."""
        import signal
        from . import coroutines
        if (coroutines.iscoroutine(callback) or
                coroutines.iscoroutinefunction(callback)):
            raise TypeError("coroutines cannot be used "
                            "with add_signal_handler()")
        self._check_signal(sig)
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        self._signal_handlers[sig] = handle
        try:
            # The Python-level handler runs in the main thread between two
            # iterations of the loop; it schedules the callback.
            signal.signal(sig, self._signal_trampoline)
        except OSError as exc:
            del self._signal_handlers[sig]
            if exc.errno == 22:  # EINVAL
                raise RuntimeError(f'sig {sig:d} cannot be caught')
            else:
                raise
        except ValueError as exc:
            del self._signal_handlers[sig]
            raise RuntimeError(str(exc))

    def _signal_trampoline(self, sig, frame):
        self._handle_signal(sig)

    def _handle_signal(self, sig):
        handle = self._signal_handlers.get(sig)
        if handle is None:
            return
        if handle._cancelled:
            self.remove_signal_handler(sig)
        else:
            self.call_soon_threadsafe(handle._callback, *handle._args)

    def remove_signal_handler(self, sig):
        """Remove the handler for signal sig; True if there was one."""
        import signal
        self._check_signal(sig)
        try:
            del self._signal_handlers[sig]
        except KeyError:
            return False
        if sig == signal.SIGINT:
            handler = signal.default_int_handler
        else:
            handler = signal.SIG_DFL
        try:
            signal.signal(sig, handler)
        except OSError as exc:
            if exc.errno == 22:  # EINVAL
                raise RuntimeError(f'sig {sig:d} cannot be caught')
            else:
                raise
        return True

    async def create_unix_connection(
            self, protocol_factory, path=None, *,
            ssl=None, sock=None,
            server_hostname=None,
            ssl_handshake_timeout=None,
            ssl_shutdown_timeout=None):
        """Connect to a Unix domain socket; return (transport, protocol)."""
        import socket
        if ssl:
            raise NotImplementedError('gilpy: SSL transports are not supported')
        if server_hostname is not None:
            raise ValueError('server_hostname is only meaningful with ssl')
        if ssl_handshake_timeout is not None:
            raise ValueError(
                'ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None:
            raise ValueError(
                'ssl_shutdown_timeout is only meaningful with ssl')

        if path is not None:
            if sock is not None:
                raise ValueError(
                    'path and sock can not be specified at the same time')

            path = _fspath(path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0)
            try:
                sock.setblocking(False)
                await self.sock_connect(sock, path)
            except:
                sock.close()
                raise

        else:
            if sock is None:
                raise ValueError('no path and sock were specified')
            if (sock.family != socket.AF_UNIX or
                    sock.type != socket.SOCK_STREAM):
                raise ValueError(
                    f'A UNIX Domain Stream Socket was expected, got {sock!r}')
            sock.setblocking(False)

        transport, protocol = await self._create_connection_transport(
            sock, protocol_factory)
        return transport, protocol

    async def create_unix_server(
            self, protocol_factory, path=None, *,
            sock=None, backlog=100, ssl=None,
            ssl_handshake_timeout=None,
            ssl_shutdown_timeout=None,
            start_serving=True):
        """Serve on a Unix domain socket (a stale socket file at path is
        removed first)."""
        import os
        import socket
        import stat
        if isinstance(ssl, bool):
            raise TypeError('ssl argument must be an SSLContext or None')
        if ssl:
            raise NotImplementedError('gilpy: SSL transports are not supported')
        if ssl_handshake_timeout is not None:
            raise ValueError(
                'ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None:
            raise ValueError(
                'ssl_shutdown_timeout is only meaningful with ssl')

        if path is not None:
            if sock is not None:
                raise ValueError(
                    'path and sock can not be specified at the same time')

            path = _fspath(path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)

            # Remove a socket file left over by an earlier server.
            if path[0] not in (0, '\x00'):
                try:
                    if stat.S_ISSOCK(os.stat(path).st_mode):
                        os.remove(path)
                except FileNotFoundError:
                    pass
                except OSError as err:
                    logger.error('Unable to check or remove stale UNIX socket '
                                 '%r: %r', path, err)

            try:
                sock.bind(path)
            except OSError as exc:
                sock.close()
                if exc.errno == 98:  # EADDRINUSE
                    msg = f'Address {path!r} is already in use'
                    raise OSError(98, msg) from None
                else:
                    raise
            except:
                sock.close()
                raise
        else:
            if sock is None:
                raise ValueError(
                    'path was not specified, and no sock specified')

            if (sock.family != socket.AF_UNIX or
                    sock.type != socket.SOCK_STREAM):
                raise ValueError(
                    f'A UNIX Domain Stream Socket was expected, got {sock!r}')

        sock.setblocking(False)
        server = base_events.Server(self, [sock], protocol_factory,
                                    ssl, backlog, ssl_handshake_timeout,
                                    ssl_shutdown_timeout)
        if start_serving:
            server._start_serving()
            from . import tasks
            await tasks.sleep(0)

        return server

    def _make_read_pipe_transport(self, pipe, protocol, waiter=None,
                                  extra=None):
        from ._unix_transports import _UnixReadPipeTransport
        return _UnixReadPipeTransport(self, pipe, protocol, waiter, extra)

    def _make_write_pipe_transport(self, pipe, protocol, waiter=None,
                                   extra=None):
        from ._unix_transports import _UnixWritePipeTransport
        return _UnixWritePipeTransport(self, pipe, protocol, waiter, extra)

    async def connect_read_pipe(self, protocol_factory, pipe):
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = self._make_read_pipe_transport(pipe, protocol, waiter)
        try:
            await waiter
        except:
            transport.close()
            raise
        return transport, protocol

    async def connect_write_pipe(self, protocol_factory, pipe):
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = self._make_write_pipe_transport(pipe, protocol, waiter)
        try:
            await waiter
        except:
            transport.close()
            raise
        return transport, protocol

    async def subprocess_exec(self, protocol_factory, program, *args,
                              stdin=-1, stdout=-1, stderr=-1,
                              universal_newlines=False, shell=False,
                              bufsize=0, encoding=None, errors=None,
                              text=None, **kwargs):
        if universal_newlines:
            raise ValueError("universal_newlines must be False")
        if shell:
            raise ValueError("shell must be False")
        if bufsize != 0:
            raise ValueError("bufsize must be 0")
        if text:
            raise ValueError("text must be False")
        if encoding is not None:
            raise ValueError("encoding must be None")
        if errors is not None:
            raise ValueError("errors must be None")
        popen_args = (program,) + args
        protocol = protocol_factory()
        transport = await self._make_subprocess_transport(
            protocol, popen_args, False, stdin, stdout, stderr, bufsize,
            **kwargs)
        return transport, protocol

    async def subprocess_shell(self, protocol_factory, cmd, *,
                               stdin=-1, stdout=-1, stderr=-1,
                               universal_newlines=False, shell=True,
                               bufsize=0, encoding=None, errors=None,
                               text=None, **kwargs):
        if not isinstance(cmd, (bytes, str)):
            raise ValueError("cmd must be a string")
        if universal_newlines:
            raise ValueError("universal_newlines must be False")
        if not shell:
            raise ValueError("shell must be True")
        if bufsize != 0:
            raise ValueError("bufsize must be 0")
        if text:
            raise ValueError("text must be False")
        if encoding is not None:
            raise ValueError("encoding must be None")
        if errors is not None:
            raise ValueError("errors must be None")
        protocol = protocol_factory()
        transport = await self._make_subprocess_transport(
            protocol, cmd, True, stdin, stdout, stderr, bufsize, **kwargs)
        return transport, protocol

    async def _make_subprocess_transport(self, protocol, args, shell,
                                         stdin, stdout, stderr, bufsize,
                                         extra=None, **kwargs):
        from ._unix_transports import _UnixSubprocessTransport
        waiter = self.create_future()
        transp = _UnixSubprocessTransport(self, protocol, args, shell,
                                          stdin, stdout, stderr, bufsize,
                                          waiter=waiter, extra=extra,
                                          **kwargs)
        try:
            await waiter
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException:
            transp.close()
            await transp._wait()
            raise
        return transp


def _fspath(path):
    import os
    return os.fspath(path)


class AbstractChildWatcher:
    """The interface of child watchers.

    gilpy waits for every child with a goroutine of its own and reports
    the exit to the loop that started it, so the watchers below only keep
    the API: their handlers are called when a child they were given exits
    only through that mechanism."""

    def add_child_handler(self, pid, callback, *args):
        raise NotImplementedError()

    def remove_child_handler(self, pid):
        raise NotImplementedError()

    def attach_loop(self, loop):
        raise NotImplementedError()

    def close(self):
        raise NotImplementedError()

    def is_active(self):
        raise NotImplementedError()

    def __enter__(self):
        return self

    def __exit__(self, a, b, c):
        raise NotImplementedError()


class ThreadedChildWatcher(AbstractChildWatcher):
    """Waits for each child in its own thread (the default)."""

    def __init__(self):
        self._callbacks = {}

    def is_active(self):
        return True

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        pass

    def add_child_handler(self, pid, callback, *args):
        self._callbacks[pid] = (callback, args)

    def remove_child_handler(self, pid):
        return self._callbacks.pop(pid, None) is not None

    def attach_loop(self, loop):
        pass


class PidfdChildWatcher(ThreadedChildWatcher):
    """Child watcher using pidfd_open (here: the same mechanism)."""


class SafeChildWatcher(ThreadedChildWatcher):
    """Deprecated SIGCHLD-based watcher (here: the same mechanism)."""


class FastChildWatcher(ThreadedChildWatcher):
    """Deprecated SIGCHLD-based watcher (here: the same mechanism)."""


class MultiLoopChildWatcher(ThreadedChildWatcher):
    """Deprecated SIGCHLD-based watcher (here: the same mechanism)."""


class _UnixDefaultEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    """UNIX event loop policy."""
    _loop_factory = _UnixSelectorEventLoop

    def __init__(self):
        super().__init__()
        self._watcher = None

    def get_child_watcher(self):
        if self._watcher is None:
            self._watcher = ThreadedChildWatcher()
        return self._watcher

    def set_child_watcher(self, watcher):
        self._watcher = watcher


SelectorEventLoop = _UnixSelectorEventLoop
DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
