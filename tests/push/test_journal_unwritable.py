"""A journal that cannot be written (a read-only file or folder, a write SQLite refuses) is one error naming the file
and the fix, exit 2, before anything is sent — in a batch too, not one identical error per task and exit 1."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

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


#: Run as root, the command runs without the capabilities that let root write what permissions forbid
#: (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH: dropped from its bounding set), so a read-only file or folder binds it as
#: it binds any user. Dropping them (not switching to an unprivileged uid) keeps the interpreter reachable wherever
#: it is installed (a pyenv under /root is not readable by another user).
WITHOUT_DAC = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def _permissions_binding() -> list[str]:
    """The prefix that runs a command with file permissions binding it: none for a user, :data:`WITHOUT_DAC` for
    root; skips the test when root cannot drop the capabilities here (no setpriv, or the kernel refuses)."""
    if os.geteuid() != 0:
        return []
    probe = [*WITHOUT_DAC, sys.executable, "-c", "import layout_studio"]
    try:
        done = subprocess.run(probe, capture_output=True, text=True, timeout=60)
    except OSError as err:
        pytest.skip(f"root cannot run a command bound by file permissions here: {err}")
    if done.returncode != 0:
        pytest.skip(f"root cannot run a command bound by file permissions here: {done.stderr.strip()[-200:]}")
    return WITHOUT_DAC


@pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_journal_file_or_folder_is_one_error_before_a_batch_sends(fake, creds, tmp_path, what):
    journal = tmp_path / "journal" / "journal.sqlite3"
    journal.parent.mkdir()
    _existing_journal(journal)
    ids = tmp_path / "ids.txt"
    ids.write_text("task-1\ntask-2\ntask-3\n")
    argv = [*_permissions_binding(), sys.executable, "-m", "layout_studio", "push", str(OTHER), "--yes"]
    argv += ["--task-ids-from", str(ids), "--sdk-app-id", "1400188366", "--region", "ap-guangzhou"]
    argv += ["--endpoint", fake.endpoint, "--rate", "1000", "--backoff", "0.01", "--timeout", "1"]
    argv += ["--journal", str(journal)]
    target = journal if what == "file" else journal.parent
    mode = target.stat().st_mode
    target.chmod(0o444 if what == "file" else 0o555)
    try:
        done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    finally:
        target.chmod(mode)
    _assert_one_error(done.returncode, done.stderr, fake, journal)
