# gilpy's concurrent.futures.process: ProcessPoolExecutor.
#
# Work items wait in the parent until a manager thread (a gilpy helper
# thread) moves them to a multiprocessing Queue read by the worker
# processes; results come back on a SimpleQueue. The manager thread waits
# on the result pipe, a wake-up pipe and the workers' sentinels, so a
# worker that dies abruptly breaks the pool: every pending future gets
# BrokenProcessPool, and later submits raise it.

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']

import _gilpy_mp
import multiprocessing as mp
from multiprocessing.connection import wait
from concurrent.futures import _base

# Controls how many more calls than processes will be queued in the call
# queue.
EXTRA_QUEUED_CALLS = 1

_executors = []


def _python_exit():
    # At interpreter exit, let running executors finish their work.
    for executor in list(_executors):
        executor.shutdown(wait=True)


_gilpy_mp.register_exit(_python_exit)


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class _ExceptionWithTraceback:
    def __init__(self, exc, tb):
        self.exc = exc
        self.tb = '\n"""\n%s"""' % _gilpy_mp.format_exc(exc)

    def __reduce__(self):
        return _rebuild_exc, (self.exc, self.tb)


def _rebuild_exc(exc, tb):
    exc.__cause__ = _RemoteTraceback(tb)
    return exc


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


class _ResultItem(object):
    def __init__(self, work_id, exception=None, result=None, exit_pid=None):
        self.work_id = work_id
        self.exception = exception
        self.result = result
        self.exit_pid = exit_pid


class _CallItem(object):
    def __init__(self, work_id, fn, args, kwargs):
        self.work_id = work_id
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


class _ChunkRunner(object):
    # fn applied to a chunk of argument tuples (what map sends a worker).
    def __init__(self, fn):
        self.fn = fn

    def __call__(self, chunk):
        return [self.fn(*args) for args in chunk]


def _get_chunks(*iterables, chunksize):
    """ Iterates over zip()ed iterables in chunks. """
    it = zip(*iterables)
    while True:
        chunk = []
        for item in it:
            chunk.append(item)
            if len(chunk) == chunksize:
                break
        if not chunk:
            return
        yield tuple(chunk)


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


def _sendback_result(result_queue, work_id, result=None, exception=None,
                     exit_pid=None):
    """Safely send back the given result or exception"""
    try:
        result_queue.put(_ResultItem(work_id, result=result,
                                     exception=exception, exit_pid=exit_pid))
    except BaseException as e:
        exc = _ExceptionWithTraceback(e, e.__traceback__)
        result_queue.put(_ResultItem(work_id, exception=exc,
                                     exit_pid=exit_pid))


