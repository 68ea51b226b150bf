"""Selector event loop for Unix."""

__all__ = (
    'SelectorEventLoop',
    'DefaultEventLoopPolicy',
)

from . import events
from . import selector_events


class _UnixSelectorEventLoop(selector_events.BaseSelectorEventLoop):
    """Unix event loop."""

    def __init__(self, selector=None):
        super().__init__(selector)


class _UnixDefaultEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    """UNIX event loop policy."""
    _loop_factory = _UnixSelectorEventLoop

    def get_child_watcher(self):
        return None

    def set_child_watcher(self, watcher):
        pass


SelectorEventLoop = _UnixSelectorEventLoop
DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
