"""Batch push: one design to many tasks, concurrently within the rate limit, resumable, with a report.

``push PRESET --task-ids-from FILE``: the update body is built and validated once per distinct canvas; tasks are
sent by a thread pool (``workers``) that shares the session's rate budget (20 requests a second for
UpdatePublishCdnStream, shared with every process writing the same journal: :mod:`layout_studio.push.ratelimit`).
Progress goes to stderr; the per-task result to ``--report out.json`` (atomic write).

Resume, concurrency and interruption (decisions):

* a task is **skipped** when the newest journal row that may have reached it (status ok, pending or unknown) is
  an ``ok`` update or start carrying this design's hash — it already has the design. ``force`` (``--force``) sends
  to those tasks too: the hash leaves secrets out, so a rotated ``txSecret`` alone does not change it;
* each task is sent under its lease (:mod:`layout_studio.push.lease`). A task another process (another batch, a
  single push) holds is put aside and taken again after the others, waiting for the lease then; with the lease
  held the journal is read again, and a task that received this design from another push meanwhile is
  **skipped** (even with ``force``). The report's ``note`` says which tasks waited and which another push did,
  so concurrent batches sharing a journal apply each task at most once per design;
* a task whose newest row is ``pending``/``unknown`` with this design (in flight when a run was killed, or timed
  out) is **sent again** with a new, higher SequenceNumber, after the other tasks. An update carries the whole
  design, so the task ends in the same state whether the lost attempt arrived or not; no SequenceNumber is ever
  reused. The rows a killed run left ``pending`` are closed ``unknown`` (``Interrupted``) and the report names their
  tasks (``in_flight_at_interruption``): up to ``workers`` tasks per kill, each of which may receive the design
  twice. Those tasks are sent last, so a run killed again finds other tasks in flight;
* a journal that stops taking writes (a full disk) stops the batch like Ctrl-C: a task whose row could not be
  written is ``not-sent``, no other task starts, and a request that had left is reported with the API's answer
  and the journal's problem (``journal_error``);
* every row is committed before its request leaves, so kill -9 loses no record. On Ctrl-C no new task is
  started, a request still waiting for the rate limit is recorded ``not-sent`` (code ``Cancelled``) and never
  leaves, requests in flight finish (or time out) and are recorded, the report is written with the tasks not
  sent marked ``not-sent``, and the command exits 130. A second Ctrl-C stops waiting for the requests in flight:
  the report is written at once with them ``unknown``, then the command waits for their replies to record them
  (at most the request timeout); a third leaves their rows ``pending``, which the next run closes and names.
"""

from __future__ import annotations

import functools
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import LayoutStudioError
from ..findings import Finding
from ..model import Preset
from ..values import ValueFormatError, parse_task_id
from . import lease as leases
from .errors import PushError
from .journal import UPDATE, JournalError, utc_now
from .operations import Pusher
from .outcome import Outcome
from .plan import Plan
from .records import Entry
from .status import AttemptStatus, FailureKind, OutcomeStatus

#: The error code of a task not sent because the journal could not record it first (the batch then stops).
JOURNAL = "JournalError"


