"""The push journal: every request this tool sends, in SQLite, written before it leaves.

Default file ``<user data dir>/journal.sqlite3`` (:func:`layout_studio.paths.data_dir`; ``--journal PATH``
overrides). Opening, versions and waiting for other processes: :mod:`layout_studio.push.journalfile`. Tables:

* ``requests`` — one row per attempt: ``task_id`` (NULL for a start — StartPublishCdnStream, CreateCloudRecording,
  StartStreamIngest — until it answers), ``action`` (the API action's name), ``sequence_number`` (mixing updates),
  ``preset_name``, ``design_hash`` (sha256 of the canonical design, :func:`layout_studio.push.plan.design_hash`),
  ``body`` (the JSON body with every secret removed by :func:`layout_studio.secrets.strip_secrets`), ``stripped``
  (the paths removed), ``region``, ``sdk_app_id``, ``status``, ``request_id``, ``error_code``, ``error_message``,
  ``created_at``, ``finished_at`` (ISO 8601 UTC), ``batch_id``, ``note``. Every text written passes the run's secret
  registry (the connection is a :class:`~layout_studio.redaction.RedactingConnection`), so no column can hold a
  secret;
* ``tasks`` — a task started (or first pushed) here: SdkAppId, region, RoomId, canvas (width, height in pixels),
  start and stop times, so later updates are validated against the canvas the task really has (the API a task
  belongs to — mixing, cloud recording, stream ingest — is that of its requests' actions:
  :mod:`layout_studio.push.apis`);
* ``resolutions`` (version 2) — how a request whose outcome stayed unknown was settled later (``request``: its
  row id, ``resolved_at``, ``how`` in words): an unknown start acknowledged by ``start --force``, say;
* ``rate_slots`` (version 2) — the shared rate budget (:mod:`layout_studio.push.ratelimit`).

Statuses (:class:`~layout_studio.push.status.AttemptStatus`, stored as these strings): ``pending`` (recorded, being
sent — after a crash: maybe applied), ``ok``, ``error`` (the API refused it: not applied), ``not-sent`` (never left:
not applied), ``unknown`` (no usable reply: maybe applied). A ``pending`` row found by the holder of its task's
lease (:mod:`layout_studio.push.lease`) belongs to a process that died with the request in flight: it is closed
``unknown`` (code ``Interrupted``) by :meth:`Journal.close_interrupted`.

A row is committed before its request is sent and updated when the outcome is known, so an interrupted run
(Ctrl-C, kill -9) loses no record. SequenceNumbers are drawn in a ``BEGIN IMMEDIATE`` transaction while the task's
lease is held (:mod:`layout_studio.push.sequence`); a unique index on (task, SequenceNumber) makes a duplicate
impossible.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..secrets import strip_secrets
from .apis import APPLIED_ACTIONS, START, START_ACTIONS, STOP, UPDATE, start_target
from .journalfile import JournalError, JournalFile, default_path, utc_now
from .records import Entry, TaskRecord
from .sequence import next_sequence
from .status import MAYBE_APPLIED, AttemptStatus

__all__ = ["START", "STOP", "UPDATE", "Journal", "JournalError", "default_path", "start_target", "utc_now"]

#: Statuses of a request whose outcome is not known (yet).
UNSETTLED = (AttemptStatus.PENDING, AttemptStatus.UNKNOWN)


class Journal(JournalFile):
    """The journal (see the module docstring and :class:`~layout_studio.push.journalfile.JournalFile` for
    opening it). Thread-safe and process-safe."""

    def _entry(self, row: sqlite3.Row) -> Entry:
        """The :class:`Entry` of a ``requests`` row; a value this code does not know is a :class:`JournalError`."""
        try:
            return Entry.from_row(row)
        except ValueError as err:  # an unknown status, or a body that is not JSON
            raise JournalError(
                f"{self.path}: request #{row['id']} cannot be read ({err}): the file is damaged or was written by "
                "another program; move it aside (a new journal is started) or pass --journal PATH"
            ) from None

    # -- writing --------------------------------------------------------------------------------------------
    def _insert(
        self,
        db: sqlite3.Connection,
        *,
        task_id: str | None,
        action: str,
        sequence_number: int | None,
        body: dict[str, Any],
        preset_name: str | None,
        design_hash: str | None,
        region: str | None,
        sdk_app_id: int | None,
        batch_id: str | None,
        note: str | None,
    ) -> int:
        clean, stripped = strip_secrets(body)
        cur = db.execute(
            "INSERT INTO requests (task_id, action, sequence_number, preset_name, design_hash, body, stripped, "
            "region, sdk_app_id, status, created_at, batch_id, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                task_id,
                action,
                sequence_number,
                preset_name,
                design_hash,
                json.dumps(clean, ensure_ascii=False, sort_keys=True),
                json.dumps(stripped),
                region,
                sdk_app_id,
                AttemptStatus.PENDING,
                utc_now(),
                batch_id,
                note,
            ),
        )
        return int(cur.lastrowid or 0)

    def reserve_update(
        self,
        task_id: str,
        body: dict[str, Any],
        *,
        above: int | None = None,
        preset_name: str | None = None,
        design_hash: str | None = None,
        region: str | None = None,
        sdk_app_id: int | None = None,
        batch_id: str | None = None,
        note: str | None = None,
    ) -> tuple[int, int]:
        """Draw the task's next SequenceNumber (above every number of the task in this journal and ``above``, the
        highest drawn on this machine: :attr:`layout_studio.push.lease.Lease.sequence`), record the update with it
        (status ``pending``) and commit.

        ``body`` is the request body without its SequenceNumber (secrets are removed before storing). Returns
        ``(row id, SequenceNumber)``; the caller puts the number into the body it sends.
        """
        with self.transaction() as db:
            row = db.execute("SELECT MAX(sequence_number) FROM requests WHERE task_id = ?", (task_id,)).fetchone()
            last = max((v for v in (row[0], above) if v is not None), default=None)
            seq = next_sequence(last)
            stored = dict(body, SequenceNumber=seq)
            row_id = self._insert(
                db,
                task_id=task_id,
                action=UPDATE,
                sequence_number=seq,
                body=stored,
                preset_name=preset_name,
                design_hash=design_hash,
                region=region,
                sdk_app_id=sdk_app_id,
                batch_id=batch_id,
                note=note,
            )
        return row_id, seq

    def highest_sequence(self, task_id: str) -> int | None:
        """The highest SequenceNumber drawn for ``task_id`` so far (by any process), or None."""
        value = self.query("SELECT MAX(sequence_number) FROM requests WHERE task_id = ?", (task_id,))[0][0]
        return None if value is None else int(value)

    def peek_sequence(self, task_id: str) -> int:
        """The SequenceNumber the next update of ``task_id`` would get now (nothing recorded; for --dry-run)."""
        return next_sequence(self.highest_sequence(task_id))

    def record(
        self,
        action: str,
        body: dict[str, Any],
        *,
        task_id: str | None = None,
        preset_name: str | None = None,
        design_hash: str | None = None,
        region: str | None = None,
        sdk_app_id: int | None = None,
        batch_id: str | None = None,
        note: str | None = None,
    ) -> int:
        """Record a start or stop request (status ``pending``) and commit; returns the row id."""
        with self.transaction() as db:
            return self._insert(
                db,
                task_id=task_id,
                action=action,
                sequence_number=None,
                body=body,
                preset_name=preset_name,
                design_hash=design_hash,
                region=region,
                sdk_app_id=sdk_app_id,
                batch_id=batch_id,
                note=note,
            )

    def finish(
        self,
        row_id: int,
        status: AttemptStatus,
        *,
        task_id: str | None = None,
        request_id: str | None = None,
        error_code: str | None = None,
        error_message: str | None = None,
    ) -> None:
        """Record the outcome of row ``row_id``: ok, error, not-sent or unknown (plus the TaskId a
        start returned, the RequestId, and the error code and message; the journal's connection redacts them)."""
        with self.transaction() as db:
            db.execute(
                "UPDATE requests SET status = ?, task_id = COALESCE(?, task_id), request_id = ?, error_code = ?, "
                "error_message = ?, finished_at = ? WHERE id = ?",
                (status, task_id, request_id, error_code, error_message, utc_now(), row_id),
            )

    def remember_task(
        self,
        task_id: str,
        *,
        sdk_app_id: int | None = None,
        region: str | None = None,
        room_id: str | None = None,
        canvas: tuple[int, int] | None = None,
        preset_name: str | None = None,
        started: bool = False,
    ) -> None:
        """Create or complete the task's record (known values are kept; a start sets ``started_at``)."""
        width, height = canvas if canvas else (None, None)
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO tasks (task_id) VALUES (?)", (task_id,))
            db.execute(
                "UPDATE tasks SET sdk_app_id = COALESCE(?, sdk_app_id), region = COALESCE(?, region), "
                "room_id = COALESCE(?, room_id), canvas_width = COALESCE(?, canvas_width), "
                "canvas_height = COALESCE(?, canvas_height), preset_name = COALESCE(?, preset_name), "
                "started_at = COALESCE(?, started_at) WHERE task_id = ?",
                (sdk_app_id, region, room_id, width, height, preset_name, utc_now() if started else None, task_id),
            )

    def mark_stopped(self, task_id: str) -> None:
        """Note that ``task_id`` was stopped."""
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO tasks (task_id) VALUES (?)", (task_id,))
            db.execute("UPDATE tasks SET stopped_at = ? WHERE task_id = ?", (utc_now(), task_id))

    def close_interrupted(self, row_ids: list[int]) -> None:
        """Close the ``pending`` rows ``row_ids`` as ``unknown`` (code ``Interrupted``): their process ended while
        the request was in flight. Call only while holding the lease the rows were written under."""
        with self.transaction() as db:
            for row_id in row_ids:
                db.execute(
                    "UPDATE requests SET status = ?, error_code = 'Interrupted', error_message = ?, finished_at = ? "
                    "WHERE id = ? AND status = ?",
                    (
                        AttemptStatus.UNKNOWN,
                        "the process sending it ended before the reply (killed?): it may have been applied",
                        utc_now(),
                        row_id,
                        AttemptStatus.PENDING,
                    ),
                )

    def take_over(self, task_id: str) -> list[int]:
        """Under the task's lease: close the task's ``pending`` rows (their process died with the request in
        flight) as ``unknown`` (:meth:`close_interrupted`); returns their ids."""
        rows = [e.id for e in self.pending(task_id)]
        if rows:
            self.close_interrupted(rows)
        return rows

    def resolve(self, row_ids: list[int], how: str) -> None:
        """Record how the unknown outcome of rows ``row_ids`` was settled (``how``: words, no secrets)."""
        with self.transaction() as db:
            for row_id in row_ids:
                db.execute(
                    "INSERT OR REPLACE INTO resolutions (request, resolved_at, how) VALUES (?, ?, ?)",
                    (row_id, utc_now(), how),
                )

    # -- reading --------------------------------------------------------------------------------------------
    def task(self, task_id: str) -> TaskRecord | None:
        """The record of ``task_id``, or None."""
        rows = self.query("SELECT * FROM tasks WHERE task_id = ?", (task_id,))
        return TaskRecord.from_row(rows[0]) if rows else None

    def entry(self, row_id: int) -> Entry | None:
        """Row ``row_id``, or None."""
        rows = self.query("SELECT * FROM requests WHERE id = ?", (row_id,))
        return self._entry(rows[0]) if rows else None

    def entries(self, task_id: str | None = None, *, limit: int | None = None) -> list[Entry]:
        """Rows of ``task_id`` (or all), oldest first; ``limit`` keeps the newest ``limit``."""
        sql = "SELECT * FROM requests" + (" WHERE task_id = ?" if task_id else "") + " ORDER BY id DESC"
        params: tuple[Any, ...] = (task_id,) if task_id else ()
        if limit:
            sql += " LIMIT ?"
            params += (int(limit),)
        return [self._entry(r) for r in reversed(self.query(sql, params))]

    def iter_applied(self, task_id: str) -> Iterator[Entry]:
        """Successful start and update rows of ``task_id`` (of its API: :data:`~layout_studio.push.apis.
        APPLIED_ACTIONS`), oldest first."""
        rows = self.query(
            f"SELECT * FROM requests WHERE task_id = ? AND status = ? AND action IN ({_marks(APPLIED_ACTIONS)}) "
            "ORDER BY id",
            (task_id, AttemptStatus.OK, *APPLIED_ACTIONS),
        )
        return (self._entry(r) for r in rows)

    def last_maybe_applied(self, task_id: str) -> Entry | None:
        """The newest start/update row of ``task_id`` whose design the task may have (ok, pending, unknown)."""
        rows = self.query(
            f"SELECT * FROM requests WHERE task_id = ? AND action IN ({_marks(APPLIED_ACTIONS)}) "
            "AND status IN (?, ?, ?) ORDER BY id DESC LIMIT 1",
            (task_id, *APPLIED_ACTIONS, *MAYBE_APPLIED),
        )
        return self._entry(rows[0]) if rows else None

    def latest_designs(self, task_ids: list[str]) -> dict[str, Entry]:
        """:meth:`last_maybe_applied` for many tasks in one query (batch resume)."""
        out: dict[str, Entry] = {}
        rows = self.query(
            "SELECT r.* FROM requests r JOIN (SELECT task_id, MAX(id) AS id FROM requests WHERE action IN "
            f"({_marks(APPLIED_ACTIONS)}) AND status IN (?, ?, ?) GROUP BY task_id) m ON r.id = m.id",
            (*APPLIED_ACTIONS, *MAYBE_APPLIED),
        )
        wanted = set(task_ids)
        for row in rows:
            if row["task_id"] in wanted:
                out[row["task_id"]] = self._entry(row)
        return out

    def pending(self, task_id: str) -> list[Entry]:
        """The ``pending`` rows of ``task_id`` (under its lease: requests in flight when their process died)."""
        rows = self.query("SELECT * FROM requests WHERE task_id = ? AND status = ? ORDER BY id", (task_id, "pending"))
        return [self._entry(r) for r in rows]

    def resolutions(self) -> dict[int, str]:
        """Row id -> how its unknown outcome was settled (empty for a journal older than version 2)."""
        if not self.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'resolutions'"):
            return {}
        return {int(r[0]): str(r[1]) for r in self.query("SELECT request, how FROM resolutions")}

    def task_action(self, task_id: str) -> str | None:
        """The action of the oldest request recorded for ``task_id`` (its start, when it was started here), or None:
        what tells the API the task belongs to (:func:`layout_studio.push.apis.api_of`)."""
        rows = self.query("SELECT action FROM requests WHERE task_id = ? ORDER BY id LIMIT 1", (task_id,))
        return str(rows[0][0]) if rows else None

    def unresolved_starts(
        self, sdk_app_id: Any = None, room_id: Any = None, user_id: Any = None, *, action: str | None = None
    ) -> list[Entry]:
        """Start rows whose outcome is unknown or pending and not resolved, oldest first: of ``action`` (default:
        every start action of :mod:`~layout_studio.push.apis`); given SdkAppId, RoomId and robot UserId, only
        those of that room and robot. A start that answered with a TaskId is known."""
        actions = (action,) if action else START_ACTIONS
        rows = self.query(
            f"SELECT * FROM requests WHERE action IN ({_marks(actions)}) AND status IN (?, ?) ORDER BY id",
            (*actions, *UNSETTLED),
        )
        resolved = self.resolutions()
        wanted = (str(sdk_app_id or ""), str(room_id or ""), str(user_id or ""))
        out = []
        for row in rows:
            entry = self._entry(row)
            if entry.id in resolved or entry.task_id:
                continue
            if room_id is not None and start_target(entry.body) != wanted:
                continue
            out.append(entry)
        return out


def _marks(values: tuple[str, ...]) -> str:
    """``?, ?, ?`` for the SQL parameters of ``values``."""
    return ", ".join("?" * len(values))
