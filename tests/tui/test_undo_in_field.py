"""Pilot tests: ctrl+z in an inspector field with nothing typed undoes the last design step, as on the canvas; when
that step made the element being edited (a duplicate, say), it is gone, and the focus goes back to the canvas with
a status message saying so (the QA report: the focus was left nowhere). With typing pending, ctrl+z drops it
(tests/tui/test_typing.py)."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Input

from layout_studio.editing import EditSession
from layout_studio.editing.access import elements
from layout_studio.tui.app import StudioApp
from layout_studio.tui.widgets.canvas import CanvasView
from layout_studio.tui.widgets.fields import FieldInput

from .keys import settle


@pytest.mark.parametrize("tabs", [["tab"], ["tab", "tab"]], ids=["watermark", "region"])
def test_ctrl_z_in_the_field_of_a_duplicate_undoes_it_and_goes_back_to_the_canvas(preset_file, tabs):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            count = len(elements(app.session.preset))
            await pilot.press(*tabs, "d")
            await settle(pilot, lambda: len(elements(app.session.preset)) == count + 1)
            await pilot.press("enter")
            await settle(pilot, lambda: isinstance(app.focused, Input))
            await pilot.press("ctrl+z")
            await settle(pilot, lambda: isinstance(app.focused, CanvasView))
            assert len(elements(app.session.preset)) == count
            assert isinstance(app.focused, CanvasView)
            status = app.screen.query_one("#status").render_line(0).text
            assert "undid Duplicate" in status and "canvas" in status, status

    asyncio.run(scenario())


def test_ctrl_z_in_a_field_of_an_element_still_there_keeps_the_focus(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "right", "enter")  # bob moved by 1 px, then his fields
            await settle(pilot, lambda: isinstance(app.focused, Input))
            field = app.focused
            await pilot.press("ctrl+z")
            await settle(pilot)
            assert app.focused is field and isinstance(field, FieldInput) and field.value == "640"

    asyncio.run(scenario())
