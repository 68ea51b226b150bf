"""Recognising coroutines and coroutine functions."""

__all__ = 'iscoroutinefunction', 'iscoroutine'

import sys

import _asyncio

# A marker for functions wrapped so that asyncio treats them as coroutine
# functions (kept for compatibility with code that sets it).
_is_coroutine = object()

_CO_COROUTINE = 0x0080
_CO_ITERABLE_COROUTINE = 0x0100


def _has_code_flag(func, flag):
    while hasattr(func, '__wrapped__') and not hasattr(func, '__code__'):
        func = func.__wrapped__
    if hasattr(func, '__func__'):
        func = func.__func__
    inner = getattr(func, 'func', None)
    if inner is not None and type(func).__name__ == 'partial':
        return _has_code_flag(inner, flag)
    code = getattr(func, '__code__', None)
    return code is not None and bool(code.co_flags & flag)


def iscoroutinefunction(func):
    """Whether func is an async def function (or marked as one)."""
    return (_has_code_flag(func, _CO_COROUTINE) or
            getattr(func, '_is_coroutine', None) is _is_coroutine)


def iscoroutine(obj):
    """Whether obj is a coroutine (or implements the Coroutine ABC)."""
    return _asyncio._iscoroutine(obj)


def _format_coroutine(coro):
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None) \
        or f'<{type(coro).__name__} without __name__>'
    name = f'{name}()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        running = getattr(coro, 'cr_running', getattr(coro, 'gi_running', False))
        return f'{name} running' if running else name
    frame = getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None)
    filename = code.co_filename or '<empty co_filename>'
    if frame is not None:
        return f'{name} running at {filename}:{frame.f_lineno}'
    return f'{name} done, defined at {filename}:{code.co_firstlineno}'
