"""High-level support for working with threads in asyncio."""

__all__ = "to_thread",

import contextvars

from . import events


async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) in a separate thread of the default
    executor, in a copy of the current context; return its result."""
    loop = events.get_running_loop()
    ctx = contextvars.copy_context()

    def func_call():
        return ctx.run(func, *args, **kwargs)

    return await loop.run_in_executor(None, func_call)