def read_task_ids(path: str | Path) -> list[str]:
    """TaskIds from the task list ``path``: one a line (spaces, tabs and CR/LF around it ignored), blank lines and
    lines that start with ``#`` (after any indentation) skipped, duplicates dropped (first kept); a leading byte
    order mark is ignored. Lines are split at LF only, so no other character splits a line unseen.

    Raises :class:`LayoutStudioError` when the file cannot be read or lists no TaskId, or naming the file and line
    (``ids.txt:3: ...``, the line shown escaped) of the first line that is not a TaskId by
    :func:`layout_studio.values.parse_task_id` — before anything is sent.
    """
    try:
        raw = Path(path).read_bytes()
        # A BOM is not part of the first TaskId; a CR inside a line stays there (and is refused), as said above.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        utf16 = raw[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\0" in raw[:200]
        line_number = raw.count(b"\n", 0, err.start) + 1
        what = "UTF-16 text (as PowerShell writes it)" if utf16 else f"not UTF-8 text (byte 0x{raw[err.start]:02X})"
        raise LayoutStudioError(
            f"{path}:{line_number}: {what}: save the TaskId list as UTF-8, one TaskId a line; nothing was sent"
        ) from None
    except OSError as err:
        raise LayoutStudioError(
            f"{path}: cannot read the TaskId list ({err.__class__.__name__}: {getattr(err, 'strerror', None) or err})"
        ) from None
    seen: dict[str, None] = {}
    for number, line in enumerate(text.split("\n"), 1):
        bare = line.strip(" \t\r")
        if not bare or bare.startswith("#"):
            continue
        try:
            seen.setdefault(parse_task_id(bare), None)
        except ValueFormatError as err:
            raise LayoutStudioError(f"{path}:{number}: {err}; nothing was sent") from None
    if not seen:
        raise LayoutStudioError(f"{path}: no TaskId in the file (one a line)")
    return list(seen)


@dataclass
class BatchResult:
    """Outcome of a batch: one :class:`Outcome` per task (input order), the design hash, the batch id, timing,
    and whether it was interrupted."""

    preset_name: str | None
    design_hash: str
    batch_id: str
    outcomes: list[Outcome]
    started_at: float
    elapsed: float = 0.0
    interrupted: bool = False
    findings: list[Finding] = field(default_factory=list)
    #: Set when a second Ctrl-C stopped the wait for requests in flight: waits for them and records their replies
    #: (call it after the report is written, with the journal still open; a further Ctrl-C leaves them ``pending``,
    #: and the next run closes and names them).
    wait_for_in_flight: Callable[[], object] | None = field(default=None, repr=False)

    def counts(self) -> dict[str, int]:
        """Number of tasks per :class:`~layout_studio.push.status.OutcomeStatus` (``ok``, ``skipped``, ...)."""
        out: dict[str, int] = {}
        for o in self.outcomes:
            out[o.status.value] = out.get(o.status.value, 0) + 1
        return out

    @property
    def ok(self) -> bool:
        """True when every task has the design (sent now or skipped) and the run was not interrupted."""
        return not self.interrupted and all(o.ok for o in self.outcomes)

    @property
    def in_flight(self) -> list[Outcome]:
        """Outcomes of the tasks that had a request in flight when an earlier run was killed (they may have
        received the design twice)."""
        return [o for o in self.outcomes if o.interrupted]

    def to_report(self) -> dict[str, Any]:
        """The ``--report`` JSON: preset, design_hash, batch_id, elapsed_seconds, interrupted, counts,
        in_flight_at_interruption (task_id and journal_ids of each), tasks."""
        return {
            "preset": self.preset_name,
            "design_hash": self.design_hash,
            "batch_id": self.batch_id,
            "elapsed_seconds": round(self.elapsed, 3),
            "interrupted": self.interrupted,
            "counts": self.counts(),
            "in_flight_at_interruption": [{"task_id": o.task_id, "journal_ids": o.interrupted} for o in self.in_flight],
            "tasks": [o.to_dict() for o in self.outcomes],
        }


#: The report's note for a task whose request was still in flight when a second Ctrl-C stopped the wait.
IN_FLIGHT_AT_EXIT = (
    "in flight when a second Ctrl-C stopped the wait: its outcome is recorded in the journal if the reply "
    "arrives before the command ends (see `layout-studio history TASK_ID`)"
)


