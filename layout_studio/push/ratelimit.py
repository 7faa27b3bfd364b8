"""Rate limit: at most ``rate`` requests of one API in any sliding one-second window *as the server sees them*,
shared by every thread and process that writes the same journal.

Each action of the task APIs (:mod:`layout_studio.push.apis`) accepts at most 20 requests a second (``API
StartPublishCdnStream``, ``API UpdatePublishCdnStream``, ``API StopPublishCdnStream``; ``API CreateCloudRecording``
and the pages of the other cloud recording and stream ingest actions), so the budget is kept per action. Spacing
requests 1/20 s apart at the client is not enough: the network delays each one differently, and 21 can arrive within one
second. The rule here holds whatever the delays (Layout Studio assumption, proved in the tests against a server
that enforces the limit with jitter):

* every request takes a **slot** just before it leaves (its ``sent_at``); when its reply comes, the slot records
  that time as ``arrived_by``: the server saw the request at or before it. A request still in flight has no
  ``arrived_by`` (it may arrive any time); one that timed out keeps the slot for one more timeout; one that never
  left (connection refused, cancelled) gives the slot back;
* a new request may leave at ``t`` only when fewer than ``limit`` (the whole part of ``rate``) earlier slots of its
  API may have arrived after ``t - 1 s`` (in flight, or ``arrived_by > t - 1 s``), and at least ``1 / rate`` s after
  the last one left. So any one-second window at the server holds the newest request in it and fewer than
  ``limit`` others: at most ``limit``.

The price is one round trip per ``limit`` requests: with replies after ``L`` seconds, ``limit / (1 + L)``
requests a second at most (about 19 a second for L = 50 ms).

Slots live in the journal's ``rate_slots`` table (:class:`JournalSlots`), so processes sharing a journal share
the budget; a process killed with a request in flight has its slot closed by the next process that looks (its
pid is gone). Times are ``time.monotonic()``, one clock for every process of the machine; slots of an earlier boot
are dropped. :class:`MemorySlots` keeps them in memory (one process).
"""

from __future__ import annotations

import contextlib
import math
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .journal import Journal

#: The documented limit of each API action, requests per second.
API_RATE_LIMIT = 20.0
#: The sliding window the server counts in, seconds.
WINDOW = 1.0
#: Added to the window for rounding between clocks of one machine, seconds.
MARGIN = 0.002
#: How often a request blocked only by requests in flight looks again, seconds.
POLL = 0.005
#: A slot in flight longer than this is taken as arrived (a reused pid cannot hold the budget forever), seconds.
MAX_IN_FLIGHT = 3600.0


@dataclass(frozen=True)
class Slot:
    """One request's place in the budget: ``sent_at`` (monotonic s), ``arrived_by`` (monotonic s, or None while
    in flight)."""

    sent_at: float
    arrived_by: float | None


def wait_before(slots: Sequence[Slot], now: float, rate: float) -> float | None:
    """Seconds to wait before one more request may leave at ``rate`` given the earlier ``slots`` of its API (0: now;
    None: only a reply to a request in flight can free a place — look again soon). See the module docstring."""
    limit = max(1, math.floor(rate))
    earliest = now
    if slots:
        earliest = max(earliest, max(s.sent_at for s in slots) + 1.0 / rate)
    blocking = [s for s in slots if s.arrived_by is None or s.arrived_by > now - WINDOW - MARGIN]
    excess = len(blocking) - limit + 1
    if excess > 0:
        frees = sorted(s.arrived_by + WINDOW + MARGIN for s in blocking if s.arrived_by is not None)
        if len(frees) < excess:
            return None
        earliest = max(earliest, frees[excess - 1])
    return max(0.0, earliest - now)


class SlotStore(Protocol):
    """Where the slots of the budget are kept."""

    def slots(self, action: str, now: float) -> list[Slot]:
        """The slots of ``action`` that may still matter at ``now``."""

    def take(self, action: str, rate: float, now: float) -> int | None:
        """Atomically: a new slot at ``now`` when :func:`wait_before` allows it (its id), else None."""

    def settle(self, slot: int, arrived_by: float | None) -> None:
        """Record the reply time of ``slot``, or give it back (None: the request never left)."""


