#
# gilpy's multiprocessing.managers: objects served by a manager process.
#
# A manager starts a server process (named SyncManager-N, as in CPython)
# that owns the real objects. Proxies in any process send method calls
# over a connection to the server, which runs them (one helper thread per
# connection) and sends back the result, an exception, or a proxy for a
# new object. The server listens on a Unix socket in Linux's abstract
# namespace, so nothing is created in the file system. Authentication
# keys are accepted but not checked; reference counting is not done
# (objects live until the manager shuts down).
#

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Token']

import sys
import _gilpy_mp

from . import connection
from . import util
from . import get_context
from .context import ProcessError

#
# Views of dicts travel as lists, as in CPython
#

from .reduction import ForkingPickler

def rebuild_as_list(obj):
    return list, (list(obj),)

for view_type in (type({}.items()), type({}.keys()), type({}.values())):
    ForkingPickler.register(view_type, rebuild_as_list)
del view_type

#
# Type for identifying shared objects
#

class Token(object):
    '''
    Type to uniquely identify a shared object
    '''
    __slots__ = ('typeid', 'address', 'id')

    def __init__(self, typeid, address, id):
        (self.typeid, self.address, self.id) = (typeid, address, id)

    def __getstate__(self):
        return (self.typeid, self.address, self.id)

    def __setstate__(self, state):
        (self.typeid, self.address, self.id) = state

    def __repr__(self):
        return '%s(typeid=%r, address=%r, id=%r)' % \
               (self.__class__.__name__, self.typeid, self.address, self.id)

#
# Messages between proxies and the server
#

def _dumps(obj):
    return ForkingPickler.dumps(obj)


def _send(conn, obj):
    conn.send_bytes(_dumps(obj))


def _recv(conn):
    import pickle
    return pickle.loads(conn.recv_bytes())


class RemoteError(Exception):
    def __str__(self):
        return ('\n' + '-'*75 + '\n' + str(self.args[0]) + '-'*75)


def convert_to_error(kind, result):
    if kind == '#ERROR':
        return result
    elif kind in ('#TRACEBACK', '#UNSERIALIZABLE'):
        if not isinstance(result, str):
            raise TypeError(
                "Result {0!r} (kind '{1}') type is {2}, not str".format(
                    result, kind, type(result)))
        if kind == '#UNSERIALIZABLE':
            return RemoteError('Unserializable message: %s\n' % result)
        else:
            return RemoteError(result)
    else:
        return ValueError('Unrecognized message type {!r}'.format(kind))


def all_methods(obj):
    '''
    Return a list of names of methods of `obj`
    '''
    temp = []
    for name in dir(obj):
        func = getattr(obj, name)
        if callable(func):
            temp.append(name)
    return temp


def public_methods(obj):
    '''
    Return a list of names of methods of `obj` which do not start with '_'
    '''
    return [name for name in all_methods(obj) if name[0] != '_']

#
# Server which is run in a process controlled by a manager
#