def run_batch(
    pusher: Pusher,
    preset: Preset,
    task_ids: list[str],
    *,
    workers: int = 8,
    progress: Callable[[dict[str, int]], None] | None = None,
    stop: threading.Event | None = None,
    force: bool = False,
    **target: Any,
) -> BatchResult:
    """Push ``preset`` to every task of ``task_ids`` (see the module docstring). Raises
    :class:`~layout_studio.push.errors.RefusedError` before sending anything when the design has errors.
    ``stop`` (an Event) ends the run early like Ctrl-C does; KeyboardInterrupt does the same and is re-raised
    after every in-flight request is recorded (the partial result is attached as ``err.batch_result``).
    ``force`` sends to every task, including those the journal says already have this design."""
    stop = stop or threading.Event()
    pusher.cancel = stop  # a worker still waiting for the rate limit when the run stops sends nothing
    body0 = pusher.update_body(preset, task_ids[0], **target)
    plans: dict[tuple[int, int] | None, Plan] = {}
    plans_lock = threading.Lock()

    def plan_for(task_id: str) -> Plan:
        """The validated plan for the task's canvas (one validation per distinct canvas)."""
        task = pusher.journal.task(task_id)
        key = task.canvas if task else None
        with plans_lock:
            if key not in plans:
                plans[key] = pusher.plan_body(task_id, dict(body0, TaskId=task_id), canvas_hint=preset.canvas)
            plan = plans[key]
        if plan.blocked:
            pusher.push_plan(plan, preset=preset)  # raises RefusedError with the findings
        return plan

    first = plan_for(task_ids[0])
    batch_id = uuid.uuid4().hex[:12]
    result = BatchResult(preset.name, first.design_hash, batch_id, [], time.time(), findings=first.findings)
    since = utc_now()
    latest = pusher.journal.latest_designs(task_ids)
    outcomes: dict[str, Outcome] = {}
    counts: dict[str, int] = {}
    lock = threading.Lock()

    def done(task_id: str, outcome: Outcome) -> None:
        if outcome.status is OutcomeStatus.NOT_SENT and outcome.error is not None and outcome.error.code == JOURNAL:
            stop.set()  # nothing more can be recorded before it leaves: no other task is started
        with lock:
            outcomes[task_id] = outcome
            counts[outcome.status.value] = counts.get(outcome.status.value, 0) + 1
            snapshot = dict(counts)
        if progress:
            progress(snapshot)

    def applied_by_another(task_id: str) -> Entry | None:
        """Under the task's lease: the row by which another push gave the task this design, if one did."""
        last = pusher.journal.last_maybe_applied(task_id)
        if last is None or last.status != "ok" or last.design_hash != first.design_hash:
            return None
        return last if not force or last.created_at >= since else None

    def one(task_id: str, put_aside: bool) -> Outcome | None:
        """Send to one task under its lease; None when another holds it and it was not put aside yet."""
        if stop.is_set():
            return Outcome(UPDATE, task_id, OutcomeStatus.NOT_SENT)
        plan = plan_for(task_id)
        wait = pusher.options.lease_wait if put_aside else 0.0
        try:
            lease = leases.acquire(leases.task_key(task_id), wait=wait, cancelled=stop.is_set)
        except leases.LeaseBusy as busy:
            if not put_aside:
                return None
            error = PushError(FailureKind.NOT_SENT, "TaskBusy", f"task {task_id}: {busy}", action=UPDATE)
            return Outcome(UPDATE, task_id, OutcomeStatus.NOT_SENT, error=error)
        try:
            note = _waited(lease) if put_aside else None
            interrupted = pusher.journal.take_over(task_id)
            other = applied_by_another(task_id)
            if other is not None:
                by = f"batch {other.batch_id}" if other.batch_id else "a single push"
                skipped = _skipped(other, f"applied by another push ({by}, journal #{other.id}) while this batch ran")
                skipped.note = f"{skipped.note}; {note}" if note else skipped.note
                skipped.interrupted = interrupted
                return skipped
            task_plan = Plan(
                task_id, dict(plan.body, TaskId=task_id), plan.design_hash, None, [], [], plan.findings, plan.canvas
            )
            out = pusher.push_plan(task_plan, preset=preset, batch_id=batch_id, lease=lease)
            out.interrupted = interrupted + out.interrupted
            out.note = note
            return out
        finally:
            lease.release()

    fresh: list[str] = []
    uncertain: list[str] = []  # their last request of this design may have arrived: sent after the others
    for task_id in task_ids:
        last = latest.get(task_id)
        if not force and last is not None and last.status is AttemptStatus.OK and last.design_hash == first.design_hash:
            done(task_id, _skipped(last))
        elif last is not None and last.status is not AttemptStatus.OK and last.design_hash == first.design_hash:
            uncertain.append(task_id)
        else:
            fresh.append(task_id)

    start = time.monotonic()
    interrupted: BaseException | None = None
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="push")
    futures: dict[Future[Outcome | None], str] = {pool.submit(one, t, False): t for t in fresh + uncertain}
    try:
        remaining = set(futures)
        while remaining:
            finished, remaining = wait(remaining, timeout=0.5, return_when=FIRST_COMPLETED)
            for fut in finished:
                task_id = futures[fut]
                outcome = _result(fut, task_id)
                if outcome is None:  # held by another push: again after the others, waiting for it then
                    again = pool.submit(one, task_id, True)
                    futures[again] = task_id
                    remaining.add(again)
                else:
                    done(task_id, outcome)
    except KeyboardInterrupt as err:
        interrupted = err
        stop.set()
        for fut in futures:
            fut.cancel()
        # Waits on the futures, not the threads: a Ctrl-C during Thread.join can leave a thread looking finished.
        try:
            wait(list(futures))
        except KeyboardInterrupt:  # another Ctrl-C: stop waiting; what is still in flight is reported unknown
            left = [fut for fut in futures if not fut.done()]
            result.wait_for_in_flight = functools.partial(wait, left)
        for fut, task_id in futures.items():
            if task_id not in outcomes:
                if not fut.done():
                    done(task_id, Outcome(UPDATE, task_id, OutcomeStatus.UNKNOWN, note=IN_FLIGHT_AT_EXIT))
                    continue
                settled = None if fut.cancelled() else _result(fut, task_id)
                if settled is not None or fut.cancelled():
                    done(task_id, settled or Outcome(UPDATE, task_id, OutcomeStatus.NOT_SENT))
    finally:
        pool.shutdown(wait=interrupted is None)
    result.elapsed = time.monotonic() - start
    result.outcomes = [outcomes.get(t, Outcome(UPDATE, t, OutcomeStatus.NOT_SENT)) for t in task_ids]
    result.interrupted = interrupted is not None or stop.is_set()
    if interrupted is not None:
        interrupted.batch_result = result  # type: ignore[attr-defined]
        raise interrupted
    return result


