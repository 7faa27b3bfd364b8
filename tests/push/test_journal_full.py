"""A journal that stops taking writes after requests left (the disk filled up): what reached the API is reported
with the API's answer and the journal's problem — a start's TaskId printed, a batch's tasks ``ok`` with
``journal_error`` — never as "not-sent, nothing was sent"; a batch then stops sending (nothing more can be recorded
before it leaves) with one clear line, instead of one identical error per task."""

from __future__ import annotations

import contextlib

import pytest

from layout_studio.push.journalfile import JournalError, JournalFile
from tests.push.conftest import PRESET, load_json


@pytest.fixture
def disk_full_after(monkeypatch, fake):
    """``arm(n)``: every journal write fails ("database or disk is full") once the loopback API has applied ``n``
    requests."""
    state = {"after": None}
    original = JournalFile.transaction
    original_apply = fake.apply

    def apply(action, body):
        answer = original_apply(action, body)
        if state["after"] is not None and len(fake.seen()) >= state["after"]:
            state["full"] = True
        return answer

    @contextlib.contextmanager
    def transaction(self, verb="write"):
        if state.get("full"):
            raise JournalError(f"{self.path}: cannot {verb} the journal (database or disk is full) — free space")
        with original(self, verb) as db:
            yield db

    monkeypatch.setattr(JournalFile, "transaction", transaction)
    fake.apply = apply

    def arm(n: int) -> None:
        state["after"] = n

    return arm


def test_a_start_the_api_accepted_prints_its_task_id_when_the_journal_is_full(cli, fake, disk_full_after):
    disk_full_after(1)
    code, out, err = cli("start", str(PRESET), "--no-ingest")
    [(_, action, _)] = fake.seen()
    assert action == "StartPublishCdnStream"
    assert out.strip() == "task-00001", err  # the task runs: its TaskId must not be lost
    assert "disk is full" in err and "journal" in err
    assert code == 0


def test_a_batch_reports_what_left_with_the_api_answer_and_stops_when_the_journal_is_full(
    cli, fake, disk_full_after, tmp_path
):
    ids = tmp_path / "ids.txt"
    ids.write_text("".join(f"task-d{i:03d}\n" for i in range(60)))
    report = tmp_path / "report.json"
    disk_full_after(3)
    code, out, err = cli("push", str(PRESET), "--task-ids-from", str(ids), "--sdk-app-id", "1400188366", "--yes",
                         "--report", str(report), "--workers", "2")  # fmt: skip
    assert code == 1, err
    reached = {b["TaskId"] for _, _, b in fake.seen("UpdatePublishCdnStream")}
    assert 3 <= len(reached) < 60
    tasks = {t["task_id"]: t for t in load_json(report)["tasks"]}
    assert all(tasks[t]["status"] == "ok" for t in reached), tasks  # what reached the API: with the API's answer
    assert any("disk is full" in tasks[t].get("journal_error", "") for t in reached)  # and the journal's problem
    assert all(t["status"] == "not-sent" for t_id, t in tasks.items() if t_id not in reached)
    assert err.count("disk is full") <= 4, err  # not one line per task
    assert "stopped" in err