class Server(object):
    '''
    Server class which runs in a process controlled by a manager object
    '''

    def __init__(self, registry, address, authkey, serializer):
        self.registry = registry
        self.listener = _gilpy_mp._UnixListener(address, 16)
        self.address = self.listener.address
        self.id_to_obj = {'0': (None, ())}
        self.next_id = 1
        self.stop_event = _gilpy_mp._LocalEvent()

    def serve_forever(self):
        _gilpy_mp.start_thread(self.accepter, (), 'Thread-accepter')
        self.stop_event.wait()
        self.listener.close()

    def accepter(self):
        while True:
            try:
                c = self.listener.accept()
            except OSError:
                return
            _gilpy_mp.start_thread(self.serve_client, (c,), 'Thread-client')

    def serve_client(self, conn):
        try:
            while not self.stop_event.is_set():
                try:
                    request = _recv(conn)
                except (EOFError, OSError):
                    return
                try:
                    reply = self.handle(conn, request)
                except Exception as e:
                    reply = ('#TRACEBACK', _gilpy_mp.format_exc(e))
                if reply is None:
                    return
                try:
                    _send(conn, reply)
                except Exception as e:
                    try:
                        _send(conn, ('#UNSERIALIZABLE', _gilpy_mp.format_exc(e)))
                    except Exception:
                        return
        finally:
            conn.close()

    def handle(self, conn, request):
        kind = request[0]
        if kind == 'call':
            _, ident, methodname, args, kwds = request
            return self.call(ident, methodname, args, kwds)
        if kind == 'create':
            _, typeid, args, kwds = request
            try:
                ident, exposed = self.create(typeid, *args, **kwds)
            except Exception as e:
                return ('#ERROR', e)
            return ('#RETURN', (ident, exposed))
        if kind == 'shutdown':
            try:
                _send(conn, ('#RETURN', None))
            finally:
                self.stop_event.set()
            return None
        if kind in ('incref', 'decref', 'dummy'):
            return ('#RETURN', None)
        if kind == 'debug_info':
            return ('#RETURN', '%d objects' % (len(self.id_to_obj) - 1))
        if kind == 'number_of_objects':
            return ('#RETURN', len(self.id_to_obj) - 1)
        return ('#ERROR', ValueError('unrecognized request %r' % (kind,)))

    def call(self, ident, methodname, args, kwds):
        try:
            obj, exposed, gettypeid = self.id_to_obj[ident]
        except KeyError:
            return ('#ERROR', KeyError(ident))
        if methodname in ('__repr__', '__str__'):
            # always allowed, as CPython's fallback_mapping
            return ('#RETURN', repr(obj) if methodname == '__repr__' else str(obj))
        if methodname not in exposed:
            return ('#ERROR', AttributeError(
                'method %r of %r object is not in exposed=%r' %
                (methodname, type(obj), exposed)))
        if methodname == '#GETVALUE':
            return ('#RETURN', obj)
        try:
            function = getattr(obj, methodname)
            res = function(*args, **kwds)
        except Exception as e:
            return ('#ERROR', e)
        typeid = gettypeid and gettypeid.get(methodname, None)
        if typeid:
            rident, rexposed = self.create(typeid, res)
            token = Token(typeid, self.address, rident)
            return ('#PROXY', (rexposed, token))
        return ('#RETURN', res)

    def create(self, typeid, /, *args, **kwds):
        '''
        Create a new shared object and return its id
        '''
        callable, exposed, method_to_typeid, proxytype = self.registry[typeid]

        if callable is None:
            if kwds or (len(args) != 1):
                raise ValueError(
                    "Without callable, must have one non-keyword argument")
            obj = args[0]
        else:
            obj = callable(*args, **kwds)

        if exposed is None:
            exposed = public_methods(obj)
        if method_to_typeid is not None:
            if not isinstance(method_to_typeid, dict):
                raise TypeError(
                    "Method_to_typeid {0!r}: type {1!s}, not dict".format(
                        method_to_typeid, type(method_to_typeid)))
            exposed = list(exposed) + list(method_to_typeid)

        ident = '%x' % self.next_id
        self.next_id += 1
        self.id_to_obj[ident] = (obj, set(exposed) | {'#GETVALUE'}, method_to_typeid)
        return ident, tuple(exposed)

#
# Class to represent state of a manager
#

class State(object):
    __slots__ = ['value']
    INITIAL = 0
    STARTED = 1
    SHUTDOWN = 2

#
# Definition of BaseManager
#

def _new_address():
    return '\0gilpy-mp-%d-%s' % (_gilpy_mp.getpid(), _gilpy_mp.urandom(8).hex())


