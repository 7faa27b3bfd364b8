"""Pilot tests: the elements list is reached from the keyboard with ``e`` (the QA report: tab and shift+tab cycle
only the canvas's elements, so the README's "↑/↓ (elements list)" could not be used without a mouse). The key is
in the palette, the help screen and the list's title, and it types an "e" in a field."""

from __future__ import annotations

import asyncio

from textual.widgets import Input

from layout_studio.editing import EditSession, ElementRef
from layout_studio.tui.app import StudioApp
from layout_studio.tui.commands import ACTIONS
from layout_studio.tui.keys import ELEMENTS_KEY
from layout_studio.tui.screens.help import HelpScreen
from layout_studio.tui.widgets.canvas import CanvasView
from layout_studio.tui.widgets.elements import ElementList

from .keys import settle


def test_e_focuses_the_elements_list_arrows_select_and_esc_goes_back(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            elements = app.screen.query_one(ElementList)
            assert "(e)" in str(elements.border_title)  # the list names its key
            await pilot.press("tab", "e")
            await settle(pilot, lambda: app.focused is elements)
            assert app.focused is elements
            first = app.session.primary
            await pilot.press("down")
            await settle(pilot, lambda: app.session.primary != first)
            assert app.session.primary == ElementRef("region", 1)
            await pilot.press("question_mark")
            await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
            assert app.screen.area == "Elements list"
            await pilot.press("escape")
            await settle(pilot, lambda: not isinstance(app.screen, HelpScreen))
            await pilot.press("escape")
            await settle(pilot, lambda: isinstance(app.focused, CanvasView))
            assert isinstance(app.focused, CanvasView)

    asyncio.run(scenario())


def test_e_types_in_a_field(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "enter")
            await settle(pilot, lambda: isinstance(app.focused, Input))
            field = app.focused
            await pilot.press("e")
            await settle(pilot)
            assert app.focused is field and isinstance(field, Input) and field.value == "e"

    asyncio.run(scenario())


def test_elements_key_in_the_palette_and_the_help(preset_file):
    assert any(row.action == "focus_elements" and f"({ELEMENTS_KEY})" in row.help for row in ACTIONS)
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("question_mark")
            await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
            assert any(keys == "e" and "elements list" in what for keys, what in app.screen.rows)

    asyncio.run(scenario())
