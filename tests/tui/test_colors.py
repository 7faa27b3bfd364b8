"""Colour fields take the API's form ``0xRRGGBB``: ``#RRGGBB`` and bare ``RRGGBB`` are converted, anything else
(``red``) is refused with the reason; a swatch beside the field shows the colour."""

from __future__ import annotations

import asyncio

import pytest

from layout_studio.editing import EditSession
from layout_studio.editing.fields import TEXT_WATERMARK_FIELDS, FieldError, parse_value
from layout_studio.presets import preset_to_json
from layout_studio.tui.app import StudioApp

FONT_COLOR = next(spec for spec in TEXT_WATERMARK_FIELDS if spec.label == "FontColor")


def swatch(row) -> tuple[int, int, int] | str:
    """The colour the swatch beside ``row`` shows (r, g, b), or its text when it shows no colour."""
    line = list(row.query_one(".swatch").render_line(0))
    text = "".join(seg.text for seg in line)
    if text == "[  ]":  # the two cells between the brackets are painted in the colour
        return tuple(line[1].style.bgcolor.triplet)
    return text.strip()


@pytest.mark.parametrize("typed", ["0xff8800", "#FF8800", "ff8800", " #ff8800 ", "0XFF8800"])
def test_a_colour_is_stored_in_the_api_form(typed):
    assert parse_value(FONT_COLOR, typed) == "0xFF8800"


@pytest.mark.parametrize("typed", ["red", "#f80", "0xFF88001", "rgb(255,136,0)", "0x"])
def test_anything_else_is_refused_saying_the_form(typed):
    with pytest.raises(FieldError, match=r"FontColor takes a colour 0xRRGGBB \(or #RRGGBB\), e\.g\. 0xFF0000 red;"):
        parse_value(FONT_COLOR, typed)


def test_the_font_colour_field_converts_refuses_and_shows_a_swatch(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("tab")  # the LIVE watermark: FontColor 0xFFFFFF
            row = app.screen.query_one("#form-text #f-WaterMarkText_FontColor")
            assert swatch(row) == (255, 255, 255)
            app.screen.set_focus(row.input)
            row.input.value = "#ff8800"  # as typed
            await pilot.pause()
            assert swatch(row) == (255, 136, 0)  # the colour being typed
            await pilot.press("enter")
            await pilot.pause()
            body = app.session.preset.video_params.water_mark_list[0].water_mark_text
            assert body.font_color == "0xFF8800" and row.input.value == "0xFF8800"

            before = preset_to_json(app.session.preset)
            row.input.value = "red"
            await pilot.pause()
            assert swatch(row) == "[??]"  # not a colour
            await pilot.press("enter")
            await pilot.pause()
            assert preset_to_json(app.session.preset) == before
            assert "takes a colour 0xRRGGBB" in str(row.query_one(".problem").render())
            row.input.value = ""
            await pilot.pause()
            assert swatch(row) == ""  # no colour set

    asyncio.run(scenario())
