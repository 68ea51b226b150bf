"""Set handlers for asynchronous events (gilpy).

The functions and constants come from _signal (written in Go). As in
CPython, the signal numbers and handler constants are IntEnum members
(Signals, Handlers, Sigmasks) when the enum module can be imported; they
print as plain integers either way.
"""

import _signal
from _signal import *

try:
    from enum import IntEnum as _IntEnum
except ImportError:
    _IntEnum = None


def _members(accept):
    found = [(name, value) for name, value in vars(_signal).items() if accept(name)]
    # The first name of a number is the member, the others its aliases.
    found.sort(key=lambda nv: (nv[1], nv[0]))
    return found


if _IntEnum is not None:
    try:
        Signals = _IntEnum('Signals', _members(
            lambda n: n.isupper() and n.startswith('SIG') and not n.startswith('SIG_')),
            module=__name__)
        Handlers = _IntEnum('Handlers', _members(lambda n: n in ('SIG_DFL', 'SIG_IGN')),
                            module=__name__)
        Sigmasks = _IntEnum('Sigmasks', _members(
            lambda n: n in ('SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK')), module=__name__)
    except Exception:
        _IntEnum = None
    else:
        for _enum in (Signals, Handlers, Sigmasks):
            globals().update(_enum.__members__)
        del _enum


def _int_to_enum(value, enum_klass):
    # A handler is returned as a Handlers member when it is one of them.
    if _IntEnum is None or not isinstance(value, int):
        return value
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers) if _IntEnum else handler


signal.__doc__ = _signal.signal.__doc__


def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers) if _IntEnum else handler


def strsignal(signalnum):
    return _signal.strsignal(signalnum)


def valid_signals():
    if _IntEnum is None:
        return _signal.valid_signals()
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}


del _members
