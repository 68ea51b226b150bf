"""The socket module: _socket's sockets as Python objects with context
manager support, accept() returning sockets, and the helper functions
create_connection, create_server and socketpair."""

import _socket
from _socket import *

import os
import sys

__all__ = ["fromfd", "getfqdn", "create_connection", "create_server",
           "has_dualstack_ipv6", "AddressFamily", "SocketKind"]
__all__.extend(n for n in dir(_socket) if not n.startswith('_'))

EBADF = 9
EAGAIN = 11
EWOULDBLOCK = 11


class _IntConstant(int):
    """An int that knows its name, shown like an IntEnum member."""

    _members = {}

    def __new__(cls, name, value):
        self = int.__new__(cls, value)
        self._name_ = name
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)

    def __repr__(self):
        return f'<{type(self).__name__}.{self._name_}: {int(self)}>'

    __str__ = int.__repr__

    def __format__(self, spec):
        return int.__format__(int(self), spec)

    def __reduce__(self):
        return int, (int(self),)


class AddressFamily(_IntConstant):
    _members = {}


class SocketKind(_IntConstant):
    _members = {}


class MsgFlag(_IntConstant):
    _members = {}


class AddressInfo(_IntConstant):
    _members = {}


def _convert(cls, prefix):
    g = globals()
    for name in dir(_socket):
        if name.startswith(prefix) and isinstance(getattr(_socket, name), int):
            value = getattr(_socket, name)
            if value in cls._members:
                g[name] = cls._members[value]
                continue
            member = cls(name, value)
            cls._members[value] = member
            g[name] = member


_convert(AddressFamily, 'AF_')
_convert(SocketKind, 'SOCK_')
_convert(MsgFlag, 'MSG_')
_convert(AddressInfo, 'AI_')


def _intenum_converter(value, enum_klass):
    return enum_klass._members.get(value, value)


class socket(_socket.socket):
    """A subclass of _socket.socket adding the context manager protocol,
    and accept() that returns socket objects."""

    __slots__ = ["__weakref__", "_io_refs", "_closed"]

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, '_closed', False)
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" \
            % (self.__class__.__module__,
               self.__class__.__qualname__,
               " [closed]" if closed else "",
               self.fileno(),
               self.family,
               self.type,
               self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % str(laddr)
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % str(raddr)
            except OSError:
                pass
        s += '>'
        return s

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def dup(self):
        """Duplicate the socket: a new socket object on a new descriptor."""
        fd = os.dup(self.fileno()) if hasattr(os, 'dup') else None
        if fd is None:
            return _socket.socket.dup(self)
        sock = self.__class__(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """accept() -> (socket object, address info)"""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *,
                 encoding=None, errors=None, newline=None):
        """Return a file object for the socket (through a duplicate of its
        descriptor, so closing one does not close the other)."""
        import io
        raw_mode = ''.join(c for c in mode if c in 'rwb')
        fd = os.dup(self.fileno())
        binary = 'b' in mode
        return io.open(fd, raw_mode.replace('b', '') + ('b' if binary else ''),
                       buffering=-1 if buffering is None else buffering,
                       encoding=encoding, errors=errors, newline=newline)

    def _real_close(self, _ss=_socket.socket):
        _ss.close(self)

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        """Close the socket object without closing the descriptor, and
        return the descriptor."""
        self._closed = True
        return super().detach()

    @property
    def family(self):
        """Read-only access to the address family for this socket."""
        return _intenum_converter(super().family, AddressFamily)

    @property
    def type(self):
        """Read-only access to the socket type."""
        return _intenum_converter(super().type, SocketKind)


def fromfd(fd, family, type, proto=0):
    """Create a socket object from a duplicate of the given descriptor."""
    nfd = os.dup(fd)
    return socket(family, type, proto, nfd)


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """Return a pair of connected socket objects (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    a = socket(family, type, proto, a.detach())
    b = socket(family, type, proto, b.detach())
    return a, b


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    """Connect to address (host, port), trying each address getaddrinfo
    gives, and return the socket."""
    host, port = address
    exceptions = []
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except error as exc:
            if not all_errors:
                exceptions.clear()
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if len(exceptions):
        try:
            if not all_errors:
                raise exceptions[0]
            raise ExceptionGroup("create_connection failed", exceptions)
        finally:
            exceptions.clear()
    else:
        raise error("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    """Whether an AF_INET6 socket can accept IPv4 too (it can on Linux)."""
    return True


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """Create a TCP server socket bound to address and listening."""
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6 and family != AF_INET6:
        raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        if os.name not in ('nt', 'cygwin'):
            try:
                sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
            except error:
                pass
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except error as err:
            msg = '%s (while attempting to bind on address %r)' % \
                (err.strerror, address)
            raise error(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolve host and port into a list of 5-tuples
    (family, type, proto, canonname, sockaddr)."""
    addrlist = []
    for res in _socket.getaddrinfo(host, port, family, type, proto, flags):
        af, socktype, proto, canonname, sa = res
        addrlist.append((_intenum_converter(af, AddressFamily),
                         _intenum_converter(socktype, SocketKind),
                         proto, canonname, sa))
    return addrlist


def getfqdn(name=''):
    """Get fully qualified domain name from name (the local host's by
    default)."""
    name = name.strip()
    if not name or name in ('0.0.0.0', '::'):
        name = gethostname()
    return name
