#
# gilpy's multiprocessing.util: finalizers and what happens at exit
# (daemonic children terminated, the others joined, queues flushed).
#

import sys
import _gilpy_mp

from . import process

__all__ = [
    'sub_debug', 'debug', 'info', 'sub_warning', 'get_logger',
    'log_to_stderr', 'get_temp_dir', 'register_after_fork',
    'is_exiting', 'Finalize', 'ForkAwareThreadLock', 'ForkAwareLocal',
    'close_all_fds_except', 'SUBDEBUG', 'SUBWARNING',
    ]

NOTSET = 0
SUBDEBUG = 5
DEBUG = 10
INFO = 20
SUBWARNING = 25

LOGGER_NAME = 'multiprocessing'
DEFAULT_LOGGING_FORMAT = '[%(levelname)s/%(processName)s] %(message)s'

_logger = None
_log_to_stderr = False

def sub_debug(msg, *args):
    pass

def debug(msg, *args):
    pass

def info(msg, *args):
    pass

def sub_warning(msg, *args):
    pass

def get_logger():
    '''
    Returns logger used by multiprocessing
    '''
    global _logger
    try:
        import logging
    except ImportError:
        return None
    if _logger is None:
        _logger = logging.getLogger(LOGGER_NAME)
        _logger.propagate = 0
    return _logger

def log_to_stderr(level=None):
    '''
    Turn on logging and add a handler which prints to stderr
    '''
    global _log_to_stderr
    _log_to_stderr = True
    return get_logger()

def get_temp_dir():
    import tempfile
    return tempfile.gettempdir()

#
# Functions run in a child after the start (CPython: after fork)
#

_afterfork_registry = {}
_afterfork_counter = 0

def register_after_fork(obj, func):
    global _afterfork_counter
    _afterfork_registry[(_afterfork_counter, id(obj), func)] = obj
    _afterfork_counter += 1

def _run_after_forkers():
    items = sorted(_afterfork_registry.items(), key=lambda kv: kv[0][0])
    _afterfork_registry.clear()
    for (index, ident, func), obj in items:
        try:
            func(obj)
        except Exception:
            pass

#
# Finalization (only the exit-time part: there are no weak references)
#

_finalizer_registry = {}
_finalizer_counter = 0


class Finalize(object):
    '''
    Class which supports object finalization at exit
    '''
    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        global _finalizer_counter
        if (exitpriority is not None) and not isinstance(exitpriority, int):
            raise TypeError(
                "Exitpriority ({0!r}) must be None or int, not {1!s}".format(
                    exitpriority, type(exitpriority)))
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, _finalizer_counter)
        self._pid = _gilpy_mp.getpid()
        _finalizer_counter += 1
        _finalizer_registry[self._key] = self

    def __call__(self, wr=None):
        '''
        Run the callback unless it has already been called or cancelled
        '''
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            return None
        if self._pid != _gilpy_mp.getpid():
            res = None
        else:
            res = self._callback(*self._args, **self._kwargs)
        self._callback = self._args = self._kwargs = self._key = None
        return res

    def cancel(self):
        '''
        Cancel finalization of the object
        '''
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            pass
        else:
            self._callback = self._args = self._kwargs = self._key = None

    def still_active(self):
        '''
        Return whether this finalizer is still waiting to invoke callback
        '''
        return self._key in _finalizer_registry

    def __repr__(self):
        if self._callback is None:
            return '<%s object, dead>' % self.__class__.__name__
        x = '<%s object, callback=%s' % (
                self.__class__.__name__,
                getattr(self._callback, '__name__', self._callback))
        if self._args:
            x += ', args=' + str(self._args)
        if self._kwargs:
            x += ', kwargs=' + str(self._kwargs)
        if self._key[0] is not None:
            x += ', exitpriority=' + str(self._key[0])
        return x + '>'


def _run_finalizers(minpriority=None):
    '''
    Run all finalizers whose exit priority is not None and at least minpriority

    Finalizers with highest priority are called first; finalizers with
    the same priority will be called in reverse order of creation.
    '''
    if _finalizer_registry is None:
        return
    if minpriority is None:
        f = lambda p : p[0] is not None
    else:
        f = lambda p : p[0] is not None and p[0] >= minpriority
    keys = [key for key in list(_finalizer_registry) if f(key)]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizer_registry.get(key)
        if finalizer is not None:
            try:
                finalizer()
            except Exception:
                import traceback
                traceback.print_exc()
    if minpriority is None:
        _finalizer_registry.clear()

#
# Clean up on exit
#

def is_exiting():
    '''
    Returns true if the process is shutting down
    '''
    return _exiting or _exiting is None

_exiting = False

def _exit_function():
    # At exit (and at the end of a child's run): run the high-priority
    # finalizers, terminate daemonic children, join the others, run the
    # rest, and deliver what queues still hold.
    global _exiting

    if not _exiting:
        _exiting = True

        _run_finalizers(0)

        if process.current_process() is not None:
            for p in process.active_children():
                if p.daemon:
                    p._popen.terminate()

            for p in process.active_children():
                p.join()

        _run_finalizers()
        _gilpy_mp.finish_feeders()

_gilpy_mp.register_exit(_exit_function)

#
# Some fork aware types
#

class ForkAwareThreadLock(object):
    def __init__(self):
        from .synchronize import _LocalLock
        self._lock = _LocalLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


class ForkAwareLocal(object):
    pass

#
# Close fds except those specified
#

def close_all_fds_except(fds):
    pass

#
# Flush standard streams, if any
#

def _flush_std_streams():
    _gilpy_mp.flush_std_streams()
