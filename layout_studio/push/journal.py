"""The push journal: every request this tool sends, in SQLite (stdlib ``sqlite3``, WAL), written before it leaves.

Default file ``<user data dir>/journal.sqlite3`` (:func:`layout_studio.paths.data_dir`; ``--journal PATH``
overrides). Tables:

* ``requests`` — one row per attempt: ``task_id`` (NULL for a StartPublishCdnStream until it answers),
  ``action`` (the API name), ``sequence_number`` (updates), ``preset_name``, ``design_hash`` (sha256 of the
  canonical design, :func:`layout_studio.push.plan.design_hash`), ``body`` (the JSON body with every secret
  removed by :func:`layout_studio.secrets.strip_secrets`), ``stripped`` (the paths removed), ``region``,
  ``sdk_app_id``, ``status``, ``request_id``, ``error_code``, ``error_message``, ``created_at``, ``finished_at``
  (ISO 8601 UTC), ``batch_id``, ``note``. Every text written passes the run's secret registry (the connection is a
  :class:`~layout_studio.redaction.RedactingConnection`), so no column can hold a secret;
* ``tasks`` — a task started (or first pushed) here: SdkAppId, region, RoomId, canvas (width, height in pixels),
  start and stop times, so later updates are validated against the canvas the task really has.

Statuses (:class:`~layout_studio.push.status.AttemptStatus`, stored as these strings): ``pending`` (recorded, being
sent — after a crash: maybe applied), ``ok``, ``error`` (the API refused it: not applied), ``not-sent`` (never left:
not applied), ``unknown`` (no usable reply: maybe applied).

The file carries its schema version (``PRAGMA user_version``): opening it for writing upgrades an older journal in
place, keeping every row; a journal of a newer version is refused and left as it is; a read-only open never
writes (:mod:`layout_studio.push.migrations`).

A row is committed before its request is sent and updated when the outcome is known, so an interrupted run
(Ctrl-C, kill -9) loses no record. SequenceNumbers are drawn in a ``BEGIN IMMEDIATE`` transaction
(:mod:`layout_studio.push.sequence`); a unique index on (task, SequenceNumber) makes a duplicate impossible.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import paths
from ..errors import LayoutStudioError
from ..redaction import RedactingConnection
from ..secrets import strip_secrets
from . import migrations
from .records import Entry, TaskRecord
from .sequence import next_sequence
from .status import MAYBE_APPLIED, AttemptStatus

UPDATE = "UpdatePublishCdnStream"
START = "StartPublishCdnStream"
STOP = "StopPublishCdnStream"


class JournalError(LayoutStudioError):
    """The journal file cannot be opened, read or written (read-only, full disk, locked by another process,
    damaged); the message names the file and the fix. A failure before a request leaves means it is not sent."""


def utc_now() -> str:
    """The current time as ISO 8601 UTC with milliseconds (``2025-01-31T12:00:00.123Z``)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def default_path() -> Path:
    """``<user data dir>/journal.sqlite3``."""
    return paths.data_dir() / "journal.sqlite3"


