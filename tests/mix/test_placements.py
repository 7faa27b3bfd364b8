"""The mix's public API: for a design and a room, the placed regions in drawing order, with box, ZOrder, user,
StreamType, state, simulated or not, and API path."""

from __future__ import annotations

import pytest

from layout_studio.errors import LayoutStudioError
from layout_studio.mix import (
    LayerKind,
    Room,
    SlotState,
    auto_number,
    auto_user,
    coerce,
    placements,
    resolve,
    stacking_key,
    stacking_order,
    ties,
)

from ..render.helpers import preset, region


def _custom():
    return preset(
        [
            region(0, 0, 200, 200, "host", z=2),
            region(200, 0, 200, 200, "guest", z=1, UserMediaStream={"UserInfo": {"UserId": "guest"}, "StreamType": 1}),
            region(0, 100, 100, 100, z=1),
        ]
    )


def test_custom_layout_placements_come_in_drawing_order_with_their_api_paths():
    placed = placements(_custom())
    assert [(s.index, s.user_id, s.z_order) for s in placed] == [(1, "guest", 1), (2, "auto #1", 1), (0, "host", 2)]
    guest, auto, host = placed
    assert host.box == (0, 0, 200, 200) and guest.box == (200, 0, 200, 200)
    assert guest.stream_type == 1 and host.stream_type == 0
    assert guest.path == "VideoParams.LayoutParams.MixLayoutList[1]"
    assert not any(s.simulated for s in placed)
    assert host.named and not auto.named
    assert {s.state for s in placed} == {SlotState.VIDEO}


def test_a_room_with_fewer_users_leaves_regions_to_their_placeholder_or_empty():
    placed = {s.index: s for s in placements(_custom(), users=1, absent=["host"])}
    assert placed[0].user_id == "host" and placed[0].state is SlotState.ABSENT  # in the room, camera off
    assert placed[1].user_id == "guest" and placed[1].state is SlotState.ABSENT  # not in the room
    assert placed[2].user_id is None and placed[2].state == "absent"  # nobody left to fill it


def test_dynamic_layout_placements_are_simulated_and_name_no_api_path():
    cfg = preset([], mode=3, w=1280, h=720)
    placed = placements(cfg, users=3)
    assert all(s.simulated and s.path == "" for s in placed)
    assert [s.user_id for s in placed] == ["auto #1", "auto #2", "auto #3"]
    assert placed[0].box == (0, 0, 640, 360)


def test_audio_only_users_hold_a_place_only_with_pure_audio_hold_place_mode_1():
    cfg = preset([], mode=3, w=1280, h=720)
    assert [s.user_id for s in placements(cfg, users=3, absent={"auto #2"})] == ["auto #1", "auto #3"]
    cfg["VideoParams"]["LayoutParams"]["PureAudioHoldPlaceMode"] = 1
    states = {s.user_id: s.state for s in placements(cfg, users=3, absent={"auto #2"})}
    assert states == {"auto #1": SlotState.VIDEO, "auto #2": SlotState.AUDIO, "auto #3": SlotState.VIDEO}


def test_floating_small_pictures_are_drawn_over_the_large_one():
    placed = placements(preset([], mode=1, w=1280, h=720), users=3)
    assert placed[0].box == (0, 0, 1280, 720) and placed[0].z_order == 0
    assert all(s.z_order == 1 for s in placed[1:])


def test_placements_take_a_design_and_a_canvas_for_an_update_body():
    body = {
        "TaskId": "t",
        "VideoParams": {"LayoutParams": {"MixLayoutMode": 4, "MixLayoutList": [region(0, 0, 10, 10)]}},
    }
    design = coerce(body, (640, 360))
    assert design.canvas == (640, 360) and design.findings == []
    assert placements(design) == placements(body, canvas=(640, 360))
    assert [f.code for f in coerce(body).findings] == ["render.canvas.missing"]


def test_a_config_of_another_type_is_refused_with_a_clear_error():
    with pytest.raises(LayoutStudioError, match="cannot preview a list"):
        placements([])


def test_ties_are_overlapping_regions_of_equal_zorder_and_watermarks_stack_above_regions():
    slots = resolve(coerce(_custom()), Room.of(None, ["host"]))
    assert ties(slots) == set()  # guest and the unnamed region (z=1) do not overlap
    cfg = preset([region(0, 0, 100, 100, "a"), region(50, 50, 100, 100, "b"), region(100, 100, 0, 0, "c")])
    assert ties(resolve(coerce(cfg))) == {0, 1}  # a zero-size region never overlaps
    assert (
        stacking_key(0, LayerKind.REGION, 5)
        < stacking_key(0, LayerKind.WATERMARK, 0)
        < stacking_key(1, LayerKind.REGION, 0)
    )
    assert [s.index for s in stacking_order(reversed(resolve(coerce(cfg))))] == [0, 1, 2]


def test_room_of_reads_any_collection_of_absent_users():
    assert Room.of(3, ["a", "a", "b"]) == Room(3, frozenset({"a", "b"}))
    assert Room().dynamic_count() == 4 and Room(7).dynamic_count() == 7


def test_simulated_user_names_are_made_and_read_in_one_place():
    assert auto_user(12) == "auto #12" and auto_number(auto_user(12)) == 12
    assert auto_number("host") is None and auto_number("auto #x") is None and auto_number("auto #3 ") is None
