"""Futures: asyncio.Future (implemented in Go by _asyncio) and helpers
that connect it to concurrent.futures."""

__all__ = (
    'Future', 'wrap_future', 'isfuture',
)

import sys

import _asyncio

from . import events
from . import exceptions

Future = _CFuture = _asyncio.Future

# States of a Future.
_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """Check for a Future: an asyncio Future, or an object that advertises
    itself as one by having _asyncio_future_blocking."""
    return _asyncio._isfuture(obj)


def _get_loop(fut):
    getter = getattr(fut, 'get_loop', None)
    if getter is not None:
        return getter()
    return fut._loop


def _set_result_unless_cancelled(fut, result):
    """Set fut's result unless it was cancelled meanwhile."""
    if fut.cancelled():
        return
    fut.set_result(result)


def _concurrent():
    # concurrent.futures is imported on demand: most programs never
    # touch it, and importing it pulls in threading.
    mod = sys.modules.get('concurrent.futures')
    if mod is None:
        try:
            import concurrent.futures as mod
        except ImportError:
            return None
    return mod


def _is_concurrent_future(obj):
    cf = _concurrent()
    return cf is not None and isinstance(obj, cf.Future)


def _convert_future_exc(exc):
    cf = _concurrent()
    if cf is not None:
        kind = type(exc)
        if kind is cf.CancelledError:
            return exceptions.CancelledError(*exc.args)
        if kind is cf.TimeoutError:
            return exceptions.TimeoutError(*exc.args)
        if kind is getattr(cf, 'InvalidStateError', None):
            return exceptions.InvalidStateError(*exc.args)
    return exc


def _set_concurrent_future_state(concurrent, source):
    """Copy the state of an asyncio future into a concurrent one."""
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exc = source.exception()
    if exc is not None:
        concurrent.set_exception(_convert_future_exc(exc))
    else:
        concurrent.set_result(source.result())


def _copy_future_state(source, dest):
    """Copy the state of a finished future into a pending asyncio one."""
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
        return
    exc = source.exception()
    if exc is not None:
        dest.set_exception(_convert_future_exc(exc))
    else:
        dest.set_result(source.result())


def _chain_future(source, destination):
    """Make destination follow source (cancellation goes the other way).
    Either may be an asyncio or a concurrent.futures future."""
    if not isfuture(source) and not _is_concurrent_future(source):
        raise TypeError('A future is required for source argument')
    if not isfuture(destination) and not _is_concurrent_future(destination):
        raise TypeError('A future is required for destination argument')
    source_loop = _get_loop(source) if isfuture(source) else None
    dest_loop = _get_loop(destination) if isfuture(destination) else None

    def _set_state(future, other):
        if isfuture(future):
            _copy_future_state(other, future)
        else:
            _set_concurrent_future_state(future, other)

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if (destination.cancelled() and
                dest_loop is not None and dest_loop.is_closed()):
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        else:
            if dest_loop.is_closed():
                return
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    """Wrap a concurrent.futures.Future object in an asyncio Future."""
    if isfuture(future):
        return future
    if loop is None:
        loop = events._get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future