class Journal:
    """The journal file at ``path`` (default :func:`default_path`), created on first use. Thread-safe (one
    connection behind a lock) and process-safe (SQLite locking; ``BEGIN IMMEDIATE`` for SequenceNumbers).

    ``readonly`` opens it without creating, upgrading or writing anything. ``version`` is the file's schema
    version (:mod:`~layout_studio.push.migrations`). Raises :class:`JournalError` when the file cannot be opened,
    is not a journal, or was written by a newer version."""

    def __init__(
        self, path: str | os.PathLike[str] | None = None, *, timeout: float = 30.0, readonly: bool = False
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._lock = threading.RLock()
        if self.path.is_dir():
            raise JournalError(
                f"{self.path}: is a directory: give the journal's file path (for example "
                f"{self.path / 'journal.sqlite3'})"
            )
        if readonly:
            self._db = self._open_readonly(timeout)
            self._check_readable()
            return
        try:
            paths.ensure_dir(self.path.parent)
            if not self.path.exists():
                fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
            self._db = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False, factory=RedactingConnection
            )
            self._db.row_factory = sqlite3.Row
            self.version = migrations.read_version(self._db)
        except (sqlite3.Error, OSError) as err:
            raise self._error("open", err) from None
        try:
            self._refuse_newer(self.version)  # before anything is written, even the journal mode
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=FULL")
            except sqlite3.Error as err:
                raise self._error("open", err) from None
            self._check_columns(self.version)
            if self.version < migrations.schema_version():
                self._upgrade()
            self._check_writable()
        except JournalError:
            self._db.close()
            raise

    def _check_writable(self) -> None:
        """Write a row and take it back: a journal SQLite opened read-only (a read-only file, folder or disk) or
        that refuses writes is a :class:`JournalError` now, before any request is built, rather than a failure of
        every request of a batch."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    self._db.execute(
                        "INSERT INTO requests (action, body, status, created_at) VALUES ('probe', '{}', ?, ?)",
                        (AttemptStatus.NOT_SENT, utc_now()),
                    )
                finally:
                    with contextlib.suppress(sqlite3.Error):  # SQLite may have ended it after a refused write
                        self._db.execute("ROLLBACK")
            except sqlite3.Error as err:
                raise self._error("write", err) from None

    def _open_readonly(self, timeout: float) -> sqlite3.Connection:
        """A read-only connection (``history``): nothing is created or changed; no file reads as an empty
        journal; a read-only disk is read as it is (``immutable``) when SQLite cannot share the WAL index."""
        if not self.path.exists():
            return migrations.new_database()
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        try:
            db = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            try:
                db = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)
            except sqlite3.Error as err:
                raise self._error("open", err) from None
        except sqlite3.Error as err:
            raise self._error("open", err) from None
        db.row_factory = sqlite3.Row
        return db

    def _refuse_newer(self, version: int) -> None:
        """Close and raise :class:`JournalError` when the file's schema is newer than this code knows."""
        newest = migrations.schema_version()
        if version > newest:
            self._db.close()
            raise JournalError(
                f"{self.path}: written by a newer layout-studio (journal version {version}; this one knows versions "
                f"up to {newest}): use that newer layout-studio, or pass --journal PATH for another journal; "
                "the file was left as it is"
            )

    def _check_columns(self, version: int) -> dict[str, set[str]]:
        """The columns of the file's tables; raises :class:`JournalError` when a table lacks the columns of its
        ``version`` (another program's database)."""
        try:
            found = {t: {r[1] for r in self._db.execute(f"PRAGMA table_info({t})")} for t in migrations.TABLES}
        except sqlite3.Error as err:
            raise self._error("read", err) from None
        expected = migrations.columns(version)
        for table, columns in found.items():
            missing = expected[table] - columns
            if columns and missing:
                raise JournalError(
                    f"{self.path}: not a layout-studio journal (its table {table} has no "
                    f"{', '.join(sorted(missing))}): pass --journal PATH to a journal file, or move "
                    "this file aside"
                )
        return found

    def _upgrade(self) -> None:
        """Run the pending migrations in one transaction (another process may have run them meanwhile)."""
        with self._transaction("upgrade") as db:
            version = migrations.read_version(db)
            self._refuse_newer(version)
            if version < migrations.schema_version():
                self._check_columns(version)
                migrations.apply(db, version)
        self.version = migrations.schema_version()

    def _check_readable(self) -> None:
        """Read-only: refuse a newer or foreign file; read a file without tables as an empty journal, an older one
        as it is when it has every column this code reads, else say how to upgrade it."""
        try:
            self.version = migrations.read_version(self._db)
        except sqlite3.Error as err:
            raise self._error("read", err) from None
        self._refuse_newer(self.version)
        try:
            found = self._check_columns(self.version)
        except JournalError:
            self._db.close()
            raise
        if not any(found.values()):
            self._db.close()
            self._db = migrations.new_database()
            self.version = migrations.schema_version()
            return
        newest = migrations.columns()
        if any(newest[t] - found[t] for t in migrations.TABLES):
            self._db.close()
            raise JournalError(
                f"{self.path}: journal version {self.version} is older than this layout-studio's "
                f"({migrations.schema_version()}) and cannot be read as it is: upgrade it in place (every row is "
                "kept) by opening it once for writing — any start, push or stop with this journal does, or "
                f'python -c "from layout_studio.push.journal import Journal; Journal({str(self.path)!r}).close()"'
            )

    # -- plumbing -------------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _transaction(self, verb: str = "write") -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on an exception), holding the thread lock.

        Raises :class:`JournalError` (naming the file and what to check) when SQLite refuses the write."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as err:
                raise self._error(verb, err) from None

    def _error(self, verb: str, err: Exception) -> JournalError:
        """A :class:`JournalError` naming the file, what SQLite or the OS said, and what to do."""
        text = (getattr(err, "strerror", None) if isinstance(err, OSError) else None) or str(err)
        if "locked" in text or "busy" in text:
            hint = "another process is writing it (a push still running?): retry when it ends, or pass --journal"
        elif any(word in text for word in ("malformed", "not a database", "corrupt")):
            hint = (
                "the file is damaged or not a layout-studio journal: move it aside (a new journal is started; "
                "the old history stays in the moved file) or pass --journal PATH"
            )
        else:
            hint = (
                "check that the file and its folder are writable, the disk has space, and the file is a "
                "layout-studio journal, or pass --journal PATH"
            )
        return JournalError(f"{self.path}: cannot {verb} the journal ({text}) — {hint}")

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as err:
                raise self._error("read", err) from None

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
        preset_name: str | None = None,
        design_hash: str | None = None,
        region: str | None = None,
        sdk_app_id: int | None = None,
        batch_id: str | None = None,
        note: str | None = None,
    ) -> tuple[int, int]:
        """Draw the task's next SequenceNumber, record the update with it (status ``pending``) and commit.

        ``body`` is the request body without its SequenceNumber (secrets are removed before storing). Returns
        ``(row id, SequenceNumber)``; the caller puts the number into the body it sends.
        """
        with self._transaction() as db:
            row = db.execute("SELECT MAX(sequence_number) FROM requests WHERE task_id = ?", (task_id,)).fetchone()
            seq = next_sequence(row[0])
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
        value = self._query("SELECT MAX(sequence_number) FROM requests WHERE task_id = ?", (task_id,))[0][0]
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
        with self._transaction() as db:
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
        start returned, the RequestId, and the error code and message, which must already be masked)."""
        with self._transaction() as db:
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
        with self._transaction() as db:
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
        with self._transaction() as db:
            db.execute("INSERT OR IGNORE INTO tasks (task_id) VALUES (?)", (task_id,))
            db.execute("UPDATE tasks SET stopped_at = ? WHERE task_id = ?", (utc_now(), task_id))

    # -- reading --------------------------------------------------------------------------------------------
    def task(self, task_id: str) -> TaskRecord | None:
        """The record of ``task_id``, or None."""
        rows = self._query("SELECT * FROM tasks WHERE task_id = ?", (task_id,))
        return TaskRecord.from_row(rows[0]) if rows else None

    def entry(self, row_id: int) -> Entry | None:
        """Row ``row_id``, or None."""
        rows = self._query("SELECT * FROM requests WHERE id = ?", (row_id,))
        return self._entry(rows[0]) if rows else None

    def entries(self, task_id: str | None = None, *, limit: int | None = None) -> list[Entry]:
        """Rows of ``task_id`` (or all), oldest first; ``limit`` keeps the newest ``limit``."""
        sql = "SELECT * FROM requests" + (" WHERE task_id = ?" if task_id else "") + " ORDER BY id DESC"
        params: tuple[Any, ...] = (task_id,) if task_id else ()
        if limit:
            sql += " LIMIT ?"
            params += (int(limit),)
        return [self._entry(r) for r in reversed(self._query(sql, params))]

    def iter_applied(self, task_id: str) -> Iterator[Entry]:
        """Successful start and update rows of ``task_id``, oldest first."""
        rows = self._query(
            "SELECT * FROM requests WHERE task_id = ? AND status = ? AND action IN (?, ?) ORDER BY id",
            (task_id, AttemptStatus.OK, START, UPDATE),
        )
        return (self._entry(r) for r in rows)

    def last_maybe_applied(self, task_id: str) -> Entry | None:
        """The newest start/update row of ``task_id`` whose design the task may have (ok, pending, unknown)."""
        rows = self._query(
            "SELECT * FROM requests WHERE task_id = ? AND action IN (?, ?) AND status IN (?, ?, ?) "
            "ORDER BY id DESC LIMIT 1",
            (task_id, START, UPDATE, *MAYBE_APPLIED),
        )
        return self._entry(rows[0]) if rows else None

    def latest_designs(self, task_ids: list[str]) -> dict[str, Entry]:
        """:meth:`last_maybe_applied` for many tasks in one query (batch resume)."""
        out: dict[str, Entry] = {}
        rows = self._query(
            "SELECT r.* FROM requests r JOIN (SELECT task_id, MAX(id) AS id FROM requests WHERE action IN (?, ?) "
            "AND status IN (?, ?, ?) GROUP BY task_id) m ON r.id = m.id",
            (START, UPDATE, *MAYBE_APPLIED),
        )
        wanted = set(task_ids)
        for row in rows:
            if row["task_id"] in wanted:
                out[row["task_id"]] = self._entry(row)
        return out
