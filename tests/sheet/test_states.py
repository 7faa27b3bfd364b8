"""The room states of a contact sheet: dynamic layouts 1-16 users and their large-picture and audio-only states,
custom layouts everyone / each named user absent / an unnamed region unfilled, and the source orientations."""

from __future__ import annotations

import pytest

from layout_studio.errors import LayoutStudioError
from layout_studio.mix import coerce
from layout_studio.sheet import room_states
from layout_studio.sheet.states import source_map

from ..render.helpers import preset, region
from .designs import sharing_without_max_video_user

DECK = {"UserMediaStream": {"UserInfo": {"UserId": "deck"}, "StreamType": 1}}


def dynamic(mode=3, **layout):
    cfg = preset([], mode=mode, w=1280, h=720)
    del cfg["VideoParams"]["LayoutParams"]["MixLayoutList"]
    cfg["VideoParams"]["LayoutParams"].update(layout)
    return coerce(cfg)


def test_a_dynamic_layout_goes_from_one_to_sixteen_users():
    states = room_states(dynamic())
    assert [s.users for s in states] == list(range(1, 17))
    assert states[0].caption == "1 user" and states[1].caption == "2 users"
    assert all(not s.absent and s.source is None for s in states)
    assert [s.users for s in room_states(dynamic(), users=(3, 5))] == [3, 4, 5]


def test_max_video_user_sending_no_video_and_an_audio_only_user_holding_a_place_are_states_too():
    states = room_states(dynamic(2, MaxVideoUser=DECK), users=(1, 4))
    assert states[-1].caption == "4 users, deck sends no video" and states[-1].absent == {"deck"}
    held = room_states(dynamic(2, MaxVideoUser=DECK, PureAudioHoldPlaceMode=1), users=(1, 4))
    assert held[-1].caption == "4 users, auto #1 audio-only" and held[-1].absent == {"auto #1"}
    assert len(room_states(dynamic(3, PureAudioHoldPlaceMode=1), users=(1, 4))) == 5


def test_a_custom_layout_shows_everyone_each_named_user_absent_and_an_unnamed_region_unfilled():
    cfg = coerce(preset([region(0, 0, 10, 10, "host"), region(10, 0, 10, 10, "guest"), region(20, 0, 10, 10)]))
    states = room_states(cfg)
    assert [(s.caption, s.users, set(s.absent)) for s in states] == [
        ("everyone", None, set()),
        ("without host", None, {"host"}),
        ("without guest", None, {"guest"}),
        ("2 users: an unnamed region unfilled", 2, set()),
    ]
    assert [s.users for s in room_states(cfg, users=(0, 3))] == [0, 1, 2, 3]


def test_sources_both_gives_a_landscape_and_a_portrait_tile_per_state():
    states = room_states(dynamic(), users=(1, 2), sources="both")
    assert [(s.users, s.source) for s in states] == [
        (1, "landscape"),
        (1, "portrait"),
        (2, "landscape"),
        (2, "portrait"),
    ]
    assert states[1].caption == "1 user · portrait"
    design = dynamic()
    assert source_map(design, states[3]) == {"auto #1": "card:phone", "auto #2": "card:phone"}
    assert source_map(design, room_states(design, users=(2, 2))[0]) == {}


def test_a_user_sharing_a_screen_keeps_the_screen_card():
    shared = region(0, 0, 100, 100, "deck")
    shared["UserMediaStream"]["StreamType"] = 1
    design = coerce(preset([shared, region(100, 0, 100, 100, "deck"), region(200, 0, 100, 100, "ann")]))
    (state,) = room_states(design, users=(3, 3), sources="portrait")
    assert source_map(design, state) == {"ann": "card:phone"}


def test_bad_options_are_refused_with_a_clear_error():
    with pytest.raises(LayoutStudioError, match="sources 'square'"):
        room_states(dynamic(), sources="square")
    with pytest.raises(LayoutStudioError, match="0-16"):
        room_states(dynamic(), users=(2, 17))


def test_the_flagged_example_has_its_states():
    assert len(room_states(coerce(sharing_without_max_video_user()))) == 16
