"""The vocabularies of a push: a journal row's status, an outcome's status, and a failure's kind.

Each is a :class:`~enum.StrEnum` whose values are the strings stored in the journal's ``status`` column (SQLite) and
written in batch reports and ``history --format json``, so journals and report readers of earlier versions see the
same strings; a member equals its string (``AttemptStatus.OK == "ok"``) and formats as it (``f"{status}"``).

* :class:`AttemptStatus` — one journal row, one attempt to send one request;
* :class:`OutcomeStatus` — one start, update or stop after its retries (``Outcome.status``), which is also a
  batch report's per-task ``status`` and the key of its ``counts``;
* :class:`FailureKind` — what a failed attempt says about the request (``PushError.kind``).
"""

from __future__ import annotations

from enum import StrEnum


class AttemptStatus(StrEnum):
    """Status of one journal row (one attempt to send a request)."""

    #: Recorded and being sent; after a crash (kill -9) the request may have been applied.
    PENDING = "pending"
    #: The API accepted it.
    OK = "ok"
    #: The API answered with an error: received, refused, not applied.
    ERROR = "error"
    #: It never left this machine (no connection, cancelled, superseded): not applied.
    NOT_SENT = "not-sent"
    #: No usable reply (timeout, dropped connection, a non-200 status, a malformed reply): maybe applied.
    UNKNOWN = "unknown"

    @property
    def maybe_applied(self) -> bool:
        """True when the task may have received the request's design (ok, pending or unknown)."""
        return self in MAYBE_APPLIED


#: Row statuses after which the task may have received the request's design.
MAYBE_APPLIED = (AttemptStatus.OK, AttemptStatus.PENDING, AttemptStatus.UNKNOWN)


class OutcomeStatus(StrEnum):
    """Status of one start, update or stop after its retries; a batch report's per-task status."""

    #: The API accepted the request.
    OK = "ok"
    #: The API refused it (or a setting was missing for this task in a batch): not applied.
    ERROR = "error"
    #: Nothing left this machine: not applied.
    NOT_SENT = "not-sent"
    #: No usable reply to the last attempt: maybe applied.
    UNKNOWN = "unknown"
    #: A batch found the task already has the design; nothing sent.
    SKIPPED = "skipped"
    #: ``--dry-run``: the request was built and shown, nothing sent or recorded.
    DRY_RUN = "dry-run"

    @classmethod
    def of(cls, attempt: AttemptStatus) -> OutcomeStatus:
        """The outcome whose last attempt ended with ``attempt`` (``pending`` has no outcome yet: unknown)."""
        return cls.UNKNOWN if attempt is AttemptStatus.PENDING else cls(attempt.value)

    @property
    def ok(self) -> bool:
        """True when the task has what was asked (accepted, already there, or nothing was to be sent)."""
        return self in (OutcomeStatus.OK, OutcomeStatus.SKIPPED, OutcomeStatus.DRY_RUN)


class FailureKind(StrEnum):
    """What a failed attempt says about its request (see :mod:`layout_studio.push.errors`)."""

    #: The API answered with an Error: received and refused, nothing changed.
    API = "api"
    #: The connection could not be made (refused, DNS, connect timeout, TLS handshake): nothing left.
    NOT_SENT = "not-sent"
    #: The request may have arrived but no usable reply came: maybe applied.
    UNKNOWN = "unknown"
    #: The gateway answered with an HTTP status other than 200: maybe applied (a 502/504 can follow the API acting).
    HTTP = "http"
    #: A setting was missing for one task of a batch (no request was built).
    CONFIG = "config"

    @property
    def attempt_status(self) -> AttemptStatus:
        """The journal status of an attempt that failed this way (``http`` is kept as ``unknown``: the safe side)."""
        return {
            FailureKind.API: AttemptStatus.ERROR,
            FailureKind.NOT_SENT: AttemptStatus.NOT_SENT,
            FailureKind.UNKNOWN: AttemptStatus.UNKNOWN,
            FailureKind.HTTP: AttemptStatus.UNKNOWN,
            FailureKind.CONFIG: AttemptStatus.NOT_SENT,
        }[self]
