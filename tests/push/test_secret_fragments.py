"""No part of a secret either: an API or gateway that quotes request values only in part — cut after some characters
with an ellipsis, a piece from the middle, folded into short lines — must not make a part of a secret of at least
:data:`PART` characters appear in any output, report or the journal (the whole-value patterns cannot find a part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.push.applying import STORAGE
from tests.push.conftest import PRESET
from tests.push.test_echo import _recording_preset, journal_blobs, wire_secrets

#: The shortest part of a secret that must never appear (a shorter one says too little about the secret, and masking
#: shorter parts would garble ordinary text).
PART = 12
TOKEN = "sessTokenQ7vW2xY9zA4bC6dE8fG0hJ3kL5mN7pR9sT1uV3wX5yZ"
AGENT_SIG = "eJyrVgrxCdZRsgpKLU4tykvMTXUyMDG1NDU1MTJVqgUAL8sHAQ-given-usersig-0001"
FEEDBACK_SIG = "eJwFeedbackRoomUserSigGivenByTheFlag0002abcdefghij"
STORAGE_KEY = "StorageSecretKey0003QwErTyUiOpAsDfGhJkL"
TX_SECRET = "9f2c1e0d8b7a6c5d4e3f2a1b0c9d8e7f"
CDN = f"rtmp://push.example.com/live/stream1?txSecret={TX_SECRET}&txTime=7FFFFFFF"


def parts_found(secret: str, blob: str) -> list[str]:
    """Every part of ``secret`` at least :data:`PART` characters long that ``blob`` contains."""
    return [secret[i : i + PART] for i in range(len(secret) - PART + 1) if secret[i : i + PART] in blob]


@pytest.fixture
def cut_env(monkeypatch):
    monkeypatch.setenv("TENCENTCLOUD_SESSION_TOKEN", TOKEN)
    monkeypatch.setattr("layout_studio.push.client.MESSAGE_LIMIT", 10**6, raising=False)


def test_a_reply_quoting_request_values_in_part_leaves_no_part_of_a_secret(cmd, fake, cut_env, tmp_path):
    outputs: dict[str, str] = {}

    def run(name: str, *argv: str) -> None:
        fake.faults.clear()
        fake.faults.extend(["echo:api-cut"] * 2)
        code, out, err = cmd(*argv, "--retries", "1")
        fake.faults.clear()
        assert code == 1, (name, err)
        outputs[f"{name} stdout"], outputs[f"{name} stderr"] = out, err

    rec = _recording_preset(tmp_path)
    feedback = ["--feedback-room", "630777:mix_back_1", "--feedback-usersig", FEEDBACK_SIG]
    run("start", "start", str(rec), "--no-ingest", "--storage-secret-key", STORAGE_KEY, "--cdn-url", CDN, *feedback)
    run("start generated", "start", str(rec), "--no-ingest", "--force", "--storage-secret-key", STORAGE_KEY)
    run("start given", "start", str(PRESET), "--no-ingest", "--force", "--agent-usersig", AGENT_SIG)
    run("push", "push", str(PRESET), "--task-id", "task-x", "--sdk-app-id", "1400188366", "--cdn-url", CDN, "--yes")
    ids = tmp_path / "ids.txt"
    ids.write_text("task-b1\ntask-b2\n")
    report = tmp_path / "report.json"
    fake.faults.extend(["echo:api-cut"] * 4)
    code, out, err = cmd("push", str(PRESET), "--task-ids-from", str(ids), "--sdk-app-id", "1400188366", "--cdn-url",
                         CDN, "--yes", "--retries", "1", "--report", str(report))  # fmt: skip
    fake.faults.clear()
    outputs["batch stdout"], outputs["batch stderr"] = out, err
    record = ["record", "start", str(PRESET), *STORAGE, "--storage-secret-key", STORAGE_KEY]
    run("record start", *record, "--agent-usersig", AGENT_SIG)
    run("record start generated", *record, "--force")
    run("ingest start", "ingest", "start", "--room", "295066", "--sdk-app-id", "1400188366", "--user", "clip_1",
        "--url", f"https://media.example.com/a.m3u8?txSecret={TX_SECRET}", "--usersig", AGENT_SIG)  # fmt: skip
    for fmt in ("text", "json"):
        code, out, err = cmd("history", "--format", fmt)
        outputs[f"history {fmt}"] = out + err

    secrets = {"session token": TOKEN, "agent UserSig": AGENT_SIG, "feedback UserSig": FEEDBACK_SIG,
               "storage SecretKey": STORAGE_KEY, "txSecret": TX_SECRET}  # fmt: skip
    generated = sorted(wire_secrets(fake) - set(secrets.values()))
    assert len(generated) >= 2  # the agent's UserSigs made from TRTC_SDK_SECRET_KEY
    secrets.update({f"generated UserSig {i}": value for i, value in enumerate(generated)})
    blobs = dict(outputs)
    blobs["report"] = report.read_text()
    blobs.update({k: v.decode("utf-8", "replace") for k, v in journal_blobs(Path(cmd.journal)).items()})
    assert "..." in outputs["start stderr"]  # the cut quotes reached the output (masked where secret)
    leaks = [
        f"{name}: {part!r} in {where}"
        for name, secret in secrets.items()
        for where, blob in blobs.items()
        for part in parts_found(secret, blob)[:1]
    ]
    assert leaks == []
