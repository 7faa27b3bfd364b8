"""The result of one start, update, stop or describe after its retries: :class:`Outcome` (a batch report's per-task
entry)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding
from .errors import PushError
from .status import OutcomeStatus


@dataclass
class Outcome:
    """The result of one start, update or stop (after its retries).

    ``status``: an :class:`~layout_studio.push.status.OutcomeStatus` — ``ok``, ``error`` (refused by the API),
    ``not-sent``, ``unknown`` (may have applied), ``skipped`` (a batch found the design already applied) or
    ``dry-run``. ``request``: the last request, masked. ``findings``: the validator's findings for the body
    (warnings and infos; errors refuse before sending). ``note``: what else happened, in words (the task was held
    by another push and this one waited; a stop found the task gone after its first reply was lost).
    ``interrupted``: journal rows of this task left ``pending`` by a process that died with the request in
    flight, closed ``unknown`` by this one (the task may have received that request). ``journal_error``: the
    journal could not record the outcome (the outcome itself is still the API's answer). ``reply``: the Response
    object of a describe's reply (DescribeCloudRecording, DescribeStreamIngest), else None.
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
    note: str | None = None
    interrupted: list[int] = field(default_factory=list)
    journal_error: str | None = None
    reply: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        self.status = OutcomeStatus(self.status)

    @property
    def ok(self) -> bool:
        """True when the API accepted the request (or nothing needed sending)."""
        return self.status.ok

    def to_dict(self) -> dict[str, Any]:
        """JSON shape for reports (the error's text is redacted by :meth:`PushError.to_dict`, and a batch report
        again before it is written)."""
        out: dict[str, Any] = {
            "task_id": self.task_id,
            "action": self.action,
            "status": self.status.value,
            "request_id": self.request_id,
            "sequence_number": self.sequence_number,
            "attempts": self.attempts,
            "journal_ids": self.journal_ids,
            "error": self.error.to_dict() if self.error else None,
        }
        if self.note:
            out["note"] = self.note
        if self.interrupted:
            out["interrupted_journal_ids"] = self.interrupted
        if self.journal_error:
            out["journal_error"] = self.journal_error
        return out
