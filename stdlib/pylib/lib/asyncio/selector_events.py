"""Event loop with I/O readiness callbacks (add_reader/add_writer in
the Go core, backed by epoll): sockets, transports and servers."""

__all__ = 'BaseSelectorEventLoop',

from . import base_events


class BaseSelectorEventLoop(base_events.BaseEventLoop):
    """Selector event loop."""

    def __init__(self, selector=None):
        super().__init__()
