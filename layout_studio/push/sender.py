"""Sending with the journal, the rate limit and retries: one :class:`Outcome` per start, update or stop.

Every attempt is recorded in the journal (committed) before it leaves; an update's attempt draws a new, higher
SequenceNumber each time. When another process drew a higher number for the task while this attempt waited for
its rate-limit token, the attempt's row is closed ``not-sent`` (code ``Superseded``) and a new number is drawn,
so the number sent last is the highest. Retries (exponential backoff with jitter, bounded by ``RetryPolicy.attempts``
and ``RetryPolicy.cap``) follow the failure's kind (:mod:`layout_studio.push.errors`):

* update, stop: retried after ``not-sent``, ``http`` (5xx), ``unknown`` (timeout, dropped connection, malformed
  reply) and RequestLimitExceeded — an update carries the whole design, so applying it twice has the effect of
  applying it once, and the higher SequenceNumber keeps the order;
* start: retried only after ``not-sent``, ``http`` and RequestLimitExceeded; after ``unknown`` a second start
  could create a second task, so it stops and says the outcome is unknown;
* other API errors are final.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..secrets import mask_secrets, mask_text
from .client import TrtcClient
from .errors import PushError
from .journal import START, STOP, UPDATE, Journal
from .ratelimit import RateLimiter

_STATUS = {"api": "error", "not-sent": "not-sent", "http": "unknown", "unknown": "unknown"}


@dataclass
class RetryPolicy:
    """``attempts`` in all (>= 1); the n-th retry waits ``min(cap, base * 2**n)`` seconds times a jitter in
    [0.5, 1]."""

    attempts: int = 4
    base: float = 0.5
    cap: float = 8.0

    def delay(self, retry: int) -> float:
        """Seconds to wait before retry number ``retry`` (0-based)."""
        return min(self.cap, self.base * (2**retry)) * (0.5 + random.random() / 2)


@dataclass
class Outcome:
    """The result of one start, update or stop (after its retries).

    ``status``: ``ok``, ``error`` (refused by the API), ``not-sent``, ``unknown`` (may have applied),
    ``skipped`` (a batch found the design already applied) or ``dry-run``. ``request``: the last request, masked.
    ``findings``: the validator's findings for the body (warnings and infos; errors refuse before sending).
    """

    action: str
    task_id: str | None
    status: str
    request_id: str | None = None
    error: PushError | None = None
    sequence_number: int | None = None
    attempts: int = 0
    journal_ids: list[int] = field(default_factory=list)
    request: dict[str, Any] | None = None
    findings: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the API accepted the request (or nothing needed sending)."""
        return self.status in ("ok", "skipped", "dry-run")

    def to_dict(self) -> dict[str, Any]:
        """JSON shape for reports (no secrets: the error text is masked at its source)."""
        return {
            "task_id": self.task_id,
            "action": self.action,
            "status": self.status,
            "request_id": self.request_id,
            "sequence_number": self.sequence_number,
            "attempts": self.attempts,
            "journal_ids": self.journal_ids,
            "error": self.error.to_dict() if self.error else None,
        }


