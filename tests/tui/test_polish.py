"""What testers found in the studio, one test each: the command palette over a dialog, a watermark's label over a
region's, field hints cut at 80 columns, Textual's own "Keys" entry and ctrl+c line, ctrl+z in a field, the stack
template's count, a key right after moving in the elements list, a long watermark text in the elements list, the
stale mark after a change of the simulated room, and ``r`` fetching a replaced image again."""

from __future__ import annotations

import asyncio
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image
from textual.command import CommandPalette

from layout_studio.editing import EditSession, ElementRef, ops
from layout_studio.editing.autosave import Autosaver
from layout_studio.model import Preset
from layout_studio.tui.app import StudioApp
from layout_studio.tui.screens.dialogs import PromptScreen, RecoveryScreen
from layout_studio.tui.screens.editor import EditorScreen
from layout_studio.tui.screens.help import HelpScreen
from layout_studio.tui.widgets.canvas import CanvasView, fit
from layout_studio.tui.widgets.elements import ElementList, element_label
from layout_studio.tui.widgets.fields import FieldRow
from layout_studio.tui.widgets.preview import PREVIEW_DELAY, PreviewPane

from .keys import burst, settle

FIXTURES = Path(__file__).parent / "fixtures"


def run(scenario):
    return asyncio.run(scenario())


def test_the_palette_opens_over_the_editor_only(preset_file):
    """ctrl+p over the recovery offer (or any screen above the editor) does nothing: its commands would act on the
    design behind the dialog."""
    edited = EditSession.open(preset_file)
    ops.add_region(edited.preset)
    Autosaver(preset_file).write(edited.preset)
    app = StudioApp(EditSession.open(preset_file))

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, lambda: isinstance(app.screen, RecoveryScreen))
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, RecoveryScreen) and not CommandPalette.is_open(app)
            app.action_command_palette()  # asked for another way: still not
            await pilot.pause()
            assert not CommandPalette.is_open(app)
            await pilot.press("escape")  # not now
            await settle(pilot, lambda: isinstance(app.screen, EditorScreen))
            await pilot.press("ctrl+p")
            await settle(pilot, lambda: CommandPalette.is_open(app))
            assert CommandPalette.is_open(app)
            await pilot.press("escape")
            await app.editor.run_action("push")
            await pilot.pause()
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert not CommandPalette.is_open(app)  # nor over the push screen, whose plan would go stale

    run(scenario)
    assert len(app.session.preset.video_params.layout_params.mix_layout_list) == 2  # nothing acted behind it


def _canvas_text(session: EditSession, width: int = 80, height: int = 20) -> list[str]:
    canvas = CanvasView(session)
    return [strip.text for strip in canvas._draw(width, height)]


def test_a_watermark_label_never_overwrites_a_region_label(raw):
    """A watermark whose top edge lies on a region's label row, a few cells in: both labels are read whole."""
    raw["VideoParams"]["LayoutParams"]["MixLayoutList"] = [
        {"UserMediaStream": {"UserInfo": {"UserId": "speaker"}}, "ImageWidth": 1280, "ImageHeight": 720}
    ]
    m = fit((1280, 720), 80, 20, aspect=2.0)
    label_row_px = round(m.scale * m.aspect * 1.2)  # the region's label row (its second row)
    raw["VideoParams"]["WaterMarkList"] = [
        {
            "WaterMarkType": 0,
            "WaterMarkImage": {
                "WaterMarkUrl": "https://example.com/maker.png",
                "LocationX": round(m.scale * 3),
                "LocationY": label_row_px,
                "WaterMarkWidth": 400,
                "WaterMarkHeight": 200,
                "ZOrder": 1,
            },
        }
    ]
    lines = _canvas_text(EditSession(Preset.model_validate(raw)))
    text = "\n".join(lines)
    assert "#0 speaker z0" in text, text
    assert "WM0 img z1" in text, text


def test_a_selected_watermark_keeps_its_label(session):
    session.select(ElementRef("watermark", 0))
    assert any("WM0" in line for line in _canvas_text(session))


def test_the_whole_hint_of_a_focused_field_is_shown_under_it(preset_file):
    """At 80 columns the placeholder of RenderMode is cut; the line under the focused field shows it whole."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab")  # bob (#1)
            row = app.screen.query_one("#form-region #f-RenderMode", FieldRow)
            hint = row.query_one(".hint")
            assert not hint.display or hint.region.height == 0
            app.screen.set_focus(row.input)
            await pilot.pause()
            assert hint.region.height >= 1
            shown = str(hint.render())
            assert row.spec.hint in shown and "fit on black" in shown
            assert row.input.tooltip == row.spec.hint

    run(scenario)


def test_textual_s_keys_entry_and_copy_line_do_not_confuse_the_help(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(100, 34)) as pilot:
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert "Keys" not in titles and "Quit" not in titles  # the studio's own help and quit stay
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            keys, what = app.screen.rows[-1]
            assert "^c" in keys and "selected with the mouse" in what and "ctrl+q" in what
            assert all(w != "Copy selected text" for _k, w in app.screen.rows)

    run(scenario)


def test_ctrl_z_in_a_field_selects_the_restored_value(preset_file):
    """480 typed, ctrl+z, then 700: the field holds 700 (the restored value was replaced), not 480700 nor 640700."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "enter", "down", "down")  # bob (#1): ImageWidth 640
            field = app.screen.query_one("#form-region #f-ImageWidth", FieldRow).input
            assert app.screen.focused is field
            burst(app, ["4", "8", "0", "ctrl+z", "7", "0", "0"])
            await settle(pilot, lambda: field.value == "700")
            assert field.value == "700"
            await pilot.press("enter")
            assert app.session.preset.video_params.layout_params.mix_layout_list[1].image_width == 700

    run(scenario)


