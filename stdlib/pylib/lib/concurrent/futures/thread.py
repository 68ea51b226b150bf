# gilpy's concurrent.futures.thread: ThreadPoolExecutor. Workers are
# threading.Thread objects when the threading module is available, gilpy
# helper threads otherwise; work items reach them through a FIFO.

__all__ = ['ThreadPoolExecutor', 'BrokenThreadPool']

import _gilpy_mp
from concurrent.futures import _base

try:
    import threading as _threading
except ImportError:
    _threading = None

_executors = []


def _python_exit():
    for executor in list(_executors):
        executor.shutdown(wait=True)


_gilpy_mp.register_exit(_python_exit)


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return

        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            # Break a reference cycle with the exception 'exc'
            self = None
        else:
            self.future.set_result(result)

    __class_getitem__ = classmethod(lambda cls, item: cls)


def _worker(work_queue, initializer, initargs, executor):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            import sys
            sys.stderr.write('Exception in initializer:\n')
            _gilpy_mp.print_exc()
            executor._initializer_failed()
            return
    while True:
        work_item = work_queue.get()
        if work_item is None:
            # tell the other workers too
            work_queue.put(None)
            return
        work_item.run()
        del work_item
        executor._idle += 1


class BrokenThreadPool(_base.BrokenExecutor):
    """
    Raised when a worker thread in a ThreadPoolExecutor failed initializing.
    """


class ThreadPoolExecutor(_base.Executor):

    # Used to assign unique thread names when thread_name_prefix is not supplied.
    _counter = 0

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """Initializes a new ThreadPoolExecutor instance."""
        if max_workers is None:
            max_workers = min(32, (_gilpy_mp.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._work_queue = _gilpy_mp._LocalQueue()
        self._idle = 0
        self._threads = []
        self._broken = False
        self._shutdown = False
        ThreadPoolExecutor._counter += 1
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % (ThreadPoolExecutor._counter - 1)))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenThreadPool(self._broken)

        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')

        f = _base.Future()
        w = _WorkItem(f, fn, args, kwargs)

        self._work_queue.put(w)
        self._adjust_thread_count()
        return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        # if idle threads are available, don't spin new threads
        if self._idle > 0:
            self._idle -= 1
            return

        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self,
                                     num_threads)
            args = (self._work_queue, self._initializer, self._initargs, self)
            if _threading is not None:
                t = _threading.Thread(name=thread_name, target=_worker, args=args)
                t.start()
            else:
                t = _gilpy_mp.start_thread(_worker, args, thread_name)
            self._threads.append(t)
            if self not in _executors:
                _executors.append(self)

    def _initializer_failed(self):
        self._broken = ('A thread initializer failed, the thread pool '
                        'is not usable anymore')
        while True:
            try:
                work_item = self._work_queue.get(0)
            except Exception:
                break
            if work_item is not None:
                work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if cancel_futures:
            while True:
                try:
                    work_item = self._work_queue.get(0)
                except Exception:
                    break
                if work_item is not None:
                    work_item.future.cancel()
        self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
        if self in _executors:
            _executors.remove(self)
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
