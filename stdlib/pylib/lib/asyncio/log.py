"""The 'asyncio' logger.

CPython logs through logging.getLogger('asyncio'). When the program has
not imported logging, nothing can have configured it, and the record
would go to logging's last-resort handler, which prints the message and
the traceback to stderr: this module does exactly that without importing
logging. Once the program imports logging, records go through it.
"""

import sys

import _asyncio


class _Logger:
    name = 'asyncio'

    def _real(self):
        logging = sys.modules.get('logging')
        if logging is None or not hasattr(logging, 'getLogger'):
            return None
        return logging.getLogger('asyncio')

    def _emit(self, level, msg, args, exc_info):
        real = self._real()
        if real is not None:
            getattr(real, level)(msg, *args, exc_info=exc_info)
            return
        if level in ('debug', 'info'):
            return
        if args:
            msg = msg % args
        text = msg + '\n'
        if exc_info:
            if exc_info is True:
                exc = sys.exception()
            elif isinstance(exc_info, BaseException):
                exc = exc_info
            else:
                exc = exc_info[1]
            if exc is not None:
                text += _asyncio._format_exception(exc)
        err = sys.stderr
        if err is not None:
            err.write(text)

    def debug(self, msg, *args, exc_info=False, **kw):
        self._emit('debug', msg, args, exc_info)

    def info(self, msg, *args, exc_info=False, **kw):
        self._emit('info', msg, args, exc_info)

    def warning(self, msg, *args, exc_info=False, **kw):
        self._emit('warning', msg, args, exc_info)

    def error(self, msg, *args, exc_info=False, **kw):
        self._emit('error', msg, args, exc_info)

    def exception(self, msg, *args, exc_info=True, **kw):
        self._emit('error', msg, args, exc_info)

    def critical(self, msg, *args, exc_info=False, **kw):
        self._emit('critical', msg, args, exc_info)

    def isEnabledFor(self, level):
        real = self._real()
        return real.isEnabledFor(level) if real is not None else level >= 30


logger = _Logger()
