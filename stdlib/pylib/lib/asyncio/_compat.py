"""Fallbacks for the few general-purpose modules asyncio uses, so that it
works before (or without) them: a deque and heap functions; and lazy()
for modules only some programs need (sockets), which keeps `import
asyncio` cheap: gilpy compiles the library at import time."""


class lazy:
    """A module imported on first attribute access."""

    def __init__(self, name):
        self._lazy_name = name
        self._lazy_mod = None

    def __getattr__(self, attr):
        mod = self._lazy_mod
        if mod is None:
            mod = self._lazy_mod = __import__(self._lazy_name, None, None, ['_'])
        return getattr(mod, attr)

try:
    from collections import deque
except ImportError:                     # pragma: no cover
    class deque:
        """A list with an O(1) popleft (enough for waiter queues)."""

        def __init__(self, items=()):
            self._items = list(items)
            self._head = 0

        def _compact(self):
            if self._head > 32 and self._head * 2 > len(self._items):
                del self._items[:self._head]
                self._head = 0

        def append(self, x):
            self._items.append(x)

        def appendleft(self, x):
            if self._head:
                self._head -= 1
                self._items[self._head] = x
            else:
                self._items.insert(0, x)

        def popleft(self):
            if self._head >= len(self._items):
                raise IndexError('pop from an empty deque')
            x = self._items[self._head]
            self._items[self._head] = None
            self._head += 1
            self._compact()
            return x

        def pop(self):
            if self._head >= len(self._items):
                raise IndexError('pop from an empty deque')
            return self._items.pop()

        def remove(self, x):
            for i in range(self._head, len(self._items)):
                if self._items[i] is x or self._items[i] == x:
                    del self._items[i]
                    return
            raise ValueError('deque.remove(x): x not in deque')

        def clear(self):
            self._items = []
            self._head = 0

        def __len__(self):
            return len(self._items) - self._head

        def __bool__(self):
            return len(self._items) > self._head

        def __iter__(self):
            return iter(self._items[self._head:])

        def __getitem__(self, i):
            return self._items[self._head:][i]

        def __contains__(self, x):
            return x in self._items[self._head:]

        def __repr__(self):
            return f'deque({self._items[self._head:]!r})'

try:
    from heapq import heappush, heappop
except ImportError:                     # pragma: no cover
    def heappush(heap, item):
        heap.append(item)
        pos = len(heap) - 1
        while pos > 0:
            parent = (pos - 1) >> 1
            if heap[pos] < heap[parent]:
                heap[pos], heap[parent] = heap[parent], heap[pos]
                pos = parent
            else:
                break

    def heappop(heap):
        last = heap.pop()
        if not heap:
            return last
        top = heap[0]
        heap[0] = last
        n = len(heap)
        pos = 0
        while True:
            child = 2 * pos + 1
            if child >= n:
                break
            if child + 1 < n and heap[child + 1] < heap[child]:
                child += 1
            if heap[child] < heap[pos]:
                heap[pos], heap[child] = heap[child], heap[pos]
                pos = child
            else:
                break
        return top
