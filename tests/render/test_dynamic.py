"""Dynamic layouts simulated from the manual's templates, and their materialisation as a custom layout."""

from __future__ import annotations

from layout_studio.mix import materialize, simulate
from layout_studio.model import Preset
from layout_studio.render import Renderer
from layout_studio.render.colors import shade

from .helpers import BG_RGB, color_of


def dyn(mode, w=1280, h=720, **layout) -> dict:
    lp = {"MixLayoutMode": mode}
    lp.update(layout)
    return {
        "Format": "layout-studio/preset@1",
        "Name": "d",
        "VideoParams": {
            "VideoEncode": {"Width": w, "Height": h, "Fps": 15, "BitRate": 900, "Gop": 2},
            "BackGroundColor": "0x102030",
            "LayoutParams": lp,
        },
    }


def boxes(regions):
    return [r.box for r in regions]


def area(box):
    return box[2] * box[3]


def test_grid_divides_the_canvas_into_equal_cells():
    regions = simulate(dyn(3), 4)
    assert boxes(regions) == [(0, 0, 640, 360), (640, 0, 640, 360), (0, 360, 640, 360), (640, 360, 640, 360)]
    assert [r.user_id for r in regions] == ["auto #1", "auto #2", "auto #3", "auto #4"]


def test_grid_centres_an_incomplete_last_row_and_stops_at_16():
    three = boxes(simulate(dyn(3), 3))
    assert three[2] == (320, 360, 640, 360)
    assert len(simulate(dyn(3), 20)) == 16


def test_floating_first_user_fills_the_canvas_others_float_from_the_bottom_left():
    regions = simulate(dyn(1, MaxVideoUser={"UserMediaStream": {"UserInfo": {"UserId": "boss"}}}), 6)
    assert regions[0].user_id == "boss" and regions[0].box == (0, 0, 1280, 720)
    small = regions[1:]
    assert all(r.z_order > regions[0].z_order for r in small)
    assert small[0].box[0] < small[1].box[0]  # left to right
    assert small[0].box[1] + small[0].box[3] > 700  # bottom row
    assert small[4].box[1] < small[0].box[1]  # the fifth starts a row above


def test_screen_sharing_big_left_fitted_small_column_right():
    regions = simulate(dyn(2, MaxVideoUser={"UserMediaStream": {"UserInfo": {"UserId": "deck"}, "StreamType": 1}}), 4)
    big = regions[0]
    assert big.user_id == "deck" and big.render_mode == 1 and big.box[:2] == (0, 0) and big.box[3] == 720
    assert all(r.box[0] >= big.box[2] and r.render_mode == 0 for r in regions[1:])
    assert big.user_media_stream.stream_type == 1


def test_audio_only_users_take_a_place_only_with_pure_audio_hold_place_mode_1():
    assert len(simulate(dyn(3), 4, audio_only={"auto #2"})) == 3
    held = simulate(dyn(3, PureAudioHoldPlaceMode=1), 4, audio_only={"auto #2"})
    assert len(held) == 4
    result = Renderer().render(dyn(3, PureAudioHoldPlaceMode=1), users=4, absent=["auto #2"])
    assert result.image.getpixel((700, 4)) == shade(color_of(dyn(3), "auto #2"), 0.35)  # the audio card


def test_subscribe_audio_list_users_are_the_first_to_enter():
    cfg = dyn(3)
    cfg["AudioParams"] = {"SubscribeAudioList": [{"UserInfo": {"UserId": "ann"}}, {"UserInfo": {"UserId": "ben"}}]}
    assert [r.user_id for r in simulate(cfg, 3)] == ["ann", "ben", "auto #1"]


def test_dynamic_render_is_labelled_an_approximation():
    result = Renderer().render(dyn(3), users=2)
    assert "render.dynamic.approximation" in {f.code for f in result.findings}
    assert result.image.getpixel((1000, 400)) == color_of(dyn(3), "auto #2")


def test_materialize_gives_an_equivalent_custom_layout():
    source = Preset.model_validate(
        dyn(
            1,
            MaxVideoUser={"UserMediaStream": {"UserInfo": {"UserId": "boss"}}},
            RenderMode=2,
            PureAudioHoldPlaceMode=1,
        )
    )
    out = materialize(source, 3)
    lp = out.video_params.layout_params
    assert lp.mix_layout_mode == 4 and lp.max_video_user is None and lp.pure_audio_hold_place_mode is None
    assert lp.render_mode is None and [r.render_mode for r in lp.mix_layout_list] == [2, 2, 2]
    assert [r.user_id for r in lp.mix_layout_list] == ["boss", None, None]
    assert all("UserMediaStream" not in r.to_api() for r in lp.mix_layout_list[1:])
    assert source.video_params.layout_params.mix_layout_mode == 1  # the input is untouched
    r = Renderer()
    a = r.render(source, users=3).image
    b = r.render(out).image
    # same picture below the "approximation" label
    assert a.crop((0, 60, 1280, 720)).tobytes() == b.crop((0, 60, 1280, 720)).tobytes()
    assert b.getpixel((2, 2)) != BG_RGB


def test_materialize_keeps_a_custom_layout():
    cfg = dyn(4, MixLayoutList=[{"ImageWidth": 10, "ImageHeight": 10}])
    out = materialize(Preset.model_validate(cfg), 5)
    assert out.video_params.layout_params.to_api() == cfg["VideoParams"]["LayoutParams"]


