"""Pilot tests: what is typed into a field is exactly what the field holds, at any key rate (type-ahead, a paste
without bracketed paste, SSH batching), and a value reaches the design only when it is complete and valid — on
enter, tab (or up/down) or leaving the field — as one undo step; esc cancels; a refused value leaves the design
byte-identical and says why.

pytest-asyncio is not installed: each test runs its scenario with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input

from layout_studio.editing import EditSession, ElementRef
from layout_studio.presets import preset_to_json
from layout_studio.tui.app import StudioApp
from layout_studio.tui.widgets.canvas import CanvasView
from layout_studio.tui.widgets.elements import ElementList
from layout_studio.tui.widgets.fields import FieldRow

from .keys import burst, settle

FIXTURES = Path(__file__).parent / "fixtures"


def run(scenario):
    return asyncio.run(scenario())


def serialized(app) -> str:
    """The design as its file would hold it."""
    return preset_to_json(app.session.preset)


def focused_row(app) -> FieldRow:
    assert isinstance(app.focused, Input)
    return next(a for a in app.focused.ancestors if isinstance(a, FieldRow))


def problem(row: FieldRow) -> str:
    return str(row.query_one(".problem").render())


def watermark(app):
    return app.session.preset.video_params.water_mark_list[0].water_mark_text


def bob(app):
    return app.session.preset.video_params.layout_params.mix_layout_list[1]


async def to_watermark_width(pilot):
    """Select the LIVE text watermark, enter its fields (Text), tab to Width."""
    await pilot.press("tab", "enter", "tab")
    assert focused_row(pilot.app).spec.label == "Width"


def test_a_burst_then_one_more_key_gives_exactly_what_was_typed(preset_file):
    """The issue's reproduction: 1920 typed with no pause into Width, then 5: the field holds 19205 (it held 15920:
    each applied keystroke re-set the field's text and cursor)."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await to_watermark_width(pilot)
            before = serialized(app)
            burst(app, "1920")
            await settle(pilot, lambda: app.focused.value == "1920")
            await pilot.press("5")
            await settle(pilot)
            assert app.focused.value == "19205"
            assert serialized(app) == before  # nothing reaches the design while typing
            await pilot.press("enter")
            await settle(pilot)
            assert watermark(app).water_mark_width == 19205
            assert app.focused.value == "19205"  # enter applies and stays in the field

    run(scenario)


def test_200_digits_with_no_pause_into_a_numeric_field_are_exact_and_leave_no_prefix(preset_file):
    digits = "1234567890" * 20
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await to_watermark_width(pilot)
            before = serialized(app)
            burst(app, digits)
            await settle(pilot, lambda: len(app.focused.value) >= len(digits))
            assert app.focused.value == digits
            assert serialized(app) == before
            await pilot.press("enter")  # refused: beyond the API's 64-bit Integer
            await settle(pilot)
            assert serialized(app) == before
            assert app.focused.value == digits  # the text stays the user's, to fix
            assert "not applied" in problem(focused_row(app))
            assert not app.session.history.can_undo

    run(scenario)


def test_200_characters_with_no_pause_into_a_text_field_are_exact_and_one_undo_step(preset_file):
    text = "Interview with Dr. Li, part 2 - live from Shenzhen; " * 4  # 208 characters, spaces and punctuation
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "enter")  # the LIVE watermark's Text (selected: typing replaces it)
            assert focused_row(app).spec.label == "Text"
            burst(app, text)
            await settle(pilot, lambda: len(app.focused.value) >= len(text))
            assert app.focused.value == text
            assert watermark(app).text == "LIVE"
            await pilot.press("enter")
            await settle(pilot)
            assert watermark(app).text == text.strip()
            assert len(app.session.history) == 1
            await pilot.press("escape", "ctrl+z")  # back on the canvas: one undo restores the text
            await settle(pilot)
            assert watermark(app).text == "LIVE"

    run(scenario)


def test_tab_backspace_and_enter_in_a_burst_keep_their_order(preset_file):
    """Editing keys typed ahead (backspace, tab to the next field, enter) act where they were typed: Width 1920 and
    Height 1080, each applied on leaving its field."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    keys = [*"19x", "backspace", *"20", "tab", *"1080", "enter"]

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await to_watermark_width(pilot)
            burst(app, keys)
            await settle(pilot, lambda: watermark(app).water_mark_height == 1080)
            assert (watermark(app).water_mark_width, watermark(app).water_mark_height) == (1920, 1080)
            assert focused_row(app).spec.label == "Height"
            assert len(app.session.history) == 2  # one undo step per field

    run(scenario)


def test_a_refused_value_and_escape_leave_the_design_byte_identical(preset_file):
    """100.5 in LocationX, then esc: the region stays at X=640 (it moved to 100: each prefix was applied), the
    status line says why nothing was applied, and the field shows the design's value again."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "enter")  # bob (#1): LocationX 640, selected
            assert app.session.primary == ElementRef("region", 1)
            row = focused_row(app)
            before = serialized(app)
            await pilot.press(*"100.5")
            assert "whole number" in problem(row)  # said while typing
            await pilot.press("escape")
            await settle(pilot)
            assert serialized(app) == before
            assert isinstance(app.focused, CanvasView)
            assert row.input.value == "640"
            status = app.screen.query_one("#status").render_line(0).text
            assert "LocationX: '100.5' not applied (esc)" in status
            assert not app.session.history.can_undo and not app.session.dirty

    run(scenario)


