"""Pilot tests: saving a design opened from the bundled presets never overwrites the bundled file; ctrl+s (and
"Save" when quitting) asks where to save, proposing the user's presets folder."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input

from layout_studio import paths
from layout_studio.editing import EditSession
from layout_studio.tui.app import StudioApp
from layout_studio.tui.screens.dialogs import ConfirmQuitScreen, PromptScreen

FIXTURES = Path(__file__).parent / "fixtures"


def test_ctrl_s_on_a_bundled_preset_asks_and_saves_a_copy_in_the_user_folder(bundled):
    before = bundled.read_bytes()
    app = StudioApp(EditSession.open(bundled), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a", "ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, PromptScreen)
            proposed = Path(app.screen.query_one(Input).value)
            assert proposed == paths.user_presets_dir() / "two_up.json"
            await pilot.press("enter")
            await pilot.pause()
            assert app.session.path == proposed and not app.session.dirty

    asyncio.run(scenario())
    assert bundled.read_bytes() == before
    assert (paths.user_presets_dir() / "two_up.json").is_file()


def test_save_when_quitting_a_bundled_preset_asks_then_quits(bundled):
    before = bundled.read_bytes()
    app = StudioApp(EditSession.open(bundled), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a", "ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmQuitScreen)
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, PromptScreen)
            await pilot.press("enter")
            await pilot.pause()
        assert app.return_code == 0

    asyncio.run(scenario())
    assert bundled.read_bytes() == before
    assert (paths.user_presets_dir() / "two_up.json").is_file()
