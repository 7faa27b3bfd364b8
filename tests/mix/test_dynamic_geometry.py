"""The simulated geometry of the dynamic templates: grid rounding and orientation, screen sharing with and without
MaxVideoUser, MaxVideoUser sending no video, portrait screen sharing, and the constants stated in one place."""

from __future__ import annotations

import ast
import inspect

import pytest

from layout_studio.mix import SlotState, dynamic, materialize, placements
from layout_studio.model import Preset

from ..render.helpers import preset

DECK = {"UserMediaStream": {"UserInfo": {"UserId": "deck"}, "StreamType": 1}}


def dyn(mode, w=1280, h=720, **layout):
    cfg = preset([], mode=mode, w=w, h=h)
    lp = cfg["VideoParams"]["LayoutParams"]
    del lp["MixLayoutList"]
    lp.update(layout)
    return cfg


def boxes(cfg, users, **room):
    return [s.box for s in sorted(placements(cfg, users=users, **room), key=lambda s: s.index)]


def covered(box_list, size):
    """How many times each pixel of a canvas of ``size`` is covered by ``box_list`` (a dict of counts)."""
    W, H = size
    xs = sorted({0, W, *(b[0] for b in box_list), *(b[0] + b[2] for b in box_list)})
    ys = sorted({0, H, *(b[1] for b in box_list), *(b[1] + b[3] for b in box_list)})
    counts = {}
    for x0, x1 in zip(xs, xs[1:]):
        for y0, y1 in zip(ys, ys[1:]):
            n = sum(1 for b in box_list if b[0] <= x0 and x1 <= b[0] + b[2] and b[1] <= y0 and y1 <= b[1] + b[3])
            counts[(x0, y0, x1 - x0, y1 - y0)] = n
    return counts


@pytest.mark.parametrize("count", range(1, 17))
@pytest.mark.parametrize("canvas", [(1280, 720), (1920, 1080), (720, 1280), (1080, 1080), (1366, 768), (1000, 700)])
def test_grid_cells_cover_full_rows_exactly_and_differ_by_at_most_one_pixel(canvas, count):
    W, H = canvas
    cells = boxes(dyn(3, W, H), count)
    assert len(cells) == count
    widths = {w for _, _, w, _ in cells}
    heights = {h for _, _, _, h in cells}
    assert max(widths) - min(widths) <= 1 and max(heights) - min(heights) <= 1
    rows = sorted({y for _, y, _, _ in cells})
    assert rows[0] == 0 and max(y + h for _, y, _, h in cells) == H  # no strip at the top or bottom
    for y in rows[:-1]:  # every full row spans the whole width, with no gap and no overlap
        row = sorted(b for b in cells if b[1] == y)
        assert row[0][0] == 0 and row[-1][0] + row[-1][2] == W
        assert all(a[0] + a[2] == b[0] for a, b in zip(row, row[1:]))
    assert all(n <= 1 for n in covered(cells, canvas).values())  # cells never overlap


def test_grid_of_five_and_seven_on_1280x720_spread_the_remainder():
    assert boxes(dyn(3), 5) == [
        (0, 0, 427, 360),
        (427, 0, 426, 360),
        (853, 0, 427, 360),
        (213, 360, 427, 360),
        (640, 360, 427, 360),
    ]
    seven = boxes(dyn(3), 7)
    assert seven[:3] == [(0, 0, 427, 240), (427, 0, 426, 240), (853, 0, 427, 240)]
    assert seven[6] == (427, 480, 426, 240)  # the last row of one, centred


def test_grid_rows_and_columns_follow_the_canvas_orientation():
    assert boxes(dyn(3, 720, 1280), 2) == [(0, 0, 720, 640), (0, 640, 720, 640)]  # stacked, not two strips
    assert boxes(dyn(3, 1280, 720), 2) == [(0, 0, 640, 720), (640, 0, 640, 720)]
    assert dynamic.grid_shape((720, 1280), 3) == (2, 2) and dynamic.grid_shape((720, 1280), 5) == (2, 3)
    assert dynamic.grid_shape((1280, 720), 5) == (3, 2) and dynamic.grid_shape((1080, 1080), 2) == (2, 1)


