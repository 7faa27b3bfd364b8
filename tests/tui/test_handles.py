"""Region handles: the geometry of dragging an edge or a corner (layout_studio.editing.handles), and in the studio a
drag on the selected region's outline resizes it as one undo step, shift keeps the aspect ratio, and the status line
shows X/Y/W/H live while dragging and while nudging."""

from __future__ import annotations

import asyncio

import pytest
from textual import events

from layout_studio.editing import EditSession, ElementRef
from layout_studio.editing.access import box
from layout_studio.editing.handles import handle_edges, resize_box
from layout_studio.tui.app import StudioApp
from layout_studio.tui.widgets.canvas import CanvasView

R1 = ElementRef("region", 1)
START = (640, 180, 640, 360)


@pytest.mark.parametrize(
    "edges, dx, dy, expected",
    [
        ({"right"}, -100, 50, (640, 180, 540, 360)),
        ({"left"}, 100, 0, (740, 180, 540, 360)),
        ({"top"}, 0, -80, (640, 100, 640, 440)),
        ({"bottom"}, 0, 40, (640, 180, 640, 400)),
        ({"right", "bottom"}, 10, 20, (640, 180, 650, 380)),
        ({"left", "top"}, -40, -20, (600, 160, 680, 380)),
        ({"right"}, -5000, 0, (640, 180, 1, 360)),  # never below 1 px, the left edge stays
        ({"left"}, 5000, 0, (1279, 180, 1, 360)),  # the right edge stays
    ],
)
def test_resize_box_moves_only_the_dragged_edges(edges, dx, dy, expected):
    assert resize_box(START, frozenset(edges), dx, dy) == expected


@pytest.mark.parametrize(
    "edges, dx, dy, expected",
    [
        ({"right", "bottom"}, -320, -10, (640, 180, 320, 180)),  # width changed most: it decides
        ({"left", "top"}, 0, 180, (960, 360, 320, 180)),  # the opposite corner (bottom right) stays
        ({"right"}, 320, 0, (640, 90, 960, 540)),  # an edge: the other side grows around its centre
        ({"bottom"}, 0, -180, (800, 180, 320, 180)),
    ],
)
def test_resize_box_keeps_the_aspect_ratio(edges, dx, dy, expected):
    got = resize_box(START, frozenset(edges), dx, dy, keep_aspect=True)
    assert got == expected and got[2] * 9 == got[3] * 16


def test_resize_box_snaps_the_moved_edge_to_a_guide():
    xs, ys = [0.0, 640.0, 1280.0], [0.0, 360.0, 720.0]
    assert resize_box(START, frozenset({"right"}), -5, 0, snap=(xs, ys), threshold=8) == (640, 180, 640, 360)
    assert resize_box(START, frozenset({"bottom"}), 0, -176, snap=(xs, ys), threshold=8) == (640, 180, 640, 180)
    assert resize_box(START, frozenset({"bottom"}), 0, -150, snap=(xs, ys), threshold=8) == (640, 180, 640, 210)


def test_handle_edges_take_one_edge_per_direction():
    assert handle_edges(True, True, False, False) == {"left"}
    assert handle_edges(False, True, False, True) == {"right", "bottom"}
    assert handle_edges(False, False, False, False) == frozenset()


def _status(app) -> str:
    return app.screen.query_one("#status").render_line(0).text


def test_dragging_an_edge_and_a_corner_resizes_the_selected_region(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    seen: list[str] = []

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab")  # bob's region #1, (640, 180, 640, 360)
            await pilot.pause()
            canvas = app.screen.query_one(CanvasView)
            x0, y0, x1, y1 = canvas._cells(canvas._map, R1)
            mid = (y0 + y1) // 2
            assert canvas.handle_at(x1 - 1, mid) == {"right"} and canvas.handle_at(x0, y1 - 1) == {"left", "bottom"}
            assert canvas.handle_at((x0 + x1) // 2, mid) == frozenset()  # inside: a drag moves
            # the right edge, 3 cells to the left
            await pilot.mouse_down(CanvasView, offset=(x1 - 1, mid))
            await pilot.hover(CanvasView, offset=(x1 - 4, mid))
            await pilot.pause()
            seen.append(_status(app))
            await pilot.mouse_up(CanvasView, offset=(x1 - 4, mid))
            await pilot.pause()
            x, y, w, h = box(app.session.preset, R1)
            assert (x, y, h) == (640, 180, 360) and w < 640
            assert f"W {w} H 360" in seen[0] and "X 640 Y 180" in seen[0]  # live, while the button was down
            # the bottom-left corner, 2 cells right and 1 down
            x0, y0, x1, y1 = canvas._cells(canvas._map, R1)
            await pilot.mouse_down(CanvasView, offset=(x0, y1 - 1))
            await pilot.hover(CanvasView, offset=(x0 + 2, y1))
            await pilot.mouse_up(CanvasView, offset=(x0 + 2, y1))
            await pilot.pause()
            nx, ny, nw, nh = box(app.session.preset, R1)
            assert nx > x and ny == 180 and nx + nw == x + w and nh > 360  # the top-right corner stayed
            await pilot.press("ctrl+z")
            assert box(app.session.preset, R1) == (x, y, w, h)  # each drag is one undo step
            await pilot.press("ctrl+z")
            assert box(app.session.preset, R1) == START

    asyncio.run(scenario())


def test_shift_while_dragging_a_corner_keeps_the_aspect_ratio(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab")
            await pilot.pause()
            canvas = app.screen.query_one(CanvasView)
            x0, y0, _x1, _y1 = canvas._cells(canvas._map, R1)
            await pilot.mouse_down(CanvasView, offset=(x0, y0))
            # the terminal reports shift with the motion and the release (SGR mouse, bit 4)
            await pilot._post_mouse_events(
                [events.MouseMove], CanvasView, offset=(x0 + 6, y0 + 1), button=1, shift=True
            )
            await pilot._post_mouse_events([events.MouseUp], CanvasView, offset=(x0 + 6, y0 + 1), button=1, shift=True)
            await pilot.pause()
            x, y, w, h = box(app.session.preset, R1)
            assert (x + w, y + h) == (1280, 540)  # the opposite corner stayed
            assert w < 640 and abs(w / h - 16 / 9) < 0.01

    asyncio.run(scenario())


def test_the_status_line_shows_the_box_while_nudging(preset_file):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("tab", "tab", "right", "shift+down")
            await pilot.pause()
            assert "#1 X 641 Y 190 W 640 H 360" in _status(app)
            await pilot.press("ctrl+left")
            await pilot.pause()
            assert "#1 X 641 Y 190 W 630 H 360" in _status(app)

    asyncio.run(scenario())
