"""The palette's file outputs, each worked off the UI thread with the app's renderer and written atomically, the
outcome in the status line: "Write preview PNG…", "Contact sheet…" (how many tiles are flagged) and "Export…" (the
loss report in a scrollable dialog; refused, with the findings, when the target's rules find errors)."""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path

from PIL import Image

from layout_studio.editing import EditSession
from layout_studio.render import Renderer, RenderResult
from layout_studio.tui.app import StudioApp
from layout_studio.tui.commands import ACTIONS
from layout_studio.tui.screens.choose import ChooseScreen
from layout_studio.tui.screens.dialogs import FormScreen, PromptScreen
from layout_studio.tui.screens.editor import EditorScreen
from layout_studio.tui.screens.outputs import ReportScreen

from .keys import settle

PRESETS = Path(__file__).resolve().parents[2] / "presets"


def run(scenario):
    return asyncio.run(scenario())


def status(app) -> str:
    return app.editor.query_one("#status").render_line(0).text


def test_the_palette_lists_the_outputs_and_the_recording():
    titles = {row.title: row.action for row in ACTIONS}
    assert titles["Contact sheet…"] == "contact_sheet"
    assert titles["Export…"] == "export"
    assert titles["Start recording…"] == "record"
    assert titles["Write preview PNG…"] == "write_png"


class BlockingRenderer:
    """Stands in for the app's Renderer: each render waits for ``release``; records the thread and options."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.calls: list[tuple[str, dict]] = []

    def render(self, config, **options) -> RenderResult:
        self.calls.append((threading.current_thread().name, options))
        self.release.wait(10)
        w, h = config.canvas
        return RenderResult(Image.new("RGB", (w, h), (10, 20, 30)), [])

    def forget_failures(self) -> None:
        pass


def test_write_png_renders_with_the_app_s_renderer_off_the_ui_thread(preset_file, tmp_path):
    renderer = BlockingRenderer()
    app = StudioApp(EditSession.open(preset_file), renderer=renderer, offer_recovery=False)
    out = tmp_path / "frame.png"

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await app.editor.run_action("write_png")
            await pilot.pause()
            assert isinstance(app.screen, PromptScreen)
            app.screen.query_one("#prompt-input").value = str(out)
            await pilot.press("enter")
            await settle(pilot, lambda: bool(renderer.calls))
            assert "writing the preview PNG…" in status(app)
            await pilot.press("s")  # the editor answers while the render waits
            assert "snapping off" in status(app)
            assert not out.exists()
            renderer.release.set()
            await settle(pilot, lambda: "wrote" in status(app))
            assert "wrote frame.png (1280×720)" in status(app)

    run(scenario)
    thread, options = renderer.calls[0]
    assert thread != threading.main_thread().name and options.get("scale", 1) == 1
    with Image.open(out) as image:
        assert image.size == (1280, 720) and image.getpixel((1, 1)) == (10, 20, 30)


def test_contact_sheet_asks_for_the_file_and_the_room_sizes_and_says_what_is_flagged(tmp_path):
    renderer = Renderer()
    app = StudioApp(EditSession.open(PRESETS / "grid-dynamic.json"), renderer=renderer, offer_recovery=False)
    out = tmp_path / "sheet.png"

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action("contact_sheet")
            await pilot.pause()
            assert isinstance(app.screen, FormScreen)
            app.screen.query_one("#form-field-0").value = str(out)
            app.screen.query_one("#form-field-1").value = "0-99"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, FormScreen)  # refused, said under the field
            assert "LOW-HIGH" in str(app.screen.query_one("#form-error-1").render())
            app.screen.query_one("#form-field-1").value = "1-3"
            await pilot.press("enter")
            await settle(pilot, lambda: isinstance(app.screen, EditorScreen))
            await settle(pilot, lambda: "room states" in status(app), timeout=60)
            assert "3 room states" in status(app) and "flagged" in status(app)

    run(scenario)
    assert renderer.tiles.misses > 0  # the app's renderer drew the tiles
    with Image.open(out) as image:
        assert image.width > 300


def _export(app, pilot, target: str, out: Path):
    async def go():
        await app.editor.run_action("export")
        await pilot.pause()
        assert isinstance(app.screen, ChooseScreen)
        answers = app.screen.query_one("#choose-list")
        index = next(i for i in range(answers.option_count) if answers.get_option_at_index(i).id == target)
        answers.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert target in str(app.screen.query_one(".dialog-title").render())
        app.screen.query_one("#prompt-input").value = str(out)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ReportScreen), timeout=30)

    return go()


def test_export_writes_the_body_and_shows_the_loss_report(preset_file, tmp_path):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    out = tmp_path / "mix.json"

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await _export(app, pilot, "sdk-stream-mixing", out)
            report = app.screen
            assert any(f.code.startswith("export.sdk-stream-mixing.") for f in report.findings)
            assert "exported mix.json (+1 text watermark PNG)" in str(report.query_one(".report-summary").render())
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, EditorScreen) and "exported mix.json" in status(app)

    run(scenario)
    body = json.loads(out.read_text())
    assert body and list(tmp_path.glob("*.png"))  # the LIVE text watermark drawn beside it


def test_export_is_refused_with_the_findings_when_the_target_s_rules_find_errors(preset_file, tmp_path):
    raw = json.loads(preset_file.read_text())
    raw["VideoParams"]["VideoEncode"].update(Width=1920, Height=1440)  # more than a recording takes
    preset_file.write_text(json.dumps(raw))
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    out = tmp_path / "rec.json"

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await _export(app, pilot, "recording", out)
            report = app.screen
            assert "Not exported" in str(report.query_one(".dialog-title").render())
            assert any(f.code == "recording.canvas.too-large" for f in report.findings)
            assert "recording.canvas.too-large" in str(report.query_one("#report-findings").render())
            await pilot.press("escape")
            await pilot.pause()
            assert "not exported" in status(app)

    run(scenario)
    assert not out.exists()