class MemorySlots:
    """Slots in this process's memory."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._slots: dict[int, tuple[str, Slot]] = {}
        self._next = 0

    def slots(self, action: str, now: float) -> list[Slot]:
        with self._lock:
            for key, (_, slot) in list(self._slots.items()):
                if slot.arrived_by is not None and slot.arrived_by < now - 2 * WINDOW:
                    del self._slots[key]
            return [s for a, s in self._slots.values() if a == action]

    def take(self, action: str, rate: float, now: float) -> int | None:
        with self._lock:
            if wait_before([s for a, s in self._slots.values() if a == action], now, rate) != 0:
                return None
            self._next += 1
            self._slots[self._next] = (action, Slot(now, None))
            return self._next

    def settle(self, slot: int, arrived_by: float | None) -> None:
        with self._lock:
            if slot in self._slots:
                action, old = self._slots[slot]
                if arrived_by is None:
                    del self._slots[slot]
                else:
                    self._slots[slot] = (action, Slot(old.sent_at, arrived_by))


def boot_id() -> str:
    """An identifier of this boot of the machine (monotonic times of two boots cannot be compared)."""
    with contextlib.suppress(OSError):
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    return str(round((time.time() - time.monotonic()) / 60))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


class JournalSlots:
    """Slots in the journal's ``rate_slots`` table: shared by the processes that write ``journal``."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.boot = boot_id()
        self.pid = os.getpid()

    def slots(self, action: str, now: float) -> list[Slot]:
        rows = self.journal.query(
            "SELECT sent_at, arrived_by FROM rate_slots WHERE action = ? AND boot = ? "
            "AND (arrived_by IS NULL OR arrived_by > ?)",
            (action, self.boot, now - 2 * WINDOW),
        )
        return [Slot(float(r[0]), None if r[1] is None else float(r[1])) for r in rows]

    def take(self, action: str, rate: float, now: float) -> int | None:
        with self.journal.transaction("write the rate budget of") as db:
            db.execute(
                "DELETE FROM rate_slots WHERE boot != ? OR sent_at > ? OR arrived_by < ?",
                (self.boot, now + WINDOW, now - 2 * WINDOW),
            )
            for row in db.execute(
                "SELECT id, pid, sent_at FROM rate_slots WHERE arrived_by IS NULL AND pid != ?", (self.pid,)
            ).fetchall():
                if not _alive(int(row[1])) or now - float(row[2]) > MAX_IN_FLIGHT:
                    db.execute("UPDATE rate_slots SET arrived_by = ? WHERE id = ?", (now, row[0]))
            rows = db.execute("SELECT sent_at, arrived_by FROM rate_slots WHERE action = ?", (action,)).fetchall()
            slots = [Slot(float(r[0]), None if r[1] is None else float(r[1])) for r in rows]
            if wait_before(slots, now, rate) != 0:
                return None
            cur = db.execute(
                "INSERT INTO rate_slots (action, sent_at, arrived_by, pid, boot) VALUES (?, ?, NULL, ?, ?)",
                (action, now, self.pid, self.boot),
            )
            return int(cur.lastrowid or 0)

    def settle(self, slot: int, arrived_by: float | None) -> None:
        with self.journal.transaction("write the rate budget of") as db:
            if arrived_by is None:
                db.execute("DELETE FROM rate_slots WHERE id = ?", (slot,))
            else:
                db.execute("UPDATE rate_slots SET arrived_by = ? WHERE id = ?", (arrived_by, slot))


class RateLimiter:
    """The budget of ``rate`` requests a second per API (float, > 0), kept in ``store`` (default: this process's
    memory). :meth:`acquire` blocks until a request may leave and returns its slot; :meth:`release` records the
    reply. Safe to share between threads."""

    def __init__(
        self,
        rate: float = API_RATE_LIMIT,
        store: SlotStore | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not rate > 0:
            raise ValueError(f"rate must be > 0 requests per second, got {rate}")
        self.rate = float(rate)
        self.store: SlotStore = store if store is not None else MemorySlots()
        self._clock = clock
        self._sleep = sleep
        self._locks: dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()

    def _lock(self, action: str) -> threading.Lock:
        with self._locks_lock:
            return self._locks.setdefault(action, threading.Lock())

    def acquire(self, action: str, cancelled: Callable[[], bool] = lambda: False) -> int | None:
        """Block until one request of ``action`` may leave; return its slot (None when ``cancelled()`` turned
        true first: the request must not leave)."""
        with self._lock(action):  # one thread of this process waits at a time; the others queue behind it
            while True:
                if cancelled():
                    return None
                now = self._clock()
                wait = wait_before(self.store.slots(action, now), now, self.rate)
                if wait == 0:
                    slot = self.store.take(action, self.rate, self._clock())
                    if slot is not None:
                        return slot
                    wait = POLL  # another process took the place first
                self._sleep(POLL if wait is None else min(wait, 0.25))

    def release(self, slot: int, arrived_by: float | None) -> None:
        """Record that the request of ``slot`` was answered at ``arrived_by`` (monotonic s), or never left (None)."""
        self.store.settle(slot, arrived_by)

    def now(self) -> float:
        """The limiter's clock (monotonic seconds)."""
        return self._clock()
