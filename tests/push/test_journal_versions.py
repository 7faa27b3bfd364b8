"""Journal schema versions: a journal written before versions existed is upgraded in place keeping every row, a
journal of a newer version is refused and left as it is, and a read-only open never writes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from layout_studio.push import migrations
from layout_studio.push.journal import Journal, JournalError
from layout_studio.push.status import AttemptStatus
from tests.push.conftest import OTHER
from tests.push.conftest import run_main as _main

#: The journal's tables exactly as layout-studio wrote them before the journal had a schema version
#: (user_version 0). Kept here as text: it is the format existing users' journals are in.
OLD_SCHEMA = """
CREATE TABLE IF NOT EXISTS requests (
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
);
CREATE UNIQUE INDEX IF NOT EXISTS requests_task_sequence
    ON requests(task_id, sequence_number) WHERE sequence_number IS NOT NULL;
CREATE INDEX IF NOT EXISTS requests_task ON requests(task_id, id);
CREATE TABLE IF NOT EXISTS tasks (
    task_id TEXT PRIMARY KEY,
    sdk_app_id INTEGER,
    region TEXT,
    room_id TEXT,
    canvas_width INTEGER,
    canvas_height INTEGER,
    preset_name TEXT,
    started_at TEXT,
    stopped_at TEXT
);
"""

START, UPDATE, STOP = "StartPublishCdnStream", "UpdatePublishCdnStream", "StopPublishCdnStream"
BODY = {"SdkAppId": 1400188366, "TaskId": "task-old", "VideoParams": {"BackGroundColor": "0x101820"}}
ROWS = [
    # task_id, action, sequence_number, status, request_id, error_code, batch_id
    ("task-old", START, None, "ok", "req-1", None, None),
    ("task-old", UPDATE, 1700000000001, "ok", "req-2", None, "batch-1"),
    ("task-old", UPDATE, 1700000000002, "error", "req-3", "ResourceNotFound", None),
    ("task-old", UPDATE, 1700000000003, "not-sent", None, "ClientNetworkError", None),
    ("task-old", UPDATE, 1700000000004, "unknown", None, "Timeout", None),
    ("task-old", UPDATE, 1700000000005, "pending", None, None, None),
    ("task-old", STOP, None, "ok", "req-7", None, None),
    (None, START, None, "unknown", None, "Timeout", None),
]


def _old_journal(path: Path) -> None:
    """A journal as the code before schema versions left it: WAL, today's tables, rows of every status."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(OLD_SCHEMA)
    for i, (task, action, seq, status, request_id, code, batch) in enumerate(ROWS):
        db.execute(
            "INSERT INTO requests (task_id, action, sequence_number, preset_name, design_hash, body, stripped, "
            "region, sdk_app_id, status, request_id, error_code, error_message, created_at, finished_at, batch_id, "
            "note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                task,
                action,
                seq,
                "2x2 grid",
                f"{i:064x}",
                json.dumps(dict(BODY, SequenceNumber=seq) if seq else BODY, sort_keys=True),
                json.dumps(["AgentParams.UserSig"] if action == START else []),
                "ap-guangzhou",
                1400188366,
                status,
                request_id,
                code,
                f"simulated {code}" if code else None,
                f"2025-01-31T12:00:0{i}.000Z",
                None if status == "pending" else f"2025-01-31T12:00:0{i}.500Z",
                batch,
                "rolled back" if i == 1 else None,
            ),
        )
    db.execute(
        "INSERT INTO tasks VALUES ('task-old', 1400188366, 'ap-guangzhou', '630777', 1280, 720, 'two-up', "
        "'2025-01-31T12:00:00.000Z', '2025-01-31T12:00:06.000Z')"
    )
    db.commit()
    db.close()


def _dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of both tables, as stored."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: [tuple(r) for r in db.execute(f"SELECT * FROM {t} ORDER BY rowid")] for t in ("requests", "tasks")}
    finally:
        db.close()


def _user_version(path: Path) -> int:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        db.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_journal_written_before_versions_is_upgraded_in_place_keeping_every_row(tmp_path):
    path = tmp_path / "journal.sqlite3"
    _old_journal(path)
    before = _dump(path)
    assert _user_version(path) == 0

    with Journal(path) as journal:
        assert journal.version == migrations.schema_version()
        entries = journal.entries()
        assert [(e.task_id, e.action, e.sequence_number, e.status) for e in entries] == [
            (task, action, seq, status) for task, action, seq, status, *_ in ROWS
        ]
        assert all(isinstance(e.status, AttemptStatus) for e in entries)
        assert entries[0].stripped == ["AgentParams.UserSig"] and entries[1].batch_id == "batch-1"
        assert entries[1].body["VideoParams"] == BODY["VideoParams"] and entries[1].note == "rolled back"
        task = journal.task("task-old")
        assert task is not None and task.canvas == (1280, 720) and task.stopped_at == "2025-01-31T12:00:06.000Z"
        assert [e.id for e in journal.iter_applied("task-old")] == [1, 2]
        assert journal.last_maybe_applied("task-old").status == "pending"
        # the upgraded journal keeps working: the next SequenceNumber is above every one it holds
        row, seq = journal.reserve_update("task-old", {"TaskId": "task-old"})
        assert seq > 1700000000005
        journal.finish(row, AttemptStatus.OK, request_id="req-new")

    assert _user_version(path) == migrations.schema_version()
    after = _dump(path)
    assert after["tasks"] == before["tasks"]
    assert after["requests"][: len(ROWS)] == before["requests"][: len(ROWS)]  # every old row, byte for byte
    with sqlite3.connect(path) as db:  # written by the new code: the same plain strings as before
        assert db.execute("SELECT status, typeof(status) FROM requests ORDER BY id DESC").fetchone() == ("ok", "text")
    with Journal(path) as journal:  # opening an upgraded journal again changes nothing
        assert journal.version == migrations.schema_version() and len(journal.entries()) == len(ROWS) + 1


