"""Tasks and the functions that combine awaitables: sleep, gather, wait,
wait_for, as_completed, shield, run_coroutine_threadsafe.

Task itself is implemented in Go (_asyncio.Task). The functions here
schedule their work through ordinary done callbacks, so they take exactly
as many loop iterations as CPython's do (gather, for instance, completes
its outer future in the iteration after its last child finishes)."""

__all__ = (
    'Task', 'create_task',
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
    'wait', 'wait_for', 'as_completed', 'sleep',
    'gather', 'shield', 'ensure_future', 'run_coroutine_threadsafe',
    'current_task', 'all_tasks',
    '_register_task', '_unregister_task', '_enter_task', '_leave_task',
)

import functools

import _asyncio
from _asyncio import (_register_task, _unregister_task, _enter_task,
                      _leave_task)

from . import coroutines
from . import events
from . import exceptions
from . import futures

Task = _CTask = _PyTask = _asyncio.Task

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


def current_task(loop=None):
    """Return the currently running task in an event loop, or None."""
    if loop is None:
        loop = events.get_running_loop()
    return _asyncio._current_task(loop)


def all_tasks(loop=None):
    """Return the set of tasks of the loop that are not done yet."""
    if loop is None:
        loop = events.get_running_loop()
    return set(_asyncio._live_tasks(loop))


def _set_task_name(task, name):
    if name is not None:
        try:
            set_name = task.set_name
        except AttributeError:
            import warnings
            warnings.warn("Task.set_name() was added in Python 3.8, "
                          "the method support will be mandatory for third-party "
                          "task implementations since 3.13.",
                          DeprecationWarning, stacklevel=3)
        else:
            set_name(name)


def create_task(coro, *, name=None, context=None):
    """Schedule the execution of a coroutine object in a spawned task."""
    loop = events.get_running_loop()
    if context is None:
        task = loop.create_task(coro)
    else:
        task = loop.create_task(coro, context=context)
    _set_task_name(task, name)
    return task


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the Futures or Tasks in fs to complete.

    Returns two sets of futures: (done, pending). A timeout does not
    raise; the futures still running are in the second set."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')

    fs = set(fs)

    if any(coroutines.iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")

    loop = events.get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)

# (blank lines: the statements below keep CPython's line numbers; see stdlib/asyncio/anchors_test.go)















































































































































































































































































































































async def wait_for(fut, timeout):
    """Wait for one future or coroutine, at most timeout seconds.

    A coroutine is wrapped in a Task. Returns its result; on timeout the
    task is cancelled, awaited until it has really finished, and
    TimeoutError is raised (Python 3.11's implementation: 3.12 rebuilt it
    on top of timeout()). Cancelling the wait cancels the task too.

    The statements of this function sit on the lines CPython's have (they
    appear in tracebacks); the comments keep them there.

    wait_for() is a coroutine function.
    """
    loop = events.get_running_loop()

    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)

        if fut.done():
            return fut.result()

        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = functools.partial(_release_waiter, waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)

    try:
        # Wait until the future completes or the timeout fires.
        try:
            await waiter
        except exceptions.CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                # The caller was cancelled: cancel the task as well, and
                # wait until it has finished, so that nothing of it still
                # runs once wait_for() is over.
                await _cancel_and_wait(fut, loop=loop)
                raise

        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            # Timed out: cancel the task and let its except/finally blocks
            # run before the TimeoutError below (so their output comes
            # first, as in CPython).
            await _cancel_and_wait(fut, loop=loop)
            # If the task swallowed the cancellation, or failed while
            # being cancelled, that outcome wins over the timeout.
            # (Otherwise it is a TimeoutError caused by the cancellation.)
            try:
                return fut.result()
            except exceptions.CancelledError as exc:
                raise exceptions.TimeoutError() from exc
    finally:
        timeout_handle.cancel()

# (blank lines: the statements below keep CPython's line numbers; see stdlib/asyncio/anchors_test.go)





