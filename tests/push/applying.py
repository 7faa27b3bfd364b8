"""Shared pieces of the cloud recording and stream ingest tests: a command runner against the loopback API, a
preset with a storage and ingest sources, and the SDK round trip of every body the server received."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tencentcloud.trtc.v20190722 import models as sdk_models

from layout_studio.cli import main

STORAGE_KEY = "STORAGE-secret-key-for-tests-7781"
#: CloudStorage options of `record start` (its SecretKey comes from --storage-secret-key or the environment).
STORAGE = [
    "--storage-vendor",
    "cos",
    "--storage-region",
    "ap-guangzhou",
    "--storage-bucket",
    "rec-1250000000",
    "--storage-access-key",
    "AKIDstorage0001",
]
#: Commands that talk to the API (they get the loopback endpoint, the test's journal and fast retries).
SENDING = ("plan", "push", "start", "stop", "rollback", "record", "ingest")


@pytest.fixture
def cmd(fake, creds, capsys, tmp_path):
    """Run ``layout-studio`` in-process against ``fake`` with the test's journal: returns (exit code, stdout,
    stderr). ``region``: the ``--region`` to add (None: none)."""
    journal = tmp_path / "journal.sqlite3"

    def runner(*args: str, region: str | None = "ap-guangzhou", fast: bool = True):
        argv = list(args)
        if argv[0] in SENDING:
            argv += ["--endpoint", fake.endpoint, "--journal", str(journal)]
            if fast:
                argv += ["--rate", "1000", "--backoff", "0.01", "--timeout", "1"]
            if region:
                argv += ["--region", region]
        elif argv[0] == "history":
            argv += ["--journal", str(journal)]
        code = main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    runner.journal = journal
    return runner


def preset_with(tmp_path: Path, **target) -> Path:
    """The two-up preset with these Target fields added (API names), written to ``tmp_path``."""
    from tests.push.conftest import PRESET

    doc = json.loads(PRESET.read_text())
    doc["Target"].update(target)
    path = tmp_path / "preset.json"
    path.write_text(json.dumps(doc))
    return path


def assert_sdk_round_trip(fake) -> None:
    """Every body the loopback API accepted decodes with the SDK's request model of its action and serialises back
    the same: no unknown field, no wrong type (the server checks it too and records violations)."""
    assert fake.violations == []
    for _when, action, body in fake.seen():
        model = getattr(sdk_models, f"{action}Request")()
        model._deserialize(body)
        assert model._serialize() == body, action
