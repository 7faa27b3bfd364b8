"""Batch push: many tasks, a report, resume, and a run killed with SIGKILL half-way then resumed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from layout_studio.errors import LayoutStudioError
from layout_studio.push.journal import Journal
from tests.push.conftest import OTHER, ROOT, load_json

TARGET = ["--sdk-app-id", "1400188366", "--region", "ap-guangzhou"]
#: ``python -c`` code running the command line (arguments after it) with Python's own Ctrl-C handling. A child
#: inherits an ignored SIGINT (a suite run under nohup, as a background job, or by a CI runner), and Python then
#: leaves it ignored: a Ctrl-C sent to the batch would do nothing.
WITH_CTRL_C = (
    "import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "runpy.run_module('layout_studio', run_name='__main__', alter_sys=True)"
)


def _ids(tmp_path, n):
    path = tmp_path / "tasks.txt"
    path.write_text("# tasks\n" + "\n".join(f"task-b{i:04d}" for i in range(n)) + "\n\n")
    return path, [f"task-b{i:04d}" for i in range(n)]


def test_batch_applies_once_reports_and_resumes_by_skipping(cli, fake, tmp_path):
    ids_file, ids = _ids(tmp_path, 25)
    report = tmp_path / "out.json"
    code, out, err = cli(
        "push", str(OTHER), "--task-ids-from", str(ids_file), *TARGET, "--yes", "--report", str(report)
    )
    assert code == 0, err
    assert "25 ok" in out
    data = load_json(report)
    assert data["counts"] == {"ok": 25} and [t["task_id"] for t in data["tasks"]] == ids
    assert all(len(fake.tasks[t]) == 1 for t in ids)
    assert "/25" in err  # the progress line

    code, out, _ = cli("push", str(OTHER), "--task-ids-from", str(ids_file), *TARGET, "--yes", "--report", str(report))
    assert code == 0 and "25 skipped" in out
    assert all(len(fake.tasks[t]) == 1 for t in ids)
    assert load_json(report)["counts"] == {"skipped": 25}
    assert fake.violations == []


def test_force_sends_again_to_tasks_that_already_have_the_design(cli, fake, tmp_path):
    ids_file, ids = _ids(tmp_path, 3)
    code, out, err = cli("push", str(OTHER), "--task-ids-from", str(ids_file), *TARGET, "--yes")
    assert code == 0 and "3 ok" in out, err
    code, out, err = cli("push", str(OTHER), "--task-ids-from", str(ids_file), *TARGET, "--yes", "--force")
    assert code == 0 and "3 ok" in out, err
    assert all(len(fake.tasks[t]) == 2 for t in ids)
    assert fake.violations == []


def test_batch_reports_failed_tasks_and_exits_1(cli, fake, tmp_path):
    ids_file, ids = _ids(tmp_path, 5)
    fake.faults.append("error:ResourceNotFound")
    report = tmp_path / "out.json"
    code, _, err = cli(
        "push",
        str(OTHER),
        "--task-ids-from",
        str(ids_file),
        *TARGET,
        "--yes",
        "--workers",
        "1",
        "--report",
        str(report),
    )
    assert code == 1 and "ResourceNotFound" in err
    data = load_json(report)
    assert data["counts"] == {"ok": 4, "error": 1}
    failed = [t for t in data["tasks"] if t["status"] == "error"]
    assert failed[0]["error"]["code"] == "ResourceNotFound"
    # the rerun sends only the failed task
    code, out, _ = cli("push", str(OTHER), "--task-ids-from", str(ids_file), *TARGET, "--yes")
    assert code == 0 and "1 ok" in out and "4 skipped" in out


def test_batch_killed_half_way_and_resumed_applies_every_task_exactly_once(fake, creds, tmp_path):
    ids_file, ids = _ids(tmp_path, 60)
    journal = tmp_path / "journal.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [
        sys.executable,
        "-m",
        "layout_studio",
        "push",
        str(OTHER),
        "--task-ids-from",
        str(ids_file),
        *TARGET,
        "--yes",
        "--endpoint",
        fake.endpoint,
        "--journal",
        str(journal),
        "--rate",
        "40",
    ]
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    deadline = time.monotonic() + 30
    while len(fake.seen("UpdatePublishCdnStream")) < 20 and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    sent_before = len(fake.seen("UpdatePublishCdnStream"))
    assert 20 <= sent_before < 60, "the run must be killed half-way"

    with Journal(journal) as j:
        rows = [e for e in j.entries() if e.action == "UpdatePublishCdnStream"]
    recorded = {(e.task_id, e.sequence_number) for e in rows}
    received = {(b["TaskId"], b["SequenceNumber"]) for _, _, b in fake.seen("UpdatePublishCdnStream")}
    assert received <= recorded, "every request that reached the server was in the journal first"
    in_flight = {e.task_id for e in rows if e.status == "pending"}

    result = subprocess.run(argv, env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr

    design = fake.tasks[ids[0]][-1]["VideoParams"]
    for task in ids:
        bodies = fake.tasks[task]
        assert bodies, f"{task} never received the design"
        assert bodies[-1]["VideoParams"] == design
        if len(bodies) > 1:  # only a task in flight at the kill may get the (identical) design again
            assert task in in_flight and len(bodies) == 2
    all_seqs = [(t, b["SequenceNumber"]) for t in ids for b in fake.tasks[t]]
    assert len(all_seqs) == len(set(all_seqs))
    assert fake.violations == []
    with Journal(journal) as j:
        latest = j.latest_designs(ids)
    assert all(latest[t].status == "ok" for t in ids)


def test_ctrl_c_stops_the_batch_records_everything_and_writes_the_report(fake, creds, tmp_path):
    ids_file, ids = _ids(tmp_path, 60)
    journal, report = tmp_path / "journal.sqlite3", tmp_path / "report.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [
        sys.executable,
        "-c",
        WITH_CTRL_C,
        "push",
        str(OTHER),
        "--task-ids-from",
        str(ids_file),
        *TARGET,
        "--yes",
        "--endpoint",
        fake.endpoint,
        "--journal",
        str(journal),
        "--rate",
        "40",
        "--report",
        str(report),
    ]
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 30
    while len(fake.seen("UpdatePublishCdnStream")) < 15 and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "run the same command again to resume" in err
    assert "the connection could not be made" not in err  # an interrupted task is not a network failure
    data = load_json(report)
    assert data["interrupted"] is True
    sent = {b["TaskId"] for _, _, b in fake.seen("UpdatePublishCdnStream")}
    reported_ok = {t["task_id"] for t in data["tasks"] if t["status"] == "ok"}
    assert reported_ok == sent and 15 <= len(sent) < 60
    with Journal(journal) as j:
        entries = j.entries()
    # requests in flight finished and were recorded; those still waiting for the rate limit never left
    assert {e.status for e in entries} <= {"ok", "not-sent"}
    assert {e.task_id for e in entries if e.status == "ok"} == sent
    assert all(e.error_code == "Cancelled" and e.task_id not in sent for e in entries if e.status == "not-sent")


def test_a_second_ctrl_c_stops_waiting_and_still_writes_the_report(fake, creds, tmp_path):
    """The first Ctrl-C waits for the requests in flight; a second stops waiting. The report is still written, the
    requests in flight are in it as ``unknown`` (not lost, not ``not-sent``), and a later run names them."""
    ids_file, ids = _ids(tmp_path, 20)
    journal, report = tmp_path / "journal.sqlite3", tmp_path / "report.json"
    fake.latency = 2.0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-c", WITH_CTRL_C, "push", str(OTHER), "--task-ids-from", str(ids_file), *TARGET,
            "--yes", "--endpoint", fake.endpoint, "--journal", str(journal), "--workers", "4", "--timeout", "10",
            "--report", str(report)]  # fmt: skip
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 30
    while len(fake.arrivals) < 4 and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    data = load_json(report)
    assert data["interrupted"] is True
    by_status: dict[str, set[str]] = {}
    for task in data["tasks"]:
        by_status.setdefault(task["status"], set()).add(task["task_id"])
    in_flight = {b["TaskId"] for _, _, b in fake.seen("UpdatePublishCdnStream")} | {
        task for task in ids if fake.tasks.get(task)
    }
    assert by_status.get("unknown") == in_flight and len(in_flight) == 4, (by_status, in_flight)
    assert by_status["not-sent"] == set(ids) - in_flight
    assert all("second Ctrl-C" in (t.get("note") or "") for t in data["tasks"] if t["status"] == "unknown")
    with Journal(journal) as j:
        statuses = {e.task_id: e.status for e in j.entries() if e.task_id in in_flight}
    assert set(statuses.values()) == {"ok"}, statuses  # the replies were recorded before the process ended


def test_an_unwritable_report_path_is_refused_before_any_task_is_pushed(cli, fake, tmp_path):
    """The report is written at the end: a bad --report path found then would leave the batch pushed but
    unreported (and exit 2 as if nothing had happened). It is checked first, and nothing is sent."""
    ids_file, _ = _ids(tmp_path, 3)
    for report in (tmp_path / "no-such-dir" / "out.json", tmp_path):
        code, out, err = cli(
            "push", str(OTHER), "--task-ids-from", str(ids_file), *TARGET, "--yes", "--report", str(report)
        )
        assert code == 2 and str(report) in err and "Traceback" not in err, err
        assert "nothing was sent" in err
        assert fake.seen() == []
    with Journal(cli.journal) as journal:
        assert journal.entries() == []


def test_a_task_list_line_with_two_words_is_refused_naming_the_line(cli, fake, tmp_path):
    """'task-a task-b' on one line is two TaskIds run together (or a table pasted): not a TaskId to send."""
    ids = tmp_path / "ids.txt"
    ids.write_text("task-a\n\ntask-b task-c  # two on one line\n")
    code, _, err = cli("push", str(OTHER), "--task-ids-from", str(ids), *TARGET, "--yes")
    assert code == 2 and f"{ids}:3" in err and "one TaskId a line" in err, err
    assert fake.seen() == []


def test_a_batch_dry_run_prints_the_request_and_sends_nothing(cli, fake, tmp_path):
    ids_file, ids = _ids(tmp_path, 3)
    code, out, err = cli("push", str(OTHER), "--task-ids-from", str(ids_file), *TARGET, "--dry-run")
    assert code == 0, err
    assert "dry run: POST" in out and "X-TC-Action: UpdatePublishCdnStream" in out and "Signature=***" in out
    assert f'"TaskId": "{ids[0]}"' in out and "3 dry-run" in out
    assert fake.seen() == []


def test_a_task_list_saved_with_a_byte_order_mark_reads_the_first_task_id_cleanly(tmp_path):
    """Editors on Windows save UTF-8 with a BOM: it must not become part of the first TaskId."""
    from layout_studio.push.batch import read_task_ids

    path = tmp_path / "ids.txt"
    path.write_bytes("\ufefftask-1\r\ntask-2\r\n".encode("utf-8"))
    assert read_task_ids(path) == ["task-1", "task-2"]
    path.write_bytes("task-1\r\n".encode("utf-16"))  # Windows PowerShell's `>`
    with pytest.raises(LayoutStudioError, match="UTF-16 text"):
        read_task_ids(path)


def test_a_task_list_in_latin_1_names_the_line_and_byte_not_powershell(tmp_path):
    from layout_studio.push.batch import read_task_ids

    path = tmp_path / "ids.txt"
    path.write_bytes("task-1\ntask-caf\u00e9\n".encode("latin-1"))
    with pytest.raises(LayoutStudioError, match=r"ids.txt:2: not UTF-8 text \(byte 0xE9\)") as err:
        read_task_ids(path)
    assert "PowerShell" not in str(err.value)


def test_a_journal_under_a_file_says_the_file_is_in_the_way(fake, creds, capsys, tmp_path):
    from layout_studio.cli import main

    blocker = tmp_path / "afile"
    blocker.write_text("x")
    code = main(["push", str(OTHER), "--task-id", "task-1", *TARGET, "--yes", "--endpoint", fake.endpoint,
                 "--journal", str(blocker / "j.sqlite3")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and f"{blocker} is a file, not a folder" in err, err
    assert fake.seen() == []
