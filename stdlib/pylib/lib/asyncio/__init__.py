"""The asyncio package: an event loop with CPython's scheduling order,
coroutines, tasks, synchronization primitives, queues, streams and
subprocesses. The loop, Future and Task are implemented in Go
(_asyncio); the rest is here."""

import sys

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .runners import *
from .queues import *
from .tasks import *
from .taskgroups import *
from .timeouts import *
from .threads import *
from .unix_events import *

# Streams, subprocesses and the protocol/transport classes are imported
# on first use (module __getattr__ below): gilpy compiles the library when
# it is imported, and most programs need none of them.
_LAZY = {
    'protocols': ('BaseProtocol', 'Protocol', 'DatagramProtocol',
                  'SubprocessProtocol', 'BufferedProtocol'),
    'streams': ('StreamReader', 'StreamWriter', 'StreamReaderProtocol',
                'open_connection', 'start_server',
                'open_unix_connection', 'start_unix_server'),
    'subprocess': ('create_subprocess_exec', 'create_subprocess_shell'),
    'transports': ('BaseTransport', 'ReadTransport', 'WriteTransport',
                   'Transport', 'DatagramTransport', 'SubprocessTransport'),
}
_LAZY_NAMES = {name: mod for mod, names in _LAZY.items() for name in names}


def __getattr__(name):
    mod = _LAZY_NAMES.get(name)
    if mod is not None:
        value = getattr(__import__(f'{__name__}.{mod}', None, None, ['_']), name)
        globals()[name] = value
        return value
    if name in _LAZY:
        return __import__(f'{__name__}.{name}', None, None, ['_'])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = (base_events.__all__ +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           locks.__all__ +
           _LAZY['protocols'] +
           runners.__all__ +
           queues.__all__ +
           _LAZY['streams'] +
           _LAZY['subprocess'] +
           tasks.__all__ +
           timeouts.__all__ +
           threads.__all__ +
           _LAZY['transports'] +
           unix_events.__all__)
