"""Faults of cloud recording and stream ingest, as for the mixing push: a start whose reply is lost after the API
acted (504-after, drop-after) is sent once and kept unresolved until --force; a stop whose reply was lost is done;
updates and describes are retried; the rate budget holds per action at a strict server; and secrets an API echoes in
its errors are never shown or stored."""

from __future__ import annotations

import json
import threading

import pytest

from layout_studio.push import PushOptions
from layout_studio.push.ingest import Ingester
from layout_studio.push.journal import Journal
from layout_studio.push.operations import Pusher
from layout_studio.push.recording import Recorder
from tests.push.applying import STORAGE, STORAGE_KEY, assert_sdk_round_trip
from tests.push.conftest import OTHER, PRESET
from tests.push.fake_trtc import FakeTrtc

LOST_REPLIES = ["504-after", "drop-after"]
USERSIG = "eJyrVgrxCdZRsgpKLU4tykvMTXUyMDG1NDU1MTJVqgUAL8sHAQ-given-usersig"
STARTS = {
    "record": (
        ["record", "start", str(PRESET), *STORAGE, "--storage-secret-key", STORAGE_KEY],
        "CreateCloudRecording",
        "recording files appear in its storage",
    ),
    "ingest": (
        ["ingest", "start", "--room", "295066", "--sdk-app-id", "1400188366", "--user", "clip_1", "--url",
         "https://media.example.com/a.mp4"],
        "StartStreamIngest",
        "the media plays in the room",
    ),
}  # fmt: skip


def _rows(cmd, action=None):
    with Journal(cmd.journal) as journal:
        return [e for e in journal.entries() if action is None or e.action == action]


def _sent(fake, action):
    return [b for _t, a, b in fake.seen(action)]


@pytest.mark.parametrize("fault", LOST_REPLIES)
@pytest.mark.parametrize("kind", sorted(STARTS))
def test_a_start_whose_reply_is_lost_is_sent_once_and_unresolved_until_forced(cmd, fake, fault, kind):
    argv, action, evidence = STARTS[kind]
    fake.faults.append(fault)
    code, out, err = cmd(*argv)
    assert code == 1 and out == "", err
    assert len(_sent(fake, action)) == 1, "a start must not be re-sent"
    assert "outcome is unknown" in err and "295066" in err and evidence in err and "--force" in err, err
    [row] = _rows(cmd, action)
    assert row.status == "unknown" and f"#{row.id}" in err

    code, out, err = cmd(*argv)  # the next start for the room and robot waits for the operator
    assert code == 1 and out == "" and f"#{row.id}" in err and "Nothing was sent" in err, err
    assert len(_sent(fake, action)) == 1
    code, out, _ = cmd("history", "--format", "json")
    assert {e["id"]: e["unresolved_start"] for e in json.loads(out)} == {row.id: True}
    code, out, _ = cmd("history")
    assert evidence in out

    code, out, err = cmd(*argv, "--force")
    if kind == "ingest":  # the lost start did start the robot: the API refuses a second one, nothing doubles
        assert code == 1 and "FailedOperation.TaskExist" in err and "ingest status" in err, err
    else:
        assert code == 0 and out.strip(), err
    code, out, _ = cmd("history", "--format", "json")
    assert {e["id"]: e["unresolved_start"] for e in json.loads(out)}[row.id] is False
    assert_sdk_round_trip(fake)


def test_an_unresolved_recording_start_does_not_block_an_ingest_or_a_mix(cmd, fake):
    fake.faults.append("504-after")
    assert cmd(*STARTS["record"][0])[0] == 1
    assert cmd(*STARTS["ingest"][0])[0] == 0
    assert cmd("start", str(PRESET))[0] == 0


@pytest.mark.parametrize(
    "start, stop", [("record", ["record", "stop"]), ("ingest", ["ingest", "stop"])], ids=["record", "ingest"]
)
def test_a_stop_whose_reply_was_lost_is_done(cmd, fake, start, stop):
    task = cmd(*STARTS[start][0])[1].strip()
    fake.faults.append("drop-after")
    code, out, err = cmd(*stop, task, "--yes")
    assert code == 0 and "stopped (probably by the first attempt)" in out, err
    assert [r.status for r in _rows(cmd) if r.task_id == task][1:] == ["unknown", "error"]


