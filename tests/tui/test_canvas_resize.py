"""A canvas resize that scales the regions along asks whether to scale the text sizes (FontSize) too, when the
design has text; the box of a text watermark scaled without its FontSize was silent. Either way one undo step.

pytest-asyncio is not installed: each test runs its scenario with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio

import pytest

from layout_studio.editing import EditSession, geometry, ops
from layout_studio.editing.ops import new_preset
from layout_studio.tui.app import StudioApp
from layout_studio.tui.screens.dialogs import PromptScreen, ScaleTextScreen
from layout_studio.tui.screens.editor import EditorScreen

from .keys import settle


def text_of(app):
    return app.session.preset.video_params.water_mark_list[0].water_mark_text


async def resize_to(pilot, size: str, *, scale: bool = True) -> None:
    app = pilot.app
    await app.editor.run_action(f"resize_canvas({scale})")
    await settle(pilot, lambda: isinstance(app.screen, PromptScreen))
    app.screen.query_one("#prompt-input").value = size
    await pilot.press("enter")
    await settle(pilot, lambda: not isinstance(app.screen, PromptScreen))


@pytest.mark.parametrize("answer, font_size", [("y", 15), ("n", 30)])
def test_resize_asks_whether_to_scale_the_font_size(preset_file, answer, font_size):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await resize_to(pilot, "640x360")  # half of 1280x720
            assert isinstance(app.screen, ScaleTextScreen)
            text = str(app.screen.query_one(".dialog-text").render())
            assert "FontSize" in text and "30 → 15" in text
            await pilot.press(answer)
            await settle(pilot, lambda: isinstance(app.screen, EditorScreen))
            assert app.session.preset.canvas == (640, 360)
            assert (text_of(app).water_mark_width, text_of(app).font_size) == (80, font_size)
            assert len(app.session.history) == 1

    asyncio.run(scenario())


def test_escape_at_the_question_resizes_nothing(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await resize_to(pilot, "640x360")
            await pilot.press("escape")
            await settle(pilot, lambda: isinstance(app.screen, EditorScreen))
            assert app.session.preset.canvas == (1280, 720) and not app.session.history.can_undo

    asyncio.run(scenario())


@pytest.mark.parametrize("scale", [True, False])
def test_no_question_without_text_or_when_regions_stay(preset_file, scale):
    session = EditSession.open(preset_file)
    if scale:  # no text watermark: nothing to ask
        session.preset.video_params.water_mark_list = []
    app = StudioApp(session, offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await resize_to(pilot, "640x360", scale=scale)
            await settle(pilot, lambda: app.session.preset.canvas == (640, 360))
            assert isinstance(app.screen, EditorScreen)

    asyncio.run(scenario())


def test_rescale_canvas_scales_font_sizes_by_the_smaller_factor_never_below_one():
    preset = new_preset((1920, 1080))
    for _ in range(2):
        ops.add_text_watermark(preset)
    marks = preset.video_params.water_mark_list
    marks[0].water_mark_text.font_size = 40
    marks[1].water_mark_text.font_size = 1
    geometry.rescale_canvas(preset, (1080, 1920), scale_text=True)  # landscape to portrait: x 0.5625, y 1.78
    assert [m.water_mark_text.font_size for m in marks] == [22, 1]
    geometry.rescale_canvas(preset, (540, 960), scale_text=False)  # boxes halve, text sizes stay
    assert [m.water_mark_text.font_size for m in marks] == [22, 1]
