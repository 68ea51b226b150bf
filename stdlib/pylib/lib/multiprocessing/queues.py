#
# gilpy's multiprocessing.queues: Queue, JoinableQueue and SimpleQueue.
#
# A Queue is a one-way pipe plus cross-process locks. put() pickles the
# object and hands the bytes to a feeder goroutine (_gilpy_mp._Feeder),
# which writes them to the pipe under the write lock; get() reads a
# message under the read lock. At exit the feeders are drained, so items
# put before a process ends are delivered.
#

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

import pickle
import _gilpy_mp
import _multiprocessing

from . import connection
from . import context

try:
    from queue import Empty, Full
except ImportError:
    class Empty(Exception):
        'Exception raised by Queue.get(block=0)/get_nowait().'
        pass
    Empty.__module__ = '_queue'

    class Full(Exception):
        'Exception raised by Queue.put(block=0)/put_nowait().'
        pass
    Full.__module__ = 'queue'

_dumps = pickle.dumps
_loads = pickle.loads

#
# Queue type using a pipe, buffer and thread
#

class Queue(object):

    def __init__(self, maxsize=0, *, ctx):
        if maxsize <= 0:
            maxsize = _multiprocessing.SemLock.SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = ctx.Lock()
        self._opid = _gilpy_mp.getpid()
        self._wlock = ctx.Lock()
        self._sem = ctx.BoundedSemaphore(maxsize)
        # For use by concurrent.futures
        self._ignore_epipe = False
        self._reset()

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._ignore_epipe, self._maxsize, self._reader, self._writer,
                self._rlock, self._wlock, self._sem, self._opid)

    def __setstate__(self, state):
        (self._ignore_epipe, self._maxsize, self._reader, self._writer,
         self._rlock, self._wlock, self._sem, self._opid) = state
        self._reset()

    def _reset(self):
        self._feeder = None
        self._joincancelled = False
        self._closed = False
        self._poll = self._reader.poll

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        self._put_data(_dumps(obj))

    def _put_data(self, data):
        if self._feeder is None:
            self._feeder = _gilpy_mp._Feeder(self._writer, self._wlock._semlock)
            if self._joincancelled:
                self._feeder.cancel_join()
        self._feeder.put(data)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                res = self._reader.recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = _gilpy_mp.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    timeout = deadline - _gilpy_mp.monotonic()
                    if not self._poll(timeout):
                        raise Empty
                elif not self._poll():
                    raise Empty
                res = self._reader.recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        # unserialize the data after having released the lock
        return _loads(res)

    def qsize(self):
        # Raises NotImplementedError on Mac OSX because of broken sem_getvalue()
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True
        if self._feeder is not None:
            self._feeder.close()

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._feeder is not None:
            self._feeder.join()

    def cancel_join_thread(self):
        self._joincancelled = True
        if self._feeder is not None:
            self._feeder.cancel_join()

    __class_getitem__ = classmethod(lambda cls, item: cls)

#
# A queue type which also supports join() and task_done() methods
#

class JoinableQueue(Queue):

    def __init__(self, maxsize=0, *, ctx):
        Queue.__init__(self, maxsize, ctx=ctx)
        self._unfinished_tasks = ctx.Semaphore(0)
        self._cond = ctx.Condition()

    def __getstate__(self):
        return Queue.__getstate__(self) + (self._cond, self._unfinished_tasks)

    def __setstate__(self, state):
        Queue.__setstate__(self, state[:-2])
        self._cond, self._unfinished_tasks = state[-2:]

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        data = _dumps(obj)
        with self._cond:
            self._put_data(data)
            self._unfinished_tasks.release()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()

#
# Simplified Queue type -- really just a locked pipe
#

class SimpleQueue(object):

    def __init__(self, *, ctx):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = ctx.Lock()
        self._poll = self._reader.poll
        self._wlock = ctx.Lock()

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._poll()

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._reader, self._writer, self._rlock, self._wlock)

    def __setstate__(self, state):
        (self._reader, self._writer, self._rlock, self._wlock) = state
        self._poll = self._reader.poll

    def get(self):
        with self._rlock:
            res = self._reader.recv_bytes()
        # unserialize the data after having released the lock
        return _loads(res)

    def put(self, obj):
        # serialize the data before acquiring the lock
        obj = _dumps(obj)
        with self._wlock:
            self._writer.send_bytes(obj)

    __class_getitem__ = classmethod(lambda cls, item: cls)
