"""No secret anywhere, against an API that echoes the whole request (headers and body, in every encoding) in every
kind of error reply: every secret of a run — the API SecretKey, a session token, the SDK secret key, the agent
UserSig given or generated, a feedback room's UserSig given or generated, the storage SecretKey, a CDN URL's
txSecret — is looked for, in every encoding, in every output (stdout, stderr), every report, the journal's dump and
files, and what the studio's push screen shows; for start, update (one task and a batch), stop, rollback, plan,
history (text and JSON) and dry runs."""

from __future__ import annotations

import base64
import html
import json
import re
import sqlite3
from pathlib import Path
from urllib.parse import parse_qs, quote, quote_plus, urlsplit

import pytest

from tests.push.conftest import OTHER, PRESET
from tests.push.fake_trtc import ECHO_KINDS, SECRET_KEY, echoed_requests

#: Secrets with characters that every encoding changes (``/ + = " \\`` and a non-ASCII letter), so that each
#: encoded form differs from the others.
TOKEN = 'sess/Tok+en="q"\\x=~0007-temporary-session-token'
SDK_KEY = 'sdk/key+with="special"\\chars-\u00e9-0042'
AGENT_SIG = 'eJy*agent/sig+given="q"\\\u00e9-0001-given-by-flag'
FEEDBACK_SIG = 'feedback/sig+given="q"\\\u00e9-0002-by-flag'
STORAGE_KEY = 'storage/key+"q"\\\u00e9-0003-secret-key'
TX_SECRET = "9f2c1e0d8b7a6c5d4e3f2a1b0c9d8e7f"
CDN = f"rtmp://push.example.com/live/stream1?txSecret={TX_SECRET}&txTime=7FFFFFFF"
FEEDBACK = ["--feedback-room", "630777:mix_back_1"]
#: A secret is also looked for in pieces this long, one every ``WINDOW // 2`` characters (so any part of at least
#: ``WINDOW * 3 // 2`` characters is found: a message cut in the middle of a secret must not keep a part of it).
WINDOW = 16


