"""Pilot tests: a dynamic layout (MixLayoutMode 1-3) shows ghost slots on the canvas, the places of
layout_studio.mix.placements (the geometry of the preview and of `sei`) for N users, N changed with + and -; adding
a region to a dynamic layout offers to convert it to a custom layout first."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from layout_studio.editing import EditSession
from layout_studio.editing.access import regions
from layout_studio.mix import placements
from layout_studio.tui.app import StudioApp
from layout_studio.tui.screens.choose import ChooseScreen
from layout_studio.tui.widgets.canvas import CanvasView

PRESETS = Path(__file__).resolve().parents[2] / "presets"


def canvas_text(app) -> list[str]:
    canvas = app.screen.query_one(CanvasView)
    return [canvas.render_line(y).text for y in range(canvas.size.height)]


def ghost_cells(app, users: int) -> list[tuple[str, tuple[int, int, int, int]]]:
    """(label, cells) of each place the mix gives ``users`` users, as the canvas maps them."""
    canvas = app.screen.query_one(CanvasView)
    return [(s.user_id, canvas._map.cells(s.box)) for s in placements(app.session.preset, users=users)]


@pytest.mark.parametrize("preset", ["grid-dynamic.json", "speaker-strip.json"])
def test_ghost_slots_follow_the_mix_for_n_users(preset, tmp_path):
    session = EditSession.open(PRESETS / preset)
    if preset == "speaker-strip.json":  # the same design as a floating layout (mode 1)
        session.preset.video_params.layout_params.mix_layout_mode = 1
        session.preset.video_params.layout_params.mix_layout_list = None
    app = StudioApp(session, offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for users, keys in ((4, []), (6, ["plus", "plus"]), (3, ["minus", "minus", "minus"])):
                if keys:
                    await pilot.press(*keys)
                    await pilot.pause()
                lines = canvas_text(app)
                assert f"{users} users (+/- to change)" in lines[app.screen.query_one(CanvasView)._map.oy - 1]
                slots = ghost_cells(app, users)
                assert len(slots) == users
                for user, (x0, y0, x1, y1) in slots:
                    label = f"{user} z"
                    rows = lines[max(y0, 0) : y1]
                    assert any(label[: max(0, x1 - x0 - 2)] in row for row in rows), (user, (x0, y0, x1, y1))
                    assert lines[y0][x0 + 1] in "┈·[]"  # the dotted outline of a place (maybe of one above it)

    asyncio.run(scenario())


def test_a_custom_layout_has_no_ghosts(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            text = "\n".join(canvas_text(app))
            assert "+/- to change" not in text and "┈" not in text

    asyncio.run(scenario())


@pytest.mark.parametrize("choice, mode, count", [("convert", 4, 6), ("add", 3, 1), (None, 3, 0)])
def test_adding_a_region_to_a_dynamic_layout_offers_conversion(choice, mode, count):
    app = StudioApp(EditSession.open(PRESETS / "grid-dynamic.json"), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("plus")  # 5 users in the room
            await pilot.pause()
            ghosts = [s.box for s in placements(app.session.preset, users=5)]
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, ChooseScreen)
            if choice == "convert":
                await pilot.press("enter")
            elif choice == "add":
                await pilot.press("down", "enter")
            else:
                await pilot.press("escape")
            await pilot.pause()
            lp = app.session.preset.video_params.layout_params
            assert lp.eff("mix_layout_mode") == mode and len(regions(app.session.preset)) == count
            if choice == "convert":
                assert [r.box for r in regions(app.session.preset)][:5] == ghosts  # the ghost slots became regions
                assert (
                    "custom layout for 5 users; added region #5" in app.screen.query_one("#status").render_line(0).text
                )

    asyncio.run(scenario())
