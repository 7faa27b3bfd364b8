"""Sending with the task's lease, the journal, the rate budget and retries: one :class:`Outcome` per start, update
or stop of any task API (:mod:`layout_studio.push.apis`: mixing, cloud recording, stream ingest), and per describe.

Starts, updates and stops go through one retry loop (:meth:`Sender.send`), inside the lease of their task (a
start: of its room and robot; :mod:`layout_studio.push.lease`), held until the last attempt is settled. Under the
lease, rows of the task left ``pending`` by a process that died are closed ``unknown`` (``Outcome.interrupted``).
Each attempt is then recorded in the journal (committed) before it leaves — an update's with a new SequenceNumber
above every number drawn for the task on this machine — takes its place in the rate budget
(:mod:`layout_studio.push.ratelimit`), is sent, and its outcome recorded (the journal is waited for when another
process holds it: :mod:`layout_studio.push.journalfile`). So nothing sent later for a task carries a lower number.

Retries (exponential backoff with jitter, bounded by ``RetryPolicy.attempts`` and ``RetryPolicy.cap``) follow the
failure's kind (:class:`~layout_studio.push.status.FailureKind`) and the action (:meth:`RetryPolicy.allows`):

* update, stop: retried after ``not-sent``, ``http`` (5xx), ``unknown`` (timeout, dropped connection, malformed
  reply) and RequestLimitExceeded — an update carries the whole design, so applying it twice has the effect of
  applying it once, and the higher SequenceNumber keeps the order;
* start (StartPublishCdnStream, CreateCloudRecording, StartStreamIngest): sent at most once unless the client is
  certain the attempt did not start anything: retried only after
  ``not-sent`` (the connection was never made) and RequestLimitExceeded (the API refused it). After ``http`` (a
  gateway's 502/504 can come after the API acted) or ``unknown`` a second start could create a second task: the
  outcome is unknown and the journal keeps the start unresolved (:meth:`~layout_studio.push.journal.Journal.
  unresolved_starts`);
* a stop retried after an attempt whose outcome is unknown, answered with its API's code for a task that is gone
  (``ResourceNotFound``; ``FailedOperation.TaskFinished`` for an ingest: :attr:`~layout_studio.push.apis.TaskApi.
  gone`), was most probably done by that attempt: the outcome is ``ok`` with the note "stopped (probably by the
  first attempt)" — also when that attempt was the last of an earlier stop command (the task's newest row);
* other API errors are final, and so is a request cancelled (Ctrl-C in a batch) while it waited for the budget.

Ctrl-C in a single command (the request sent from the main thread) while a request is in flight: it has left, so
the first Ctrl-C waits for its reply (:meth:`Sender._call`), which is recorded and reported as usual, and nothing
else leaves (no retry, no next request of the session); a second Ctrl-C stops waiting — the row is closed
``unknown`` (``Interrupted``) and what to check is said (for a start: the unresolved start's advice).

A describe (:meth:`Sender.ask`) changes nothing: it takes its place in the rate budget and is retried like an update,
but is not recorded in the journal. No error text needs masking here: the client registers every secret of a body
before it leaves, and a :class:`~layout_studio.push.errors.PushError` and the journal's connection redact their
texts with the run's secret registry (:mod:`layout_studio.redaction`).
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..secrets import mask_secrets
from . import lease as leases
from .apis import START, STOP, api_of, is_start, is_stop, start_target
from .client import TrtcClient
from .errors import PushError
from .journal import UPDATE, Journal, JournalError
from .outcome import Outcome
from .ratelimit import RateLimiter
from .status import AttemptStatus, FailureKind, OutcomeStatus

__all__ = ["LEASE_WAIT", "Outcome", "RetryPolicy", "Sender"]

#: How long a start, update or stop waits for another sender of the same task, seconds (a batch holds a task for
#: one request and its retries).
LEASE_WAIT = 300.0
#: The note of a stop whose retry found the task gone.
PROBABLY_STOPPED = "stopped (probably by the first attempt)"


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
        return not is_start(action) or err.kind in (FailureKind.NOT_SENT, FailureKind.API)


def lease_key(action: str, task_id: str | None, body: dict[str, Any]) -> str:
    """The lease a request of ``action`` is sent under: its task's, or for a start its room and robot's (a
    recording's or an ingest's start: with its action, so that starts of different APIs do not wait for each
    other)."""
    if task_id is not None:
        return leases.task_key(task_id)
    return leases.start_key(*start_target(body), action=None if action == START else action)


def abandoned(action: str, body: dict[str, Any], row_id: int) -> str:
    """What to know about a request of ``action`` abandoned while in flight (journal row ``row_id``)."""
    if is_start(action):
        from .starts import unknown_start_advice

        return unknown_start_advice(body, row_id, action)
    return (
        f"the {action} request had left: its outcome is unknown (journal #{row_id}); check the task (see "
        "`layout-studio history`) before sending again"
    )


def _gone(action: str, err: PushError) -> bool:
    """True when ``err`` says the task a stop of ``action`` was for no longer exists."""
    api = api_of(action)
    return api is not None and err.code in api.gone


class Sender:
    """Sends through ``client`` with ``journal``, ``limiter`` and ``retry``. ``sleep`` is injectable for tests;
    ``cancelled`` says when waiting requests must not leave; ``lease_wait`` is how long to wait for another sender
    of the same task (s) and ``on_wait(text)`` is told when that happens; ``interrupted`` is set by a first Ctrl-C
    while a request of the main thread is in flight (nothing else leaves)."""

    def __init__(
        self,
        client: TrtcClient,
        journal: Journal,
        *,
        limiter: RateLimiter | None = None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        cancelled: Callable[[], bool] = lambda: False,
        lease_wait: float | None = LEASE_WAIT,
        on_wait: Callable[[str], None] | None = None,
        interrupted: threading.Event | None = None,
    ) -> None:
        self.client = client
        self.journal = journal
        self.limiter = limiter or RateLimiter()
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._cancelled = cancelled
        self.lease_wait = lease_wait
        self.on_wait = on_wait
        #: Set by a first Ctrl-C while a request of the main thread was in flight: nothing else leaves.
        self.interrupted = interrupted if interrupted is not None else threading.Event()

    # -- the mixing actions ---------------------------------------------------------------------------------
    def update(self, task_id: str, body: dict[str, Any], *, lease: leases.Lease | None = None, **meta: Any) -> Outcome:
        """UpdatePublishCdnStream ``body`` (its SequenceNumber is drawn per attempt) to ``task_id``. ``meta``:
        the journal row's preset_name, design_hash, region, sdk_app_id, batch_id, note. ``lease``: the task's,
        when the caller holds it already."""
        base = {k: v for k, v in body.items() if k != "SequenceNumber"}
        return self.send(UPDATE, task_id, base, meta, lease=lease)

    def start(self, body: dict[str, Any], *, lease: leases.Lease | None = None, **meta: Any) -> Outcome:
        """StartPublishCdnStream ``body``; ``Outcome.task_id`` is the TaskId the API returned. ``meta``:
        preset_name, design_hash, region, sdk_app_id."""
        return self.send(START, None, body, meta, lease=lease)

    def stop(self, task_id: str, body: dict[str, Any], *, lease: leases.Lease | None = None, **meta: Any) -> Outcome:
        """StopPublishCdnStream ``body`` for ``task_id`` (``meta``: region, sdk_app_id)."""
        return self.send(STOP, task_id, body, meta, lease=lease)

    # -- the lease ------------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def leased(self, key: str, *, wait: float | None = None) -> Iterator[leases.Lease]:
        """Hold the lease ``key`` (waiting at most ``wait`` s, default ``lease_wait``); raises
        :class:`~layout_studio.push.lease.LeaseBusy`."""

        def told(pid: int | None) -> None:
            if self.on_wait is not None:
                holder = f"process {pid}" if pid else "another process"
                self.on_wait(f"{key.split(':', 1)[0]} {key.split(':', 1)[1]} is being sent to by {holder}: waiting")

        with leases.held(
            key, wait=self.lease_wait if wait is None else wait, cancelled=self._cancelled, on_wait=told
        ) as held:
            yield held

    # -- the retry loop -------------------------------------------------------------------------------------
    def send(
        self,
        action: str,
        task_id: str | None,
        body: dict[str, Any],
        meta: dict[str, Any],
        *,
        lease: leases.Lease | None = None,
    ) -> Outcome:
        """Send ``body`` as ``action`` (to ``task_id``; None for a start) with retries, under the lease (taken
        here unless given). Another sender holding the lease longer than ``lease_wait``: ``not-sent``
        (``TaskBusy``). Raises :class:`JournalError` when the journal refuses the first record (nothing sent)."""
        if lease is not None:
            return self._send(action, task_id, body, meta, lease)
        key = lease_key(action, task_id, body)
        try:
            with self.leased(key) as held:
                return self._send(action, task_id, body, meta, held)
        except leases.LeaseBusy as busy:
            what = f"task {task_id}" if task_id else "a start for this room and robot"
            err = PushError(FailureKind.NOT_SENT, "TaskBusy", f"{what}: {busy}", action=action)
            return Outcome(action, task_id, OutcomeStatus.NOT_SENT, error=err)

    def _send(
        self, action: str, task_id: str | None, body: dict[str, Any], meta: dict[str, Any], lease: leases.Lease
    ) -> Outcome:
        out = Outcome(action, task_id, OutcomeStatus.UNKNOWN)
        if task_id is not None:
            out.interrupted = self.journal.take_over(task_id)
        lost_rows = self._unknown_stops(action, task_id)  # attempts whose outcome is unknown (earlier ones too)
        earlier = lost_rows[-1] if lost_rows else None
        for attempt in range(self.retry.attempts):
            if attempt and self.interrupted.is_set():  # Ctrl-C during the last attempt: no retry
                return out
            try:
                row_id, sent = self._record(action, task_id, body, meta, lease)
            except JournalError as problem:
                if attempt == 0:
                    raise  # nothing left: the caller reports the journal
                out.journal_error = str(problem)
                return out
            out.attempts = attempt + 1
            out.journal_ids.append(row_id)
            out.request = mask_secrets(sent)
            out.sequence_number = sent.get("SequenceNumber")
            try:
                reply, err = self._attempt(action, row_id, sent)
            except JournalError as problem:  # the rate budget could not be written: this attempt never left
                if attempt == 0:
                    raise
                out.journal_error = str(problem)
                return out
            self._settle(row_id, reply, err, task_id, out)
            if err is None:
                out.status, out.error, out.request_id = OutcomeStatus.OK, None, reply.get("RequestId")
                if task_id is None:
                    out.task_id = reply.get("TaskId")
                return out
            out.status = OutcomeStatus.of(err.kind.attempt_status)
            out.error, out.request_id = err, err.request_id
            if is_stop(action) and lost_rows and _gone(action, err):
                out.status, out.note = OutcomeStatus.OK, PROBABLY_STOPPED
                if attempt == 0 and earlier is not None:
                    out.note = f"stopped (probably by an earlier stop, #{earlier}, whose outcome was unknown)"
                with contextlib.suppress(JournalError):  # the outcome stands; the journal says how it was settled
                    self.journal.resolve(lost_rows, f"stopped: the task was gone at the next attempt (#{row_id})")
                return out
            if err.kind.attempt_status is AttemptStatus.UNKNOWN:
                lost_rows.append(row_id)
            if attempt + 1 >= self.retry.attempts or not self.retry.allows(action, err):
                return out
            self._sleep(self.retry.delay(attempt))
        return out

    def _unknown_stops(self, action: str, task_id: str | None) -> list[int]:
        """The ids of the task's newest journal rows, oldest first, while they are stops of ``action`` whose
        outcome is unknown (an earlier stop whose replies were all lost, or that was killed in flight)."""
        if not is_stop(action) or task_id is None:
            return []
        found: list[int] = []
        for entry in reversed(self.journal.entries(task_id, limit=20)):
            if entry.action != action or entry.status != AttemptStatus.UNKNOWN:
                break
            found.insert(0, entry.id)
        return found

    def _record(
        self, action: str, task_id: str | None, body: dict[str, Any], meta: dict[str, Any], lease: leases.Lease
    ) -> tuple[int, dict[str, Any]]:
        """Record one attempt (committed); returns (row id, body to send). An update draws its SequenceNumber here,
        above every number drawn for the task in this journal and on this machine (``lease.sequence``)."""
        if action != UPDATE or task_id is None:
            return self.journal.record(action, body, task_id=task_id, **meta), body
        row_id, seq = self.journal.reserve_update(task_id, body, above=lease.sequence, **meta)
        lease.drew(seq)
        return row_id, dict(body, SequenceNumber=seq)

    def ask(self, action: str, task_id: str, body: dict[str, Any]) -> Outcome:
        """Send the describe ``body`` as ``action`` (about ``task_id``) with retries, not recorded in the journal;
        ``Outcome.reply`` is the reply's Response object on success."""
        out = Outcome(action, task_id, OutcomeStatus.UNKNOWN, request=mask_secrets(body))
        for attempt in range(self.retry.attempts):
            out.attempts = attempt + 1
            reply, err = self._attempt(action, None, body)
            if err is None:
                out.status, out.error, out.request_id, out.reply = OutcomeStatus.OK, None, reply.get("RequestId"), reply
                return out
            out.status, out.error, out.request_id = OutcomeStatus.of(err.kind.attempt_status), err, err.request_id
            if attempt + 1 >= self.retry.attempts or not self.retry.allows(action, err):
                return out
            self._sleep(self.retry.delay(attempt))
        return out

    def _attempt(
        self, action: str, row_id: int | None, body: dict[str, Any]
    ) -> tuple[dict[str, Any], PushError | None]:
        """Take a place in the rate budget, send once, give the place back with the reply's time; returns (reply,
        None) or ({}, the error). Cancelled while waiting for the budget: nothing leaves. A
        BaseException while the request is in flight (Ctrl-C) closes the row ``unknown`` (``row_id`` None: a
        describe, not recorded) and is re-raised."""
        try:
            slot = self.limiter.acquire(action, self._cancelled)
        except JournalError as problem:  # the journal cannot keep the rate budget: it never leaves
            if row_id is not None:
                self._finish(row_id, AttemptStatus.NOT_SENT, error_code="JournalError", error_message=str(problem))
            raise
        except BaseException:  # Ctrl-C while waiting for the budget: it never left
            if row_id is not None:
                self._finish(row_id, AttemptStatus.NOT_SENT, error_code="Cancelled", error_message="interrupted")
            raise
        if slot is None or self._cancelled() or self.interrupted.is_set():  # interrupted: it never leaves
            if slot is not None:
                self.limiter.release(slot, None)
            return {}, PushError(
                FailureKind.NOT_SENT, "Cancelled", "the run was interrupted before this request left", action=action
            )
        arrived_by: float | None = self.limiter.now() + self.client.timeout  # unless settled below
        try:
            reply = self._call(action, body)
            arrived_by = self.limiter.now()
            return reply, None
        except PushError as err:
            arrived_by = self._arrived_by(err)
            return {}, err
        except BaseException:
            if row_id is not None:
                self._finish(
                    row_id,
                    AttemptStatus.UNKNOWN,
                    error_code="Interrupted",
                    error_message="interrupted while the request was in flight",
                )
                self._tell(abandoned(action, body, row_id))
            raise
        finally:
            # The request left: a journal that cannot note the reply time in the rate budget must not lose the
            # reply (the slot then counts as in flight until this process ends; the row's outcome is recorded,
            # or the journal's problem reported, by _settle).
            with contextlib.suppress(JournalError):
                self.limiter.release(slot, arrived_by)

    def _call(self, action: str, body: dict[str, Any]) -> dict[str, Any]:
        """``client.call(action, body)``. In the main thread (a single command) the call runs in a helper thread:
        the request has left, so a first Ctrl-C waits for its reply (saying so; :attr:`interrupted` is set, so
        nothing else leaves) and only a second one abandons it (KeyboardInterrupt). A batch's workers call
        directly: its main thread handles Ctrl-C (:mod:`layout_studio.push.batch`)."""
        if threading.current_thread() is not threading.main_thread():
            return self.client.call(action, body)
        box: dict[str, Any] = {}
        done = threading.Event()

        def run() -> None:
            try:
                box["reply"] = self.client.call(action, body)
            except BaseException as err:  # handed to the main thread
                box["error"] = err
            finally:
                done.set()
                self.client.close_thread_session()  # this thread ends: its pooled connection must not stay open

        threading.Thread(target=run, name=f"{action} in flight", daemon=True).start()
        while not done.is_set():
            try:
                done.wait(0.1)  # short waits: an interrupted Thread.join can leave the thread looking finished
            except KeyboardInterrupt:
                if self.interrupted.is_set():
                    raise
                self.interrupted.set()
                self._tell(
                    f"interrupted: waiting for the reply to the {action} request in flight (at most "
                    f"{self.client.timeout:g} s) so that its outcome is known; nothing else will be sent. Press "
                    "Ctrl-C again to stop waiting (its outcome is then unknown)"
                )
        if "error" in box:
            raise box["error"]
        return dict(box["reply"])

    def _tell(self, text: str) -> None:
        if self.on_wait is not None:
            self.on_wait(text)

    def _arrived_by(self, err: PushError) -> float | None:
        """When the server saw a request that failed with ``err`` at the latest (None: it never left). A request
        without a reply may still reach the server for a while after the client stopped waiting."""
        if err.kind is FailureKind.NOT_SENT:
            return None
        now = self.limiter.now()
        return now + self.client.timeout if err.code == "Timeout" else now

    def _finish(self, row_id: int, status: AttemptStatus, **fields: Any) -> str | None:
        """Record the outcome of row ``row_id``; returns the journal's error text when it cannot (after waiting
        for another process as long as the journal allows), None when recorded."""
        try:
            self.journal.finish(row_id, status, **fields)
        except JournalError as err:
            return str(err)
        return None

    def _settle(
        self,
        row_id: int,
        reply: dict[str, Any],
        err: PushError | None,
        task_id: str | None,
        out: Outcome,
    ) -> None:
        if err is None:
            problem = self._finish(
                row_id, AttemptStatus.OK, task_id=reply.get("TaskId") or task_id, request_id=reply.get("RequestId")
            )
        else:
            problem = self._finish(
                row_id,
                err.kind.attempt_status,
                request_id=err.request_id,
                error_code=err.code,
                error_message=err.message,
            )
        if problem:
            out.journal_error = problem
