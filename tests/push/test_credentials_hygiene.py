"""Credentials that cannot be sent as they are — a session token with a trailing CR/LF (read from a CRLF file), a key
or id with surrounding whitespace or a line break — are refused before anything is sent or recorded: exit 2, a
message naming where the value came from and what is wrong with it, never the value (in any encoding), no retry."""

from __future__ import annotations

import json

import pytest

from tests.push.conftest import OTHER, PRESET
from tests.push.fake_trtc import SECRET_ID, SECRET_KEY
from tests.push.test_echo import encodings

TOKEN = "sess-token-0123456789abcdef/+="
REGION = "ap-guangzhou"


def _assert_refused(code, out, err, fake, cli, value, *names):
    assert code == 2, err
    assert "Traceback" not in err
    for name in names:
        assert name in err, err
    for form_name, form in encodings(value).items():
        assert form not in out + err, f"{form_name} of the value in the output: {err}"
    assert fake.seen() == []  # nothing reached the server, not even once: no retry
    if cli.journal.exists():
        import sqlite3

        rows = sqlite3.connect(cli.journal).execute("SELECT COUNT(*) FROM requests").fetchone()[0]
        assert rows <= 1  # the started task's row only (the `started` fixture), nothing recorded for this one


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
@pytest.mark.parametrize("command", ["push", "start", "stop", "batch"])
def test_a_session_token_read_from_a_crlf_file_is_refused_before_anything_is_sent(
    cli, fake, monkeypatch, tmp_path, ending, command
):
    """``export TENCENTCLOUD_SESSION_TOKEN=$(cat token.txt)`` keeps the CR of a file saved with Windows line
    endings: the HTTP library refuses the header, quoting it."""
    monkeypatch.setenv("TENCENTCLOUD_SESSION_TOKEN", TOKEN + ending)
    ids = tmp_path / "ids.txt"
    ids.write_text("task-1\ntask-2\n")
    argv = {
        "push": [
            "push",
            str(OTHER),
            "--task-id",
            "task-1",
            "--sdk-app-id",
            "1400188366",
            "--region",
            "ap-guangzhou",
            "--yes",
        ],
        "start": ["start", str(PRESET)],
        "stop": ["stop", "--task-id", "task-1", "--sdk-app-id", "1400188366", "--region", REGION, "--yes"],
        "batch": [
            "push",
            str(OTHER),
            "--task-ids-from",
            str(ids),
            "--sdk-app-id",
            "1400188366",
            "--region",
            REGION,
            "--yes",
        ],
    }[command]
    code, out, err = cli(*argv)
    _assert_refused(code, out, err, fake, cli, TOKEN + ending, "TENCENTCLOUD_SESSION_TOKEN", "line break")


@pytest.mark.parametrize(
    "name, value, problem",
    [
        ("TENCENTCLOUD_SECRET_KEY", SECRET_KEY + "\n", "line break"),
        ("TENCENTCLOUD_SECRET_KEY", " " + SECRET_KEY, "whitespace"),
        ("TENCENTCLOUD_SECRET_ID", SECRET_ID + "\r\n", "line break"),
        ("TENCENTCLOUD_SECRET_KEY", SECRET_KEY[:8] + "\t" + SECRET_KEY[8:], "whitespace"),
        ("TENCENTCLOUD_SESSION_TOKEN", TOKEN[:8] + "\u200b" + TOKEN[8:], "control or invisible"),
    ],
)
def test_credentials_from_the_environment_with_whitespace_or_line_breaks_are_refused(
    cli, fake, monkeypatch, name, value, problem
):
    monkeypatch.setenv(name, value)
    code, out, err = cli(
        "push", str(OTHER), "--task-id", "task-1", "--sdk-app-id", "1400188366", "--region", REGION, "--yes"
    )
    _assert_refused(code, out, err, fake, cli, value, name, problem)


def test_a_tccli_profile_with_a_crlf_token_is_refused_naming_the_file(cli, fake, monkeypatch):
    import os
    from pathlib import Path

    for name in ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"):
        monkeypatch.delenv(name)
    path = Path(os.environ["HOME"]) / ".tccli" / "ops.credential"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"secretId": SECRET_ID, "secretKey": SECRET_KEY, "token": TOKEN + "\r\n"}))
    code, out, err = cli("start", str(PRESET), "--profile", "ops")
    _assert_refused(code, out, err, fake, cli, TOKEN + "\r\n", str(path), "token", "line break")


def test_an_ini_profile_with_a_quoted_key_with_spaces_is_refused_and_a_crlf_file_is_read(cli, fake, monkeypatch):
    import os
    from pathlib import Path

    for name in ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"):
        monkeypatch.delenv(name)
    path = Path(os.environ["HOME"]) / ".tencentcloud" / "credentials"
    path.parent.mkdir(parents=True)
    path.write_bytes(f'[ops]\r\nsecret_id = {SECRET_ID}\r\nsecret_key = " {SECRET_KEY} "\r\n'.encode())
    code, out, err = cli("start", str(PRESET), "--profile", "ops")
    _assert_refused(code, out, err, fake, cli, f" {SECRET_KEY} ", str(path), "[ops]", "secret_key", "whitespace")
    # line endings of the file are not part of the values: a CRLF credentials file is read as it is
    path.write_bytes(f"[ops]\r\nsecret_id = {SECRET_ID}\r\nsecret_key = {SECRET_KEY}\r\n".encode())
    code, out, err = cli("start", str(PRESET), "--profile", "ops")
    assert code == 0, err
    assert len(fake.seen("StartPublishCdnStream")) == 1


def test_a_credential_that_turns_bad_after_it_was_read_is_not_sent_nor_retried(fake, tmp_path):
    """A library caller's credential (or a renewed temporary one) is checked again when a request is signed: the
    attempt is closed not-sent with a config error, once."""
    from layout_studio.model import Preset
    from layout_studio.push.operations import Pusher, PushOptions

    class Renewed:
        def get_credential_info(self):
            return SECRET_ID, SECRET_KEY, TOKEN + "\r\n"

    journal = str(tmp_path / "j.sqlite3")
    options = PushOptions(region=REGION, endpoint=fake.endpoint, journal=journal, credential=Renewed())
    preset = Preset.model_validate(json.loads(OTHER.read_text()))
    with Pusher(options) as pusher:
        outcome = pusher.push_update(preset, "task-1", sdk_app_id=1400188366)
        rows = pusher.journal.entries("task-1")
    assert outcome.status == "not-sent" and outcome.attempts == 1
    assert outcome.error.code == "ConfigError" and "line break" in str(outcome.error)
    assert TOKEN not in str(outcome.error) and [r.status for r in rows] == ["not-sent"]
    assert fake.seen() == []
