"""SVG snapshots of the studio (pytest-textual-snapshot): the main screen at 80x24 and 140x40, each inspector tab,
the findings panel with errors, and the push screen. Update with ``--snapshot-update`` after looking at them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from layout_studio.editing import EditSession
from layout_studio.tui.app import StudioApp
from layout_studio.tui.widgets.inspector import Inspector

FIXTURES = Path(__file__).parent / "fixtures"


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