def _skipped(entry: Entry, note: str | None = None) -> Outcome:
    """A task skipped because journal row ``entry`` gave it this design already."""
    return Outcome(
        UPDATE,
        entry.task_id,
        OutcomeStatus.SKIPPED,
        request_id=entry.request_id,
        sequence_number=entry.sequence_number,
        journal_ids=[entry.id],
        note=note,
    )


def _waited(lease: leases.Lease) -> str | None:
    """The report's note for a task that was held by another push when this batch first came to it."""
    holder = f"process {lease.waited_for}" if lease.waited_for else "another process"
    return f"held by another push ({holder}); waited {lease.waited:.1f} s for it"


def _result(fut: Future[Outcome | None], task_id: str) -> Outcome | None:
    """The outcome of a finished future. Nothing is lost: a journal that could not record a request before it
    left makes a ``not-sent`` outcome, a setting missing for one task an ``error`` one."""
    try:
        return fut.result()
    except JournalError as err:
        error = PushError(FailureKind.NOT_SENT, JOURNAL, str(err), action=UPDATE)
        return Outcome(UPDATE, task_id, OutcomeStatus.NOT_SENT, error=error)
    except LayoutStudioError as err:
        error = PushError(FailureKind.CONFIG, "ConfigError", str(err))
        return Outcome(UPDATE, task_id, OutcomeStatus.ERROR, error=error)
