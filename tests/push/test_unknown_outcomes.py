"""Unknown outcomes: a start is sent at most once, an unresolved start blocks the next one for its room, a stop
whose reply was lost is reported as done, and a busy journal never turns a request that left into an error.

The loopback API acts and then loses its reply (``504-after``: a gateway timeout after the API acted,
``drop-after``: the connection closes without a reply), as real gateways do.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time

import pytest

from layout_studio.push.journal import Journal
from tests.push.conftest import OTHER, PRESET, load_json

LOST_REPLIES = ["504-after", "drop-after"]


def _starts(cli):
    with Journal(cli.journal) as journal:
        return [e for e in journal.entries() if e.action == "StartPublishCdnStream"]


@pytest.mark.parametrize("fault", LOST_REPLIES)
def test_a_start_whose_reply_is_lost_is_sent_once_and_reported_unknown(cli, fake, fault):
    fake.faults.append(fault)
    code, out, err = cli("start", str(PRESET))
    assert code == 1 and out == "", err
    assert len(fake.seen("StartPublishCdnStream")) == 1 and len(fake.tasks) == 1, "a start must not be re-sent"
    assert "outcome is unknown" in err and "again" not in err.replace("before starting again", ""), err
    # what to check, and how to resolve it
    assert "295066" in err and "trtc_partner_test_1" in err and "DescribeUserInfo" in err, err
    assert "layout-studio history" in err and "--force" in err, err
    [row] = _starts(cli)
    assert row.status == "unknown" and f"#{row.id}" in err


def test_a_start_refused_with_a_gateway_error_is_not_retried_either(cli, fake):
    """A 5xx may come after the API acted: not certain that nothing was started."""
    fake.faults.append("500")
    code, _, err = cli("start", str(PRESET))
    assert code == 1 and len(fake.seen("StartPublishCdnStream")) == 0
    assert [r.status for r in _starts(cli)] == ["unknown"]


def test_an_unresolved_start_refuses_the_next_start_for_the_room_until_forced(cli, fake):
    fake.faults.append("504-after")
    assert cli("start", str(PRESET))[0] == 1
    [unknown] = _starts(cli)

    code, out, err = cli("start", str(PRESET))
    assert code == 1 and out == "", err
    assert f"#{unknown.id}" in err and "295066" in err and "layout-studio history" in err and "--force" in err
    assert len(fake.seen("StartPublishCdnStream")) == 1, "nothing was sent"

    code, out, _ = cli("history")
    assert code == 0 and "unresolved start" in out
    code, out, _ = cli("history", "--format", "json")
    marked = {e["id"]: e["unresolved_start"] for e in json.loads(out)}
    assert marked == {unknown.id: True}

    code, out, err = cli("start", str(PRESET), "--force")
    assert code == 0 and out.strip() == "task-00002", err
    code, out, err = cli("start", str(PRESET))  # the forced start resolved the earlier one
    assert code == 0 and out.strip() == "task-00003", err
    code, out, _ = cli("history", "--format", "json")
    rows = {e["id"]: e for e in json.loads(out)}
    assert rows[unknown.id]["unresolved_start"] is False and "--force" in rows[unknown.id]["resolution"]


def test_a_start_killed_in_flight_blocks_the_next_start_for_its_room_only(cli, fake, tmp_path):
    """kill -9 during a start leaves its row pending: the next start for that room and robot refuses."""
    body = {
        "SdkAppId": 1400188366,
        "RoomId": "295066",
        "RoomIdType": 0,
        "AgentParams": {"UserId": "trtc_partner_test_1"},
    }
    with Journal(cli.journal) as journal:
        row = journal.record("StartPublishCdnStream", body)
    code, _, err = cli("start", str(PRESET))
    assert code == 1 and f"#{row}" in err and fake.seen() == [], err
    with Journal(cli.journal) as journal:
        assert journal.entry(row).status == "unknown" and journal.entry(row).error_code == "Interrupted"
    code, out, err = cli("start", str(PRESET), "--room-id", "777")
    assert code == 0 and out.strip() == "task-00001", err


def test_a_dry_run_start_warns_about_an_unresolved_start_and_sends_nothing(cli, fake):
    fake.faults.append("drop-after")
    assert cli("start", str(PRESET))[0] == 1
    code, out, err = cli("start", str(PRESET), "--dry-run")
    assert code == 0 and "unresolved start" in err and len(fake.seen()) == 1, err


@pytest.mark.parametrize("fault", LOST_REPLIES)
def test_a_stop_whose_reply_was_lost_is_reported_stopped(cli, fake, started, fault):
    fake.faults.append(fault)
    code, out, err = cli("stop", "--task-id", started, "--yes")
    assert code == 0, err
    assert f"task {started}: stopped (probably by the first attempt)" in out
    with Journal(cli.journal) as journal:
        assert journal.task(started).stopped_at
        rows = [e for e in journal.entries(started) if e.action == "StopPublishCdnStream"]
    assert [r.status for r in rows] == ["unknown", "error"] and rows[1].error_code == "ResourceNotFound"


def test_a_stop_of_a_task_that_does_not_exist_is_still_an_error(cli, fake, started):
    fake.faults.append("error:ResourceNotFound")
    code, _, err = cli("stop", "--task-id", started, "--yes")
    assert code == 1 and "ResourceNotFound" in err
    with Journal(cli.journal) as journal:
        assert not journal.task(started).stopped_at


@pytest.mark.parametrize("fault", LOST_REPLIES)
def test_an_update_whose_reply_was_lost_is_sent_again_with_a_higher_number(cli, fake, started, fault):
    fake.faults.append(fault)
    code, _, err = cli("push", str(OTHER), "--task-id", started, "--yes")
    assert code == 0, err
    seqs = [b["SequenceNumber"] for b in fake.tasks[started]]
    assert len(seqs) == 2 and seqs[0] < seqs[1]


def _hold_the_journal(path, seconds: float, started: threading.Event) -> None:
    """Another process's long write: BEGIN IMMEDIATE (waiting its turn), ``seconds``, COMMIT."""
    db = sqlite3.connect(path, isolation_level=None, timeout=60)
    db.execute("BEGIN IMMEDIATE")
    started.set()
    time.sleep(seconds)
    db.execute("COMMIT")
    db.close()


