"""A journal that cannot be written (a read-only file or folder, a write SQLite refuses) is one error naming the file
and the fix, exit 2, before anything is sent — in a batch too, not one identical error per task and exit 1."""

from __future__ import annotations

import os
import sqlite3

import pytest

from layout_studio.push.journal import Journal
from tests.push.conftest import OTHER


def _batch(cli, tmp_path, *extra):
    ids = tmp_path / "ids.txt"
    ids.write_text("task-1\ntask-2\ntask-3\n")
    target = ["--sdk-app-id", "1400188366", "--region", "ap-guangzhou"]
    return cli("push", str(OTHER), "--task-ids-from", str(ids), *target, *extra)


def _assert_one_error(code, err, fake, path):
    assert code == 2, err
    assert err.count("cannot write the journal") == 1 and str(path) in err, err
    assert "Traceback" not in err and "task-1" not in err
    assert fake.seen() == []


def _existing_journal(path):
    with Journal(path) as journal:
        journal.record("StopPublishCdnStream", {"TaskId": "old"}, task_id="old")


def test_a_journal_refusing_every_write_is_one_error_before_a_batch_sends(cli, fake, tmp_path):
    _existing_journal(cli.journal)
    db = sqlite3.connect(cli.journal)  # stands for a full disk or a file another program locked against writes
    db.execute("CREATE TRIGGER refuse BEFORE INSERT ON requests BEGIN SELECT RAISE(ABORT, 'disk is full'); END")
    db.commit()
    db.close()
    code, _, err = _batch(cli, tmp_path, "--yes")
    _assert_one_error(code, err, fake, cli.journal)


def test_a_journal_sqlite_can_only_open_read_only_is_one_error_before_a_batch_sends(cli, fake, tmp_path, monkeypatch):
    """What SQLite does when the operating system refuses write access (a read-only file, folder or disk): it opens
    the file read-only and refuses the first write."""
    _existing_journal(cli.journal)
    connect = sqlite3.connect

    def read_only(database, *args, **kwargs):
        if str(database) == str(cli.journal):
            return connect(f"file:{database}?mode=ro", *args, uri=True, **kwargs)
        return connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    code, _, err = _batch(cli, tmp_path, "--yes")
    _assert_one_error(code, err, fake, cli.journal)
    code, _, err = cli("push", str(OTHER), "--task-id", "task-1", "--sdk-app-id", "1400188366", "--yes")
    _assert_one_error(code, err, fake, cli.journal)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not bind root")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_journal_file_or_folder_is_one_error_before_a_batch_sends(cli, fake, tmp_path, what):
    _existing_journal(cli.journal)
    target = cli.journal if what == "file" else cli.journal.parent
    mode = target.stat().st_mode
    target.chmod(0o444 if what == "file" else 0o555)
    try:
        code, _, err = _batch(cli, tmp_path, "--yes")
    finally:
        target.chmod(mode)
    _assert_one_error(code, err, fake, cli.journal)