def encodings(value: str) -> dict[str, str]:
    """``value`` in every form a text can carry it: as is, JSON-escaped (also twice), percent- and form-encoded,
    Python repr (str and bytes), HTML-escaped, base64."""
    json_ascii = json.dumps(value)[1:-1]
    forms = {
        "as is": value,
        "json": json_ascii,
        "json, non-ASCII kept": json.dumps(value, ensure_ascii=False)[1:-1],
        "json twice": json.dumps(json_ascii)[1:-1],
        "json, slash escaped": json_ascii.replace("/", "\\/"),
        "percent": quote(value),
        "percent, everything": quote(value, safe=""),
        "percent, lower-case hex": re.sub("%[0-9A-F]{2}", lambda m: m.group(0).lower(), quote(value, safe="")),
        "form": quote_plus(value),
        "percent of json": quote(json_ascii, safe=""),
        "form of json": quote_plus(json_ascii),
        "repr": repr(value)[1:-1],
        "ascii repr": ascii(value)[1:-1],
        "bytes repr": repr(value.encode("utf-8"))[2:-1],
        "html": html.escape(value),
        "html of json": html.escape(json_ascii),
        "base64": base64.b64encode(value.encode()).decode(),
        "base64, URL-safe": base64.urlsafe_b64encode(value.encode()).decode(),
    }
    forms.update({f"part {i}": value[i : i + WINDOW] for i in range(0, max(1, len(value) - WINDOW + 1), WINDOW // 2)})
    return forms


def _under_secret_keys(value, found: set[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("UserSig", "SecretKey") and isinstance(item, str):
                found.add(item)
            else:
                _under_secret_keys(item, found)
    elif isinstance(value, list):
        for item in value:
            _under_secret_keys(item, found)
    elif isinstance(value, str) and "txSecret=" in value:
        found.update(parse_qs(urlsplit(value).query).get("txSecret", []))


def wire_secrets(fake) -> set[str]:
    """Every secret value that went on the wire: UserSig and SecretKey values of every body the server saw
    (accepted or echoed), URL txSecrets, the X-TC-Token header."""
    found: set[str] = set()
    for _, _, body in fake.seen():
        _under_secret_keys(body, found)
    for headers, raw in echoed_requests(fake):
        _under_secret_keys(json.loads(raw), found)
        found.update(v for k, v in headers if k.lower() == "x-tc-token")
    return found


def leaks(blobs: dict[str, bytes], secrets: dict[str, str]) -> list[str]:
    """``"<secret> (<encoding>) in <where>"`` for every encoded secret found in a blob."""
    found = []
    for name, value in secrets.items():
        for form_name, form in encodings(value).items():
            needle = form.encode("utf-8")
            for where, blob in blobs.items():
                if needle in blob:
                    found.append(f"{name} ({form_name}: {form!r}) in {where}")
    return found


def journal_blobs(path: Path) -> dict[str, bytes]:
    """The journal's SQL dump (sqlite3 iterdump) and the bytes of its files (main, WAL)."""
    blobs = {}
    if path.exists():
        db = sqlite3.connect(path)
        blobs[f"{path.name} dump"] = "\n".join(db.iterdump()).encode("utf-8")
        db.close()
    for file in path.parent.glob(path.name + "*"):
        blobs[str(file)] = file.read_bytes()
    return blobs


@pytest.fixture
def secrets_env(monkeypatch):
    """A session token, the SDK secret key (agent and feedback UserSigs are generated from it), and an unlimited
    length for the texts a failure keeps (the worst case: the whole echo reaches every output)."""
    monkeypatch.setenv("TENCENTCLOUD_SESSION_TOKEN", TOKEN)
    monkeypatch.setenv("TRTC_SDK_SECRET_KEY", SDK_KEY)
    monkeypatch.setattr("layout_studio.push.client.MESSAGE_LIMIT", 10**6, raising=False)


def _recording_preset(tmp_path: Path) -> Path:
    """two-up with a recording to CloudStorage (its SecretKey comes from --storage-secret-key)."""
    preset = json.loads(PRESET.read_text())
    preset["Target"]["RecordParams"] = {
        "UniRecord": 3,
        "McuStorageParams": {
            "CloudStorage": {"Vendor": 0, "Region": "ap-guangzhou", "Bucket": "rec-1250000000", "AccessKey": "AKIDx"}
        },
    }
    path = tmp_path / "rec.json"
    path.write_text(json.dumps(preset))
    return path


def test_no_secret_anywhere_when_every_error_reply_echoes_the_request(cli, fake, secrets_env, tmp_path):
    outputs: dict[str, str] = {}
    reports: list[Path] = []

    def run(name: str, *args: str, faults: int = 0, kind: str = "api", expect: int | None = None) -> tuple[int, str]:
        """Run a command; with ``faults``, its first ``faults`` requests are answered by an echo of ``kind`` (one
        retry: the retry's error is recorded and shown too)."""
        fake.faults.clear()
        fake.faults.extend([f"echo:{kind}"] * faults)
        code, out, err = cli(*args, *(["--retries", "1"] if faults else []))
        fake.faults.clear()
        outputs[f"{name} stdout"], outputs[f"{name} stderr"] = out, err
        if expect is not None:
            assert code == expect, (name, err)
        return code, out

    rec = _recording_preset(tmp_path)
    given = ["--agent-usersig", AGENT_SIG, "--feedback-usersig", FEEDBACK_SIG]
    start = ["start", str(rec), "--storage-secret-key", STORAGE_KEY, "--cdn-url", CDN, *FEEDBACK]
    _, task = run("start (generated UserSigs)", *start, expect=0)
    task = task.strip()
    update = ["--cdn-url", CDN, *FEEDBACK, "--feedback-usersig", FEEDBACK_SIG]
    run("push", "push", str(OTHER), "--task-id", task, *update, "--yes", expect=0)
    run("plan", "plan", str(PRESET), "--task-id", task, *update, expect=0)
    run("plan json", "plan", str(PRESET), "--task-id", task, *update, "--format", "json", expect=0)
    ids = tmp_path / "ids.txt"
    ids.write_text(f"{task}\ntask-b2\ntask-b3\n")
    batch = ["push", str(PRESET), "--task-ids-from", str(ids), "--sdk-app-id", "1400188366", *update, "--yes"]
    run("start dry run", *start, *given, "--dry-run", expect=0)
    run("push dry run", "push", str(PRESET), "--task-id", task, *update, "--dry-run", expect=0)
    run("batch dry run", *batch, "--dry-run", expect=0)
    run("stop dry run", "stop", "--task-id", task, "--dry-run", expect=0)
    for kind in ECHO_KINDS:
        run(f"start {kind}", *start, *given, faults=2, kind=kind, expect=1)
        run(f"start generated {kind}", *start, faults=2, kind=kind, expect=1)
        run(f"push {kind}", "push", str(PRESET), "--task-id", task, *update, "--yes", faults=2, kind=kind, expect=1)
        report = tmp_path / f"report-{kind}.json"
        reports.append(report)
        run(f"batch {kind}", *batch, "--report", str(report), faults=6, kind=kind, expect=1)
        run(f"rollback {kind}", "rollback", task, "--yes", faults=2, kind=kind, expect=1)
        run(f"stop {kind}", "stop", "--task-id", task, "--yes", faults=2, kind=kind)
    run("history", "history", expect=0)
    run("history json", "history", "--format", "json", expect=0)

    secrets = {
        "API SecretKey": SECRET_KEY,
        "session token": TOKEN,
        "SDK secret key": SDK_KEY,
        "agent UserSig (given)": AGENT_SIG,
        "feedback UserSig (given)": FEEDBACK_SIG,
        "storage SecretKey": STORAGE_KEY,
        "txSecret": TX_SECRET,
    }
    on_the_wire = wire_secrets(fake)
    assert set(secrets.values()) - {SECRET_KEY, SDK_KEY} <= on_the_wire  # each was sent, so each could be echoed
    generated = sorted(on_the_wire - set(secrets.values()))
    assert len(generated) >= 2  # the agent's and the feedback room's, from TRTC_SDK_SECRET_KEY
    secrets.update({f"generated UserSig {i}": value for i, value in enumerate(generated)})

    blobs = {where: text.encode("utf-8") for where, text in outputs.items()}
    blobs.update({str(p): p.read_bytes() for p in reports})
    blobs.update(journal_blobs(Path(cli.journal)))
    assert leaks(blobs, secrets) == []
    # the echo reached every kind of output, so the search above was not vacuous
    assert "request echo (percent-encoded" in outputs["push api stderr"]
    assert "request echo (base64 headers" in outputs["batch http-502-json stderr"]
    assert b"request echo (json twice" in blobs[f"{Path(cli.journal).name} dump"]
    assert b"request echo (html" in reports[0].read_bytes()
    assert "request echo" in outputs["history json stdout"]
    assert fake.violations == []


def test_the_studio_push_screen_shows_no_secret_from_an_echo(fake, creds, secrets_env, tmp_path, monkeypatch):
    """The push screen plans and sends (through an echoing API): nothing it shows holds a secret."""
    import asyncio
    from dataclasses import replace

    from textual.widgets import Static

    from layout_studio.editing import EditSession
    from layout_studio.tui.app import StudioApp
    from layout_studio.tui.screens.push import PushScreen

    preset = json.loads(PRESET.read_text())
    preset["Target"]["FeedBackRoomParams"] = [{"RoomId": "630777", "RoomIdType": 0, "UserId": "mix_back_1"}]
    path = tmp_path / "feedback.json"
    path.write_text(json.dumps(preset))
    journal = tmp_path / "studio.sqlite3"
    options = PushScreen._options
    monkeypatch.setattr(
        PushScreen,
        "_options",
        lambda self: replace(options(self), endpoint=fake.endpoint, journal=str(journal), rate=1000, backoff=0.01),
    )
    shown: list[str] = []
    update = Static.update

    def record(self, content="", *args, **kwargs):
        shown.append(getattr(content, "code", None) or str(content))
        return update(self, content, *args, **kwargs)

    monkeypatch.setattr(Static, "update", record)
    app = StudioApp(EditSession.open(path), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            await app.editor.run_action("push")
            await pilot.pause()
            app.screen.query_one("#push-task").value = "task-studio"
            await pilot.press("f5")
            await pilot.pause()
            for kind in ("api", "http-500-html"):
                fake.faults.extend([f"echo:{kind}"] * 4)
                app.screen.action_push()
                await app.workers.wait_for_complete()
                await pilot.pause()
                fake.faults.clear()

    asyncio.run(scenario())
    text = "\n".join(shown)
    assert "request echo (percent-encoded" in text  # the echo was shown
    secrets = {"API SecretKey": SECRET_KEY, "session token": TOKEN, "SDK secret key": SDK_KEY}
    generated = sorted(wire_secrets(fake))
    assert generated  # the feedback room's UserSig, generated from TRTC_SDK_SECRET_KEY
    secrets.update({f"generated UserSig {i}": value for i, value in enumerate(generated) if value != TOKEN})
    blobs = {"push screen": text.encode("utf-8"), **journal_blobs(journal)}
    assert leaks(blobs, secrets) == []