def _process_worker(call_queue, result_queue, initializer, initargs, max_tasks=None):
    """Evaluates calls from call_queue and places the results in result_queue."""
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            import sys
            sys.stderr.write('Exception in initializer:\n')
            _gilpy_mp.print_exc()
            # The parent will notice that the process stopped and
            # mark the pool broken
            return
    num_tasks = 0
    exit_pid = None
    while True:
        call_item = call_queue.get(block=True)
        if call_item is None:
            # Wake up queue management thread
            result_queue.put(_gilpy_mp.getpid())
            return

        if max_tasks is not None:
            num_tasks += 1
            if num_tasks >= max_tasks:
                exit_pid = _gilpy_mp.getpid()

        try:
            r = call_item.fn(*call_item.args, **call_item.kwargs)
        except BaseException as e:
            exc = _ExceptionWithTraceback(e, e.__traceback__)
            _sendback_result(result_queue, call_item.work_id, exception=exc,
                             exit_pid=exit_pid)
        else:
            _sendback_result(result_queue, call_item.work_id, result=r,
                             exit_pid=exit_pid)
            del r

        # Liberate the resource as soon as possible, to avoid holding onto
        # open files or shared memory that is not needed anymore
        del call_item

        if exit_pid is not None:
            return


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance."""
        if max_workers is None:
            self._max_workers = _gilpy_mp.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers

        if mp_context is None:
            if max_tasks_per_child is not None:
                mp_context = mp.get_context("spawn")
            else:
                mp_context = mp.get_context()
        self._mp_context = mp_context

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs

        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            if self._mp_context.get_start_method(allow_none=False) == "fork":
                # https://github.com/python/cpython/issues/90622
                raise ValueError("max_tasks_per_child is incompatible with"
                                 " the 'fork' start method; supply a different"
                                 " mp_context.")
        self._max_tasks_per_child = max_tasks_per_child

        self._manager_thread = None
        self._processes = {}
        self._shutdown_thread = False
        self._cancel_pending_futures = False
        self._queue_count = 0
        self._pending_work_items = {}
        self._work_ids = []
        self._broken = False

        queue_size = self._max_workers + EXTRA_QUEUED_CALLS
        self._call_queue = self._mp_context.Queue(queue_size)
        self._result_queue = self._mp_context.SimpleQueue()
        self._wakeup_r, self._wakeup_w = mp.Pipe(duplex=False)

    def _wakeup(self):
        try:
            self._wakeup_w.send_bytes(b"")
        except OSError:
            pass

    def _launch_processes(self):
        for _ in range(len(self._processes), self._max_workers):
            p = self._mp_context.Process(
                target=_process_worker,
                args=(self._call_queue,
                      self._result_queue,
                      self._initializer,
                      self._initargs,
                      self._max_tasks_per_child))
            p.start()
            self._processes[p.pid] = p

    def _start_manager_thread(self):
        if self._manager_thread is None:
            self._launch_processes()
            _executors.append(self)
            self._manager_thread = _gilpy_mp.start_thread(
                self._manage, (), 'Thread-ProcessPoolExecutor')

    def _feed_call_queue(self):
        # Move pending work to the workers while the call queue has room.
        while self._work_ids and not self._call_queue.full():
            work_id = self._work_ids.pop(0)
            work_item = self._pending_work_items.get(work_id)
            if work_item is None:
                continue
            if work_item.future.set_running_or_notify_cancel():
                try:
                    self._call_queue.put(_CallItem(work_id, work_item.fn,
                                                   work_item.args,
                                                   work_item.kwargs),
                                         block=True)
                except Exception as e:
                    del self._pending_work_items[work_id]
                    work_item.future.set_exception(e)
            else:
                del self._pending_work_items[work_id]

    def _manage(self):
        reader = self._result_queue._reader
        while True:
            self._feed_call_queue()
            sentinels = [p.sentinel for p in self._processes.values()]
            ready = wait([reader, self._wakeup_r] + sentinels)
            if reader in ready:
                result_item = reader.recv()
                self._handle_result(result_item)
            elif self._wakeup_r in ready:
                while self._wakeup_r.poll():
                    self._wakeup_r.recv_bytes()
            else:
                self._terminate_broken()
                return
            if self._shutdown_thread and self._is_idle():
                self._join_executor_internals()
                return

    def _is_idle(self):
        if self._cancel_pending_futures:
            for work_id in self._work_ids:
                item = self._pending_work_items.pop(work_id, None)
                if item is not None:
                    item.future.cancel()
            self._work_ids = []
        return not self._pending_work_items

    def _handle_result(self, result_item):
        if isinstance(result_item, int):
            # a worker told us it is exiting (shutdown)
            p = self._processes.pop(result_item, None)
            if p is not None:
                p.join()
            return
        if result_item.exit_pid is not None:
            p = self._processes.pop(result_item.exit_pid, None)
            if p is not None:
                p.join()
            if not self._shutdown_thread:
                self._launch_processes()
        work_item = self._pending_work_items.pop(result_item.work_id, None)
        if work_item is not None:
            if result_item.exception:
                work_item.future.set_exception(result_item.exception)
            else:
                work_item.future.set_result(result_item.result)

    def _terminate_broken(self):
        self._broken = ('A child process terminated '
                        'abruptly, the process pool is not '
                        'usable anymore')
        self._shutdown_thread = True
        bpe = BrokenProcessPool("A process in the process pool was "
                                "terminated abruptly while the future was "
                                "running or pending.")
        for work_id, work_item in self._pending_work_items.items():
            try:
                work_item.future.set_exception(bpe)
            except _base.InvalidStateError:
                pass
        self._pending_work_items.clear()
        self._work_ids = []
        for p in self._processes.values():
            p.terminate()
        for p in self._processes.values():
            p.join()
        self._processes.clear()

    def _join_executor_internals(self):
        # Ask every worker to exit and wait for them.
        for p in list(self._processes.values()):
            try:
                self._call_queue.put_nowait(None)
            except Exception:
                break
        for p in list(self._processes.values()):
            p.join()
        self._processes.clear()
        self._call_queue.close()
        self._call_queue.join_thread()

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenProcessPool(self._broken)
        if self._shutdown_thread:
            raise RuntimeError('cannot schedule new futures after shutdown')

        f = _base.Future()
        w = _WorkItem(f, fn, args, kwargs)

        self._pending_work_items[self._queue_count] = w
        self._work_ids.append(self._queue_count)
        self._queue_count += 1
        self._start_manager_thread()
        self._wakeup()
        return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter)."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")

        results = super().map(_ChunkRunner(fn),
                              _get_chunks(*iterables, chunksize=chunksize),
                              timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._cancel_pending_futures = cancel_futures
        self._shutdown_thread = True
        if self._manager_thread is not None:
            self._wakeup()
            if wait:
                self._manager_thread.join()
        if self in _executors and (wait or self._manager_thread is None):
            _executors.remove(self)

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
