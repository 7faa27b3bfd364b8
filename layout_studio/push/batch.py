"""Batch push: one design to many tasks, concurrently within the rate limit, resumable, with a report.

``push PRESET --task-ids-from FILE``: the update body is built and validated once per distinct canvas; tasks are
sent by a thread pool (``workers``) that shares the session's rate limiter (20 requests a second for
UpdatePublishCdnStream). Progress goes to stderr; the per-task result to ``--report out.json`` (atomic write).

Resume and interruption (decisions):

* a task is **skipped** when the newest journal row that may have reached it (status ok, pending or unknown) is
  an ``ok`` update or start carrying this design's hash — it already has the design. ``force`` (``--force``) sends
  to those tasks too: the hash leaves secrets out, so a rotated ``txSecret`` alone does not change it;
* a task whose newest row is ``pending``/``unknown`` with this design (in flight when the run was killed, or timed
  out) is **sent again** with a new, higher SequenceNumber. An update carries the whole design, so the task ends
  in the same state whether the lost attempt arrived or not; no SequenceNumber is ever reused. This is the only
  case in which a task can receive the design twice, and the journal shows it (two rows, the first not ``ok``);
* every row is committed before its request leaves, so kill -9 loses no record. On Ctrl-C no new task is
  started, a request still waiting for the rate limit is recorded ``not-sent`` (code ``Cancelled``) and never
  leaves, requests in flight finish (or time out) and are recorded, the report is written with the tasks not
  sent marked ``not-sent``, and the command exits 130.
"""

from __future__ import annotations

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
from .errors import PushError
from .journal import UPDATE
from .operations import Pusher
from .plan import Plan
from .sender import Outcome
from .status import AttemptStatus, FailureKind, OutcomeStatus


def read_task_ids(path: str | Path) -> list[str]:
    """TaskIds from the task list ``path``: one a line (spaces, tabs and CR/LF around it ignored), blank lines and
    lines that start with ``#`` (after any indentation) skipped, duplicates dropped (first kept); a leading byte
    order mark is ignored. Lines are split at LF only, so no other character splits a line unseen.

    Raises :class:`LayoutStudioError` when the file cannot be read or lists no TaskId, or naming the file and line
    (``ids.txt:3: ...``, the line shown escaped) of the first line that is not a TaskId by
    :func:`layout_studio.values.parse_task_id` — before anything is sent.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")  # a BOM is not part of the first TaskId
    except UnicodeDecodeError:
        raise LayoutStudioError(
            f"{path}: not UTF-8 text (UTF-16 from PowerShell?): save the TaskId list as UTF-8, "
            "one TaskId a line; nothing was sent"
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

    def to_report(self) -> dict[str, Any]:
        """The ``--report`` JSON: preset, design_hash, batch_id, elapsed_seconds, interrupted, counts, tasks."""
        return {
            "preset": self.preset_name,
            "design_hash": self.design_hash,
            "batch_id": self.batch_id,
            "elapsed_seconds": round(self.elapsed, 3),
            "interrupted": self.interrupted,
            "counts": self.counts(),
            "tasks": [o.to_dict() for o in self.outcomes],
        }


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
    latest = pusher.journal.latest_designs(task_ids)
    outcomes: dict[str, Outcome] = {}
    counts: dict[str, int] = {}
    lock = threading.Lock()

    def done(task_id: str, outcome: Outcome) -> None:
        with lock:
            outcomes[task_id] = outcome
            counts[outcome.status.value] = counts.get(outcome.status.value, 0) + 1
            snapshot = dict(counts)
        if progress:
            progress(snapshot)

    def one(task_id: str) -> Outcome:
        if stop.is_set():
            return Outcome(UPDATE, task_id, OutcomeStatus.NOT_SENT)
        plan = plan_for(task_id)
        task_plan = Plan(
            task_id, dict(plan.body, TaskId=task_id), plan.design_hash, None, [], [], plan.findings, plan.canvas
        )
        return pusher.push_plan(task_plan, preset=preset, batch_id=batch_id)

    pending: list[str] = []
    for task_id in task_ids:
        last = latest.get(task_id)
        if not force and last is not None and last.status is AttemptStatus.OK and last.design_hash == first.design_hash:
            done(
                task_id,
                Outcome(
                    UPDATE,
                    task_id,
                    OutcomeStatus.SKIPPED,
                    request_id=last.request_id,
                    sequence_number=last.sequence_number,
                    journal_ids=[last.id],
                ),
            )
        else:
            pending.append(task_id)

    start = time.monotonic()
    interrupted: BaseException | None = None
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="push")
    futures: dict[Future[Outcome], str] = {pool.submit(one, t): t for t in pending}
    try:
        remaining = set(futures)
        while remaining:
            finished, remaining = wait(remaining, timeout=0.5, return_when=FIRST_COMPLETED)
            for fut in finished:
                done(futures[fut], _result(fut, futures[fut]))
    except KeyboardInterrupt as err:
        interrupted = err
        stop.set()
        for fut in futures:
            fut.cancel()
        pool.shutdown(wait=True)
        for fut, task_id in futures.items():
            if task_id not in outcomes:
                cancelled = Outcome(UPDATE, task_id, OutcomeStatus.NOT_SENT)
                done(task_id, cancelled if fut.cancelled() else _result(fut, task_id))
    finally:
        pool.shutdown(wait=True)
    result.elapsed = time.monotonic() - start
    result.outcomes = [outcomes.get(t, Outcome(UPDATE, t, OutcomeStatus.NOT_SENT)) for t in task_ids]
    result.interrupted = interrupted is not None or stop.is_set()
    if interrupted is not None:
        interrupted.batch_result = result  # type: ignore[attr-defined]
        raise interrupted
    return result


def _result(fut: Future[Outcome], task_id: str) -> Outcome:
    """The outcome of a finished future; a setting missing for one task becomes an ``error`` outcome, never lost."""
    try:
        return fut.result()
    except LayoutStudioError as err:
        error = PushError(FailureKind.CONFIG, "ConfigError", str(err))
        return Outcome(UPDATE, task_id, OutcomeStatus.ERROR, error=error)
