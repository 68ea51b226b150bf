"""asyncio.run() and asyncio.Runner."""

__all__ = ('Runner', 'run')

import contextvars
import sys

from . import coroutines
from . import events
from . import exceptions
from . import tasks

_CREATED, _INITIALIZED, _CLOSED = 'created', 'initialized', 'closed'


class Runner:
    """A context manager that controls event loop life cycle: one loop,
    several run() calls, then cleanup of leftover tasks, async generators
    and the default executor, and close."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = _CREATED
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None
        self._interrupt_count = 0
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        """Cancel what is left, shut async generators and the executor
        down, and close the loop."""
        if self._state is not _INITIALIZED:
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._set_event_loop:
                events.set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = _CLOSED

    def get_loop(self):
        """The runner's loop (created on first use)."""
        self._lazy_init()
        return self._loop

# (blank lines: the statements below keep CPython's line numbers; see stdlib/asyncio/anchors_test.go)




























    def run(self, coro, *, context=None):
        """Run coro to completion in the runner's loop; return its result."""
        if not coroutines.iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))

        if events._get_running_loop() is not None:
            raise RuntimeError(
                "Runner.run() cannot be called from a running event loop")

        self._lazy_init()

        if context is None:
            context = self._context
        task = self._loop.create_task(coro, context=context)

        # In the main thread, the first Ctrl-C cancels the main task (which
        # can clean up); KeyboardInterrupt is raised once it has finished.
        signal = _signal()
        sigint_handler = None
        if (signal is not None and _is_main_thread() and
                signal.getsignal(signal.SIGINT) is signal.default_int_handler):
            def sigint_handler(signum, frame):
                self._on_sigint(signum, frame, task)
            try:
                signal.signal(signal.SIGINT, sigint_handler)
            except ValueError:
                sigint_handler = None

        self._interrupt_count = 0
        try:
            return self._loop.run_until_complete(task)
        except exceptions.CancelledError:
            if self._interrupt_count > 0:
                uncancel = getattr(task, "uncancel", None)
                if uncancel is not None and uncancel() == 0:
                    raise KeyboardInterrupt()
            raise  # CancelledError
        finally:
            if (sigint_handler is not None and
                    signal.getsignal(signal.SIGINT) is sigint_handler):
                signal.signal(signal.SIGINT, signal.default_int_handler)

    def _on_sigint(self, signum, frame, main_task):
        self._interrupt_count += 1
        if self._interrupt_count == 1 and not main_task.done():
            main_task.cancel()
            # Wake the loop in case it is waiting with a long timeout.
            self._loop.call_soon_threadsafe(lambda: None)
            return
        raise KeyboardInterrupt()

    def _lazy_init(self):
        if self._state is _CLOSED:
            raise RuntimeError("Runner is closed")
        if self._state is _INITIALIZED:
            return
        if self._loop_factory is None:
            self._loop = events.new_event_loop()
            if not self._set_event_loop:
                events.set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._context = contextvars.copy_context()
        self._state = _INITIALIZED

# (blank lines: the statements below keep CPython's line numbers; see stdlib/asyncio/anchors_test.go)






















def run(main, *, debug=None):
    """Run the coroutine main in a new event loop and return its result.

    This function runs the passed coroutine, taking care of managing the
    asyncio event loop, finalizing asynchronous generators and closing the
    default executor."""
    if events._get_running_loop() is not None:
        raise RuntimeError(
            "asyncio.run() cannot be called from a running event loop")

    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    # CPython walks a set here (in an order that varies from run to run);
    # gilpy cancels the leftover tasks in the order they were created.
    to_cancel = [t for t in _asyncio_live_tasks(loop)]
    if not to_cancel:
        return

    for task in to_cancel:
        task.cancel()

    loop.run_until_complete(tasks.gather(*to_cancel, return_exceptions=True))

    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


def _signal():
    try:
        import signal
    except ImportError:
        return None
    return signal


def _is_main_thread():
    threading = sys.modules.get('threading')
    if threading is not None:
        return threading.current_thread() is threading.main_thread()
    return events._main_thread_id == _asyncio_thread_id()


def _asyncio_thread_id():
    import _asyncio
    return _asyncio._thread_id()


def _asyncio_live_tasks(loop):
    import _asyncio
    return _asyncio._live_tasks(loop)
