"""SequenceNumber of UpdatePublishCdnStream: strictly increasing for each task, across runs, processes, machines.

The SequenceNumber of each update of a task must be higher than the previous one, otherwise the update fails
(``SDK models.UpdatePublishCdnStreamRequest.SequenceNumber``, ``API StartPublishCdnStream (usage notes)``). The
rule here is

    SequenceNumber = max(last SequenceNumber sent for the task + 1, current Unix time in milliseconds)

The first term makes it increase within one journal even when the clock steps back; the second makes it increase
across machines and journals (whose clocks agree to within the gap between two updates). The journal
(:mod:`layout_studio.push.journal`) evaluates the rule and records the number in one ``BEGIN IMMEDIATE``
transaction, committed before the request leaves, so two processes can never draw the same number and a crash or
a timeout can never make the next request reuse one.
"""

from __future__ import annotations

import time

#: The API's SequenceNumber is an Integer (``SDK models.UpdatePublishCdnStreamRequest.SequenceNumber``: int);
#: keep within a signed 64-bit value.
MAX_SEQUENCE = 2**63 - 1


def now_ms() -> int:
    """Current Unix time in milliseconds."""
    return time.time_ns() // 1_000_000


def next_sequence(last: int | None, now: int | None = None) -> int:
    """The SequenceNumber after ``last`` (None when the task never had one here) at Unix time ``now`` (ms)."""
    current = now_ms() if now is None else int(now)
    candidate = current if last is None else max(int(last) + 1, current)
    if candidate > MAX_SEQUENCE:
        raise OverflowError("SequenceNumber would exceed a 64-bit integer")
    return candidate