def test_a_refused_value_stays_in_its_field_on_tab_and_is_dropped_on_leaving(preset_file):
    """tab on a refused value keeps the focus there (the text to fix, the reason beside it); a click elsewhere
    leaves the field: its text goes back to the design's value, the reason stays."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "enter")
            row = focused_row(app)
            before = serialized(app)
            burst(app, "9" * 20)
            await settle(pilot, lambda: row.input.value == "9" * 20)
            await pilot.press("tab")
            await settle(pilot)
            assert app.focused is row.input and row.input.value == "9" * 20
            assert "20 digits were not applied" in problem(row)
            await pilot.click(CanvasView, offset=(2, 2))
            await settle(pilot, lambda: row.input.value == "640")
            assert serialized(app) == before
            assert "20 digits were not applied" in problem(row)

    run(scenario)


def test_leaving_a_field_by_mouse_applies_its_value_to_the_element_it_was_typed_for(preset_file):
    """A click on another element ends the edit: the value goes to the element the field showed (bob), not to the
    element the click selects."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "enter")  # bob's LocationX
            await pilot.press(*"700")
            await pilot.click(CanvasView, offset=(3, 6))  # alice's region, on the left
            await settle(pilot, lambda: bob(app).location_x == 700)
            assert app.session.preset.video_params.layout_params.mix_layout_list[0].location_x == 0
            assert len(app.session.history) == 1

    run(scenario)


def test_ctrl_z_in_a_field_first_drops_the_typing_then_undoes_the_design(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "enter", *"700", "enter")  # applied: one undo step
            await pilot.press(*"12")
            await pilot.press("ctrl+z")  # the typing goes, the design keeps 700
            await settle(pilot)
            row = focused_row(app)
            assert row.input.value == "700" and bob(app).location_x == 700
            await pilot.press("ctrl+z")  # now the design's undo
            await settle(pilot, lambda: row.input.value == "640")
            assert bob(app).location_x == 640

    run(scenario)


def test_keys_typed_ahead_of_the_field_they_open_go_into_it(preset_file):
    """tab (select the watermark), enter (open its Text) and the text after it, all in one burst: the letters go
    into the field — not to the canvas, where w adds a watermark and d duplicates — and so do the keys after each
    tab."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    keys = ["tab", "enter", *"Breaking: wind and dust", "tab", *"1920", "tab", *"1080", "enter"]

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            burst(app, keys)
            await settle(pilot, lambda: watermark(app).water_mark_height == 1080)
            body = watermark(app)
            assert (body.text, body.water_mark_width, body.water_mark_height) == ("Breaking: wind and dust", 1920, 1080)
            assert len(app.session.preset.video_params.water_mark_list) == 1
            assert len(app.session.history) == 3

    run(scenario)


def test_keys_typed_ahead_of_the_findings_go_to_them_and_to_the_field_they_open():
    """f (the findings), end (the last finding), enter (its element and field) and a value, all in one burst: the
    keys after f go to the findings panel, not to the canvas, and the value to erin's LocationY."""
    app = StudioApp(EditSession.open(FIXTURES / "eight_findings.json"), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            before = len(app.session.history)
            burst(app, ["f", "end", "enter", *"710", "enter"])
            erin = app.session.preset.video_params.layout_params.mix_layout_list[4]
            await settle(pilot, lambda: erin.location_y == 710)
            assert erin.location_y == 710 and app.session.primary == ElementRef("region", 4)
            assert len(app.session.history) == before + 1

    run(scenario)


def test_keys_typed_ahead_in_the_elements_list_go_to_the_field_enter_opens(preset_file):
    """In the elements list, down twice (to bob, below the watermark), enter (his LocationX) and a value with a d,
    all in one burst: the value goes into bob's field — the d is not the canvas's duplicate, and the field is not
    the one of the element selected before."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            app.screen.set_focus(app.screen.query_one(ElementList))
            await settle(pilot)
            burst(app, ["down", "down", "enter", *"7d00", "backspace", "backspace", "backspace", *"00", "enter"])
            await settle(pilot, lambda: bob(app).location_x == 700)
            assert bob(app).location_x == 700 and app.session.primary == ElementRef("region", 1)
            assert len(app.session.preset.video_params.layout_params.mix_layout_list) == 2
            assert len(app.session.history) == 1

    run(scenario)
