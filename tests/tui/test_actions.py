"""Pilot tests of the studio's other actions: preview render, PNG output, dynamic-to-custom conversion,
templates, canvas rescale, mouse drag with snapping, and every bundled preset opening at 80x24."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PIL import Image

from layout_studio.editing import EditSession, ElementRef
from layout_studio.editing.access import box
from layout_studio.presets import bundled_presets
from layout_studio.tui.app import StudioApp
from layout_studio.tui.commands import ACTIONS
from layout_studio.tui.screens.dialogs import PromptScreen
from layout_studio.tui.widgets.canvas import CanvasView
from layout_studio.tui.widgets.picture import Picture
from layout_studio.tui.widgets.preview import PreviewPane

from .keys import settle

FIXTURES = Path(__file__).parent / "fixtures"


def test_preview_renders_and_png_is_written(preset_file, tmp_path):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    out = tmp_path / "preview.png"

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            pane = app.screen.query_one(PreviewPane)
            assert pane.image is not None and pane.image.width > 0
            await app.editor.run_action("write_png")
            await pilot.pause()
            assert isinstance(app.screen, PromptScreen)
            app.screen.query_one("#prompt-input").value = str(out)
            await pilot.press("enter")
            await settle(pilot, out.exists)  # written by a worker

    asyncio.run(scenario())
    with Image.open(out) as img:
        assert img.size == (1280, 720)
        assert img.getpixel((5, 5))[:3] == (0x1A, 0x1A, 0x2E)  # BackGroundColor outside every region


def test_dynamic_layout_converts_to_custom_regions():
    grid = next(p for p in bundled_presets() if "dynamic" in p.name)
    app = StudioApp(EditSession.open(grid), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action("convert_dynamic")
            await pilot.pause()
            app.screen.query_one("#prompt-input").value = "4"
            await pilot.press("enter")
            await pilot.pause()
            lp = app.session.preset.video_params.layout_params
            assert lp.mix_layout_mode == 4 and len(lp.mix_layout_list) == 4
            await pilot.press("ctrl+z")
            assert app.session.preset.video_params.layout_params.mix_layout_mode != 4

    asyncio.run(scenario())


def test_template_and_canvas_rescale_from_the_palette_actions(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    titles = [t for t, _a, _h in ACTIONS]
    assert "Template: grid 9 — replace layout" in titles and "Resize canvas, scaling regions…" in titles

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action("template('grid', 'fill', 4)")
            await pilot.pause()
            items = app.session.preset.video_params.layout_params.mix_layout_list
            assert [r.user_id for r in items] == ["alice", "bob", None, None]
            await app.editor.run_action("resize_canvas(True)")
            await pilot.pause()
            app.screen.query_one("#prompt-input").value = "1920x1080"
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("n")  # the design has text (LIVE): keep its FontSize
            await pilot.pause()
            assert app.session.preset.canvas == (1920, 1080)
            assert box(app.session.preset, ElementRef("region", 3)) == (960, 540, 960, 540)

    asyncio.run(scenario())


def test_mouse_drag_moves_a_region_as_one_undo_step(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            canvas = app.screen.query_one(CanvasView)
            m = canvas._map
            # grab bob's region (#1, x 640..1280, y 180..540) in its middle and drag it 3 cells left and 1 up
            cx, cy = m.cell_x(960), m.cell_y(360)
            assert canvas.element_at(cx, cy) == ElementRef("region", 1)
            await pilot.mouse_down(CanvasView, offset=(cx, cy))
            await pilot.hover(CanvasView, offset=(cx - 3, cy - 1))
            await pilot.mouse_up(CanvasView, offset=(cx - 3, cy - 1))
            await pilot.pause()
            x, y, w, h = box(app.session.preset, ElementRef("region", 1))
            assert app.session.primary == ElementRef("region", 1)
            assert x < 640 and (w, h) == (640, 360)
            # one drag is one undo step
            await pilot.press("ctrl+z")
            assert box(app.session.preset, ElementRef("region", 1)) == (640, 180, 640, 360)

    asyncio.run(scenario())


def test_every_bundled_preset_opens_at_80x24():
    presets = bundled_presets()
    assert presets

    async def scenario(path):
        app = StudioApp(EditSession.open(path), offer_recovery=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "right")
            await pilot.pause()
            assert app.screen.query_one(CanvasView)._map is not None

    for path in presets:
        asyncio.run(scenario(path))


@pytest.mark.parametrize(
    "action, text", [("grid_prompt('replace')", "²"), ("convert_dynamic", "¹"), ("resize_canvas(True)", "¹²⁸⁰x⁷²⁰")]
)
def test_prompts_refuse_digits_int_cannot_read(preset_file, action, text):
    """Superscript digits pass str.isdigit but not int(): the prompt says what to type, nothing crashes."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    before = app.session.preset.to_api()

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action(action)
            await pilot.pause()
            app.screen.query_one("#prompt-input").value = text
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, PromptScreen)
            assert "type" in str(app.screen.query_one("#prompt-error").render())

    asyncio.run(scenario())
    assert app.session.preset.to_api() == before


