"""The autosave holds only unsaved work: it is removed as soon as the session is back at its saved state (undo to
clean) and on a clean exit, and recovery says what it would bring back (elements, canvas, when) before applying it.

pytest-asyncio is not installed: each test runs its scenario with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from layout_studio.editing import EditSession, ops
from layout_studio.editing.autosave import Autosaver, pending
from layout_studio.tui.app import StudioApp
from layout_studio.tui.screens.dialogs import RecoveryScreen
from layout_studio.tui.screens.editor import EditorScreen

from .keys import settle


def run(scenario):
    return asyncio.run(scenario())


def test_undo_back_to_the_saved_state_removes_the_autosave_before_any_exit(preset_file):
    """Drag (here: nudge), wait for the autosave, ctrl+z back to the saved state, then the terminal closes (no clean
    exit): nothing is left to "recover"."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False, autosave_delay=0.01)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "right")
            await settle(pilot, lambda: bool(pending(preset_file)))
            assert pending(preset_file) and app.session.dirty
            await pilot.press("ctrl+z")
            await settle(pilot)
            assert not app.session.dirty
            assert pending(preset_file) == []
        # leaving the context without quitting is the closed terminal

    run(scenario)
    assert pending(preset_file) == []


def test_undo_to_clean_then_a_clean_exit_leaves_no_autosave(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False, autosave_delay=0.01)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a", "right")
            await settle(pilot, lambda: bool(pending(preset_file)))
            await pilot.press("ctrl+z", "ctrl+z", "ctrl+q")
            await settle(pilot)
        assert app.return_code == 0

    run(scenario)
    assert pending(preset_file) == []


def test_recovery_says_what_it_would_bring_back_before_applying_it(preset_file):
    """The offer names the file, the autosave's elements and canvas against the file's, and when it was written."""
    edited = EditSession.open(preset_file)
    ops.add_region(edited.preset)
    ops.add_text_watermark(edited.preset)
    Autosaver(preset_file).write(edited.preset)
    app = StudioApp(EditSession.open(preset_file))

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, lambda: isinstance(app.screen, RecoveryScreen))
            text = str(app.screen.query_one(".dialog-text").render())
            assert "two_up.json" in text
            assert "3 regions and 2 watermarks on a 1280×720 canvas" in text
            assert "The file has 2 regions and 1 watermark" in text
            assert "just now" in text
            assert len(app.session.preset.video_params.layout_params.mix_layout_list) == 2  # not applied yet
            await pilot.press("r")
            await settle(pilot, lambda: isinstance(app.screen, EditorScreen))
            assert len(app.session.preset.video_params.layout_params.mix_layout_list) == 3

    run(scenario)


def test_an_autosave_that_holds_the_file_s_own_design_is_not_offered(preset_file):
    Autosaver(preset_file).write(EditSession.open(preset_file).preset)
    app = StudioApp(EditSession.open(preset_file))

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, lambda: pending(preset_file) == [])
            assert isinstance(app.screen, EditorScreen)

    run(scenario)
    assert pending(preset_file) == []


def test_the_age_of_an_autosave_is_said_in_words():
    from layout_studio.editing.autosave import age

    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert age((now - timedelta(seconds=20)).isoformat(), now) == "just now"
    assert age((now - timedelta(minutes=1)).isoformat(), now) == "1 minute ago"
    assert age((now - timedelta(minutes=5)).isoformat(), now) == "5 minutes ago"
    assert age((now - timedelta(hours=3)).isoformat(), now) == "3 hours ago"
    assert age((now - timedelta(days=2)).isoformat(), now) == "2 days ago"
    assert age("not a time", now) == "at an unknown time"