class Sender:
    """Sends through ``client`` with ``journal``, ``limiter`` and ``retry``; ``secrets`` are extra values to mask
    in any recorded text. ``sleep`` is injectable for tests."""

    def __init__(
        self,
        client: TrtcClient,
        journal: Journal,
        *,
        limiter: RateLimiter | None = None,
        retry: RetryPolicy | None = None,
        secrets: list[str] = (),
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

    def _attempt(
        self, action: str, row_id: int, body: dict[str, Any], *, waited: bool = False
    ) -> tuple[dict | None, PushError | None]:
        if not waited:
            self.limiter.acquire(action)
        if self._cancelled():  # interrupted while waiting for the rate limit: this request never leaves
            return None, PushError(
                "not-sent", "Cancelled", "the run was interrupted before this request left", action=action
            )
        try:
            return self.client.call(action, body), None
        except PushError as err:
            err.message = mask_text(err.message, self.secrets)
            err.code = mask_text(err.code, self.secrets)
            return None, err
        except BaseException:
            self.journal.finish(
                row_id, "unknown", error_code="Interrupted", error_message="interrupted while the request was in flight"
            )
            raise

    def _settle(self, row_id: int, reply: dict | None, err: PushError | None, task_id: str | None) -> None:
        if err is None:
            self.journal.finish(row_id, "ok", task_id=reply.get("TaskId") or task_id, request_id=reply.get("RequestId"))
        else:
            self.journal.finish(
                row_id,
                _STATUS[err.kind],
                request_id=err.request_id,
                error_code=err.code,
                error_message=mask_text(err.message, self.secrets),
            )

    def _may_retry(self, action: str, err: PushError) -> bool:
        if not err.retryable or err.code == "Cancelled":
            return False
        return not (action == START and err.kind == "unknown")

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
        out = Outcome(UPDATE, task_id, "unknown")
        base = {k: v for k, v in body.items() if k != "SequenceNumber"}
        meta = dict(
            preset_name=preset_name,
            design_hash=design_hash,
            region=region,
            sdk_app_id=sdk_app_id,
            batch_id=batch_id,
            note=note,
        )
        for attempt in range(self.retry.attempts):
            row_id, seq = self.journal.reserve_update(task_id, base, **meta)
            self.limiter.acquire(UPDATE)
            if self.journal.highest_sequence(task_id) != seq and not self._cancelled():
                # another process drew a higher number while this one waited for its token: the API would
                # refuse this lower one, so it never leaves and a new, highest number is drawn
                self.journal.finish(
                    row_id,
                    "not-sent",
                    error_code="Superseded",
                    error_message="another push of this task drew a higher SequenceNumber first",
                )
                out.journal_ids.append(row_id)
                row_id, seq = self.journal.reserve_update(task_id, base, **meta)
            send = dict(base, SequenceNumber=seq)
            out.attempts, out.sequence_number = attempt + 1, seq
            out.journal_ids.append(row_id)
            out.request = mask_secrets(send)
            reply, err = self._attempt(UPDATE, row_id, send, waited=True)
            self._settle(row_id, reply, err, task_id)
            if err is None:
                out.status, out.request_id, out.error = "ok", reply.get("RequestId"), None
                return out
            out.status, out.error, out.request_id = _STATUS[err.kind], err, err.request_id
            if attempt + 1 >= self.retry.attempts or not self._may_retry(UPDATE, err):
                return out
            self._sleep(self.retry.delay(attempt))
        return out

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
        return self._simple(
            START, None, body, preset_name=preset_name, design_hash=design_hash, region=region, sdk_app_id=sdk_app_id
        )

    def stop(
        self, task_id: str, body: dict[str, Any], *, region: str | None = None, sdk_app_id: int | None = None
    ) -> Outcome:
        """StopPublishCdnStream ``body`` for ``task_id``."""
        return self._simple(STOP, task_id, body, region=region, sdk_app_id=sdk_app_id)

    def _simple(self, action: str, task_id: str | None, body: dict[str, Any], **meta: Any) -> Outcome:
        out = Outcome(action, task_id, "unknown", request=mask_secrets(body))
        for attempt in range(self.retry.attempts):
            row_id = self.journal.record(action, body, task_id=task_id, **meta)
            out.attempts = attempt + 1
            out.journal_ids.append(row_id)
            reply, err = self._attempt(action, row_id, body)
            self._settle(row_id, reply, err, task_id)
            if err is None:
                out.status, out.error = "ok", None
                out.request_id = reply.get("RequestId")
                out.task_id = reply.get("TaskId") or task_id
                return out
            out.status, out.error, out.request_id = _STATUS[err.kind], err, err.request_id
            if attempt + 1 >= self.retry.attempts or not self._may_retry(action, err):
                return out
            self._sleep(self.retry.delay(attempt))
        return out
