"""The journal's schema versions: ``PRAGMA user_version`` and the forward migrations between them.

A journal file records the version of its tables in SQLite's ``user_version`` (an integer in the file header).
:data:`MIGRATIONS` is the list of forward steps: step ``n`` takes a journal from version ``n`` to ``n + 1``;
:func:`schema_version` (the number of steps) is the version this code writes. Version 0 is a file without a
version: a new, empty file, or a journal written before versions existed, whose tables are those of step 1.

* Opening a journal for writing runs the pending steps and sets ``user_version``, all in one ``BEGIN IMMEDIATE``
  transaction: a failing step leaves the file as it was, and two processes opening an old journal at once upgrade
  it once (the second finds it done).
* A journal of a newer version than this code knows is refused (:class:`~layout_studio.push.journal.JournalError`),
  for writing and for reading, and left as it is.
* Opening read-only (``plan``, ``history``, ``--dry-run``) never migrates or writes: an older journal is read as it
  is when its tables have the columns this code reads; otherwise the error says how to upgrade it.

A step only adds (tables, columns with a default, indexes), so an upgrade keeps every row.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One forward step: what it does (for messages) and its SQL ``statements``, run in order."""

    description: str
    statements: tuple[str, ...]


#: Step n takes a journal from version n to n + 1 (append only; never edit a released step).
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "the requests and tasks tables (a journal written before versions existed has them already)",
        (
            """CREATE TABLE IF NOT EXISTS requests (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                task_id TEXT,
                action TEXT NOT NULL,
                sequence_number INTEGER,
                preset_name TEXT,
                design_hash TEXT,
                body TEXT NOT NULL,
                stripped TEXT NOT NULL DEFAULT '[]',
                region TEXT,
                sdk_app_id INTEGER,
                status TEXT NOT NULL,
                request_id TEXT,
                error_code TEXT,
                error_message TEXT,
                created_at TEXT NOT NULL,
                finished_at TEXT,
                batch_id TEXT,
                note TEXT
            )""",
            """CREATE UNIQUE INDEX IF NOT EXISTS requests_task_sequence
                ON requests(task_id, sequence_number) WHERE sequence_number IS NOT NULL""",
            "CREATE INDEX IF NOT EXISTS requests_task ON requests(task_id, id)",
            """CREATE TABLE IF NOT EXISTS tasks (
                task_id TEXT PRIMARY KEY,
                sdk_app_id INTEGER,
                region TEXT,
                room_id TEXT,
                canvas_width INTEGER,
                canvas_height INTEGER,
                preset_name TEXT,
                started_at TEXT,
                stopped_at TEXT
            )""",
        ),
    ),
    Migration(
        "the resolutions of unknown outcomes, and the shared rate budget",
        (
            """CREATE TABLE IF NOT EXISTS resolutions (
                request INTEGER PRIMARY KEY,
                resolved_at TEXT NOT NULL,
                how TEXT NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS rate_slots (
                id INTEGER PRIMARY KEY,
                action TEXT NOT NULL,
                sent_at REAL NOT NULL,
                arrived_by REAL,
                pid INTEGER NOT NULL,
                boot TEXT NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS rate_slots_action ON rate_slots(action, sent_at)",
        ),
    ),
)

#: The tables whose columns this code checks when it opens a journal (a read-only open of a version 1 journal,
#: which has no ``resolutions`` table yet, reads it as empty).
TABLES = ("requests", "tasks")


def schema_version() -> int:
    """The version this code writes: the number of :data:`MIGRATIONS`."""
    return len(MIGRATIONS)


def read_version(db: sqlite3.Connection) -> int:
    """The file's ``user_version``; raises ``sqlite3.Error`` when the file cannot be read."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def apply(db: sqlite3.Connection, start: int, stop: int | None = None) -> None:
    """Run the steps from version ``start`` to ``stop`` (default: the newest) and set ``user_version`` to
    ``stop``. The caller holds the transaction; raises ``sqlite3.Error`` when a statement fails."""
    stop = schema_version() if stop is None else stop
    for step in MIGRATIONS[start:stop]:
        for statement in step.statements:
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {int(stop)}")


def new_database(version: int | None = None) -> sqlite3.Connection:
    """An in-memory journal at ``version`` (default the newest): what a read-only open reads where there is no
    journal yet, and the reference for :func:`columns`."""
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    db.execute("BEGIN")
    apply(db, 0, schema_version() if version is None else version)
    db.execute("COMMIT")
    db.row_factory = sqlite3.Row
    return db


def columns(version: int | None = None) -> dict[str, frozenset[str]]:
    """The columns of each table of :data:`TABLES` at ``version`` (default the newest; version 0, a journal
    written before versions existed, has those of version 1)."""
    newest = schema_version()
    wanted = newest if version is None else min(max(version, 1), newest)
    return _columns(MIGRATIONS[:wanted])


@functools.cache
def _columns(steps: tuple[Migration, ...]) -> dict[str, frozenset[str]]:
    db = sqlite3.connect(":memory:")
    try:
        for step in steps:
            for statement in step.statements:
                db.execute(statement)
        return {t: frozenset(r[1] for r in db.execute(f"PRAGMA table_info({t})")) for t in TABLES}
    finally:
        db.close()
