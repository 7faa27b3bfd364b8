"""Client-side rate limit: a thread-safe token bucket per API action.

Each of StartPublishCdnStream, UpdatePublishCdnStream and StopPublishCdnStream accepts at most 20 requests a
second (``API StartPublishCdnStream``, ``API UpdatePublishCdnStream``, ``API StopPublishCdnStream``). The bucket
holds at most ``burst`` tokens (default 1, so requests are spaced evenly, 1/rate apart, and no one-second window
ever holds more than ``rate`` of them) and refills at ``rate`` tokens a second. The limit is per process: several
processes pushing to the same account add up (the server then answers RequestLimitExceeded, which is retried).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

#: The documented limit of each of the three APIs, requests per second.
API_RATE_LIMIT = 20.0


class TokenBucket:
    """``rate`` tokens a second (float, > 0), at most ``burst`` (>= 1) stored. :meth:`acquire` blocks until a
    token is free and returns the time waited in seconds. Safe to share between threads."""

    def __init__(
        self,
        rate: float = API_RATE_LIMIT,
        burst: int = 1,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be > 0 requests per second, got {rate}")
        if burst < 1:
            raise ValueError(f"burst must be >= 1, got {burst}")
        self.rate = float(rate)
        self.burst = int(burst)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._tokens = float(burst)
        self._stamp = clock()

    def _reserve(self) -> float:
        """Take a token (possibly going into debt); return how long the caller must wait before using it."""
        with self._lock:
            now = self._clock()
            self._tokens = min(float(self.burst), self._tokens + (now - self._stamp) * self.rate)
            self._stamp = now
            self._tokens -= 1.0
            if self._tokens >= 0:
                return 0.0
            return -self._tokens / self.rate

    def acquire(self) -> float:
        """Block until the caller may send one request; return the seconds waited."""
        wait = self._reserve()
        if wait > 0:
            self._sleep(wait)
        return wait


class RateLimiter:
    """One :class:`TokenBucket` per API action, created on first use, all with the same ``rate`` and ``burst``."""

    def __init__(self, rate: float = API_RATE_LIMIT, burst: int = 1) -> None:
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, TokenBucket] = {}
        self._lock = threading.Lock()

    def bucket(self, action: str) -> TokenBucket:
        """The bucket of ``action`` (for example ``UpdatePublishCdnStream``)."""
        with self._lock:
            if action not in self._buckets:
                self._buckets[action] = TokenBucket(self.rate, self.burst)
            return self._buckets[action]

    def acquire(self, action: str) -> float:
        """Block until one request of ``action`` may be sent; return the seconds waited."""
        return self.bucket(action).acquire()