def test_a_huge_region_is_drawn_without_walking_its_off_screen_border(preset_file, monkeypatch):
    """ImageWidth 10^12 (typed into the inspector) must not freeze the canvas: only on-screen cells are drawn."""
    puts = []
    put = Picture.put

    def counting_put(self, x, y, ch, sid, keep_bg=False):
        puts.append(1)
        if len(puts) > 80 * 24 * 20:
            raise RuntimeError("the canvas walked cells far off the screen")
        put(self, x, y, ch, sid, keep_bg)

    monkeypatch.setattr(Picture, "put", counting_put)  # the canvas draws cell by cell only through Picture.put
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "enter")  # bob (#1), LocationX field
            field = app.screen.query_one("#form-region #f-ImageWidth Input")
            field.focus()
            field.value = "1" + "0" * 12
            await pilot.press("enter")  # a typed value is applied on enter
            assert app.session.preset.video_params.layout_params.mix_layout_list[1].image_width == 10**12
            app.screen.query_one(CanvasView).refresh_view()
            await pilot.pause()

    asyncio.run(scenario())
    assert app.return_code in (0, None)


@pytest.mark.parametrize(
    "field, value, named",
    [("#push-app", "abc", "SdkAppId"), ("#push-app", "²", "SdkAppId"), ("#push-region", "ap-mars", "ap-mars")],
)
def test_push_screen_names_a_bad_sdkappid_or_region_instead_of_planning(preset_file, field, value, named):
    """A SdkAppId that is not a number or a region the APIs do not accept is reported before the plan, never
    silently replaced by the preset's (nor a crash, nor a plan that says ready)."""
    from textual.widgets import Button

    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action("push")
            await pilot.pause()
            screen = app.screen
            screen.query_one("#push-task").value = "task-1"
            screen.query_one(field).value = value
            await pilot.press("f5")
            await pilot.pause()
            assert named in str(screen.query_one("#push-outcome").render())
            assert screen.plan is None and screen.query_one("#push", Button).disabled

    asyncio.run(scenario())


def test_r_retries_an_image_that_failed_before(tmp_path):
    """The studio keeps one Renderer for the session; a failed image must not stay failed once it is fixed."""
    import json

    doc = json.loads((FIXTURES / "two_up.json").read_text())
    logo = tmp_path / "logo.png"
    doc["VideoParams"]["WaterMarkList"].append(
        {
            "WaterMarkType": 0,
            "WaterMarkImage": {
                "WaterMarkUrl": str(logo),
                "LocationX": 100,
                "LocationY": 100,
                "WaterMarkWidth": 64,
                "WaterMarkHeight": 64,
                "ZOrder": 5,
            },
        }
    )
    path = tmp_path / "logo_preset.json"
    path.write_text(json.dumps(doc))
    app = StudioApp(EditSession.open(path), offer_recovery=False)
    captions: list[str] = []

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(2):
                await pilot.press("r")
                await app.workers.wait_for_complete()
                await pilot.pause()
                captions.append(str(app.screen.query_one("#preview-caption").render()))
                Image.new("RGB", (64, 64), (255, 0, 0)).save(logo)
            image = app.screen.query_one(PreviewPane).image
            k = image.width / 1280  # the preview is scaled to the terminal
            assert image.getpixel((int(132 * k), int(132 * k)))[:3] == (255, 0, 0)

    asyncio.run(scenario())
    assert "render note" in captions[0] and "render note" not in captions[1]


def test_planning_on_the_push_screen_creates_no_journal(preset_file):
    """A plan records nothing (as `layout-studio plan`): the journal is opened read-only, not created."""
    from layout_studio.paths import data_dir

    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    outcome: list[str] = []

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action("push")
            await pilot.pause()
            app.screen.query_one("#push-task").value = "task-1"
            app.screen.query_one("#push-app").value = "1400000001"
            await pilot.press("f5")
            await pilot.pause()
            outcome.append(str(app.screen.query_one("#push-outcome").render()))

    asyncio.run(scenario())
    assert "ready" in outcome[0]
    assert list(data_dir().glob("journal*")) == []
