"""Below the studio's minimum terminal size a clear message takes the place of the canvas and the rest, and keys
do nothing to the design (they say so); a move that would take an element wholly off the canvas, where it would not
be seen, is refused with a message.

pytest-asyncio is not installed: each test runs its scenario with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio

from layout_studio.editing import EditSession
from layout_studio.presets import preset_to_json
from layout_studio.tui.app import MIN_SIZE, StudioApp
from layout_studio.tui.screens.editor import EditorScreen
from layout_studio.tui.screens.small import TooSmallScreen

from .keys import burst, settle


def bob(app):
    return app.session.preset.video_params.layout_params.mix_layout_list[1]


def test_at_30x8_a_message_replaces_the_studio_and_keys_move_nothing(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(30, 8)) as pilot:
            await settle(pilot, lambda: isinstance(app.screen, TooSmallScreen))
            text = str(app.screen.query_one("#too-small").render())
            assert "too small" in text and "30×8" in text and f"{MIN_SIZE[0]}×{MIN_SIZE[1]}" in text
            before = preset_to_json(app.session.preset)
            await pilot.press("tab", "tab", "shift+right", "a", "delete")
            await settle(pilot)
            assert preset_to_json(app.session.preset) == before
            assert "“delete” not done" in str(app.screen.query_one("#too-small").render())
            await pilot.resize_terminal(80, 24)
            await settle(pilot, lambda: isinstance(app.screen, EditorScreen))
            await pilot.press("tab", "tab", "shift+right")
            await settle(pilot, lambda: bob(app).location_x == 650)

    asyncio.run(scenario())


def test_just_below_the_minimum_in_either_direction_is_too_small(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    seen = []

    async def scenario():
        async with app.run_test(size=MIN_SIZE) as pilot:
            await settle(pilot)
            seen.append(type(app.screen))
            for size in ((MIN_SIZE[0] - 1, MIN_SIZE[1]), (MIN_SIZE[0], MIN_SIZE[1] - 1), MIN_SIZE):
                await pilot.resize_terminal(*size)
                await settle(pilot, lambda s=size: isinstance(app.screen, TooSmallScreen) == (s != MIN_SIZE))
                seen.append(type(app.screen))

    asyncio.run(scenario())
    assert seen == [EditorScreen, TooSmallScreen, TooSmallScreen, EditorScreen]


def test_a_nudge_that_would_take_a_region_wholly_off_the_canvas_is_refused(preset_file):
    """bob (640 px wide at X 640 on a 1280 canvas) goes right 10 px at a time until X 1270; the next step would
    leave nothing of it on the canvas."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", *["shift+right"] * 63)
            await settle(pilot, lambda: bob(app).location_x == 1270)
            await pilot.press("shift+right", "shift+right")
            await settle(pilot)
            assert bob(app).location_x == 1270
            status = app.screen.query_one("#status").render_line(0).text
            assert "not moved" in status
            await pilot.press("shift+left")  # back towards the canvas: fine
            await settle(pilot, lambda: bob(app).location_x == 1260)

    asyncio.run(scenario())


def test_a_refused_nudge_typed_ahead_keeps_its_message(preset_file):
    """Held shift+→ (a burst): bob moves to X 1270 and the next steps are refused; the status line says so — the
    redraw of the panels still due after the last move does not put its X/Y/W/H back over the refusal."""
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab")
            await settle(pilot)
            burst(app, ["shift+right"] * 65)
            await settle(pilot, lambda: bob(app).location_x == 1270)
            await pilot.pause(0.2)
            status = app.screen.query_one("#status").render_line(0).text
            assert "not moved" in status, status

    asyncio.run(scenario())
