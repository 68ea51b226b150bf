#
# gilpy's multiprocessing.connection: Pipe() and wait(). Connection is
# implemented in Go (_gilpy_mp.Connection): pipes and socketpairs with
# CPython's length-prefixed message framing.
#

__all__ = ['Pipe', 'wait']

import _gilpy_mp

from . import context

BUFSIZE = 8192
Connection = _gilpy_mp.Connection


def Pipe(duplex=True):
    '''
    Returns pair of connection objects at either end of a pipe
    '''
    return _gilpy_mp.Pipe(duplex)


def _fileno(obj):
    if isinstance(obj, int):
        return obj
    return obj.fileno()


def wait(object_list, timeout=None):
    '''
    Wait till an object in object_list is ready/readable.

    Returns list of those objects in object_list which are ready/readable.
    '''
    object_list = list(object_list)
    ready = set(_gilpy_mp.wait_fds([_fileno(o) for o in object_list], timeout))
    return [o for o in object_list if _fileno(o) in ready]
