"""The library API the studio calls: plan_update and push_update."""

from __future__ import annotations

import pytest
from tencentcloud.common.credential import Credential

from layout_studio import push
from layout_studio.presets import load_preset
from tests.push.conftest import OTHER, PRESET
from tests.push.fake_trtc import SECRET_ID, SECRET_KEY


@pytest.fixture
def options(fake, tmp_path, monkeypatch):
    monkeypatch.setenv("TRTC_AGENT_USERSIG", "agent-sig-value")
    return {
        "endpoint": fake.endpoint,
        "journal": str(tmp_path / "j.sqlite3"),
        "rate": 1000,
        "backoff": 0.01,
        "credential": Credential(SECRET_ID, SECRET_KEY),
    }


def test_plan_and_push_update(fake, options):
    started = push.start_task(load_preset(PRESET), **options)
    assert started.ok and started.task_id == "task-00001"
    plan = push.plan_update(load_preset(OTHER), started.task_id, **options)
    assert not plan.blocked and plan.changes and "VideoParams.BackGroundColor" in plan.render()
    outcome = push.push_update(load_preset(OTHER), started.task_id, **options)
    assert (outcome.task_id, outcome.error, outcome.status) == ("task-00001", None, "ok")
    assert outcome.request_id.startswith("req-") and outcome.request["SequenceNumber"] == outcome.sequence_number
    assert push.plan_update(load_preset(OTHER), started.task_id, **options).unchanged


def test_push_update_reports_failure_in_the_outcome(fake, options):
    fake.faults.append("error:ResourceNotFound")
    outcome = push.push_update(load_preset(OTHER), "task-gone", sdk_app_id=1400188366, region="ap-guangzhou", **options)
    assert outcome.status == "error" and outcome.error.code == "ResourceNotFound"
    assert "ResourceNotFound" in str(outcome.error)
