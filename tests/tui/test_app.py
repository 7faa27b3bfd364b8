"""Pilot tests of the studio app: it owns its renderer (injectable), opens another preset from the open dialog,
refuses a canvas size beyond the API's range in the prompt, and draws a design whose watermark lacks its body."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from PIL import Image

from layout_studio.editing import EditSession
from layout_studio.render import Renderer, RenderResult
from layout_studio.tui.app import StudioApp
from layout_studio.tui.screens.dialogs import PromptScreen
from layout_studio.tui.screens.editor import EditorScreen
from layout_studio.tui.screens.files import OpenScreen
from layout_studio.tui.widgets.canvas import CanvasView
from layout_studio.tui.widgets.preview import PreviewPane

FIXTURES = Path(__file__).parent / "fixtures"


class CountingRenderer:
    """Stands in for :class:`Renderer`: a plain red picture, and a count of the calls."""

    def __init__(self) -> None:
        self.renders = 0
        self.forgotten = 0

    def render(self, config, **options) -> RenderResult:
        self.renders += 1
        return RenderResult(Image.new("RGB", (64, 36), (255, 0, 0)), [])

    def forget_failures(self) -> None:
        self.forgotten += 1


def test_the_app_makes_its_own_renderer_or_uses_the_one_it_is_given(preset_file):
    assert isinstance(StudioApp(EditSession.open(preset_file), offer_recovery=False).renderer, Renderer)
    fake = CountingRenderer()
    app = StudioApp(EditSession.open(preset_file), renderer=fake, offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(2):
                await pilot.press("r")
                await app.workers.wait_for_complete()
                await pilot.pause()
            assert app.screen.query_one(PreviewPane).image.size == (64, 36)

    asyncio.run(scenario())
    assert app.renderer is fake and (fake.renders, fake.forgotten) == (2, 2)


def test_open_dialog_opens_the_chosen_preset_with_the_same_renderer(preset_file, tmp_path):
    other = json.loads(preset_file.read_text())
    other["Name"] = "Other show"
    (tmp_path / "other.json").write_text(json.dumps(other))
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    renderer = app.renderer

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action("open")
            await pilot.pause()
            assert isinstance(app.screen, OpenScreen)
            field = app.screen.query_one("#open-path")
            field.value = str(tmp_path / "other.json")
            field.focus()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, EditorScreen) and app.screen is app.editor
            assert app.session.title == "Other show" and app.editor.session is app.session
            assert app.editor.renderer is renderer

    asyncio.run(scenario())


def test_canvas_prompt_refuses_a_side_beyond_the_api_range(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    before = app.session.preset.to_api()

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action("resize_canvas(False)")
            await pilot.pause()
            app.screen.query_one("#prompt-input").value = "3840x2160"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, PromptScreen)
            assert "1..1920" in str(app.screen.query_one("#prompt-error").render())
            app.screen.query_one("#prompt-input").value = "1080 × 1920"
            await pilot.press("enter")
            await pilot.pause()
            assert app.session.preset.canvas == (1080, 1920)

    asyncio.run(scenario())
    assert before["VideoParams"]["VideoEncode"]["Width"] == 1280


def test_a_watermark_without_its_body_is_not_drawn_and_does_not_stop_the_studio(preset_file):
    doc = json.loads(preset_file.read_text())
    doc["VideoParams"]["WaterMarkList"].append({"WaterMarkType": 1})  # text type, no WaterMarkText
    preset_file.write_text(json.dumps(doc))
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "right", "d")
            await pilot.pause()
            assert app.screen.query_one(CanvasView)._map is not None

    asyncio.run(scenario())
    assert app.return_code in (0, None)
