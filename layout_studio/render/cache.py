"""A small least-recently-used cache for rendered pieces (scaled cards, masks, watermark tiles, fetched images).

Keys are tuples describing everything a piece depends on (source, crop, size, mode, colours), never the position
on the canvas, so moving a region re-uses its tile. Counters ``hits``/``misses`` help the benchmark and tests.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable, Hashable


class LRUCache:
    """At most ``maxsize`` entries; the least recently used is dropped first."""

    def __init__(self, maxsize: int = 256) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get_or_make(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The cached value for ``key``, else ``make()`` stored under ``key``."""
        try:
            value = self._data[key]
        except KeyError:
            self.misses += 1
            value = make()
            self._data[key] = value
            if len(self._data) > self.maxsize:
                self._data.popitem(last=False)
            return value
        self.hits += 1
        self._data.move_to_end(key)
        return value

    def clear(self) -> None:
        """Forget every entry (counters too)."""
        self._data.clear()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._data)