def test_the_stack_template_says_what_n_counts(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action("template_prompt('stack', 'replace')")
            await pilot.pause()
            assert isinstance(app.screen, PromptScreen)
            title = str(app.screen.query_one(".dialog-title").render())
            assert "stacked tiles" in title and "N + 1 regions" in title
            app.screen.query_one("#prompt-input").value = "4"
            await pilot.press("enter")
            await pilot.pause()
            assert len(app.session.preset.video_params.layout_params.mix_layout_list) == 5

    run(scenario)


def test_a_key_right_after_moving_in_the_elements_list_acts_on_the_new_highlight(preset_file):
    """down then d at once in the elements list duplicates the element moved to (bob), not the one before (LIVE)."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab")  # the LIVE watermark (top of the stack)
            app.screen.set_focus(app.screen.query_one(ElementList))
            await pilot.pause()
            burst(app, ["down", "d"])
            await settle(pilot, lambda: len(app.session.preset.video_params.layout_params.mix_layout_list) == 3)
            items = app.session.preset.video_params.layout_params.mix_layout_list
            assert [r.user_id for r in items] == ["alice", "bob", "bob"]
            assert len(app.session.preset.video_params.water_mark_list) == 1

    run(scenario)


def test_a_long_watermark_text_is_one_short_line_in_the_elements_list(session, preset_file):
    session.preset.video_params.water_mark_list[0].water_mark_text.text = "Welcome to the spring\nshow " * 4
    label = element_label(session, ElementRef("watermark", 0), False)
    assert "\n" not in label and len(label) <= 30 and "…" in label
    raw = json.loads(preset_file.read_text())
    raw["VideoParams"]["WaterMarkList"][0]["WaterMarkText"]["Text"] = "Welcome to the spring show " * 4
    preset_file.write_text(json.dumps(raw))
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            listing = app.screen.query_one(ElementList)
            assert listing.option_count == 3
            assert listing.virtual_size.height == 3  # one line each

    run(scenario)


class FlatRenderer:
    """Stands in for the Renderer: a grey picture; records the options of each render."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def render(self, config, **options):
        from layout_studio.render import RenderResult

        self.calls.append(options)
        return RenderResult(Image.new("RGB", (64, 36), (90, 90, 90)), [])

    def forget_failures(self) -> None:
        pass


def test_the_stale_mark_says_what_changed():
    grid = Path(__file__).resolve().parents[2] / "presets" / "grid-dynamic.json"
    app = StudioApp(EditSession.open(grid), renderer=FlatRenderer(), offer_recovery=False)

    def caption() -> str:
        return str(app.screen.query_one("#preview-caption").render())

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("v", "plus")  # the room changes while the canvas is shown (no re-render)
            await pilot.pause()
            assert "STALE: the simulated room changed," in caption() and "design" not in caption()
            await app.editor.run_action("resize_canvas(False)")
            await pilot.pause()
            app.screen.query_one("#prompt-input").value = "1920x1080"
            await pilot.press("enter")
            await pilot.pause()
            assert "STALE: the simulated room and the design changed," in caption()
            await pilot.press("v")
            await pilot.pause(PREVIEW_DELAY + 0.3)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "STALE" not in caption()

    run(scenario)


def _png(color) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), color).save(buf, "PNG")
    return buf.getvalue()


class _Logo(BaseHTTPRequestHandler):
    body = _png((255, 0, 0))

    def do_GET(self):  # noqa: N802 - http.server API
        self.send_response(200)
        self.send_header("Content-Length", str(len(type(self).body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(type(self).body)

    def log_message(self, *args):
        pass


@pytest.fixture
def logo_url():
    _Logo.body = _png((255, 0, 0))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Logo)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/logo.png"
    httpd.shutdown()
    httpd.server_close()


def test_r_fetches_a_watermark_replaced_at_the_same_url(raw, tmp_path, logo_url):
    raw["VideoParams"]["WaterMarkList"].append(
        {
            "WaterMarkType": 0,
            "WaterMarkImage": {
                "WaterMarkUrl": logo_url,
                "LocationX": 100,
                "LocationY": 100,
                "WaterMarkWidth": 64,
                "WaterMarkHeight": 64,
                "ZOrder": 5,
            },
        }
    )
    path = tmp_path / "logo_preset.json"
    path.write_text(json.dumps(raw))
    app = StudioApp(EditSession.open(path), offer_recovery=False)
    colours = []

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            for colour in ((0, 0, 255), None):
                await pilot.press("r")
                await app.workers.wait_for_complete()
                await pilot.pause()
                image = app.screen.query_one(PreviewPane).image
                k = image.width / 1280
                colours.append(image.getpixel((int(132 * k), int(132 * k)))[:3])
                if colour:
                    _Logo.body = _png(colour)  # the watermark is replaced at the same URL

    run(scenario)
    assert colours == [(255, 0, 0), (0, 0, 255)]
