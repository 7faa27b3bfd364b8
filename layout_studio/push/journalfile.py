"""The journal file: opening it (created, upgraded, or read-only), its schema version, and waiting for other
processes that write it.

A :class:`JournalFile` is one SQLite connection (stdlib ``sqlite3``, WAL, ``synchronous=FULL``) behind a thread
lock. Writes are ``BEGIN IMMEDIATE`` transactions (:meth:`JournalFile.transaction`). When another process holds the
file (a write in progress, a long one included), a read or write waits for it — up to ``busy_wait`` seconds
(default 10 minutes), telling ``on_busy`` once — instead of failing: a request that left must be recorded with its
real outcome, and one that has not left yet simply leaves later. Other failures (read-only file, full disk, a
damaged or foreign file) are a :class:`JournalError` at once.

The file carries its schema version (``PRAGMA user_version``): opening it for writing upgrades an older journal in
place, keeping every row; a journal of a newer version is refused and left as it is; a read-only open never
writes (:mod:`layout_studio.push.migrations`). What the tables hold: :mod:`layout_studio.push.journal`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self, TypeVar
from urllib.parse import quote

from .. import paths
from ..errors import LayoutStudioError
from ..redaction import RedactingConnection
from . import migrations
from .status import AttemptStatus

#: How long a read or write waits for another process holding the journal, seconds.
BUSY_WAIT = 600.0
#: How often it looks again, seconds.
BUSY_POLL = 0.05

_T = TypeVar("_T")


class JournalError(LayoutStudioError):
    """The journal file cannot be opened, read or written (read-only, full disk, locked by another process for
    longer than the wait, damaged); the message names the file and the fix. A failure before a request leaves
    means it is not sent."""


def utc_now() -> str:
    """The current time as ISO 8601 UTC with milliseconds (``2025-01-31T12:00:00.123Z``)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def default_path() -> Path:
    """``<user data dir>/journal.sqlite3``."""
    return paths.data_dir() / "journal.sqlite3"


class JournalFile:
    """The journal file at ``path`` (default :func:`default_path`), created on first use. Thread-safe (one
    connection behind a lock) and process-safe (SQLite locking; ``BEGIN IMMEDIATE`` for SequenceNumbers).

    ``readonly`` opens it without creating, upgrading or writing anything. ``version`` is the file's schema
    version (:mod:`~layout_studio.push.migrations`). Raises :class:`JournalError` when the file cannot be opened,
    is not a journal, or was written by a newer version."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        timeout: float = 2.0,
        readonly: bool = False,
        busy_wait: float = BUSY_WAIT,
        on_busy: Callable[[str], None] | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._lock = threading.RLock()
        self.busy_wait = busy_wait
        self.on_busy = on_busy
        self._told_busy = False
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
        except (sqlite3.Error, OSError) as err:
            raise self._error("open", err) from None
        try:  # another process may be writing the file: each step waits for it (up to busy_wait)
            self.version = self._waiting("open", lambda: migrations.read_version(self._db))
            self._refuse_newer(self.version)  # before anything is written, even the journal mode
            self._waiting("open", lambda: self._db.execute("PRAGMA journal_mode=WAL"))
            self._waiting("open", lambda: self._db.execute("PRAGMA synchronous=FULL"))
            self._waiting("read", lambda: self._check_columns(self.version))
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
                self._waiting("write", lambda: self._db.execute("BEGIN IMMEDIATE"))
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
        with self.transaction("upgrade") as db:
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
    def _busy(self, verb: str, started: float, err: sqlite3.Error) -> None:
        """After ``err``: return to try again when another process holds the file (until ``busy_wait`` has
        passed, telling ``on_busy`` once), else raise the :class:`JournalError`."""
        text = str(err)
        waited = time.monotonic() - started
        if ("locked" not in text and "busy" not in text) or waited >= self.busy_wait:
            raise self._error(verb, err, waited=waited) from None
        if self.on_busy is not None and not self._told_busy:
            self._told_busy = True
            self.on_busy(
                f"{self.path}: another process is writing the journal; waiting for it (up to {self.busy_wait:g} s)"
            )
        time.sleep(BUSY_POLL)

    def _waiting(self, verb: str, work: Callable[[], _T]) -> _T:
        """``work()``, done again while another process holds the file (:meth:`_busy`); another failure is a
        :class:`JournalError` (``work`` may raise one itself, from the sqlite3 error it met)."""
        started = time.monotonic()
        while True:
            try:
                return work()
            except sqlite3.Error as err:
                self._busy(verb, started, err)
            except JournalError as err:
                if not isinstance(err.__context__, sqlite3.Error):
                    raise
                self._busy(verb, started, err.__context__)

    @contextlib.contextmanager
    def transaction(self, verb: str = "write") -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on an exception), holding the thread lock.

        Waits while another process holds the file (up to ``busy_wait`` seconds). Raises :class:`JournalError`
        (naming the file and what to check) when SQLite refuses the write."""
        with self._lock:
            started = time.monotonic()
            while True:
                try:
                    self._db.execute("BEGIN IMMEDIATE")
                    break
                except sqlite3.Error as err:
                    self._busy(verb, started, err)
            try:
                try:
                    yield self._db
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                    raise
                while True:
                    try:
                        self._db.execute("COMMIT")
                        break
                    except sqlite3.Error as err:
                        self._busy(verb, started, err)
            except sqlite3.Error as err:
                raise self._error(verb, err) from None
            finally:
                self._told_busy = False

    def _error(self, verb: str, err: Exception, *, waited: float | None = None) -> JournalError:
        """A :class:`JournalError` naming the file, what SQLite or the OS said, and what to do (``waited``: how long
        this process waited for another one writing the file, s)."""
        text = (getattr(err, "strerror", None) if isinstance(err, OSError) else None) or str(err)
        if "readonly" in text:  # SQLite opened it read-only (a read-only file, folder or disk): the same message
            verb = "write"  # whichever step first needed to write (the WAL files of a read-only folder, a row)
        if "locked" in text or "busy" in text:
            how_long = f" for the {waited:.1f} s this command waited" if waited is not None else ""
            hint = (
                f"another process kept writing it{how_long} (a push still running?): "
                "retry when it ends, or pass --journal"
            )
        elif any(word in text for word in ("malformed", "not a database", "corrupt")):
            hint = (
                "the file is damaged or not a layout-studio journal: move it aside (a new journal is started; "
                "the old history stays in the moved file) or pass --journal PATH"
            )
        elif (blocking := _file_in_the_way(Path(self.path))) is not None:
            text, hint = f"{blocking} is a file, not a folder", "pass a --journal PATH in a folder"
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

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        """The rows of a read (waits while another process holds the file, like :meth:`transaction`)."""
        with self._lock:
            started = time.monotonic()
            while True:
                try:
                    return self._db.execute(sql, params).fetchall()
                except sqlite3.Error as err:
                    self._busy("read", started, err)


def _file_in_the_way(path: Path) -> Path | None:
    """The nearest existing parent of ``path`` when it is not a folder (so no journal can be made there)."""
    for parent in path.absolute().parents:
        if parent.exists():
            return None if parent.is_dir() else parent
    return None