class BaseManager(object):
    '''
    Base class for managers
    '''
    _registry = {}
    _Server = Server

    def __init__(self, address=None, authkey=None, serializer='pickle',
                 ctx=None, *, shutdown_timeout=1.0):
        from . import process
        if authkey is None:
            authkey = process.current_process().authkey
        self._address = address
        self._authkey = authkey
        self._state = State()
        self._state.value = State.INITIAL
        self._serializer = serializer
        self._ctx = ctx or get_context()
        self._shutdown_timeout = shutdown_timeout
        self._process = None

    def get_server(self):
        raise NotImplementedError('get_server() is not available in gilpy')

    def connect(self):
        '''
        Connect manager object to the server process
        '''
        conn = _gilpy_mp._unix_client(self._address)
        _send(conn, ('dummy',))
        _recv(conn)
        conn.close()
        self._state.value = State.STARTED

    def start(self, initializer=None, initargs=()):
        '''
        Spawn a server process for this manager object
        '''
        if self._state.value != State.INITIAL:
            if self._state.value == State.STARTED:
                raise ProcessError("Already started server")
            elif self._state.value == State.SHUTDOWN:
                raise ProcessError("Manager has shut down")
            else:
                raise ProcessError(
                    "Unknown state {!r}".format(self._state.value))

        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')

        if self._address is None:
            self._address = _new_address()

        # pipe over which we will retrieve address of server
        reader, writer = connection.Pipe(duplex=False)

        # spawn process which runs a server
        self._process = self._ctx.Process(
            target=type(self)._run_server,
            args=(self._registry, self._address, self._authkey,
                  self._serializer, writer, initializer, initargs),
            )
        ident = ':'.join(str(i) for i in self._process._identity)
        self._process.name = type(self).__name__  + '-' + ident
        self._process.start()

        # get address of server
        writer.close()
        self._address = reader.recv()
        reader.close()

        # register a finalizer
        self._state.value = State.STARTED
        self.shutdown = util.Finalize(
            self, type(self)._finalize_manager,
            args=(self._process, self._address, self._authkey,
                  self._state, self._shutdown_timeout),
            exitpriority=0
            )

    @classmethod
    def _run_server(cls, registry, address, authkey, serializer, writer,
                    initializer=None, initargs=()):
        '''
        Create a server, report its address and run it
        '''
        if initializer is not None:
            initializer(*initargs)

        # create server
        server = cls._Server(registry, address, authkey, serializer)

        # inform parent process of the server's address
        writer.send(server.address)
        writer.close()

        server.serve_forever()

    def _create(self, typeid, /, *args, **kwds):
        '''
        Create a new shared object; return the token and exposed tuple
        '''
        assert self._state.value == State.STARTED, 'server not yet started'
        conn = _gilpy_mp._unix_client(self._address)
        try:
            _send(conn, ('create', typeid, args, kwds))
            kind, result = _recv(conn)
        finally:
            conn.close()
        if kind != '#RETURN':
            raise convert_to_error(kind, result)
        id, exposed = result
        return Token(typeid, self._address, id), exposed

    def join(self, timeout=None):
        '''
        Join the manager process (if it has been spawned)
        '''
        if self._process is not None:
            self._process.join(timeout)
            if not self._process.is_alive():
                self._process = None

    def _number_of_objects(self):
        '''
        Return the number of shared objects
        '''
        conn = _gilpy_mp._unix_client(self._address)
        try:
            _send(conn, ('number_of_objects',))
            return _recv(conn)[1]
        finally:
            conn.close()

    def __enter__(self):
        if self._state.value == State.INITIAL:
            self.start()
        if self._state.value != State.STARTED:
            raise ProcessError("Unable to start server")
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @staticmethod
    def _finalize_manager(process, address, authkey, state, shutdown_timeout):
        '''
        Shutdown the manager process; will be registered as a finalizer
        '''
        if process.is_alive():
            try:
                conn = _gilpy_mp._unix_client(address)
                try:
                    _send(conn, ('shutdown',))
                    _recv(conn)
                finally:
                    conn.close()
            except Exception:
                pass

            process.join(timeout=shutdown_timeout)
            if process.is_alive():
                if hasattr(process, 'terminate'):
                    process.terminate()
                    process.join(timeout=shutdown_timeout)
                    if process.is_alive():
                        process.kill()
                        process.join()

        state.value = State.SHUTDOWN

    @property
    def address(self):
        return self._address

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        '''
        Register a typeid with the manager type
        '''
        if '_registry' not in cls.__dict__:
            cls._registry = cls._registry.copy()

        if proxytype is None:
            proxytype = AutoProxy

        exposed = exposed or getattr(proxytype, '_exposed_', None)

        method_to_typeid = method_to_typeid or \
                           getattr(proxytype, '_method_to_typeid_', None)

        if method_to_typeid:
            for key, value in list(method_to_typeid.items()):
                assert type(key) is str, '%r is not a string' % key
                assert type(value) is str, '%r is not a string' % value

        cls._registry[typeid] = (
            callable, exposed, method_to_typeid, proxytype
            )

        if create_method:
            def temp(self, /, *args, **kwds):
                token, exp = self._create(typeid, *args, **kwds)
                proxy = proxytype(
                    token, self._serializer, manager=self,
                    authkey=self._authkey, exposed=exp
                    )
                return proxy
            temp.__name__ = typeid
            setattr(cls, typeid, temp)

