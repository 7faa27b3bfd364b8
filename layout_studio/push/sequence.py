"""SequenceNumber of UpdatePublishCdnStream: strictly increasing at the server for each task, across threads,
processes and journals of one machine.

The SequenceNumber of each update of a task must be higher than the previous one, otherwise the update fails
(``SDK models.UpdatePublishCdnStreamRequest.SequenceNumber``, ``API StartPublishCdnStream (usage notes)``). The
rule here is

    SequenceNumber = max(last SequenceNumber drawn for the task + 1, current Unix time in milliseconds)

where "last drawn" is the highest of the journal's numbers for the task and the number the task's lease file
holds (the highest drawn on this machine, whatever the journal: :mod:`layout_studio.push.lease`). The first term
makes it increase when the clock steps back; the second makes it increase across machines (whose clocks agree to
within the gap between two updates).

Drawing a number and sending it are one critical section per task: the sender holds the task's lease from before
the number is drawn until the request and its retries are settled (:mod:`layout_studio.push.sender`), so nothing
sent later from this machine carries a lower number. The journal records the number in a ``BEGIN IMMEDIATE``
transaction committed before the request leaves, so a crash or a timeout can never make the next request reuse one.
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
