"""Event loop interface, policies, and the current-loop functions."""

__all__ = (
    'AbstractEventLoopPolicy',
    'AbstractEventLoop', 'AbstractServer',
    'Handle', 'TimerHandle',
    'get_event_loop_policy', 'set_event_loop_policy',
    'get_event_loop', 'set_event_loop', 'new_event_loop',
    'get_child_watcher', 'set_child_watcher',
    '_set_running_loop', 'get_running_loop',
    '_get_running_loop',
)

import _asyncio
from _asyncio import Handle, TimerHandle
from _asyncio import _get_running_loop, _set_running_loop, get_running_loop

# (blank lines: the statements below keep CPython's line numbers; see stdlib/asyncio/anchors_test.go)























































# Handles run in Go. When a callback fails, the loop passes the exception
# through _run() below before reporting it, so that the report's traceback
# starts with the frame CPython's (Python) Handle._run contributes, on the
# same line: "File ".../asyncio/events.py", line 80, in _run". `self` is a
# stand-in whose _context.run(...) raises the callback's exception again.
def _run(self):
    self._context.run(self._callback, *self._args)


class AbstractServer:
    """The interface of what create_server() returns."""

    def close(self):
        raise NotImplementedError

    def get_loop(self):
        raise NotImplementedError

    def is_serving(self):
        raise NotImplementedError

    async def start_serving(self):
        raise NotImplementedError

    async def serve_forever(self):
        raise NotImplementedError

    async def wait_closed(self):
        raise NotImplementedError

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class AbstractEventLoop:
    """Abstract event loop: the interface every loop provides."""

    def run_forever(self):
        raise NotImplementedError

    def run_until_complete(self, future):
        raise NotImplementedError

    def stop(self):
        raise NotImplementedError

    def is_running(self):
        raise NotImplementedError

    def is_closed(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    async def shutdown_asyncgens(self):
        raise NotImplementedError

    async def shutdown_default_executor(self):
        raise NotImplementedError

    def call_soon(self, callback, *args, context=None):
        raise NotImplementedError

    def call_later(self, delay, callback, *args, context=None):
        raise NotImplementedError

    def call_at(self, when, callback, *args, context=None):
        raise NotImplementedError

    def time(self):
        raise NotImplementedError

    def create_future(self):
        raise NotImplementedError

    def create_task(self, coro, *, name=None, context=None):
        raise NotImplementedError

    def call_soon_threadsafe(self, callback, *args, context=None):
        raise NotImplementedError

    def run_in_executor(self, executor, func, *args):
        raise NotImplementedError

    def set_default_executor(self, executor):
        raise NotImplementedError

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        raise NotImplementedError

    async def getnameinfo(self, sockaddr, flags=0):
        raise NotImplementedError

    async def create_connection(self, protocol_factory, host=None, port=None, **kw):
        raise NotImplementedError

    async def create_server(self, protocol_factory, host=None, port=None, **kw):
        raise NotImplementedError

    async def create_unix_connection(self, protocol_factory, path=None, **kw):
        raise NotImplementedError

    async def create_unix_server(self, protocol_factory, path=None, **kw):
        raise NotImplementedError

    async def create_datagram_endpoint(self, protocol_factory, local_addr=None,
                                       remote_addr=None, **kw):
        raise NotImplementedError

    async def connect_read_pipe(self, protocol_factory, pipe):
        raise NotImplementedError

    async def connect_write_pipe(self, protocol_factory, pipe):
        raise NotImplementedError

    async def subprocess_shell(self, protocol_factory, cmd, **kw):
        raise NotImplementedError

    async def subprocess_exec(self, protocol_factory, *args, **kw):
        raise NotImplementedError

    def add_reader(self, fd, callback, *args):
        raise NotImplementedError

    def remove_reader(self, fd):
        raise NotImplementedError

    def add_writer(self, fd, callback, *args):
        raise NotImplementedError

    def remove_writer(self, fd):
        raise NotImplementedError

    async def sock_recv(self, sock, nbytes):
        raise NotImplementedError

    async def sock_recv_into(self, sock, buf):
        raise NotImplementedError

    async def sock_sendall(self, sock, data):
        raise NotImplementedError

    async def sock_connect(self, sock, address):
        raise NotImplementedError

    async def sock_accept(self, sock):
        raise NotImplementedError

    def add_signal_handler(self, sig, callback, *args):
        raise NotImplementedError

    def remove_signal_handler(self, sig):
        raise NotImplementedError

    def set_task_factory(self, factory):
        raise NotImplementedError

    def get_task_factory(self):
        raise NotImplementedError

    def get_exception_handler(self):
        raise NotImplementedError

    def set_exception_handler(self, handler):
        raise NotImplementedError

    def default_exception_handler(self, context):
        raise NotImplementedError

    def call_exception_handler(self, context):
        raise NotImplementedError

    def get_debug(self):
        raise NotImplementedError

    def set_debug(self, enabled):
        raise NotImplementedError


class AbstractEventLoopPolicy:
    """The interface of event loop policies."""

    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError

    def get_child_watcher(self):
        raise NotImplementedError

    def set_child_watcher(self, watcher):
        raise NotImplementedError


def _current_thread_name():
    threading = _threading()
    if threading is not None:
        return threading.current_thread().name
    return 'MainThread' if _asyncio._thread_id() == _main_thread_id else 'Thread'


def _threading():
    import sys
    return sys.modules.get('threading')


_main_thread_id = _asyncio._thread_id()


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """Default policy: one event loop per thread, created on demand only in
    the main thread."""

    _loop_factory = None

    def __init__(self):
        # Per-thread state, keyed by the thread's identity.
        self._loops = {}
        self._set_called = set()

    def get_event_loop(self):
        tid = _asyncio._thread_id()
        loop = self._loops.get(tid)
        if (loop is None and tid not in self._set_called
                and tid == _main_thread_id):
            self.set_event_loop(self.new_event_loop())
            loop = self._loops.get(tid)
        if loop is None:
            raise RuntimeError('There is no current event loop in thread %r.'
                               % _current_thread_name())
        return loop

    def set_event_loop(self, loop):
        tid = _asyncio._thread_id()
        self._set_called.add(tid)
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
        if loop is None:
            self._loops.pop(tid, None)
        else:
            self._loops[tid] = loop

    def new_event_loop(self):
        return self._loop_factory()


_event_loop_policy = None


def _init_event_loop_policy():
    global _event_loop_policy
    if _event_loop_policy is None:
        from . import DefaultEventLoopPolicy
        _event_loop_policy = DefaultEventLoopPolicy()


def get_event_loop_policy():
    """The event loop policy in use (the default one is created on
    first use)."""
    if _event_loop_policy is None:
        _init_event_loop_policy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    """Set the current event loop policy (None restores the default)."""
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _event_loop_policy = policy


def _get_event_loop(stacklevel=3):
    current_loop = _get_running_loop()
    if current_loop is not None:
        return current_loop
    return get_event_loop_policy().get_event_loop()


def get_event_loop():
    """Return the running event loop, or the policy's current one."""
    current_loop = _get_running_loop()
    if current_loop is not None:
        return current_loop
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    """Make loop the current loop of this thread (via the policy)."""
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    """A new event loop from the policy."""
    return get_event_loop_policy().new_event_loop()


def get_child_watcher():
    """The policy's child watcher."""
    return get_event_loop_policy().get_child_watcher()


def set_child_watcher(watcher):
    """Set the policy's child watcher."""
    return get_event_loop_policy().set_child_watcher(watcher)
