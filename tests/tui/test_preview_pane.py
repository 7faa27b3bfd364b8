"""Pilot tests of an honest preview (issue 11): letterboxed at the canvas's aspect ratio (portrait stays portrait),
marked stale as soon as the design changes, re-rendered on its own once edits settle (PREVIEW_DELAY), and + / -
change the simulated room of a dynamic layout, shown in the caption and passed to the renderer."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from PIL import Image

from layout_studio.editing import EditSession
from layout_studio.render import RenderResult
from layout_studio.tui.app import StudioApp
from layout_studio.tui.widgets.preview import PREVIEW_DELAY, PreviewPane, letterbox

FIXTURES = Path(__file__).parent / "fixtures"


class RecordingRenderer:
    """Stands in for the Renderer: a grey picture of the canvas's shape; records the options of each render."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def render(self, config, **options) -> RenderResult:
        self.calls.append(options)
        w, h = config.canvas
        return RenderResult(Image.new("RGB", (max(1, w // 10), max(1, h // 10)), (90, 90, 90)), [])

    def forget_failures(self) -> None:
        pass


def caption(app) -> str:
    return str(app.screen.query_one("#preview-caption").render())


@pytest.mark.parametrize(
    "canvas, cells, aspect, expected",
    [
        ((1920, 1080), (60, 19), 2.0, (60, 17)),  # 16:9 fills the width, bands above and below
        ((1080, 1920), (60, 19), 2.0, (21, 19)),  # 9:16 fills the height, bands left and right
        ((1280, 720), (100, 10), 2.0, (36, 10)),
        ((1280, 720), (60, 19), 2.5, (60, 14)),  # taller cells: fewer rows
        ((1, 1), (0, 0), 2.0, (1, 1)),
    ],
)
def test_letterbox(canvas, cells, aspect, expected):
    assert letterbox(canvas, *cells, aspect) == expected


def portrait_file(tmp_path) -> Path:
    doc = json.loads((FIXTURES / "two_up.json").read_text())
    doc["VideoParams"]["VideoEncode"].update(Width=720, Height=1280)
    path = tmp_path / "portrait.json"
    path.write_text(json.dumps(doc))
    return path


@pytest.mark.parametrize("portrait", [False, True], ids=["16:9", "9:16"])
def test_the_preview_keeps_the_canvas_aspect_ratio(preset_file, tmp_path, portrait):
    path = portrait_file(tmp_path) if portrait else preset_file
    app = StudioApp(EditSession.open(path), renderer=RecordingRenderer(), offer_recovery=False)
    sizes = []

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            pane = app.screen.query_one(PreviewPane)
            sizes.append((pane.query_one("#preview-image").size, pane.query_one("#preview-box").size))

    asyncio.run(scenario())
    (image, space) = sizes[0]
    shown = image.width / (image.height * 2)  # a cell is half as wide as it is high
    want = 720 / 1280 if portrait else 1280 / 720
    assert abs(shown - want) / want < 0.06, (image, space)
    assert image.width <= space.width and image.height <= space.height
    assert image.width == space.width or image.height == space.height  # as large as the pane allows
    if portrait:
        assert image.height * 2 > image.width  # portrait stays portrait


def test_the_preview_is_stale_at_once_and_rerenders_when_edits_settle(preset_file):
    renderer = RecordingRenderer()
    app = StudioApp(EditSession.open(preset_file), renderer=renderer, offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("v")  # showing the preview renders it
            await app.workers.wait_for_complete()
            await pilot.pause()
            pane = app.screen.query_one(PreviewPane)
            assert len(renderer.calls) == 1 and not pane.stale and "STALE" not in caption(app)
            await pilot.press("tab", "right", "right")
            assert pane.stale and "STALE" in caption(app) and pane.has_class("-stale")
            assert len(renderer.calls) == 1  # not while the edits go on
            await pilot.pause(PREVIEW_DELAY + 0.3)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert len(renderer.calls) == 2 and not pane.stale and "STALE" not in caption(app)
            # a hidden preview is only marked; it renders when shown again
            await pilot.press("v", "right")
            await pilot.pause(PREVIEW_DELAY + 0.3)
            assert len(renderer.calls) == 2 and pane.stale
            await pilot.press("v")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert len(renderer.calls) == 3 and not pane.stale

    asyncio.run(scenario())


def test_plus_and_minus_set_the_simulated_room_of_a_dynamic_layout():
    renderer = RecordingRenderer()
    grid = Path(__file__).resolve().parents[2] / "presets" / "grid-dynamic.json"
    app = StudioApp(EditSession.open(grid), renderer=renderer, offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert renderer.calls[-1]["users"] == 4 and "4 users" in caption(app)
            await pilot.press("plus", "plus", "minus", "plus")
            await pilot.pause()
            assert "6 users" in caption(app) and "STALE" in caption(app)
            assert "simulated room: 6 users" in app.screen.query_one("#status").render_line(0).text
            await pilot.pause(PREVIEW_DELAY + 0.3)
            for _ in range(100):  # the render runs in the background: poll (up to 10 s on a loaded machine)
                await app.workers.wait_for_complete()
                await pilot.pause(0.1)
                if renderer.calls[-1]["users"] == 6 and "STALE" not in caption(app):
                    break
            assert renderer.calls[-1]["users"] == 6 and "STALE" not in caption(app)

    asyncio.run(scenario())


def test_plus_on_a_custom_layout_says_what_it_is_for(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("plus")
            await pilot.pause()
            assert "dynamic layout" in app.screen.query_one("#status").render_line(0).text
            assert app.session.room_users is None

    asyncio.run(scenario())
