"""Ctrl-C while the one request of ``start``, ``push`` or ``stop`` is in flight: the request has left, so the first
Ctrl-C waits for its reply (saying so) and the outcome is recorded and shown — a start's TaskId included — and
nothing else leaves; a second Ctrl-C stops waiting, and the outcome is then reported unknown with what to check.
(Before, the first Ctrl-C abandoned the reply at once: the task was created, its TaskId lost.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from layout_studio.push.journal import Journal
from tests.push.conftest import OTHER, PRESET, ROOT

LATENCY = 2.0


def _run(fake, journal, *argv: str) -> subprocess.Popen:
    args = [sys.executable, "-m", "layout_studio", *argv, "--endpoint", fake.endpoint, "--journal", str(journal),
            "--region", "ap-guangzhou", "--timeout", "10", "--rate", "1000"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def _when_arrived(fake, count: int = 1, limit: float = 30.0) -> None:
    deadline = time.monotonic() + limit
    while len(fake.arrivals) < count:
        assert time.monotonic() < deadline, "the request never arrived"
        time.sleep(0.01)


COMMANDS = {
    "start": (["start", str(PRESET), "--no-ingest"], "StartPublishCdnStream"),
    "push": (["push", str(OTHER), "--task-id", "task-i", "--sdk-app-id", "1400188366", "--yes"],
             "UpdatePublishCdnStream"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_one_ctrl_c_waits_for_the_reply_of_the_request_in_flight(fake, creds, tmp_path, name):
    argv, action = COMMANDS[name]
    journal = tmp_path / "journal.sqlite3"
    fake.latency = LATENCY
    proc = _run(fake, journal, *argv)
    _when_arrived(fake)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "waiting for the reply" in err and "Ctrl-C again" in err, err
    [(_, sent_action, _body)] = fake.seen()
    assert sent_action == action and len(fake.arrivals) == 1
    with Journal(journal) as j:
        [row] = [e for e in j.entries() if e.action == action]
    assert row.status == "ok"
    if name == "start":
        assert out.strip() == row.task_id and row.task_id.startswith("task-")


def test_a_second_ctrl_c_stops_waiting_and_says_what_to_check(fake, creds, tmp_path):
    journal = tmp_path / "journal.sqlite3"
    fake.latency = LATENCY
    proc = _run(fake, journal, "start", str(PRESET), "--no-ingest")
    _when_arrived(fake)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert out == ""
    assert "outcome is unknown" in err and "trtc_partner_test_1" in err and "--force" in err, err
    with Journal(journal) as j:
        [row] = j.entries()
    assert row.status == "unknown" and row.error_code == "Interrupted"


def test_requests_from_the_main_thread_leave_no_connection_open(fake, creds, tmp_path):
    """Each request of the main thread is made by a helper thread (so that Ctrl-C can wait for it): its HTTP
    session is closed when it ends, so an embedder pushing many times from one Pusher keeps no socket per request."""
    from layout_studio.presets import load_preset
    from layout_studio.push import Pusher, PushOptions

    design = load_preset(PRESET)
    options = PushOptions(endpoint=fake.endpoint, journal=tmp_path / "j.sqlite3", region="ap-guangzhou",
                          sdk_app_id=1400188366, rate=1000)  # fmt: skip
    with Pusher(options) as pusher:
        for i in range(30):
            assert pusher.push_plan(pusher.plan_update(design, f"task-m{i}"), preset=design).status == "ok"
        assert pusher.client("ap-guangzhou")._sessions == []
