"""SVG snapshots of the studio (pytest-textual-snapshot): the main screen at 80x24 and 140x40, each inspector tab,
the findings panel with errors, the push screen, the help screen, the findings panel unfolded with eight findings,
a dynamic layout's ghost slots and the preview of a portrait canvas. Update with ``--snapshot-update`` after looking
at them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from layout_studio.editing import EditSession
from layout_studio.tui.app import StudioApp
from layout_studio.tui.widgets.inspector import Inspector
from layout_studio.tui.widgets.preview import PreviewPane

FIXTURES = Path(__file__).parent / "fixtures"
PRESETS = Path(__file__).resolve().parents[2] / "presets"


@pytest.fixture(autouse=True)
def _in_the_fixtures_folder(monkeypatch):
    """The status line shows the file relative to the working folder: the same ``two_up.json`` wherever pytest
    runs from."""
    monkeypatch.chdir(FIXTURES)


def app_for(name: str) -> StudioApp:
    return StudioApp(EditSession.open(FIXTURES / name), offer_recovery=False)


@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
def test_main_screen(snap_compare, size):
    # tab, tab: the LIVE watermark is on top, then bob's region (#1) is selected
    assert snap_compare(app_for("two_up.json"), terminal_size=size, press=["tab", "tab"])


def test_text_watermark_selected(snap_compare):
    assert snap_compare(app_for("two_up.json"), terminal_size=(80, 24), press=["tab"])


@pytest.mark.parametrize("tab", ["canvas", "audio", "sei", "target"])
def test_inspector_tab(snap_compare, tab):
    def show(pilot):
        pilot.app.editor.query_one(Inspector).show_tab(tab)

    assert snap_compare(app_for("two_up.json"), terminal_size=(80, 24), run_before=show)


def test_findings_panel_with_errors(snap_compare):
    assert snap_compare(app_for("broken.json"), terminal_size=(80, 24), press=["tab"])


def test_push_screen(snap_compare):
    async def open_push(pilot):
        await pilot.app.editor.run_action("push")
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor makes the snapshot depend on the machine's speed
        await pilot.press(*"task-1")
        pilot.app.screen.query_one("#push-app").value = "1400000001"
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app_for("two_up.json"), terminal_size=(80, 24), run_before=open_push)


# -- issue 11: help, findings, ghost slots, portrait preview ----------------------------------------------------------
def test_help_screen(snap_compare):
    """? on the canvas with an element selected: the canvas's keys, then the mouse, then the palette."""
    assert snap_compare(app_for("two_up.json"), terminal_size=(100, 34), press=["tab", "question_mark"])


def test_findings_panel_with_eight_findings(snap_compare):
    """f: the panel takes the canvas's place, each of the eight findings in full."""
    assert snap_compare(app_for("eight_findings.json"), terminal_size=(100, 40), press=["f"])


def test_dynamic_layout_ghost_slots(snap_compare, monkeypatch):
    """The bundled dynamic grid with 5 users in the simulated room (+ once): five dotted places."""
    monkeypatch.chdir(PRESETS)  # the status line shows grid-dynamic.json wherever the checkout is
    app = StudioApp(EditSession.open(PRESETS / "grid-dynamic.json"), offer_recovery=False)
    assert snap_compare(app, terminal_size=(100, 30), press=["plus"])


class PortraitRenderer:
    """Stands in for the Renderer with a fixed 9:16 picture (the pane is what this snapshot checks, not the
    renderer's colours): a blue host filling the canvas, a green guest window at the top right."""

    def render(self, config, **options):
        from PIL import Image, ImageDraw

        from layout_studio.render import RenderResult

        image = Image.new("RGB", (360, 640), (30, 60, 140))
        ImageDraw.Draw(image).rectangle((200, 64, 340, 312), fill=(40, 150, 80))
        return RenderResult(image, [])

    def forget_failures(self) -> None:
        pass


def test_preview_pane_for_a_portrait_canvas(snap_compare, tmp_path, monkeypatch):
    """r on a 720x1280 design: the picture is letterboxed, taller than wide, centred in the pane."""
    import json

    monkeypatch.chdir(tmp_path)  # the status line shows portrait.json, not the temporary folder

    doc = json.loads((FIXTURES / "two_up.json").read_text())
    doc["VideoParams"]["VideoEncode"].update(Width=720, Height=1280)
    (tmp_path / "portrait.json").write_text(json.dumps(doc))
    app = StudioApp(EditSession.open(tmp_path / "portrait.json"), renderer=PortraitRenderer(), offer_recovery=False)

    async def render(pilot):
        await pilot.press("r")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pane = pilot.app.screen.query_one(PreviewPane)
        pane.show_result(pane.image, [], 7.0, (720, 1280))  # the caption's render time, fixed for the snapshot
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=render)


# -- studio integration: the recording screen, a field's whole hint ----------------------------------------------------
def test_record_screen(snap_compare, monkeypatch):
    """Start recording… on the two-up fixture at 80x24, VOD storage, the request shown (its UserSig masked)."""
    monkeypatch.setenv("TRTC_SDK_SECRET_KEY", "sdk-secret-key-for-snapshots-0042")
    import json

    doc = json.loads((FIXTURES / "two_up.json").read_text())
    doc["Target"] = {"Region": "ap-guangzhou", "SdkAppId": 1400188366, "RoomId": "295066"}

    async def open_record(pilot):
        pilot.app.session.preset = pilot.app.session.preset.model_validate(doc)
        await pilot.app.editor.run_action("record")
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        pilot.app.screen.query_one("#rec-vendor").value = "vod"
        await pilot.press("f5")
        await pilot.pause()

    assert snap_compare(app_for("two_up.json"), terminal_size=(80, 24), run_before=open_record)


def test_field_hint_under_the_focused_field(snap_compare):
    """bob's RenderMode field focused at 80x24: its whole hint on the line below it."""

    async def focus_render_mode(pilot):
        await pilot.press("tab", "tab", "enter", *["down"] * 5)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app_for("two_up.json"), terminal_size=(80, 24), run_before=focus_render_mode)