#
# Definition of BaseProxy
#

class BaseProxy(object):
    '''
    A base for proxies of shared objects
    '''
    # One connection to each server per process and thread.
    _connections = {}

    def __init__(self, token, serializer, manager=None,
                 authkey=None, exposed=None, incref=True, manager_owned=False):
        self._token = token
        self._id = self._token.id
        self._manager = manager
        self._serializer = serializer
        self._authkey = authkey
        self._owned_by_manager = manager_owned

    def _connection(self):
        key = (_gilpy_mp.getpid(), _gilpy_mp.thread_ident(), self._token.address)
        conn = BaseProxy._connections.get(key)
        if conn is None:
            conn = _gilpy_mp._unix_client(self._token.address)
            BaseProxy._connections[key] = conn
        return conn

    def _callmethod(self, methodname, args=(), kwds={}):
        '''
        Try to call a method of the referent and return a copy of the result
        '''
        conn = self._connection()
        _send(conn, ('call', self._id, methodname, args, kwds))
        kind, result = _recv(conn)

        if kind == '#RETURN':
            return result
        elif kind == '#PROXY':
            exposed, token = result
            proxytype = self._manager._registry[token.typeid][-1] if self._manager else None
            if proxytype is None:
                proxytype = _proxy_types.get(token.typeid, AutoProxy)
            token.address = self._token.address
            proxy = proxytype(
                token, self._serializer, manager=self._manager,
                authkey=self._authkey, exposed=exposed
                )
            return proxy
        raise convert_to_error(kind, result)

    def _getvalue(self):
        '''
        Get a copy of the value of the referent
        '''
        return self._callmethod('#GETVALUE')

    def __reduce__(self):
        kwds = {}
        if getattr(self, '_isauto', False):
            kwds['exposed'] = self._exposed_
            return (RebuildProxy,
                    (AutoProxy, self._token, self._serializer, kwds))
        return (RebuildProxy,
                (type(self), self._token, self._serializer, kwds))

    def __deepcopy__(self, memo):
        return self._getvalue()

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % \
               (type(self).__name__, self._token.typeid, id(self))

    def __str__(self):
        '''
        Return representation of the referent (or a fall-back if that fails)
        '''
        try:
            return self._callmethod('__repr__')
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def RebuildProxy(func, token, serializer, kwds):
    '''
    Function used for unpickling proxy objects.
    '''
    return func(token, serializer, **kwds)

#
# Functions to create proxies and proxy types
#

_proxy_type_cache = {}

def MakeProxyType(name, exposed, _cache=_proxy_type_cache):
    '''
    Return a proxy type whose methods are given by `exposed`
    '''
    exposed = tuple(exposed)
    try:
        return _cache[(name, exposed)]
    except KeyError:
        pass

    dic = {}

    for meth in exposed:
        dic[meth] = _forwarder(meth)

    ProxyType = type(name, (BaseProxy,), dic)
    ProxyType._exposed_ = exposed
    _cache[(name, exposed)] = ProxyType
    return ProxyType


def _forwarder(meth):
    def method(self, /, *args, **kwds):
        return self._callmethod(meth, args, kwds)
    method.__name__ = meth
    return method


def AutoProxy(token, serializer, manager=None, authkey=None,
              exposed=None, incref=True, manager_owned=False):
    '''
    Return an auto-proxy for `token`
    '''
    if exposed is None:
        conn = _gilpy_mp._unix_client(token.address)
        try:
            _send(conn, ('call', token.id, '#GETVALUE', (), {}))
            kind, value = _recv(conn)
        finally:
            conn.close()
        exposed = public_methods(value)
    ProxyType = MakeProxyType('AutoProxy[%s]' % token.typeid, exposed)
    proxy = ProxyType(token, serializer, manager=manager, authkey=authkey,
                      incref=incref, manager_owned=manager_owned)
    proxy._isauto = True
    return proxy