def test_screen_sharing_without_max_video_user_leaves_the_left_area_to_the_background():
    placed = sorted(placements(dyn(2), users=3), key=lambda s: s.index)
    large, *small = placed
    assert large.user_id is None and large.state is SlotState.ABSENT and large.box == (0, 0, 1120, 720)
    assert [s.user_id for s in small] == ["auto #1", "auto #2", "auto #3"]
    assert all(s.box[0] == 1120 and s.state is SlotState.VIDEO for s in small)
    assert len(placements(dyn(2), users=20)) == 16  # 15 users in the columns, the left area empty
    assert placements(dyn(2), users=0) == []


def test_screen_sharing_without_max_video_user_converts_to_a_custom_layout_without_the_left_region():
    out = materialize(Preset.model_validate(dyn(2)), 3)
    regions = out.video_params.layout_params.mix_layout_list
    assert [r.box for r in regions] == [(1120, 0, 160, 90), (1120, 90, 160, 90), (1120, 180, 160, 90)]


@pytest.mark.parametrize("mode", [1, 2])
def test_max_video_user_sending_no_video_keeps_the_large_area_nobody_else_is_moved_into_it(mode):
    cfg = dyn(mode, MaxVideoUser=DECK)
    placed = sorted(placements(cfg, users=3, absent=["deck"]), key=lambda s: s.index)
    large, *small = placed
    assert large.user_id == "deck" and large.state is SlotState.ABSENT  # the background shows there
    assert [s.user_id for s in small] == ["auto #1", "auto #2"]
    assert large.box == boxes(cfg, 3)[0]  # the same large area as when deck sends video
    cfg["VideoParams"]["LayoutParams"]["PureAudioHoldPlaceMode"] = 1
    held = sorted(placements(cfg, users=3, absent=["deck"]), key=lambda s: s.index)
    assert held[0].user_id == "deck" and held[0].state is SlotState.AUDIO


def test_floating_without_max_video_user_gives_the_large_picture_to_the_first_with_video():
    placed = sorted(placements(dyn(1), users=3, absent=["auto #1"]), key=lambda s: s.index)
    assert [(s.user_id, s.box[2]) for s in placed] == [("auto #2", 1280), ("auto #3", 256)]


def _fitted(box, aspect=16 / 9):
    """(width, height) of a picture of ``aspect`` scaled to fit ``box`` (RenderMode 1)."""
    w, h = box[2], box[3]
    return (w, round(w / aspect)) if w / h < aspect else (round(h * aspect), h)


@pytest.mark.parametrize("canvas", [(720, 1280), (1080, 1920), (360, 1920), (1080, 1080), (1280, 720), (1920, 1080)])
@pytest.mark.parametrize("count", range(2, 17))
def test_the_shared_screen_is_never_smaller_than_a_thumbnail(canvas, count):
    large, *small = boxes(dyn(2, *canvas, MaxVideoUser=DECK), count)
    shown = _fitted(large)
    for thumb in small:
        assert shown[0] >= thumb[2] and shown[1] >= thumb[3], (large, thumb)
        assert thumb[0] >= large[0] + large[2]  # thumbnails never cover the shared screen


def test_landscape_screen_sharing_geometry_is_unchanged():
    assert boxes(dyn(2, MaxVideoUser=DECK), 10) == [
        (0, 0, 960, 720),
        *[(1120, 90 * k, 160, 90) for k in range(8)],
        (960, 0, 160, 90),
    ]


def test_every_template_constant_is_stated_in_the_module_docstring():
    doc = dynamic.__doc__
    tree = ast.parse(inspect.getsource(dynamic))
    names = [
        t.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Name) and t.id.startswith(("FLOATING_", "SHARING_", "SMALL_", "LARGE_"))
    ]
    assert len(names) >= 10
    missing = [n for n in names if f":data:`{n}`" not in doc]
    assert not missing, f"constants not cited in the dynamic module docstring: {missing}"
    documented, assumed = doc.split("Assumed (")
    assert "FLOATING_PER_ROW" in documented and "SHARING_PER_COLUMN" in documented
    assert "FLOATING_SMALL_FRACTION" in assumed and "SHARING_MAX_COLUMNS_WIDTH" in assumed
