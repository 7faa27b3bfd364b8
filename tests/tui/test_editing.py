"""Unit tests of layout_studio.editing (no Textual): undo/redo, element ops, snapping, align/distribute, templates,
canvas rescale, field parsing, API-path access, autosave."""

from __future__ import annotations

from pathlib import Path

import pytest

from layout_studio.editing import (
    ElementRef,
    autosave,
    fields,
    geometry,
    get_path,
    ops,
    set_path,
    templates,
)
from layout_studio.editing.access import box, elements, ref_for_path
from layout_studio.model import Preset

FIXTURES = Path(__file__).parent / "fixtures"
R0, R1, W0 = ElementRef("region", 0), ElementRef("region", 1), ElementRef("watermark", 0)


def test_undo_redo_restores_each_state_and_dirty_follows(session, raw):
    session.change("move", lambda p: ops.nudge(p, R0, 5, -3))
    session.change("grow", lambda p: ops.resize(p, R1, 10, 10))
    assert box(session.preset, R0) == (5, 177, 640, 360)
    assert box(session.preset, R1) == (640, 180, 650, 370)
    assert session.dirty
    assert session.undo() == "grow"
    assert box(session.preset, R1) == (640, 180, 640, 360)
    assert session.undo() == "move"
    assert session.preset.to_api() == raw and not session.dirty
    assert session.undo() is None
    assert session.redo() == "move" and session.redo() == "grow"
    assert box(session.preset, R1) == (640, 180, 650, 370) and session.redo() is None


def test_new_change_clears_redo_and_coalesced_edits_are_one_step(session):
    for x in (1, 12, 123):
        session.change(
            "type",
            lambda p, x=x: set_path(p, "VideoParams.LayoutParams.MixLayoutList[0].LocationX", x),
            coalesce="field:x",
        )
    assert box(session.preset, R0)[0] == 123
    session.undo()
    assert box(session.preset, R0)[0] == 0 and session.history.can_redo
    session.change("other", lambda p: ops.nudge(p, R1, 1, 0))
    assert not session.history.can_redo and len(session.history) == 1


def test_failed_change_rolls_back(session, raw):
    def bad(p):
        ops.nudge(p, R0, 50, 0)
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        session.change("bad", bad)
    assert session.preset.to_api() == raw and not session.history.can_undo


def test_add_region_is_centred_quarter_on_top(session):
    ref = session.change("add", ops.add_region)
    assert ref == ElementRef("region", 2)
    added = session.preset.to_api()["VideoParams"]["LayoutParams"]["MixLayoutList"][2]
    assert added == {"ImageWidth": 320, "ImageHeight": 180, "LocationX": 480, "LocationY": 270, "ZOrder": 3}
    assert elements(session.preset)[0] == ref  # top of the stack first


def test_watermark_duplicate_delete_and_zorder(session):
    wm = session.change("wm", ops.add_text_watermark)
    body = session.preset.video_params.water_mark_list[wm.index].water_mark_text
    assert wm == ElementRef("watermark", 1) and body.text == "Text" and body.z_order == 3
    dup = session.change("dup", lambda p: ops.duplicate(p, R1))
    assert box(session.preset, dup) == (650, 190, 640, 360)
    assert session.preset.video_params.layout_params.mix_layout_list[2].user_id == "bob"
    assert session.change("down", lambda p: ops.shift_z(p, R0, -1)) == 0  # never below 0
    assert session.change("up", lambda p: ops.shift_z(p, R0, 2)) == 2
    assert session.change("del", lambda p: ops.delete(p, R0))
    assert [r.user_id for r in session.preset.video_params.layout_params.mix_layout_list] == ["bob", "bob"]


def test_resize_never_below_one_pixel(session):
    session.change("shrink", lambda p: ops.resize(p, R0, -5000, -10))
    assert box(session.preset, R0)[2:] == (1, 350)


def test_set_path_creates_and_prunes():
    p = Preset()
    set_path(p, "VideoParams.LayoutParams.MixLayoutList[1].UserMediaStream.UserInfo.UserId", "carol")
    api = p.to_api()
    assert api["VideoParams"]["LayoutParams"]["MixLayoutList"] == [
        {},
        {"UserMediaStream": {"UserInfo": {"UserId": "carol"}}},
    ]
    set_path(p, "VideoParams.LayoutParams.MixLayoutList[1].UserMediaStream.UserInfo.UserId", None)
    assert p.to_api()["VideoParams"]["LayoutParams"]["MixLayoutList"] == [{}, {}]
    set_path(p, "Target.PublishCdnParams[0].PublishCdnUrl", "rtmp://a/b")
    assert get_path(p, "Target.PublishCdnParams[0].PublishCdnUrl") == "rtmp://a/b"
    assert get_path(p, "Target.PublishCdnParams[3].PublishCdnUrl") is None
    with pytest.raises(KeyError):
        set_path(p, "VideoParams.LocationZ", 1)


def test_snap_to_canvas_centre_and_other_region_edges():
    canvas = (1280, 720)
    # centre of a 200-wide box at 535 is 635: within 8 px of the canvas centre line 640
    x, y, gx, gy = geometry.snap_position((535, 100, 200, 100), canvas, [], threshold=8)
    assert (x, gx) == (540, 640) and (y, gy) == (100, None)
    # left edge 703 snaps to the other region's right edge at 700
    x, y, gx, _ = geometry.snap_position((703, 400, 100, 100), canvas, [(600, 0, 100, 50)], threshold=8)
    assert (x, gx) == (700, 700)
    # too far: unchanged
    assert geometry.snap_position((300, 300, 10, 10), canvas, [], threshold=4)[:2] == (300, 300)