def test_a_recording_update_and_a_describe_are_retried(cmd, fake):
    task = cmd(*STARTS["record"][0])[1].strip()
    fake.faults.extend(["500", "504-after"])
    code, out, err = cmd("record", "update", str(OTHER), "--task-id", task, "--yes")
    assert code == 0 and "after 3 attempts" in out, err
    assert [r.status for r in _rows(cmd, "ModifyCloudRecording")] == ["unknown", "unknown", "ok"]
    fake.faults.append("drop")
    code, out, err = cmd("record", "status", task)
    assert code == 0 and "recording" in out, err
    assert not _rows(cmd, "DescribeCloudRecording")  # a describe changes nothing: never journaled


def test_an_ingest_start_the_api_refused_is_not_retried_and_a_limit_is(cmd, fake):
    fake.faults.append("error:FailedOperation.NotRtmpFunction")
    code, _, err = cmd(*STARTS["ingest"][0])
    assert code == 1 and "FailedOperation.NotRtmpFunction" in err and len(fake.seen()) == 0
    fake.faults.append("limit")
    code, out, err = cmd(*STARTS["ingest"][0])
    assert code == 0 and out.strip(), err  # RequestLimitExceeded: refused before any change, retried


@pytest.fixture
def strict():
    """A loopback API enforcing 20 requests per sliding second per action, with up to 20 ms of network jitter."""
    server = FakeTrtc(strict_rate=20, jitter=0.02).start()
    yield server
    server.stop()


def test_the_rate_budget_holds_per_action_at_a_strict_server(strict, creds, tmp_path):
    options = PushOptions(
        endpoint=strict.endpoint, journal=tmp_path / "j.sqlite3", region="ap-guangzhou", sdk_app_id=1400188366
    )
    with Pusher(options) as session:
        recorder, ingester = Recorder(session), Ingester(session)
        rec = recorder.start(_preset(), storage={"CloudVod": {"TencentVod": {}}}).task_id
        ing = ingester.start(
            ingester.start_body(room_id="295066", user_id="clip_1", stream_url="https://media.example.com/a.mp4")
        ).task_id
        assert rec and ing
        results: dict[str, list] = {"rec": [], "ing": []}

        def ask(name, call, task):
            for _ in range(30):
                results[name].append(call(task)[0].status)

        threads = [
            threading.Thread(target=ask, args=("rec", recorder.status, rec)),
            threading.Thread(target=ask, args=("ing", ingester.status, ing)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert results == {"rec": ["ok"] * 30, "ing": ["ok"] * 30}
    assert strict.rate_limited == 0
    assert strict.peak_per_second("DescribeCloudRecording") <= 20
    assert strict.peak_per_second("DescribeStreamIngest") <= 20
    times = sorted(t for t, a in strict.arrivals if a.startswith("Describe"))
    combined = max(sum(1 for u in times if t - 1.0 < u <= t) for t in times)
    assert combined > 20, "each action has a budget of its own"


def _preset():
    from layout_studio.presets import load_preset

    return load_preset(PRESET)


def test_secrets_echoed_in_an_error_are_never_shown_or_stored(cmd, fake, tmp_path):
    argv = [*STARTS["record"][0], "--agent-usersig", USERSIG]
    fake.faults.append("echo-body")
    code, out, err = cmd(*argv)
    assert code == 1 and "cannot parse request" in err and "***" in err, err
    fake.faults.append("echo-body")
    code2, out2, err2 = cmd(*STARTS["ingest"][0], "--usersig", USERSIG)
    assert code2 == 1 and "cannot parse request" in err2
    code3, out3, _ = cmd("history", "--format", "json")
    blobs = {"outputs": out + err + out2 + err2 + out3}
    blobs.update({p.name: p.read_bytes().decode("utf-8", "replace") for p in cmd.journal.parent.glob("journal*")})
    for name, blob in blobs.items():
        assert USERSIG not in blob and STORAGE_KEY not in blob, name
    rows = _rows(cmd)
    assert [r.status for r in rows] == ["error", "error"] and all("***" in (r.error_message or "") for r in rows)