@pytest.mark.slow
def test_a_request_that_left_while_the_journal_is_busy_is_recorded_with_its_real_outcome(cli, fake, tmp_path):
    """Another process holds a write on the journal for 35 s while requests are in flight: they wait for it,
    and are recorded and reported with the API's answer (never a config error; never sent again)."""
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(f"task-j{i:02d}" for i in range(12)) + "\n")
    report = tmp_path / "report.json"
    fake.latency = 0.3
    holding = threading.Event()
    holders: list[threading.Thread] = []
    original = fake.apply

    def apply_then_lock(action, body):
        answer = original(action, body)
        if not holders:  # the journal is locked while the first request is in flight
            holders.append(threading.Thread(target=_hold_the_journal, args=(cli.journal, 35, holding), daemon=True))
            holders[0].start()
            assert holding.wait(30)
        return answer

    fake.apply = apply_then_lock
    code, out, err = cli(
        "push", str(OTHER), "--task-ids-from", str(ids), "--sdk-app-id", "1400188366", "--region", "ap-guangzhou",
        "--yes", "--report", str(report), "--workers", "4",
    )  # fmt: skip
    assert code == 0, err
    assert holding.is_set() and not holders[0].is_alive()
    assert load_json(report)["counts"] == {"ok": 12}
    assert "ConfigError" not in err
    with Journal(cli.journal) as journal:
        assert {e.status for e in journal.entries()} == {"ok"}
    assert all(len(fake.tasks[f"task-j{i:02d}"]) == 1 for i in range(12))