def test_align_one_to_canvas_several_to_bounds(session):
    session.change("a", lambda p: geometry.align(p, [R0], "right"))
    assert box(session.preset, R0)[0] == 1280 - 640
    session.change("b", lambda p: ops.nudge(p, R1, 0, 100))
    session.change("c", lambda p: geometry.align(p, [R0, R1], "top"))
    assert box(session.preset, R0)[1] == box(session.preset, R1)[1] == 180
    session.change("d", lambda p: geometry.align(p, [R0], "vcenter"))
    assert box(session.preset, R0)[1] == (720 - 360) // 2


def test_distribute_makes_equal_gaps():
    p = Preset()
    templates.apply_template(p, "grid", "replace", 3)
    refs = [ElementRef("region", i) for i in range(3)]
    for ref, x, w in zip(refs, (0, 100, 900), (100, 50, 200)):
        b = box(p, ref)
        from layout_studio.editing.access import set_box

        set_box(p, ref, (x, b[1], w, b[3]))
    geometry.distribute(p, refs, "x")
    b = [box(p, r) for r in refs]
    gaps = [b[1][0] - (b[0][0] + b[0][2]), b[2][0] - (b[1][0] + b[1][2])]
    assert b[0][0] == 0 and b[2][0] == 900 and abs(gaps[0] - gaps[1]) <= 1


@pytest.mark.parametrize(
    "name,n",
    [
        ("grid", 4),
        ("grid", 9),
        ("pip", None),
        ("side-by-side", None),
        ("speaker-strip", 6),
        ("screen-share", 3),
        ("portrait", None),
    ],
)
def test_templates_stay_inside_the_canvas(name, n):
    canvas = (720, 1280) if name == "portrait" else (1280, 720)
    slots = templates.slots(name, canvas, n)
    for x, y, w, h, _z in slots:
        assert w > 0 and h > 0 and x >= 0 and y >= 0 and x + w <= canvas[0] and y + h <= canvas[1]


def test_grid_cells_tile_without_overlap():
    slots = templates.slots("grid", (1280, 720), 4)
    assert [s[:4] for s in slots] == [(0, 0, 640, 360), (640, 0, 640, 360), (0, 360, 640, 360), (640, 360, 640, 360)]


def test_template_fill_keeps_users_replace_does_not(session):
    session.change("fill", lambda p: templates.apply_template(p, "grid", "fill", 4))
    items = session.preset.video_params.layout_params.mix_layout_list
    assert [r.user_id for r in items] == ["alice", "bob", None, None] and items[1].render_mode == 1
    assert items[1].box == (640, 0, 640, 360)
    session.change("replace", lambda p: templates.apply_template(p, "pip", "replace"))
    items = session.preset.video_params.layout_params.mix_layout_list
    assert len(items) == 2 and all(r.user_id is None for r in items) and items[1].z_order == 1


def test_rescale_canvas_scales_regions_and_watermarks(session):
    session.change("r", lambda p: geometry.rescale_canvas(p, (1920, 1080)))
    assert session.preset.canvas == (1920, 1080)
    assert box(session.preset, R1) == (960, 270, 960, 540)
    assert box(session.preset, W0) == (30, 30, 240, 90)
    session.change("r2", lambda p: geometry.rescale_canvas(p, (640, 360), scale_elements=False))
    assert box(session.preset, R1) == (960, 270, 960, 540)


def test_parse_value_refuses_non_integers():
    spec = fields.REGION_FIELDS[0]
    assert fields.parse_value(spec, " 12 ") == 12 and fields.parse_value(spec, "") is None
    for bad in ("12.5", "abc", "1e3"):
        with pytest.raises(fields.FieldError, match="whole number"):
            fields.parse_value(spec, bad)


def test_users_field_keeps_existing_entries():
    p = Preset.model_validate(
        {"AudioParams": {"SubscribeAudioList": [{"UserInfo": {"UserId": "a", "RoomId": "9"}, "SoundLevel": 50}]}}
    )
    spec = next(s for s in fields.AUDIO_FIELDS if s.label == "Allowlist")
    fields.write_field(p, "", spec, fields.parse_value(spec, "a, b"))
    assert p.to_api()["AudioParams"]["SubscribeAudioList"] == [
        {"UserInfo": {"UserId": "a", "RoomId": "9"}, "SoundLevel": 50},
        {"UserInfo": {"UserId": "b"}},
    ]
    assert fields.format_value(spec, fields.read_field(p, "", spec)) == "a, b"


def test_finding_paths_map_to_elements_and_tabs():
    assert ref_for_path("VideoParams.LayoutParams.MixLayoutList[3].LocationX") == (ElementRef("region", 3), "LocationX")
    assert ref_for_path("VideoParams.WaterMarkList[1]") == (ElementRef("watermark", 1), "")
    assert fields.tab_for_path("AgentParams.UserId") == "target"
    assert fields.preset_path("AgentParams.UserId") == "Target.AgentParams.UserId"
    assert fields.tab_for_path("VideoParams.VideoEncode.Width") == "canvas"
    assert fields.tab_for_path("SeiParams.LayoutVolume.PayloadType") == "sei"


def test_autosave_round_trip_strips_secrets(session):
    session.preset.target = None
    set_path(session.preset, "Target.AgentParams.UserSig", "very-secret")
    saver = autosave.Autosaver(FIXTURES / "two_up.json")
    written = saver.write(session.preset)
    assert "very-secret" not in written.read_text()
    found = autosave.pending(FIXTURES / "two_up.json")
    assert len(found) == 1 and found[0].source == FIXTURES / "two_up.json"
    assert found[0].load().video_params == session.preset.video_params
    assert autosave.pending() == found
    saver.discard()
    assert autosave.pending() == []