def test_an_audio_only_user_of_a_dynamic_layout_is_not_reported_unknown():
    # --absent ann on a floating layout: ann is in the room (SubscribeAudioList) but sends no video, so without
    # PureAudioHoldPlaceMode she takes no place; the warning "no region shows user 'ann'" read as a typo
    cfg = dyn(1, MaxVideoUser={"UserMediaStream": {"UserInfo": {"UserId": "host"}}})
    cfg["AudioParams"] = {"SubscribeAudioList": [{"UserInfo": {"UserId": "ann"}}]}
    result = Renderer().render(cfg, users=3, absent=["ann"])
    assert "render.user.unknown" not in {f.code for f in result.findings}
    assert "ann" not in {r.user_id for r in simulate(cfg, 3, audio_only={"ann"})}
    typo = Renderer().render(cfg, users=3, absent=["hots"])
    assert "render.user.unknown" in {f.code for f in typo.findings}


def test_a_huge_user_count_only_simulates_the_users_who_can_take_a_place(monkeypatch):
    # --users 1000000000 built a list of a billion simulated users before keeping the 16 who take a place
    from layout_studio.mix import room

    real = room.room_users
    asked = []

    def recording(design, count):
        asked.append(count)
        assert count <= 100, "asked for every user of the room"
        return real(design, count)

    monkeypatch.setattr(room, "room_users", recording)
    assert len(simulate(dyn(3), 10**9, audio_only={"auto #2"})) == 16
    assert len(simulate(dyn(3, PureAudioHoldPlaceMode=1), 10**9, audio_only={"auto #2"})) == 16
    result = Renderer().render(dyn(2), users=10**9)
    assert "render.dynamic.approximation" in {f.code for f in result.findings}


def test_more_users_than_places_is_said_in_the_approximation_note():
    result = Renderer().render(dyn(3), users=20)
    note = next(f for f in result.findings if f.code == "render.dynamic.approximation")
    assert "20 users" in note.message and "16" in note.message
    few = Renderer().render(dyn(3), users=4)
    assert "at most 16" not in next(f for f in few.findings if f.code == "render.dynamic.approximation").message


def test_subscribe_audio_list_users_with_a_room_id_enter_when_the_design_names_no_room():
    # MixUserInfo.RoomId of a dynamic layout is the main room (Data Types MixUserInfo); a preset
    # without Target does not say which room that is, and every user carrying a RoomId was left out
    cfg = dyn(3)
    cfg["AudioParams"] = {
        "SubscribeAudioList": [
            {"UserInfo": {"UserId": "ann", "RoomId": "295066"}},
            {"UserInfo": {"UserId": "ben", "RoomId": "295066"}},
        ]
    }
    assert [r.user_id for r in simulate(cfg, 3)] == ["ann", "ben", "auto #1"]
    cfg["Target"] = {"RoomId": "1000"}  # a known main room: users of another room do not enter it
    assert [r.user_id for r in simulate(cfg, 3)] == ["auto #1", "auto #2", "auto #3"]


def _no_background_along(image, points):
    """The points (x, y) among ``points`` where ``image`` shows the canvas background."""
    return [p for p in points if image.getpixel(p) == BG_RGB]


def test_pixels_screen_sharing_without_max_video_user_shows_the_background_on_the_left():
    image = Renderer().render(dyn(2), users=3).image
    assert all(image.getpixel((x, y)) == BG_RGB for x in (0, 400, 1119) for y in (100, 400, 719))
    for k in range(3):  # the three users are thumbnails on the right
        assert image.getpixel((1200, 90 * k + 45)) != BG_RGB
    assert image.getpixel((1200, 90 * 3 + 45)) == BG_RGB


def test_pixels_max_video_user_sending_no_video_leaves_the_large_area_to_the_background():
    cfg = dyn(2, MaxVideoUser={"UserMediaStream": {"UserInfo": {"UserId": "deck"}, "StreamType": 1}})
    image = Renderer().render(cfg, users=3, absent=["deck"]).image
    assert image.getpixel((400, 400)) == BG_RGB
    assert image.getpixel((1200, 45)) != BG_RGB and image.getpixel((1200, 135)) != BG_RGB


def test_pixels_grid_of_five_and_seven_on_1280x720_has_no_background_strip():
    for users, rows in ((5, (0, 359)), (7, (0, 239, 240, 479))):
        image = Renderer().render(dyn(3), users=users).image
        full_rows = [(x, y) for x in range(1280) for y in rows]
        assert _no_background_along(image, full_rows) == []
        columns = [(x, y) for x in (0, 426, 427, 852, 853, 1279) for y in range(rows[-1] + 1)]
        assert _no_background_along(image, columns) == []
    five = Renderer().render(dyn(3), users=5).image
    assert five.getpixel((212, 500)) == BG_RGB and five.getpixel((213, 500)) != BG_RGB  # the last row is centred
    assert five.getpixel((1066, 500)) != BG_RGB and five.getpixel((1067, 500)) == BG_RGB


def test_pixels_two_users_on_a_portrait_canvas_are_stacked():
    image = Renderer().render(dyn(3, 720, 1280), users=2).image
    edge = [(x, y) for x in range(720) for y in (0, 639, 640, 1279)]
    assert _no_background_along(image, edge) == []
    top, bottom = image.getpixel((360, 2)), image.getpixel((360, 642))
    assert top != bottom and image.getpixel((2, 320)) != image.getpixel((717, 960))
    assert image.getpixel((717, 2)) == top and image.getpixel((2, 1277)) == bottom
