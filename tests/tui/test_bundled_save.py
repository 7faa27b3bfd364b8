"""Pilot tests: saving a design opened from the bundled presets never overwrites the bundled file; ctrl+s (and
"Save" when quitting) asks where to save, proposing the user's presets folder."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Button, Footer, Input, Static
from textual.widgets._footer import FooterKey

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


def test_the_save_a_copy_dialog_names_its_keys_on_buttons_and_in_its_footer(bundled):
    """The QA report: ctrl+s on a bundled preset opened a bare prompt (no buttons, no key named) over a footer still
    showing the canvas's keys. The dialog says why, names the folder, has buttons naming their keys and a footer of
    its own; its Cancel button saves nothing, its Save button saves the copy."""
    before = bundled.read_bytes()
    app = StudioApp(EditSession.open(bundled), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a", "ctrl+s")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PromptScreen)
            text = " ".join(str(s.render()) for s in screen.query(Static))
            assert "bundled" in text and "never overwritten" in text and str(paths.user_presets_dir()) in text
            labels = {str(b.label) for b in screen.query(Button)}
            assert labels == {"Save the copy enter", "Cancel esc"}, labels
            footer = screen.query_one(Footer)
            keys = {k.key: k.description for k in footer.query(FooterKey)}
            assert keys.get("escape") == "Cancel" and keys.get("enter") == "Save the copy"
            assert not {"a", "d", "w", "ctrl+z"} & set(keys)  # the canvas's keys are not offered under a dialog
            await pilot.click("#prompt-cancel")
            await pilot.pause()
            assert not isinstance(app.screen, PromptScreen) and app.session.path == bundled
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.click("#prompt-ok")
            await pilot.pause()
            assert app.session.path == paths.user_presets_dir() / "two_up.json" and not app.session.dirty

    asyncio.run(scenario())
    assert bundled.read_bytes() == before
