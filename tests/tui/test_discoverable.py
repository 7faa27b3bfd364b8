"""Pilot tests: every move can be found from the screen (issue 11). The help screen (? and F1) lists every key of
the focused area from the bindings and every palette command; the footer shows enter and escape where they apply
and no key that a text field would type; the findings panel is reached with f, unfolds, lists every finding and
enter on one goes to its element and field; no invisible focus stop; every hint names a key that works."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey
from textual.widgets._tabbed_content import ContentTabs

from layout_studio.editing import EditSession, ElementRef, commands
from layout_studio.tui.app import StudioApp
from layout_studio.tui.commands import ACTIONS
from layout_studio.tui.keys import EDITOR_BINDINGS
from layout_studio.tui.screens.help import HelpScreen
from layout_studio.tui.widgets.canvas import CanvasView
from layout_studio.tui.widgets.elements import ElementList
from layout_studio.tui.widgets.findings import FindingsPanel

FIXTURES = Path(__file__).parent / "fixtures"


def help_text(app) -> str:
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    return " ".join(f"{k} {w}" for k, w in (*screen.rows, *screen.mouse, *screen.palette))


def footer_keys(app) -> dict[str, str]:
    """The footer's keys that are fully on screen: key -> label."""
    footer = app.screen.query_one(Footer)
    width = footer.region.right
    return {k.key: k.description for k in footer.query(FooterKey) if k.region.width and k.region.right <= width}


async def settle(pilot):
    for _ in range(3):
        await pilot.pause(0.05)


@pytest.mark.parametrize("key", ["question_mark", "f1"])
def test_help_lists_every_key_of_the_canvas_and_every_command(preset_file, key):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    texts: list[str] = []

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", key)  # an element selected: enter applies too
            await settle(pilot)
            assert app.screen.area == "Canvas"
            texts.append(help_text(app))
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, HelpScreen)

    asyncio.run(scenario())
    text = texts[0]
    for binding in EDITOR_BINDINGS:
        if binding.action == "focus_canvas":  # escape does nothing on the canvas, so it is not listed there
            continue
        assert (binding.tooltip or binding.description) in text, binding
    for row in ACTIONS:
        assert row.title in text and row.help in text
    assert "drag an edge or corner" in text  # the mouse gestures of the canvas


def test_in_a_field_question_mark_types_and_f1_helps(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "enter")
            await settle(pilot)
            assert isinstance(app.focused, Input)
            keys = footer_keys(app)
            assert "question_mark" not in keys and keys.get("f1") == "Help" and keys.get("escape") == "Cancel"
            assert keys.get("enter") == "Apply"  # enter applies the typed value (esc cancels it, back to the canvas)
            assert not {"a", "w", "d", "r"} & set(keys)  # letters type in a field: the footer does not offer them
            await pilot.press("f1")
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen) and app.screen.area == "Inspector field"
            rows = dict(app.screen.rows)
            assert "?" not in rows and "a" not in rows  # keys that type are not listed as commands there
            assert "+ -" not in rows and "-" not in rows  # they type too (a negative LocationX)
            what = {w: k for k, w in rows.items()}
            assert any("next field" in w and "tab" in k for w, k in what.items())  # the field's own keys
            assert any("Cancel the typing" in w and k == "esc" for w, k in what.items())
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.focused, Input)

    asyncio.run(scenario())


def test_footer_shows_enter_with_a_selection_and_escape_away_from_the_canvas(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    seen: list[dict[str, str]] = []

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            for keys in ([], ["tab"], ["enter"], ["escape"], ["f"]):
                if keys:
                    await pilot.press(*keys)
                await settle(pilot)
                seen.append(footer_keys(app))

    asyncio.run(scenario())
    nothing, selected, field, back, findings = seen
    assert "enter" not in nothing and "escape" not in nothing and "question_mark" in nothing
    assert selected.get("enter") == "Edit" and "escape" not in selected
    assert field.get("escape") == "Cancel" and field.get("enter") == "Apply"  # the field's own enter and esc
    assert back.get("enter") == "Edit" and "escape" not in back
    assert findings.get("enter") == "Go to" and findings.get("escape") == "Canvas"
    for keys in seen:
        assert "ctrl+q" in keys  # nothing pushed off the right edge at 80 columns


def test_findings_key_unfolds_every_finding_and_enter_goes_to_the_field():
    app = StudioApp(EditSession.open(FIXTURES / "eight_findings.json"), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            panel = app.screen.query_one(FindingsPanel)
            assert "(f)" in str(panel.border_title)  # the panel names its key
            await pilot.press("f")
            await settle(pilot)
            assert app.focused is panel and panel.expanded
            assert not app.screen.query_one("#view").display  # the panel takes the canvas's place
            assert panel.option_count == 8
            await pilot.press("end")  # scrolls to the last
            await settle(pilot)
            assert panel.highlighted == 7 and panel.scroll_offset.y > 0
            await pilot.press("enter")
            await settle(pilot)
            assert app.session.primary == ElementRef("region", 4)
            field = app.focused
            assert isinstance(field, Input) and field.value == "700"  # erin's LocationY
            assert not panel.expanded and app.screen.query_one("#view").display

    asyncio.run(scenario())


def test_no_invisible_focus_stop(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    visible = (CanvasView, FindingsPanel, ElementList, ContentTabs, Input)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "enter")
            await settle(pilot)
            chain = app.screen.focus_chain
            assert all(isinstance(w, visible) for w in chain), [type(w).__name__ for w in chain]
            before = app.session.preset.to_api()
            first = next(w for w in chain if isinstance(w, Input))
            first.focus()
            await pilot.press("shift+tab")
            await settle(pilot)
            assert isinstance(app.focused, ContentTabs)  # the tab strip, drawn highlighted
            await pilot.press("left", "right")  # switch tabs there, never move the element
            await settle(pilot)
            assert app.session.preset.to_api() == before

    asyncio.run(scenario())


def test_ctrl_a_selects_all_as_the_align_hint_says(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action("align('left')")
            await settle(pilot)
            status = app.screen.query_one("#status").render_line(0).text
            assert "ctrl+a" in commands.SELECT_TO_ALIGN and "select regions first" in status
            await pilot.press("ctrl+a")
            await settle(pilot)
            assert set(app.session.selection) == {ElementRef("region", 0), ElementRef("region", 1)}
            await app.editor.run_action("align('top')")
            await settle(pilot)
            assert "Align top" in app.screen.query_one("#status").render_line(0).text

    asyncio.run(scenario())


def test_enter_in_the_elements_list_edits_the_element(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            app.screen.query_one(ElementList).focus()
            await pilot.press("down", "enter")
            await settle(pilot)
            assert isinstance(app.focused, Input) and app.session.primary is not None

    asyncio.run(scenario())
