"""Pilot test: at 80x24 the footer shows the main-screen bindings it lists, including help, save, preview and quit
(none of them pushed off the right edge)."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from layout_studio.editing import EditSession
from layout_studio.tui.app import StudioApp

FIXTURES = Path(__file__).parent / "fixtures"


async def settled_keys(pilot, footer: Footer) -> list[FooterKey]:
    """The footer's keys once it has composed them and laid them out (on a loaded machine the footer recomposes
    after the first pause, when the screen has seen its size)."""
    keys: list[FooterKey] = []
    for _ in range(100):
        await pilot.pause(0.05)
        keys = list(footer.query(FooterKey))
        if keys and all(k.region.width for k in keys) and not any(k.key == "ctrl+p" for k in keys):
            break
    return keys


def test_footer_at_80x24_shows_save_preview_and_quit(tmp_path):
    shutil.copy(FIXTURES / "two_up.json", tmp_path / "two_up.json")
    app = StudioApp(EditSession.open(tmp_path / "two_up.json"), offer_recovery=False)
    visible: dict[str, str] = {}

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            footer = app.screen.query_one(Footer)
            keys = await settled_keys(pilot, footer)
            # the command palette key is docked at the right; the other keys must end before it
            right = min([k.region.x for k in keys if k.key == "ctrl+p"] or [footer.region.right])
            for key in keys:
                if key.key != "ctrl+p" and key.region.width and key.region.right <= right:
                    visible[key.key] = key.description

    asyncio.run(scenario())
    # below 120 columns the ZOrder keys [ ] make room for ? (help), which lists them (issue 11)
    for key in ("question_mark", "a", "w", "d", "delete", "ctrl+z", "ctrl+y", "ctrl+s", "r", "ctrl+q"):
        assert key in visible, f"{key} not visible in the footer at 80x24 (visible: {sorted(visible)})"


def test_palette_key_shown_only_when_wide_enough(tmp_path):
    shutil.copy(FIXTURES / "two_up.json", tmp_path / "two_up.json")
    app = StudioApp(EditSession.open(tmp_path / "two_up.json"), offer_recovery=False)
    seen: list[bool] = []

    async def scenario():
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause()
            seen.append(any(k.key == "ctrl+p" for k in app.screen.query_one(Footer).query(FooterKey)))
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            seen.append(any(k.key == "ctrl+p" for k in app.screen.query_one(Footer).query(FooterKey)))
            status = str(app.screen.query_one("#status").render())
            seen.append("ctrl+p" in status)

    asyncio.run(scenario())
    assert seen == [True, False, True]


def test_status_line_at_80_columns_shows_the_file_shortened_the_unsaved_mark_and_the_message(tmp_path):
    """The status line names the file (not the preset Name), shortened from the left so that its name, the unsaved
    mark, the canvas and the message still fit in 80 columns."""
    folder = tmp_path / "a very long folder name for the weekend flash sale" / "presets"
    folder.mkdir(parents=True)
    preset = json.loads((FIXTURES / "two_up.json").read_text())
    preset["Name"] = "Live commerce: host plus guest (portrait), weekend flash sale edition"
    (folder / "live-commerce-host-plus-guest.json").write_text(json.dumps(preset))
    app = StudioApp(EditSession.open(folder / "live-commerce-host-plus-guest.json"), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("a")
            await pilot.pause()
            line = app.screen.query_one("#status").render_line(0).text
            assert line.startswith(" …/live-commerce-host-plus-guest.json ● │ 1280×720 │")
            assert "added region #2" in line and "Live commerce" not in line
            await pilot.press("ctrl+z", "ctrl+z")
            await pilot.pause()
            line = app.screen.query_one("#status").render_line(0).text
            assert "nothing to undo" in line and "●" not in line
            assert "live-commerce-host-plus-guest.json │ 1280×720" in line

    asyncio.run(scenario())
