#
# gilpy's multiprocessing.sharedctypes: C values and arrays in shared
# memory, raw or wrapped with a lock.
#

import _gilpy_mp

from . import context

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

typecode_to_type = {
    'c': 'c', 'u': 'u',
    'b': 'b', 'B': 'B',
    'h': 'h', 'H': 'H',
    'i': 'i', 'I': 'I',
    'l': 'l', 'L': 'L',
    'q': 'q', 'Q': 'Q',
    'f': 'f', 'd': 'd'
    }


def RawValue(typecode_or_type, *args):
    '''
    Returns a ctypes object allocated from shared memory
    '''
    obj = _gilpy_mp.cdata(typecode_or_type)
    if args:
        obj.__init__(*args)
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    '''
    Returns a ctypes array allocated from shared memory
    '''
    if isinstance(size_or_initializer, int):
        return _gilpy_mp.cdata(typecode_or_type, size_or_initializer)
    items = list(size_or_initializer)
    result = _gilpy_mp.cdata(typecode_or_type, len(items))
    result.__init__(*items)
    return result


def Value(typecode_or_type, *args, lock=True, ctx=None):
    '''
    Return a synchronization wrapper for a Value
    '''
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or context._default_context.get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    '''
    Return a synchronization wrapper for a RawArray
    '''
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or context._default_context.get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def copy(obj):
    new_obj = _gilpy_mp.cdata(type(obj)._type_ if hasattr(type(obj), '_length_') else type(obj),
                              getattr(type(obj), '_length_', -1))
    if hasattr(type(obj), '_length_'):
        new_obj[:] = obj[:]
    else:
        new_obj.value = obj.value
    return new_obj


def synchronized(obj, lock=None, ctx=None):
    assert not isinstance(obj, SynchronizedBase), 'object already synchronized'
    ctx = ctx or context._default_context.get_context()
    cls = type(obj)
    if hasattr(cls, '_length_'):
        if cls._type_.__name__ == 'c_char':
            return SynchronizedString(obj, lock, ctx)
        return SynchronizedArray(obj, lock, ctx)
    return Synchronized(obj, lock, ctx)

#
# Synchronized wrappers
#

class SynchronizedBase(object):

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            ctx = ctx or context._default_context.get_context()
            self._lock = ctx.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        context.assert_spawning(self)
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, value):
        with self._lock:
            self._obj.value = value


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self:
            self._obj[i] = value


class SynchronizedString(SynchronizedArray):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, value):
        with self._lock:
            self._obj.value = value

    @property
    def raw(self):
        with self._lock:
            return self._obj.raw

    @raw.setter
    def raw(self, value):
        with self._lock:
            self._obj.raw = value
