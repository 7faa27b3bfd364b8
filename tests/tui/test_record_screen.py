"""The recording screen ("Start recording…") against the loopback TRTC API: it names what it needs, shows the
CreateCloudRecording body layout_studio.push would send with its secrets masked, sends nothing before Start and a
yes, then reports the TaskId; the storage SecretKey and the robot's UserSig never reach the screen."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from textual.widgets import Button, Static

from layout_studio.editing import EditSession
from layout_studio.tui.app import StudioApp
from layout_studio.tui.screens.dialogs import ConfirmScreen
from layout_studio.tui.screens.record import RecordScreen
from tests.push.fake_trtc import SECRET_ID, SECRET_KEY, FakeTrtc

from .keys import settle

PRESET = Path(__file__).resolve().parents[2] / "presets" / "two-up.json"
STORAGE_KEY = "STORAGE-secret-key-for-tests-7781"
SDK_KEY = "sdk-secret-key-for-tests-0042"


@pytest.fixture
def fake(monkeypatch):
    """A started loopback TRTC API and the credentials it accepts (stopped after the test)."""
    monkeypatch.setenv("TENCENTCLOUD_SECRET_ID", SECRET_ID)
    monkeypatch.setenv("TENCENTCLOUD_SECRET_KEY", SECRET_KEY)
    monkeypatch.setenv("TRTC_SDK_SECRET_KEY", SDK_KEY)
    monkeypatch.delenv("TRTC_STORAGE_SECRET_KEY", raising=False)
    server = FakeTrtc(hang_seconds=2.0).start()
    yield server
    server.stop()


def _app(tmp_path, fake) -> StudioApp:
    shutil.copy(PRESET, tmp_path / "two-up.json")
    options = {"endpoint": fake.endpoint, "journal": tmp_path / "journal.sqlite3", "rate": 1000, "backoff": 0.01}
    return StudioApp(EditSession.open(tmp_path / "two-up.json"), offer_recovery=False, push_options=options)


def _text(widget: Static) -> str:
    """What a Static shows, as text (a Syntax: its code)."""
    content = widget.content
    return getattr(content, "code", None) or str(content)


def _shown(screen) -> str:
    return "\n".join(_text(widget) for widget in screen.query(Static))


def _fill(screen, **values: str) -> None:
    for field, value in values.items():
        screen.query_one(f"#rec-{field}").value = value


def test_the_request_is_shown_masked_and_sent_only_after_yes(tmp_path, fake):
    app = _app(tmp_path, fake)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action("record")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, RecordScreen)
            assert screen.query_one("#rec-room").value == "295066"  # the Target's
            assert screen.query_one("#rec-region").value == "ap-guangzhou"
            await pilot.press("f5")
            await pilot.pause()
            assert "where the files go" in str(screen.query_one("#rec-outcome").render())  # what is missing
            assert screen.query_one("#start", Button).disabled
            _fill(screen, vendor="cos", bucket="rec-1250000000", **{"bucket-region": "ap-guangzhou"})
            _fill(screen, access="AKIDstorage0001")
            await pilot.press("f5")
            await pilot.pause()
            assert "SecretKey" in str(screen.query_one("#rec-outcome").render())
            _fill(screen, secret=STORAGE_KEY)
            await pilot.press("f5")
            await pilot.pause()
            assert "ready" in str(screen.query_one("#rec-outcome").render()), _shown(screen)
            assert not screen.query_one("#start", Button).disabled
            request = _text(screen.query_one("#rec-request"))
            assert '"CloudStorage"' in request and "***" in request and '"RecordMode": 2' in request
            assert STORAGE_KEY not in _shown(screen)
            assert not (tmp_path / "journal.sqlite3").exists()  # showing records nothing
            await pilot.press("f9")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")
            await pilot.pause()
            assert fake.seen("CreateCloudRecording") == []
            assert "not sent" in str(screen.query_one("#rec-outcome").render())
            await pilot.press("f9")
            await pilot.pause()
            await pilot.press("y")
            await settle(pilot, lambda: "TaskId" in str(screen.query_one("#rec-outcome").render()))
            outcome = str(screen.query_one("#rec-outcome").render())
            assert "recording: TaskId rec-00001" in outcome
            assert STORAGE_KEY not in _shown(screen)

    asyncio.run(scenario())
    [body] = fake.recordings["rec-00001"]
    assert body["StorageParams"]["CloudStorage"]["SecretKey"] == STORAGE_KEY
    assert body["UserId"] == "recording_295066" and body["UserSig"]
    assert len(fake.seen("CreateCloudRecording")) == 1


def test_a_typed_usersig_is_masked_and_a_changed_field_asks_for_the_request_again(tmp_path, fake):
    app = _app(tmp_path, fake)
    usersig = "eJwtjFELgjAURv-KuM8RbbpZvonRQy" + "x" * 40

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            await app.editor.run_action("record")
            await pilot.pause()
            screen = app.screen
            _fill(screen, vendor="vod", usersig=usersig)
            await pilot.press("f5")
            await pilot.pause()
            assert "ready" in str(screen.query_one("#rec-outcome").render())
            assert usersig not in _shown(screen) and '"CloudVod"' in _text(screen.query_one("#rec-request"))
            _fill(screen, region="ap-mars")
            await pilot.pause()
            assert screen.query_one("#start", Button).disabled and screen.request is None
            await pilot.press("f5")
            await pilot.pause()
            assert "ap-mars" in str(screen.query_one("#rec-outcome").render())
            assert screen.query_one("#start", Button).disabled

    asyncio.run(scenario())
    assert fake.seen() == []


def test_what_is_needed_is_said_in_the_screen_s_words(tmp_path, fake, monkeypatch):
    """No UserSig and no TRTC_SDK_SECRET_KEY: the screen names its own field, not a command-line option."""
    monkeypatch.delenv("TRTC_SDK_SECRET_KEY")
    app = _app(tmp_path, fake)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action("record")
            await pilot.pause()
            _fill(app.screen, vendor="vod")
            await pilot.press("f5")
            await pilot.pause()
            said = str(app.screen.query_one("#rec-outcome").render())
            assert "Robot UserSig" in said and "--" not in said

    asyncio.run(scenario())
