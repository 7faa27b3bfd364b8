"""Pilot tests: the help screen's tables are readable at every width — the key (or command) column is as wide as
its content allows and the description takes the rest, wrapping at words (the QA report: at 80x24 the palette's
"what it does" column was four cells wide, one word per line)."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Static

from layout_studio.editing import EditSession
from layout_studio.tui.app import StudioApp
from layout_studio.tui.screens.help import HelpScreen

from .keys import settle


def table_lines(app, table_id: str) -> list[str]:
    """The lines of one of the help screen's tables, as drawn."""
    static = app.screen.query_one(f"#{table_id}", Static)
    return [static.render_line(y).text.rstrip() for y in range(static.size.height)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 50)])
def test_help_tables_give_the_description_the_room_it_needs(preset_file, size):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    seen: dict[str, list[str]] = {}

    async def scenario():
        async with app.run_test(size=size) as pilot:
            await pilot.press("tab", "question_mark")
            await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
            await settle(pilot, lambda: app.screen.query_one("#help-palette").size.height > 0)
            for table in ("help-keys", "help-mouse", "help-palette"):
                seen[table] = table_lines(app, table)
            rows[table] = len(app.screen.palette)

    rows: dict[str, int] = {}
    asyncio.run(scenario())
    palette = seen["help-palette"]
    text = "\n".join(palette)
    # the first entry's description on one line with its title (at 80 columns at most the title wraps)
    assert any("Add region" in line and "Append an auto-filled region" in line for line in palette), text
    # no entry takes more than three lines on average (before: one word per line, about ten lines each)
    assert len(palette) <= 1 + 3 * rows["help-palette"], text
    if size[0] >= 120:
        assert len(palette) <= 1 + 1.5 * rows["help-palette"], text
    for table in ("help-keys", "help-mouse"):
        assert all(len(line) <= size[0] for line in seen[table])
