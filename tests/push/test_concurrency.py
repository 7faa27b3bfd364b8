"""Concurrency: threads and processes pushing to one task, batches over the same tasks, the shared rate budget,
and batches killed with SIGKILL — against a loopback API that refuses a SequenceNumber not above the task's last one
(the ``fake`` fixture fails the test on any) and, where named, enforces 20 requests per sliding second.

Every count and time is bounded: a few hundred requests at most, each test well under a minute.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from layout_studio.push.journal import Journal
from tests.push.conftest import OTHER, ROOT, load_json
from tests.push.fake_trtc import FakeTrtc

TARGET = ["--sdk-app-id", "1400188366", "--region", "ap-guangzhou"]
UPDATE = "UpdatePublishCdnStream"

#: A process pushing ``preset`` to one task ``n`` times through the library (argv: preset task endpoint journal n).
PUSH_LOOP = """
import sys
from layout_studio.presets import load_preset
from layout_studio.push import push_update
preset, task, endpoint, journal, n = sys.argv[1:6]
design = load_preset(preset)
failed = 0
for _ in range(int(n)):
    out = push_update(design, task, endpoint=endpoint, journal=journal, region="ap-guangzhou",
                      sdk_app_id=1400188366, rate=1000, backoff=0.01)
    if out.status != "ok":
        failed += 1
        print(out.status, out.error, file=sys.stderr)
