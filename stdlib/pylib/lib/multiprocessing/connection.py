#
# gilpy's multiprocessing.connection: Pipe(), wait(), Listener and Client.
# Connection is implemented in Go (_gilpy_mp.Connection): pipes, socket
# pairs and sockets with CPython's length-prefixed message framing; the
# authentication handshake is CPython's (HMAC-MD5 challenges), so a gilpy
# client can talk to a CPython listener and back.
#

__all__ = ['Client', 'Listener', 'Pipe', 'wait']

import _gilpy_mp

from . import context
from .context import AuthenticationError, BufferTooShort

BUFSIZE = 8192
# A very generous timeout when it comes to local connections...
CONNECTION_TIMEOUT = 20.

families = ['AF_INET', 'AF_UNIX']
default_family = 'AF_UNIX'

Connection = _gilpy_mp.Connection

_counter = [0]


def arbitrary_address(family):
    '''
    Return an arbitrary free address for the given family
    '''
    if family == 'AF_INET':
        return ('localhost', 0)
    elif family == 'AF_UNIX':
        _counter[0] += 1
        return '\0gilpy-listener-%d-%d-%s' % (_gilpy_mp.getpid(), _counter[0],
                                             _gilpy_mp.urandom(4).hex())
    else:
        raise ValueError('unrecognized family')


def _validate_family(family):
    if family == 'AF_PIPE':
        raise ValueError('Family %s is not recognized.' % family)
    if family not in families:
        raise ValueError('Family %s is not recognized.' % family)


def address_type(address):
    '''
    Return the types of the address

    This can be 'AF_INET', 'AF_UNIX', or 'AF_PIPE'
    '''
    if type(address) == tuple:
        return 'AF_INET'
    elif type(address) is str and address.startswith('\\\\'):
        return 'AF_PIPE'
    elif type(address) is str:
        return 'AF_UNIX'
    else:
        raise ValueError('address type of %r unrecognized' % address)


class Listener(object):
    '''
    Returns a listener object.

    This is a wrapper for a bound socket which is 'listening' for
    connections, or for a Windows named pipe.
    '''
    def __init__(self, address=None, family=None, backlog=1, authkey=None):
        family = family or (address and address_type(address)) \
                 or default_family
        address = address or arbitrary_address(family)

        _validate_family(family)
        if family == 'AF_INET':
            self._listener = _gilpy_mp._inet_listener(address, backlog)
        else:
            self._listener = _gilpy_mp._UnixListener(address, backlog)
        self._family = family
        self._path = address if family == 'AF_UNIX' and not address.startswith('\0') else None
        self._last_accepted = None

        if authkey is not None and not isinstance(authkey, bytes):
            raise TypeError('authkey should be a byte string')

        self._authkey = authkey

    def accept(self):
        '''
        Accept a connection on the bound socket or named pipe of `self`.

        Returns a `Connection` object.
        '''
        if self._listener is None:
            raise OSError('listener is closed')
        c = self._listener.accept()
        if self._authkey:
            deliver_challenge(c, self._authkey)
            answer_challenge(c, self._authkey)
        return c

    def close(self):
        '''
        Close the bound socket or named pipe of `self`.
        '''
        listener = self._listener
        if listener is not None:
            self._listener = None
            listener.close()
            if self._path is not None:
                try:
                    import os
                    os.unlink(self._path)
                except OSError:
                    pass

    @property
    def address(self):
        return self._listener.address

    @property
    def last_accepted(self):
        return self._last_accepted

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


def Client(address, family=None, authkey=None):
    '''
    Returns a connection to the address of a `Listener`
    '''
    family = family or address_type(address)
    _validate_family(family)
    if family == 'AF_INET':
        c = _gilpy_mp._inet_client(address)
    else:
        c = _gilpy_mp._unix_client(address)

    if authkey is not None and not isinstance(authkey, bytes):
        raise TypeError('authkey should be a byte string')

    if authkey is not None:
        answer_challenge(c, authkey)
        deliver_challenge(c, authkey)

    return c

#
# Authentication stuff
#

MESSAGE_LENGTH = 20

CHALLENGE = b'#CHALLENGE#'
WELCOME = b'#WELCOME#'
FAILURE = b'#FAILURE#'


def deliver_challenge(connection, authkey):
    if not isinstance(authkey, bytes):
        raise ValueError(
            "Authkey must be bytes, not {0!s}".format(type(authkey)))
    message = _gilpy_mp.urandom(MESSAGE_LENGTH)
    connection.send_bytes(CHALLENGE + message)
    digest = _gilpy_mp._hmac_md5(authkey, message)
    response = connection.recv_bytes(256)        # reject large message
    if response == digest:
        connection.send_bytes(WELCOME)
    else:
        connection.send_bytes(FAILURE)
        raise AuthenticationError('digest received was wrong')


def answer_challenge(connection, authkey):
    if not isinstance(authkey, bytes):
        raise ValueError(
            "Authkey must be bytes, not {0!s}".format(type(authkey)))
    message = connection.recv_bytes(256)         # reject large message
    assert message[:len(CHALLENGE)] == CHALLENGE, 'message = %r' % message
    message = message[len(CHALLENGE):]
    digest = _gilpy_mp._hmac_md5(authkey, message)
    connection.send_bytes(digest)
    response = connection.recv_bytes(256)        # reject large message
    if response != WELCOME:
        raise AuthenticationError('digest sent was rejected')


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
