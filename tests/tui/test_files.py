"""Files in the studio: ``layout-studio edit PATH`` for a path that does not exist opens a new design that ctrl+s
saves there; Save as asks before replacing another file; the status line names the file and the unsaved mark; a
value still being typed is applied (or the save refused) before saving.

pytest-asyncio is not installed: each test runs its scenario with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from layout_studio.editing import EditSession, saving
from layout_studio.errors import LoadError
from layout_studio.tui.app import StudioApp
from layout_studio.tui.screens.dialogs import ConfirmQuitScreen, ConfirmScreen, PromptScreen
from layout_studio.tui.screens.editor import EditorScreen

from .keys import settle


def run(scenario):
    return asyncio.run(scenario())


def status(app) -> str:
    return app.screen.query_one("#status").render_line(0).text


def test_edit_on_a_new_path_opens_a_new_design_that_ctrl_s_saves_there(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "new.json"
    session = saving.open_session(target)
    assert session.path == target and not session.dirty and session.preset.name == "new"
    app = StudioApp(session, offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert status(app).startswith(" new.json (new) │ 1280×720")
            await pilot.press("a")
            await settle(pilot)
            assert status(app).startswith(" new.json (new) ● │")
            await pilot.press("ctrl+s")
            await settle(pilot, lambda: target.exists())
            assert isinstance(app.screen, EditorScreen)  # saved where it was asked for, no name asked
            assert status(app).startswith(" new.json │ 1280×720")

    run(scenario)
    saved = json.loads(target.read_text())
    assert saved["Name"] == "new" and len(saved["VideoParams"]["LayoutParams"]["MixLayoutList"]) == 1


def test_edit_on_a_path_in_a_missing_folder_says_so(tmp_path):
    with pytest.raises(LoadError, match=r"no folder .*nowhere"):
        saving.open_session(tmp_path / "nowhere" / "new.json")


def test_edit_with_no_path_is_an_untitled_design():
    session = saving.open_session(None)
    assert session.path is None and not session.dirty


def test_save_as_asks_before_replacing_another_file(preset_file, tmp_path):
    other = tmp_path / "other.json"
    other.write_text('{"keep": "me"}\n')
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def save_as(pilot, answer: str) -> None:
        await app.editor.run_action("save_as")
        await settle(pilot, lambda: isinstance(app.screen, PromptScreen))
        app.screen.query_one("#prompt-input").value = str(other)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "other.json" in str(app.screen.query_one(".dialog-text").render())
        await pilot.press(answer)
        await settle(pilot, lambda: isinstance(app.screen, EditorScreen))

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a")
            await save_as(pilot, "n")
            assert other.read_text() == '{"keep": "me"}\n' and app.session.path == preset_file
            await save_as(pilot, "escape")
            assert other.read_text() == '{"keep": "me"}\n' and app.session.dirty
            await save_as(pilot, "y")
            await settle(pilot, lambda: app.session.path == other)
            assert not app.session.dirty

    run(scenario)
    assert len(json.loads(other.read_text())["VideoParams"]["LayoutParams"]["MixLayoutList"]) == 3


def test_save_as_to_the_design_s_own_file_does_not_ask(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a")
            await app.editor.run_action("save_as")
            await settle(pilot, lambda: isinstance(app.screen, PromptScreen))
            await pilot.press("enter")  # the proposed name: its own file
            await settle(pilot, lambda: not app.session.dirty)
            assert isinstance(app.screen, EditorScreen)

    run(scenario)


def test_ctrl_s_applies_the_value_being_typed_first(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "enter", *"700", "ctrl+s")  # bob's LocationX, not left yet
            await settle(pilot, lambda: not app.session.dirty)

    run(scenario)
    saved = json.loads(preset_file.read_text())
    assert saved["VideoParams"]["LayoutParams"]["MixLayoutList"][1]["LocationX"] == 700


def test_ctrl_s_with_a_refused_value_being_typed_saves_nothing_and_says_why(preset_file):
    before = preset_file.read_text()
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a", "enter", *"7.5", "ctrl+s")  # the new region's LocationX
            await settle(pilot)
            assert app.session.dirty and app.focused.value == "7.5"
            assert "not applied" in status(app)

    run(scenario)
    assert preset_file.read_text() == before


def test_quit_applies_the_value_being_typed_then_asks_to_save_it(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "enter", *"700", "ctrl+q")
            await settle(pilot, lambda: isinstance(app.screen, ConfirmQuitScreen))
            await pilot.press("s")
            await settle(pilot)

    run(scenario)
    assert json.loads(preset_file.read_text())["VideoParams"]["LayoutParams"]["MixLayoutList"][1]["LocationX"] == 700