sys.exit(1 if failed else 0)
"""


def _env():
    return {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture
def strict():
    """A loopback API enforcing 20 requests per sliding second per API, with up to 20 ms of network jitter."""
    server = FakeTrtc(strict_rate=20, jitter=0.02).start()
    yield server
    server.stop()
    assert server.sequence_violations == []


def _ids(tmp_path, n, prefix="task-c", name="tasks.txt"):
    path = tmp_path / name
    ids = [f"{prefix}{i:04d}" for i in range(n)]
    path.write_text("\n".join(ids) + "\n")
    return path, ids


def _batch(server, ids_file, journal, report, *extra):
    argv = [sys.executable, "-m", "layout_studio", "push", str(OTHER), "--task-ids-from", str(ids_file), *TARGET,
            "--yes", "--endpoint", server.endpoint, "--journal", str(journal), "--report", str(report),
            *extra]  # fmt: skip
    return subprocess.Popen(argv, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


@pytest.mark.parametrize("shared_journal", [True, False], ids=["one-journal", "a-journal-each"])
def test_processes_pushing_to_one_task_never_send_a_lower_sequence_number(fake, creds, tmp_path, shared_journal):
    procs = []
    for i in range(4):
        journal = tmp_path / ("journal.sqlite3" if shared_journal else f"journal-{i}.sqlite3")
        argv = [sys.executable, "-c", PUSH_LOOP, str(OTHER), "task-one", fake.endpoint, str(journal), "15"]
        procs.append(subprocess.Popen(argv, env=_env(), stderr=subprocess.PIPE, text=True, cwd=ROOT))
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    assert len(fake.tasks["task-one"]) == 60
    assert fake.sequence_violations == [] and fake.violations == []


def test_threads_pushing_to_one_task_never_send_a_lower_sequence_number(fake, creds, tmp_path):
    from layout_studio.presets import load_preset
    from layout_studio.push import Pusher, PushOptions

    preset = load_preset(OTHER)
    options = PushOptions(endpoint=fake.endpoint, journal=str(tmp_path / "j.sqlite3"), region="ap-guangzhou",
                          sdk_app_id=1400188366, rate=1000)  # fmt: skip
    statuses: list[str] = []
    with Pusher(options) as pusher:

        def push() -> None:
            for _ in range(8):
                statuses.append(pusher.push_update(preset, "task-threads").status)

        threads = [threading.Thread(target=push) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    assert statuses == ["ok"] * 48 and len(fake.tasks["task-threads"]) == 48
    assert fake.sequence_violations == []


@pytest.mark.parametrize("processes", [2, 3])
def test_batches_over_the_same_tasks_apply_each_task_once_within_the_rate(strict, creds, tmp_path, processes):
    ids_file, ids = _ids(tmp_path, 40)
    journal = tmp_path / "journal.sqlite3"
    Journal(journal).close()
    reports = [tmp_path / f"report-{i}.json" for i in range(processes)]
    procs = [_batch(strict, ids_file, journal, report) for report in reports]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    assert {t: len(strict.tasks[t]) for t in ids} == dict.fromkeys(ids, 1), "every task received the design once"
    tasks = [{t["task_id"]: t for t in load_json(r)["tasks"]} for r in reports]
    for task in ids:
        statuses = sorted(report[task]["status"] for report in tasks)
        assert statuses == ["ok"] + ["skipped"] * (processes - 1), (task, statuses)
        for report in tasks:
            if report[task]["status"] == "skipped" and report[task].get("note"):
                assert "another push" in report[task]["note"]
    assert strict.rate_limited == 0 and strict.peak_per_second(UPDATE) <= 20


def test_batches_sharing_a_journal_share_the_rate_budget(strict, creds, tmp_path):
    journal = tmp_path / "journal.sqlite3"
    Journal(journal).close()
    lists = [_ids(tmp_path, 30, prefix=f"task-{k}", name=f"{k}.txt") for k in "ab"]
    started = time.monotonic()
    procs = [_batch(strict, f, journal, tmp_path / f"r{i}.json") for i, (f, _) in enumerate(lists)]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    assert time.monotonic() - started >= 59 / 20 - 0.1
    assert all(len(strict.tasks[t]) == 1 for _, ids in lists for t in ids)
    assert strict.rate_limited == 0 and strict.peak_per_second(UPDATE) <= 20


@pytest.mark.slow
def test_a_batch_keeps_20_requests_per_sliding_second_at_a_strict_server_with_jitter(strict, creds, tmp_path):
    ids_file, ids = _ids(tmp_path, 200)
    started = time.monotonic()
    proc = _batch(strict, ids_file, tmp_path / "journal.sqlite3", tmp_path / "report.json")
    _, err = proc.communicate(timeout=60)
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, err
    assert strict.rate_limited == 0 and strict.peak_per_second(UPDATE) <= 20
    assert all(len(strict.tasks[t]) == 1 for t in ids)
    assert elapsed <= 200 / 18.2 + 2, f"{elapsed:.1f} s"


def _kill_after(proc, server, count: int) -> None:
    deadline = time.monotonic() + 30
    while len(server.seen(UPDATE)) < count and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def _pending(journal) -> dict[str, int]:
    with Journal(journal) as j:
        return {e.task_id: e.id for e in j.entries() if e.status == "pending"}


def test_repeated_kills_leave_at_most_workers_in_flight_and_the_resume_names_them(fake, creds, tmp_path):
    ids_file, ids = _ids(tmp_path, 60)
    journal = tmp_path / "journal.sqlite3"
    workers = ["--workers", "4", "--rate", "40"]
    fake.latency = 0.05
    proc = _batch(fake, ids_file, journal, tmp_path / "r0.json", *workers)
    _kill_after(proc, fake, 12)
    in_flight = _pending(journal)
    assert 1 <= len(in_flight) <= 4, in_flight

    proc = _batch(fake, ids_file, journal, tmp_path / "r1.json", *workers)  # resumed, and killed again
    _kill_after(proc, fake, len(fake.seen(UPDATE)) + 12)
    pending = _pending(journal)
    in_flight_again = {t: i for t, i in pending.items() if i > max(in_flight.values())}
    assert 1 <= len(in_flight_again) <= 4, in_flight_again
    assert not set(in_flight_again) & set(in_flight), "the tasks in flight at the first kill were re-sent first"

    proc = _batch(fake, ids_file, journal, tmp_path / "r2.json", *workers)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    report = load_json(tmp_path / "r2.json")
    named = {t["task_id"] for t in report["in_flight_at_interruption"]}
    assert named == set(pending) and all(t in out + err for t in named)
    for task in ids:
        assert 1 <= len(fake.tasks[task]) <= 2, task
        if len(fake.tasks[task]) == 2:
            assert task in in_flight or task in in_flight_again
    with Journal(journal) as j:
        assert "pending" not in {e.status for e in j.entries()}


#: A process that takes the lease of ``task:held`` and sleeps (argv: seconds).
HOLD_LEASE = """
import sys, time
from layout_studio.push import lease
held = lease.acquire("task:held")
held.drew(1234)
print("held", flush=True)
time.sleep(float(sys.argv[1]))
"""


def test_a_lease_is_released_when_its_holder_is_killed(tmp_path):
    from layout_studio.push import lease

    proc = subprocess.Popen([sys.executable, "-c", HOLD_LEASE, "60"], env=_env(), stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    with pytest.raises(lease.LeaseBusy) as busy:
        lease.acquire("task:held", wait=0.2)
    assert busy.value.pid == proc.pid
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with lease.held("task:held", wait=5) as held:
        assert held.sequence == 1234  # the highest number drawn on this machine outlives its holder


def test_the_rate_budget_of_a_process_killed_with_requests_in_flight_is_freed(tmp_path):
    from layout_studio.push.ratelimit import JournalSlots

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()  # a pid that is gone
    with Journal(tmp_path / "j.sqlite3") as journal:
        slots = JournalSlots(journal)
        now = time.monotonic()
        with journal.transaction() as db:
            for i in range(20):
                db.execute(
                    "INSERT INTO rate_slots (action, sent_at, arrived_by, pid, boot) VALUES (?, ?, NULL, ?, ?)",
                    (UPDATE, now - 1 + i / 100, proc.pid, slots.boot),
                )
        first = time.monotonic()
        assert slots.take(UPDATE, 20, first) is None  # 20 in flight: full; their process is gone: arrived by now
        assert slots.take(UPDATE, 20, first + 1.1) is not None  # one second later their places are free
