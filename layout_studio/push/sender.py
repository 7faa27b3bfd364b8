"""Sending with the journal, the rate limit and retries: one :class:`Outcome` per start, update or stop.

Starts, updates and stops go through one retry loop (:meth:`Sender.send`). Each attempt is recorded in the
journal (committed) before it leaves, then waits for its rate-limit token; an update's attempt draws a new, higher
SequenceNumber each time. When another process drew a higher number for the task while this attempt waited for
its token, the attempt's row is closed ``not-sent`` (code ``Superseded``) and a new number is drawn, so the number
sent last is the highest. Retries (exponential backoff with jitter, bounded by ``RetryPolicy.attempts`` and
``RetryPolicy.cap``) follow the failure's kind (:class:`~layout_studio.push.status.FailureKind`) and the action
(:meth:`RetryPolicy.allows`):

* update, stop: retried after ``not-sent``, ``http`` (5xx), ``unknown`` (timeout, dropped connection, malformed
  reply) and RequestLimitExceeded — an update carries the whole design, so applying it twice has the effect of
  applying it once, and the higher SequenceNumber keeps the order;
* start: retried only after ``not-sent``, ``http`` and RequestLimitExceeded; after ``unknown`` a second start
  could create a second task, so it stops and says the outcome is unknown;
* other API errors are final, and so is a request cancelled (Ctrl-C in a batch) while it waited for its token.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding
from ..secrets import mask_secrets, mask_text
from .client import TrtcClient
from .errors import PushError
from .journal import START, STOP, UPDATE, Journal
from .ratelimit import RateLimiter
from .status import AttemptStatus, FailureKind, OutcomeStatus


@dataclass
class RetryPolicy:
    """``attempts`` in all (>= 1); the n-th retry waits ``min(cap, base * 2**n)`` seconds times a jitter in
    [0.5, 1]."""

    attempts: int = 4
    base: float = 0.5
    cap: float = 8.0

    def delay(self, retry: int) -> float:
        """Seconds to wait before retry number ``retry`` (0-based)."""
        return float(min(self.cap, self.base * (2**retry)) * (0.5 + random.random() / 2))

    @staticmethod
    def allows(action: str, err: PushError) -> bool:
        """True when an attempt of ``action`` that failed with ``err`` may be tried again (module docstring)."""
        if not err.retryable or err.code == "Cancelled":
            return False
        return not (action == START and err.kind is FailureKind.UNKNOWN)


@dataclass
class Outcome:
    """The result of one start, update or stop (after its retries).

    ``status``: an :class:`~layout_studio.push.status.OutcomeStatus` — ``ok``, ``error`` (refused by the API),
    ``not-sent``, ``unknown`` (may have applied), ``skipped`` (a batch found the design already applied) or
    ``dry-run``. ``request``: the last request, masked. ``findings``: the validator's findings for the body
    (warnings and infos; errors refuse before sending).
    """

    action: str
    task_id: str | None
    status: OutcomeStatus
    request_id: str | None = None
    error: PushError | None = None
    sequence_number: int | None = None
    attempts: int = 0
    journal_ids: list[int] = field(default_factory=list)
    request: dict[str, Any] | None = None
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.status = OutcomeStatus(self.status)

    @property
    def ok(self) -> bool:
        """True when the API accepted the request (or nothing needed sending)."""
        return self.status.ok

    def to_dict(self) -> dict[str, Any]:
        """JSON shape for reports (no secrets: the error text is masked at its source)."""
        return {
            "task_id": self.task_id,
            "action": self.action,
            "status": self.status.value,
            "request_id": self.request_id,
            "sequence_number": self.sequence_number,
            "attempts": self.attempts,
            "journal_ids": self.journal_ids,
            "error": self.error.to_dict() if self.error else None,
        }


class Sender:
    """Sends through ``client`` with ``journal``, ``limiter`` and ``retry``; ``secrets`` are extra values to mask
    in any recorded text. ``sleep`` is injectable for tests; ``cancelled`` says when waiting requests must not
    leave."""

    def __init__(
        self,
        client: TrtcClient,
        journal: Journal,
        *,
        limiter: RateLimiter | None = None,
        retry: RetryPolicy | None = None,
        secrets: Sequence[str] = (),
        sleep: Callable[[float], None] = time.sleep,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> None:
        self.client = client
        self.journal = journal
        self.limiter = limiter or RateLimiter()
        self.retry = retry or RetryPolicy()
        self.secrets = [s for s in [*secrets, *client.secrets] if s]
        self._sleep = sleep
        self._cancelled = cancelled

    # -- the three actions ----------------------------------------------------------------------------------
    def update(
        self,
        task_id: str,
        body: dict[str, Any],
        *,
        preset_name: str | None = None,
        design_hash: str | None = None,
        region: str | None = None,
        sdk_app_id: int | None = None,
        batch_id: str | None = None,
        note: str | None = None,
    ) -> Outcome:
        """UpdatePublishCdnStream ``body`` (its SequenceNumber is drawn per attempt) to ``task_id``."""
        base = {k: v for k, v in body.items() if k != "SequenceNumber"}
        meta = dict(
            preset_name=preset_name,
            design_hash=design_hash,
            region=region,
            sdk_app_id=sdk_app_id,
            batch_id=batch_id,
            note=note,
        )
        return self.send(UPDATE, task_id, base, meta)

    def start(
        self,
        body: dict[str, Any],
        *,
        preset_name: str | None = None,
        design_hash: str | None = None,
        region: str | None = None,
        sdk_app_id: int | None = None,
    ) -> Outcome:
        """StartPublishCdnStream ``body``; ``Outcome.task_id`` is the TaskId the API returned."""
        meta = dict(preset_name=preset_name, design_hash=design_hash, region=region, sdk_app_id=sdk_app_id)
        return self.send(START, None, body, meta)

    def stop(
        self, task_id: str, body: dict[str, Any], *, region: str | None = None, sdk_app_id: int | None = None
    ) -> Outcome:
        """StopPublishCdnStream ``body`` for ``task_id``."""
        return self.send(STOP, task_id, body, dict(region=region, sdk_app_id=sdk_app_id))

    # -- the retry loop -------------------------------------------------------------------------------------
    def send(self, action: str, task_id: str | None, body: dict[str, Any], meta: dict[str, Any]) -> Outcome:
        """Send ``body`` as ``action`` (to ``task_id``; None for a start) with retries; ``meta`` are the journal
        row's keyword fields (preset_name, design_hash, region, sdk_app_id, batch_id, note)."""
        out = Outcome(action, task_id, OutcomeStatus.UNKNOWN)
        for attempt in range(self.retry.attempts):
            row_id, sent = self._record(action, task_id, body, meta, out)
            out.attempts = attempt + 1
            out.journal_ids.append(row_id)
            out.request = mask_secrets(sent)
            out.sequence_number = sent.get("SequenceNumber")
            reply, err = self._attempt(action, row_id, sent)
            if err is None:
                self._settle(row_id, reply, None, task_id)
                out.status, out.error, out.request_id = OutcomeStatus.OK, None, reply.get("RequestId")
                if task_id is None:
                    out.task_id = reply.get("TaskId")
                return out
            self._settle(row_id, None, err, task_id)
            out.status = OutcomeStatus.of(err.kind.attempt_status)
            out.error, out.request_id = err, err.request_id
            if attempt + 1 >= self.retry.attempts or not self.retry.allows(action, err):
                return out
            self._sleep(self.retry.delay(attempt))
        return out

    def _record(
        self, action: str, task_id: str | None, body: dict[str, Any], meta: dict[str, Any], out: Outcome
    ) -> tuple[int, dict[str, Any]]:
        """Record one attempt (committed) and wait for its rate-limit token; returns (row id, body to send).

        An update draws its SequenceNumber here; if another process drew a higher one while this attempt waited,
        this row is closed ``not-sent`` (``Superseded``, its id added to ``out.journal_ids``) and a new number is
        drawn."""
        if action != UPDATE or task_id is None:
            row_id = self.journal.record(action, body, task_id=task_id, **meta)
            self.limiter.acquire(action)
            return row_id, body
        row_id, seq = self.journal.reserve_update(task_id, body, **meta)
        self.limiter.acquire(action)
        if self.journal.highest_sequence(task_id) != seq and not self._cancelled():
            # the API would refuse this lower number: it never leaves, and a new, highest one is drawn
            self.journal.finish(
                row_id,
                AttemptStatus.NOT_SENT,
                error_code="Superseded",
                error_message="another push of this task drew a higher SequenceNumber first",
            )
            out.journal_ids.append(row_id)
            row_id, seq = self.journal.reserve_update(task_id, body, **meta)
        return row_id, dict(body, SequenceNumber=seq)

    def _attempt(self, action: str, row_id: int, body: dict[str, Any]) -> tuple[dict[str, Any], PushError | None]:
        """Send once (unless cancelled); returns (reply, None) or ({}, the masked error). A BaseException while
        the request is in flight (Ctrl-C) closes the row ``unknown`` and is re-raised."""
        if self._cancelled():  # interrupted while waiting for the rate limit: this request never leaves
            return {}, PushError(
                FailureKind.NOT_SENT, "Cancelled", "the run was interrupted before this request left", action=action
            )
        try:
            return self.client.call(action, body), None
        except PushError as err:
            err.message = mask_text(err.message, self.secrets)
            err.code = mask_text(err.code, self.secrets)
            return {}, err
        except BaseException:
            self.journal.finish(
                row_id,
                AttemptStatus.UNKNOWN,
                error_code="Interrupted",
                error_message="interrupted while the request was in flight",
            )
            raise

    def _settle(self, row_id: int, reply: dict[str, Any] | None, err: PushError | None, task_id: str | None) -> None:
        if err is None:
            reply = reply or {}
            self.journal.finish(
                row_id, AttemptStatus.OK, task_id=reply.get("TaskId") or task_id, request_id=reply.get("RequestId")
            )
        else:
            self.journal.finish(
                row_id,
                err.kind.attempt_status,
                request_id=err.request_id,
                error_code=err.code,
                error_message=mask_text(err.message, self.secrets),
            )