#
# Types (or functions) which we will register with SyncManager
#

class Namespace(object):
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith('_'):
                temp.append('%s=%r' % (name, value))
        temp.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(temp))


class Value(object):
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)'%(type(self).__name__, self._typecode, self._value)

    value = property(get, set)


def Array(typecode, sequence, lock=True):
    return list(sequence)


class _ServerQueue(object):
    # queue.Queue for the manager's threads, when the queue module is
    # not available: a Go FIFO plus a semaphore for the bound.
    def __init__(self, maxsize=0):
        from .synchronize import Condition, Semaphore
        from .context import _default_context
        ctx = _default_context.get_context()
        self.maxsize = maxsize
        self._items = _gilpy_mp._LocalQueue()
        self._slots = Semaphore(maxsize, ctx=ctx) if maxsize > 0 else None
        self._unfinished = 0
        self._all_done = Condition(ctx=ctx)

    def put(self, item, block=True, timeout=None):
        from .queues import Full
        if self._slots is not None and not self._slots.acquire(block, timeout):
            raise Full
        with self._all_done:
            self._unfinished += 1
        self._items.put(item)

    def get(self, block=True, timeout=None):
        from .queues import Empty
        if not block:
            timeout = 0
        item = self._items.get(timeout)
        if self._slots is not None:
            self._slots.release()
        return item

    def put_nowait(self, item):
        return self.put(item, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._items.qsize()

    def empty(self):
        return self._items.qsize() == 0

    def full(self):
        return 0 < self.maxsize <= self._items.qsize()

    def task_done(self):
        with self._all_done:
            unfinished = self._unfinished - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self._all_done.notify_all()
            self._unfinished = unfinished

    def join(self):
        with self._all_done:
            while self._unfinished:
                self._all_done.wait()


try:
    import queue as _queue_module
    _Queue = _queue_module.Queue
except ImportError:
    _Queue = _ServerQueue


def _server_lock():
    from .synchronize import Lock
    from .context import _default_context
    return Lock(ctx=_default_context.get_context())


def _server_rlock():
    from .synchronize import RLock
    from .context import _default_context
    return RLock(ctx=_default_context.get_context())


def _server_semaphore(value=1):
    from .synchronize import Semaphore
    from .context import _default_context
    return Semaphore(value, ctx=_default_context.get_context())


def _server_bounded_semaphore(value=1):
    from .synchronize import BoundedSemaphore
    from .context import _default_context
    return BoundedSemaphore(value, ctx=_default_context.get_context())


def _server_condition(lock=None):
    from .synchronize import Condition
    from .context import _default_context
    return Condition(lock, ctx=_default_context.get_context())


def _server_event():
    from .synchronize import Event
    from .context import _default_context
    return Event(ctx=_default_context.get_context())


def _server_barrier(parties, action=None, timeout=None):
    from .synchronize import Barrier
    from .context import _default_context
    return Barrier(parties, action, timeout, ctx=_default_context.get_context())

#
# Proxy types used by SyncManager
#

class IteratorProxy(BaseProxy):
    _exposed_ = ('__next__', 'send', 'throw', 'close')
    def __iter__(self):
        return self
    def __next__(self, *args):
        return self._callmethod('__next__', args)
    def send(self, *args):
        return self._callmethod('send', args)
    def throw(self, *args):
        return self._callmethod('throw', args)
    def close(self, *args):
        return self._callmethod('close', args)


class AcquirerProxy(BaseProxy):
    _exposed_ = ('acquire', 'release', '__repr__')
    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod('acquire', args)
    def release(self):
        return self._callmethod('release')
    def __enter__(self):
        return self._callmethod('acquire')
    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod('release')


class ConditionProxy(AcquirerProxy):
    _exposed_ = ('acquire', 'release', 'wait', 'notify', 'notify_all', '__repr__')
    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))
    def notify(self, n=1):
        return self._callmethod('notify', (n,))
    def notify_all(self):
        return self._callmethod('notify_all')
    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        if timeout is not None:
            endtime = _gilpy_mp.monotonic() + timeout
        else:
            endtime = None
            waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - _gilpy_mp.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class EventProxy(BaseProxy):
    _exposed_ = ('is_set', 'set', 'clear', 'wait', '__repr__')
    def is_set(self):
        return self._callmethod('is_set')
    def set(self):
        return self._callmethod('set')
    def clear(self):
        return self._callmethod('clear')
    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))


