"""A small least-recently-used cache for rendered pieces (scaled cards, masks, watermark tiles, fetched images).

Keys are tuples describing everything a piece depends on (source, crop, size, mode, colours), never the position on the
canvas, so moving a region re-uses its tile. The cache is bounded by a number of entries and, optionally, by the bytes
of the images its values hold (``max_bytes``): the studio keeps one Renderer for a whole session and every resize makes
a new tile, so a count alone would let a few hundred full-canvas tiles pile up to gigabytes. The newest entry is always
kept, even when it alone is over the budget. Counters ``hits``/``misses`` help the benchmark and tests; ``nbytes`` is
what the entries hold now.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from PIL import Image


def weigh(value: Any) -> int:
    """Bytes of the PIL images in ``value`` (an image, or tuples/lists holding some); other values weigh 0."""
    if isinstance(value, Image.Image):
        return value.width * value.height * len(value.getbands())
    if isinstance(value, (tuple, list)):
        return sum(weigh(v) for v in value)
    return 0


class LRUCache:
    """At most ``maxsize`` entries and (when set) ``max_bytes`` of images; the least recently used goes first."""

    def __init__(self, maxsize: int = 256, *, max_bytes: int | None = None) -> None:
        self.maxsize = maxsize
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._sizes: dict[Hashable, int] = {}
        self.nbytes = 0
        self.hits = 0
        self.misses = 0

    def get_or_make(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The cached value for ``key``, else ``make()`` stored under ``key``.

        Safe to call from several threads (the studio may start a render while an abandoned one still runs):
        the bookkeeping is locked, ``make()`` runs outside the lock, and an entry two threads made at once is
        stored and counted once."""
        with self._lock:
            if key in self._data:
                self.hits += 1
                self._data.move_to_end(key)
                return self._data[key]
            self.misses += 1
        value = make()
        size = weigh(value)
        with self._lock:
            self.nbytes += size - self._sizes.get(key, 0)
            self._data[key] = value
            self._data.move_to_end(key)
            self._sizes[key] = size
            while len(self._data) > 1 and (
                len(self._data) > self.maxsize or (self.max_bytes is not None and self.nbytes > self.max_bytes)
            ):
                old, _ = self._data.popitem(last=False)
                self.nbytes -= self._sizes.pop(old)
        return value

    def discard_if(self, predicate: Callable[[Any], bool]) -> int:
        """Drop every entry whose value satisfies ``predicate``; returns how many were dropped."""
        with self._lock:
            doomed = [key for key, value in self._data.items() if predicate(value)]
            for key in doomed:
                del self._data[key]
                self.nbytes -= self._sizes.pop(key)
        return len(doomed)

    def clear(self) -> None:
        """Forget every entry (counters too)."""
        with self._lock:
            self._data.clear()
            self._sizes.clear()
            self.nbytes = 0
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._data)