def test_a_new_journal_has_exactly_the_tables_of_before(tmp_path):
    old, new = tmp_path / "old.sqlite3", tmp_path / "new.sqlite3"
    _old_journal(old)
    Journal(new).close()

    def shape(path: Path) -> dict[str, list[tuple]]:
        with sqlite3.connect(path) as db:
            out = {t: db.execute(f"PRAGMA table_info({t})").fetchall() for t in ("requests", "tasks")}
            out["indexes"] = sorted(db.execute("PRAGMA index_list(requests)").fetchall())
            return out

    assert shape(new) == shape(old)


def test_reading_an_old_journal_never_writes_it(tmp_path):
    path = tmp_path / "journal.sqlite3"
    _old_journal(path)
    digest = _digest(path)
    with Journal(path, readonly=True) as journal:
        assert journal.version == 0 and len(journal.entries()) == len(ROWS)
    code, out, err = _main("history", "task-old", "--journal", str(path))
    assert code == 0 and "task-old" in out and "not-sent" in out, err
    assert _user_version(path) == 0 and _digest(path) == digest


def _newer_journal(path: Path) -> str:
    Journal(path).close()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO requests (action, body, status, created_at) VALUES (?, '{}', 'ok', '2031-01-01T00:00:00Z')",
            (STOP,),
        )
        db.execute(f"PRAGMA user_version = {migrations.schema_version() + 1}")
    db.close()
    return _digest(path)


@pytest.mark.parametrize("readonly", [False, True])
def test_a_journal_of_a_newer_version_is_refused_and_left_as_it_is(tmp_path, readonly):
    path = tmp_path / "journal.sqlite3"
    digest = _newer_journal(path)
    with pytest.raises(JournalError) as err:
        Journal(path, readonly=readonly)
    text = str(err.value)
    assert str(path) in text and "newer layout-studio" in text and f"version {migrations.schema_version() + 1}" in text
    assert "left as it is" in text
    assert _digest(path) == digest and _user_version(path) == migrations.schema_version() + 1


@pytest.mark.parametrize("command", ["history", "push", "dry-run"])
def test_the_commands_refuse_a_newer_journal_with_exit_2_and_send_nothing(fake, creds, tmp_path, command):
    path = tmp_path / "journal.sqlite3"
    digest = _newer_journal(path)
    connection = ["--sdk-app-id", "1400188366", "--region", "ap-guangzhou", "--endpoint", fake.endpoint]
    argv = {
        "history": ["history"],
        "push": ["push", str(OTHER), "--task-id", "t-1", "--yes", *connection],
        "dry-run": ["push", str(OTHER), "--task-id", "t-1", "--dry-run", *connection],
    }[command]
    code, _, err = _main(*argv, "--journal", str(path))
    assert code == 2 and "newer layout-studio" in err and "Traceback" not in err, err
    assert fake.seen() == [] and _digest(path) == digest


ADD_ORIGIN = migrations.Migration("requests.origin", ("ALTER TABLE requests ADD COLUMN origin TEXT DEFAULT 'cli'",))


def test_a_later_step_upgrades_an_old_journal_and_keeps_every_row(tmp_path, monkeypatch):
    """The mechanism for the next schema change: a step that adds a column, run on a journal two versions old."""
    path = tmp_path / "journal.sqlite3"
    _old_journal(path)
    before = _dump(path)
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, ADD_ORIGIN))
    newest = migrations.schema_version()

    with pytest.raises(JournalError) as err:  # read-only: too old to read as it is, and not upgraded
        Journal(path, readonly=True)
    assert "older than this layout-studio" in str(err.value) and "Journal(" in str(err.value)
    assert _user_version(path) == 0

    with Journal(path) as journal:
        assert journal.version == newest and len(journal.entries()) == len(ROWS)
    assert _user_version(path) == newest
    with sqlite3.connect(path) as db:
        assert {r[0] for r in db.execute("SELECT origin FROM requests")} == {"cli"}
        kept = [row[:-1] for row in db.execute("SELECT * FROM requests ORDER BY rowid")]
    assert kept == before["requests"][: len(ROWS)]


def test_a_failing_step_leaves_the_journal_as_it_was(tmp_path, monkeypatch):
    """Every pending step and the new version are one transaction: nothing is half-upgraded."""
    path = tmp_path / "journal.sqlite3"
    _old_journal(path)
    before = _dump(path)
    broken = migrations.Migration("broken", ("ALTER TABLE requests ADD COLUMN origin TEXT", "SELECT * FROM nowhere"))
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, broken))
    with pytest.raises(JournalError, match="cannot upgrade the journal"):
        Journal(path)
    assert _user_version(path) == 0 and _dump(path) == before
    with sqlite3.connect(path) as db:
        assert "origin" not in {r[1] for r in db.execute("PRAGMA table_info(requests)")}


def test_a_row_with_a_status_this_version_does_not_know_is_a_clear_error(tmp_path):
    path = tmp_path / "journal.sqlite3"
    _old_journal(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE requests SET status = 'half-done' WHERE id = 3")
    db.close()
    code, _, err = _main("history", "--journal", str(path))
    assert code == 2 and "request #3" in err and "half-done" in err and "Traceback" not in err, err
