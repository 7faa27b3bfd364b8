"""Pilot tests of the studio's workflows: edit and save, findings select their element, quit asks, recovery.

pytest-asyncio is not installed: each test runs its scenario with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
import copy
import json
import shutil
from pathlib import Path

from textual.widgets import Input

from layout_studio.editing import EditSession, ElementRef, ops
from layout_studio.editing.autosave import pending
from layout_studio.tui.app import StudioApp
from layout_studio.tui.screens.dialogs import ConfirmQuitScreen, RecoveryScreen
from layout_studio.tui.screens.editor import EditorScreen
from layout_studio.tui.widgets.findings import FindingsPanel
from layout_studio.tui.widgets.inspector import Inspector

FIXTURES = Path(__file__).parent / "fixtures"


def run(scenario):
    return asyncio.run(scenario())


def test_add_move_undo_redo_save_writes_the_expected_json(preset_file):
    original = json.loads(preset_file.read_text())
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a")  # add a region: appended and selected
            await pilot.press("right", "right", "shift+down", "ctrl+right")
            await pilot.press("ctrl+z", "ctrl+z")  # undo the resize and the 10 px move down
            await pilot.press("ctrl+y")  # redo the move down
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not app.session.dirty

    run(scenario)
    # The expected file: the loaded preset plus the new region (a quarter of the 1280x720 canvas, centred, on top
    # of the highest ZOrder 2 of the LIVE watermark), moved 2 px right and 10 px down.
    expected = copy.deepcopy(original)
    expected["VideoParams"]["LayoutParams"]["MixLayoutList"].append(
        {
            "ImageWidth": 1280 // 4,
            "ImageHeight": 720 // 4,
            "LocationX": (1280 - 320) // 2 + 2,
            "LocationY": (720 - 180) // 2 + 10,
            "ZOrder": 3,
        }
    )
    saved = json.loads(preset_file.read_text())
    assert saved.pop("$schema").endswith("preset.schema.json")
    assert saved == expected


def test_typing_a_non_integer_never_reaches_the_model(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("tab", "tab")  # WM0 is on top, then bob (#1)
            assert app.session.primary == ElementRef("region", 1)
            await pilot.press("enter")  # focus LocationX in the inspector
            assert isinstance(app.focused, Input)
            await pilot.press("end", ".", "5", "enter")  # "640.5", refused on enter
            await pilot.pause()
            assert app.session.preset.video_params.layout_params.mix_layout_list[1].location_x == 640
            row = app.focused.parent.parent
            assert "whole number" in str(row.query_one(".problem").render())
            assert app.session.history.can_undo is False
            await pilot.press("backspace", "backspace", "backspace", "enter")  # "64", applied on enter
            await pilot.pause()
            assert app.session.preset.video_params.layout_params.mix_layout_list[1].location_x == 64
            assert "whole number" not in str(row.query_one(".problem").render())

    run(scenario)


def test_a_number_too_big_for_the_api_never_reaches_the_model(preset_file):
    """A 23-digit LocationX (a stuck key) is refused like a non-integer: beyond the API's 64-bit Integer it could
    only be saved into a preset the API rejects (and the preview fails on it)."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "enter")  # bob (#1), focus its LocationX (640)
            app.focused.value = "9" * 23
            await pilot.pause()
            assert app.session.preset.video_params.layout_params.mix_layout_list[1].location_x == 640
            row = app.focused.parent.parent
            assert "not applied" in str(row.query_one(".problem").render())

    run(scenario)


def test_undo_while_a_field_holds_an_unapplied_value_shows_the_restored_value(preset_file):
    """ctrl+z with a value that is not one still in the field: the typing is dropped, the field and its finding show
    the design again."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "enter")  # bob (#1), focus its LocationX (640)
            await pilot.press("end", "backspace", "x")  # "64x": not a value, nothing applied
            await pilot.pause()
            row = app.focused.parent.parent
            assert "whole number" in str(row.query_one(".problem").render())
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert app.session.preset.video_params.layout_params.mix_layout_list[1].location_x == 640
            assert row.input.value == "640"
            assert "whole number" not in str(row.query_one(".problem").render())

    run(scenario)


def test_choosing_a_finding_selects_its_element_and_field(tmp_path):
    src = tmp_path / "broken.json"
    shutil.copy(FIXTURES / "broken.json", src)
    app = StudioApp(EditSession.open(src), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            panel = app.screen.query_one(FindingsPanel)
            assert panel.findings and panel.findings[0].path.startswith("VideoParams.LayoutParams.MixLayoutList[1]")
            assert app.session.primary is None
            await pilot.click(FindingsPanel, offset=(4, 1))
            await pilot.pause()
            assert app.session.primary == ElementRef("region", 1)
            field = panel.findings[0].path.rsplit(".", 1)[-1]
            focused_row = app.focused.parent.parent
            assert isinstance(app.focused, Input) and focused_row.spec.path == field
            assert app.screen.query_one(Inspector).query_one("#inspector-tabs").active == "tab-element"

    run(scenario)


def test_quit_with_unsaved_changes_asks(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a")
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmQuitScreen)
            await pilot.press("escape")  # cancel: back to editing, nothing lost
            await pilot.pause()
            assert isinstance(app.screen, EditorScreen) and app.session.dirty
            await pilot.press("ctrl+q")
            await pilot.pause()
            await pilot.press("d")  # quit without saving
            await pilot.pause()
        assert app.return_code == 0

    run(scenario)
    assert json.loads(preset_file.read_text()) == json.loads((FIXTURES / "two_up.json").read_text())


def test_quit_without_changes_does_not_ask(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmQuitScreen)
        assert app.return_code == 0

    run(scenario)


def test_autosave_is_offered_after_a_crash_and_recovers_the_design(preset_file):
    crashed = StudioApp(EditSession.open(preset_file), offer_recovery=False, autosave_delay=0.01)
    edited: dict = {}

    async def crash():
        async with crashed.run_test(size=(80, 24)) as pilot:
            await pilot.press("a", "right")
            await pilot.pause(0.1)
            edited.update(crashed.session.preset.to_api())
        # leaving the context without quitting is the crash: nothing cleans up the autosave

    run(crash)
    assert [a.source for a in pending(preset_file)] == [preset_file]
    assert json.loads(preset_file.read_text()) == json.loads((FIXTURES / "two_up.json").read_text())

    app = StudioApp(EditSession.open(preset_file))

    async def recover():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, RecoveryScreen)
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, EditorScreen)
            assert app.session.preset.to_api() == edited and app.session.dirty
            await pilot.press("ctrl+z")  # recovery is one undo step
            assert len(app.session.preset.video_params.layout_params.mix_layout_list) == 2

    run(recover)


def test_declining_recovery_keeps_the_file_and_discarding_removes_it(preset_file):
    from layout_studio.editing.autosave import Autosaver

    session = EditSession.open(preset_file)
    ops.add_region(session.preset)  # unsaved work (an autosave of the file's own design is not offered)
    Autosaver(preset_file).write(session.preset)
    for key, left in (("escape", 1), ("d", 0)):
        app = StudioApp(EditSession.open(preset_file))

        async def scenario(app=app, key=key):
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                assert isinstance(app.screen, RecoveryScreen)
                await pilot.press(key)
                await pilot.pause()
                assert not app.session.dirty

        run(scenario)
        assert len(pending(preset_file)) == left