async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
                return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)

    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    """Cancel fut and wait until it is really done (its except/finally
    blocks have run)."""
    waiter = loop.create_future()
    cb = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(cb)

    try:
        fut.cancel()
        # The waiter is released only once fut finished, so its
        # except/finally blocks run before we go on.
        await waiter
    finally:
        fut.remove_done_callback(cb)


def as_completed(fs, *, timeout=None):
    """Return an iterator of awaitables that give the results of fs in the
    order they complete."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")

    from .queues import Queue
    done = Queue()

    loop = events._get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # wakes _wait_for_one with a timeout
        todo.clear()

    def _on_completion(f):
        if not todo:
            return  # _on_timeout() was first
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()

# (blank lines: the statements below keep CPython's line numbers; see stdlib/asyncio/anchors_test.go)






























async def sleep(delay, result=None):
    """Suspend the calling task for delay seconds; return result."""
    if delay <= 0:
        # A bare yield: the task goes to the back of the ready queue.
        await _asyncio._sleep0()
        return result
    loop = events.get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, futures._set_result_unless_cancelled,
                        future, result)
    try:
        return await future
    finally:
        h.cancel()


def ensure_future(coro_or_future, *, loop=None):
    """Turn a coroutine or an awaitable into a Task (a future as it is).

    If the argument is a Future, it is returned directly."""
    return _ensure_future(coro_or_future, loop=loop)


def _isawaitable(obj):
    return (coroutines.iscoroutine(obj) or
            hasattr(type(obj), '__await__') or
            (type(obj).__name__ == 'generator' and
             bool(obj.gi_code.co_flags & coroutines._CO_ITERABLE_COROUTINE)))


async def _wrap_awaitable(awaitable):
    return await awaitable


def _ensure_future(coro_or_future, *, loop=None):
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not futures._get_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    wrapped = False
    if not coroutines.iscoroutine(coro_or_future):
        if _isawaitable(coro_or_future):
            coro_or_future = _wrap_awaitable(coro_or_future)
            wrapped = True
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')
    if loop is None:
        loop = events._get_event_loop(stacklevel=4)
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not wrapped:
            coro_or_future.close()
        raise


class _GatheringFuture(futures.Future):
    """The future gather() returns: cancelling it cancels the children,
    and, like Task.cancel(), does not mark it cancelled at once."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            # The children's cancellation is propagated to the outer future
            # once they are all done.
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Return a future aggregating results from the given coroutines or
    futures, in the order of the arguments."""
    if not coros_or_futures:
        loop = events._get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1

        if outer is None or outer.done():
            if not fut.cancelled():
                # Mark the exception retrieved.
                fut.exception()
            return

        if not return_exceptions:
            if fut.cancelled():
                # A cancelled child is an error for the outer future, which
                # itself stays uncancelled.
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return

        if nfinished == nfuts:
            # All done: collect the results in argument order.
            results = []
            for child in children:
                if child.cancelled():
                    res = exceptions.CancelledError(
                        '' if child._cancel_message is None else
                        child._cancel_message)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)

            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    nfuts = 0
    nfinished = 0
    loop = None
    outer = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = _ensure_future(arg, loop=loop)
            if loop is None:
                loop = futures._get_loop(fut)
            if fut is not arg:
                # Created here: nobody else will see it, so no warning
                # about it being destroyed while pending.
                fut._log_destroy_pending = False
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            # The same awaitable given twice is awaited once.
            fut = arg_to_fut[arg]
        children.append(fut)

    outer = _GatheringFuture(children, loop=loop)
    return outer


def shield(arg):
    """Wait for a future, shielding it from cancellation."""
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    loop = futures._get_loop(inner)
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def run_coroutine_threadsafe(coro, loop):
    """Submit a coroutine object to a given event loop (from another
    thread). Return a concurrent.futures.Future to access the result."""
    if not coroutines.iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    cf = futures._concurrent()
    if cf is None:
        raise RuntimeError('run_coroutine_threadsafe() needs concurrent.futures')
    future = cf.Future()

    def callback():
        try:
            futures._chain_future(ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(callback)
    return future
