"""A stop whose every attempt's reply was lost: the outcome is unknown, and the advice is to stop again (not "push
again"); the next stop that finds the task gone reports it stopped (by the earlier stop), exit 0, and the journal
marks it stopped — for each task API."""

from __future__ import annotations

import json

import pytest

from layout_studio.push.journal import Journal
from tests.push.applying import STORAGE, STORAGE_KEY
from tests.push.conftest import PRESET

LOST = ["drop-after", "hang", "hang", "hang"]  # applied, then no reply to any retry (hang > --timeout 1)
STARTS = {
    "mix": (["start", str(PRESET), "--no-ingest"], lambda t: ["stop", "--task-id", t, "--yes"]),
    "record": (["record", "start", str(PRESET), *STORAGE, "--storage-secret-key", STORAGE_KEY],
               lambda t: ["record", "stop", t, "--yes"]),
    "ingest": (["ingest", "start", "--room", "295066", "--sdk-app-id", "1400188366", "--user", "clip_1", "--url",
                "https://media.example.com/a.mp4"], lambda t: ["ingest", "stop", t, "--yes"]),
}  # fmt: skip


@pytest.mark.parametrize("api", sorted(STARTS))
def test_a_stop_with_every_reply_lost_is_unknown_and_the_next_stop_reports_it_stopped(cmd, fake, api):
    start, stop = STARTS[api]
    code, out, err = cmd(*start)
    assert code == 0, err
    task = out.strip()
    fake.hang_seconds = 1.5
    fake.faults.extend(LOST)
    code, out, err = cmd(*stop(task))
    assert code == 1, err
    assert "outcome is unknown" in err and "push again" not in err and "stop" in err.split("outcome is unknown")[1]
    fake.faults.clear()
    code, out, err = cmd(*stop(task))
    assert code == 0, err
    assert f"task {task}: stopped (probably by an earlier stop" in out
    with Journal(cmd.journal) as journal:
        assert journal.task(task).stopped_at
    code, out, err = cmd("history", "--format", "json")
    stops = [e for e in json.loads(out) if e["task_id"] == task and e["action"] != json.loads(out)[0]["action"]]
    lost = [e for e in stops if e["status"] == "unknown"]
    assert lost and all(e["resolution"] and "stopped" in e["resolution"] for e in lost), lost


def test_a_stop_of_a_gone_task_without_an_earlier_unknown_stop_is_still_an_error(cmd, fake):
    code, out, err = cmd("start", str(PRESET), "--no-ingest")
    task = out.strip()
    assert cmd("stop", "--task-id", task, "--yes")[0] == 0
    code, out, err = cmd("stop", "--task-id", task, "--yes")
    assert code == 1 and "ResourceNotFound" in err, err