class BarrierProxy(BaseProxy):
    _exposed_ = ('__getattribute__', 'wait', 'abort', 'reset', '__repr__')
    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))
    def abort(self):
        return self._callmethod('abort')
    def reset(self):
        return self._callmethod('reset')
    @property
    def parties(self):
        return self._callmethod('__getattribute__', ('parties',))
    @property
    def n_waiting(self):
        return self._callmethod('__getattribute__', ('n_waiting',))
    @property
    def broken(self):
        return self._callmethod('__getattribute__', ('broken',))


class NamespaceProxy(BaseProxy):
    _exposed_ = ('__getattribute__', '__setattr__', '__delattr__', '__repr__')
    def __getattr__(self, key):
        if key[0] == '_':
            return object.__getattribute__(self, key)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__getattribute__', (key,))
    def __setattr__(self, key, value):
        if key[0] == '_':
            return object.__setattr__(self, key, value)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__setattr__', (key, value))
    def __delattr__(self, key):
        if key[0] == '_':
            return object.__delattr__(self, key)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__delattr__', (key,))


class ValueProxy(BaseProxy):
    _exposed_ = ('get', 'set', '__repr__')
    def get(self):
        return self._callmethod('get')
    def set(self, value):
        return self._callmethod('set', (value,))
    value = property(get, set)


BaseListProxy = MakeProxyType('BaseListProxy', (
    '__add__', '__contains__', '__delitem__', '__getitem__', '__len__',
    '__mul__', '__reversed__', '__rmul__', '__setitem__',
    'append', 'count', 'extend', 'index', 'insert', 'pop', 'remove',
    'reverse', 'sort', '__imul__'
    ))
class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self
    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self


DictProxy = MakeProxyType('DictProxy', (
    '__contains__', '__delitem__', '__getitem__', '__iter__', '__len__',
    '__setitem__', 'clear', 'copy', 'get', 'items',
    'keys', 'pop', 'popitem', 'setdefault', 'update', 'values'
    ))
DictProxy._method_to_typeid_ = {
    '__iter__': 'Iterator',
    }


ArrayProxy = MakeProxyType('ArrayProxy', (
    '__len__', '__getitem__', '__setitem__'
    ))


_proxy_types = {'Iterator': IteratorProxy}

#
# Definition of SyncManager
#

class SyncManager(BaseManager):
    '''
    Subclass of `BaseManager` which supports a number of shared object types.

    The types registered are those intended for the synchronization
    of threads, plus `dict`, `list` and `Namespace`.

    The `multiprocessing.Manager()` function creates started instances of
    this class.
    '''

SyncManager.register('Queue', _Queue)
SyncManager.register('JoinableQueue', _Queue)
SyncManager.register('Event', _server_event, EventProxy)
SyncManager.register('Lock', _server_lock, AcquirerProxy)
SyncManager.register('RLock', _server_rlock, AcquirerProxy)
SyncManager.register('Semaphore', _server_semaphore, AcquirerProxy)
SyncManager.register('BoundedSemaphore', _server_bounded_semaphore,
                     AcquirerProxy)
SyncManager.register('Condition', _server_condition, ConditionProxy)
SyncManager.register('Barrier', _server_barrier, BarrierProxy)
SyncManager.register('list', list, ListProxy)
SyncManager.register('dict', dict, DictProxy)
SyncManager.register('Value', Value, ValueProxy)
SyncManager.register('Array', Array, ArrayProxy)
SyncManager.register('Namespace', Namespace, NamespaceProxy)

# types returned by methods of proxies
SyncManager.register('Iterator', proxytype=IteratorProxy, create_method=False)
