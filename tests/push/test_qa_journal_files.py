"""The files a push uses, as operators get them wrong: a journal another process is writing when the command opens
it, a lock directory that cannot be written, a ``--report`` path that names the journal, the task list or the
preset, and a task list with a lone carriage return inside a line. Each is one clear answer before anything is
sent, or a wait that says so — never a lost journal, a destroyed input, or one error per task."""

from __future__ import annotations

import threading
import time

import pytest

from layout_studio.push.journalfile import JournalError, JournalFile
from tests.push.conftest import OTHER, PRESET
from tests.push.test_unknown_outcomes import _hold_the_journal

TARGET = ["--sdk-app-id", "1400188366", "--region", "ap-guangzhou"]


def test_a_journal_being_written_when_a_push_opens_it_is_waited_for_and_said(cli, fake):
    assert cli("history")[0] == 0
    JournalFile(cli.journal).close()  # the file exists, as after any earlier push
    holding = threading.Event()
    holder = threading.Thread(target=_hold_the_journal, args=(cli.journal, 3.0, holding), daemon=True)
    holder.start()
    assert holding.wait(10)
    started = time.monotonic()
    code, out, err = cli("push", str(OTHER), "--task-id", "task-busy", *TARGET, "--yes")
    assert code == 0, err
    assert time.monotonic() - started >= 2.0  # it waited for the other writer instead of failing at once
    assert "another process is writing the journal; waiting" in err
    assert "over 600 s" not in err
    assert len(fake.tasks["task-busy"]) == 1
    holder.join(10)


def test_a_journal_busy_for_longer_than_the_wait_says_how_long_it_waited(tmp_path):
    path = tmp_path / "journal.sqlite3"
    JournalFile(path).close()
    holding = threading.Event()
    holder = threading.Thread(target=_hold_the_journal, args=(path, 6.0, holding), daemon=True)
    holder.start()
    assert holding.wait(10)
    told: list[str] = []
    with pytest.raises(JournalError) as caught:
        JournalFile(path, busy_wait=2.5, on_busy=told.append)
    message = str(caught.value)
    assert "600 s" not in message and "s this command waited" in message, message  # the true wait, not the limit
    assert told and "waiting" in told[0]
    holder.join(10)


def test_a_lock_directory_that_cannot_be_written_is_one_error_before_a_batch_sends(cli, fake, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "locks").write_text("not a directory")  # works as root too, where permissions do not bind
    monkeypatch.setenv("LAYOUT_STUDIO_DATA_DIR", str(data))
    ids = tmp_path / "ids.txt"
    ids.write_text("".join(f"task-l{i}\n" for i in range(5)))
    code, out, err = cli("push", str(PRESET), "--task-ids-from", str(ids), *TARGET, "--yes")
    assert code == 2, err
    assert err.count("lock") >= 1 and err.count("layout-studio: error") == 1, err
    assert "nothing was sent" in err
    assert fake.seen() == []
    code, out, err = cli("push", str(PRESET), "--task-id", "task-l9", *TARGET, "--yes")
    assert code == 2 and "nothing was sent" in err and fake.seen() == []


@pytest.mark.parametrize("what", ["journal", "tasks", "preset"])
def test_a_report_path_naming_an_input_or_the_journal_is_refused_and_the_file_is_kept(cli, fake, tmp_path, what):
    preset = tmp_path / "preset.json"
    preset.write_text(PRESET.read_text())
    ids = tmp_path / "ids.txt"
    ids.write_text("task-r1\ntask-r2\n")
    assert cli("push", str(preset), "--task-id", "task-r0", *TARGET, "--yes")[0] == 0  # the journal has history
    before = {p: p.read_bytes() for p in (preset, ids, cli.journal)}
    report = {"journal": cli.journal, "tasks": ids, "preset": preset}[what]
    sent = len(fake.seen())
    code, out, err = cli("push", str(preset), "--task-ids-from", str(ids), *TARGET, "--yes", "--report", str(report))
    assert code == 2, err
    assert "--report" in err and "nothing was sent" in err
    assert len(fake.seen()) == sent
    assert {p: p.read_bytes() for p in (preset, ids)} == {p: before[p] for p in (preset, ids)}
    code, out, err = cli("history")
    assert code == 0 and "task-r0" in out, err


def test_a_lone_carriage_return_inside_a_task_list_line_is_an_error_naming_the_line(cli, fake, tmp_path):
    ids = tmp_path / "ids.txt"
    ids.write_bytes(b"task-c1\r\ntask-c2\rX\n")  # CRLF ends a line; a CR inside one would hide a part of it
    code, out, err = cli("push", str(PRESET), "--task-ids-from", str(ids), *TARGET, "--yes")
    assert code == 2, err
    assert "ids.txt:2" in err and "U+000D" in err and "nothing was sent" in err
    assert fake.seen() == []


@pytest.mark.parametrize("option", [["--retries", "-1"], ["--backoff", "-0.5"]])
def test_negative_retries_or_backoff_are_refused(cli, fake, option):
    code, out, err = cli("push", str(PRESET), "--task-id", "task-n1", *TARGET, "--yes", *option, fast=False)
    assert code == 2 and option[0] in err, err
    assert fake.seen() == []
